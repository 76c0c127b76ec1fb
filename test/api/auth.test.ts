import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { buildApp } from '../../src/api/app';
import { loadConfig } from '../../src/config';
import { fetchJson, useTestApi } from '../support/api';
import { testClient, testDb } from '../support/stack';

const stack = useTestApi();

function expectProblem(r: { status: number; contentType: string; body: any }, status: number): void {
  expect(r.status).toBe(status);
  expect(r.contentType).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
}

describe('authentication', () => {
  test('no token → 401 with WWW-Authenticate: Bearer', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/orders`);
    expectProblem(r, 401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  test('a token signed with another secret → 401', async () => {
    const forged = await stack.api.token('mallory', ['admin'], { secret: 'not-the-secret' });
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: forged });
    expectProblem(r, 401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer .*invalid_token/);
  });

  test('an expired token → 401', async () => {
    const expired = await stack.api.token('clerk-1', ['frontoffice'], { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: expired });
    expectProblem(r, 401);
    expect(r.body.detail).toMatch(/expired/);
  });

  test('an alg=none token → 401', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', roles: ['admin'], exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: none });
    expectProblem(r, 401);
  });

  test('unknown roles in the token → 401', async () => {
    const t = await stack.api.token('x', ['superuser']);
    expectProblem(await fetchJson(`${stack.api.url}/v1/orders`, { token: t }), 401);
  });

  test('a non-Bearer Authorization header → 401', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expectProblem(r, 401);
  });

  test('wrong role → 403', async () => {
    const tech = await stack.api.token('tech-1', ['technician']);
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: tech, json: { type: 'refund', customerId: 'c1' } });
    expectProblem(r, 403);
    const policies = await fetchJson(`${stack.api.url}/v1/policies/sla/refund.approval`, {
      method: 'PUT',
      token: await stack.api.token('sup-1', ['supervisor']),
      json: { duration: 'PT1H' },
    });
    expectProblem(policies, 403);
  });

  test('the role check comes before body validation (403, not 400)', async () => {
    const tech = await stack.api.token('tech-1', ['technician']);
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: tech, json: { nonsense: true } });
    expectProblem(r, 403);
  });

  test('a valid token reaches the route', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/orders?limit=1`, { token: await stack.api.token('ops-1', ['operator']) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ items: expect.any(Array) });
  });
});

describe('an identity provider\'s keys (AUTH_JWKS_URL)', () => {
  test('accepts its RS256 tokens with the configured issuer; refuses HS256 and other issuers', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const keys = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/jwks.json`;
    const app = await buildApp({
      config: { ...loadConfig({}), jwksUrl, jwtIssuer: 'https://sso.example', logLevel: 'silent' },
      db: testDb(),
      temporal: testClient(),
      logger: false,
    });
    const idpToken = (issuer: string) =>
      new SignJWT({ roles: ['operator'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('op-sso')
        .setIssuer(issuer)
        .setExpirationTime('5m')
        .sign(privateKey);
    const get = async (token: string) =>
      (await app.inject({ method: 'GET', url: '/v1/orders?limit=1', headers: { authorization: `Bearer ${token}` } })).statusCode;
    try {
      expect(await get(await idpToken('https://sso.example'))).toBe(200);
      expect(await get(await idpToken('https://elsewhere.example'))).toBe(401);
      expect(await get(await stack.api.token('op-hs', ['operator']))).toBe(401);
    } finally {
      await app.close();
      keys.close();
    }
  });
});
