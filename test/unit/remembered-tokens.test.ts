import { describe, expect, test } from 'vitest';
import { InvalidTokenError, REMEMBERED_TOKENS, rememberVerified } from '../../src/auth/tokens';

describe('verified tokens are remembered until they expire', () => {
  function counting(expiresAt: number) {
    const calls: string[] = [];
    const verify = async (token: string) => {
      calls.push(token);
      if (token.startsWith('bad')) throw new InvalidTokenError('invalid token');
      return { sub: token, roles: ['operator' as const], expiresAt };
    };
    return { calls, verify };
  }

  test('the same token is checked once while valid, again once expired; another token on its own', async () => {
    let now = 1_000;
    const { calls, verify } = counting(5_000);
    const check = rememberVerified(verify, () => now);
    expect(await check('a')).toEqual({ sub: 'a', roles: ['operator'] });
    expect(await check('a')).toEqual({ sub: 'a', roles: ['operator'] });
    await check('b');
    expect(calls).toEqual(['a', 'b']);
    now = 5_000;
    await check('a');
    expect(calls).toEqual(['a', 'b', 'a']);
  });

  test('a refused token is never remembered', async () => {
    const { calls, verify } = counting(5_000);
    const check = rememberVerified(verify, () => 0);
    await expect(check('bad')).rejects.toThrow(InvalidTokenError);
    await expect(check('bad')).rejects.toThrow(InvalidTokenError);
    expect(calls).toEqual(['bad', 'bad']);
  });

  test('what a caller changes in the answer does not change the remembered one', async () => {
    const check = rememberVerified(counting(5_000).verify, () => 0);
    (await check('a')).roles.push('admin');
    expect(await check('a')).toEqual({ sub: 'a', roles: ['operator'] });
  });

  test(`at most ${REMEMBERED_TOKENS} are kept, the oldest forgotten first`, async () => {
    const { calls, verify } = counting(5_000);
    const check = rememberVerified(verify, () => 0);
    for (let i = 0; i <= REMEMBERED_TOKENS; i++) await check(`t${i}`);
    await check(`t${REMEMBERED_TOKENS}`);
    await check('t0');
    expect(calls.length).toBe(REMEMBERED_TOKENS + 2);
  });
});
