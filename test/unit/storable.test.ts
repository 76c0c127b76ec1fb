import { describe, expect, it } from 'vitest';
import { findUnstorable, isSaneDay, isSaneTimestamp, MAX_JSON_DEPTH } from '../../src/domain/storable';

describe('findUnstorable', () => {
  it('passes storable values of any shape', () => {
    expect(findUnstorable({ a: ['x', 1, null, { b: true }], c: '张三' })).toBeUndefined();
    expect(findUnstorable(undefined)).toBeUndefined();
    expect(findUnstorable(42)).toBeUndefined();
  });
  it('names the first offending value by JSON pointer', () => {
    expect(findUnstorable({ ok: 'y', data: { reason: 'x\ud800y' }, later: '\0' })).toEqual({
      path: '/data/reason',
      message: expect.stringMatching(/NUL/),
    });
    expect(findUnstorable(['a', 'b', ['c', 'd\0']])?.path).toBe('/2/1');
    expect(findUnstorable('\0')?.path).toBe('');
  });
  it('checks object keys and escapes them in the path', () => {
    expect(findUnstorable({ 'a/b': { 'k\0': 1 } })).toEqual({ path: '/a~1b/k\uFFFD', message: expect.stringMatching(/key/) });
  });
  it('refuses nesting deeper than the limit, without recursion', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorable(deep)?.message).toMatch(/nested deeper/);
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_JSON_DEPTH; i++) ok = { k: ok };
    expect(findUnstorable(ok)).toBeUndefined();
  });
});

describe('isSaneTimestamp', () => {
  it('accepts RFC 3339 timestamps in range, as clients and PostgreSQL write them', () => {
    for (const s of [
      '2030-01-01T00:00:00Z',
      '2030-01-01t00:00:00z',
      '2024-02-29T23:59:59.123456789+08:00',
      '1900-01-01T00:00:00-12:00',
      '2999-12-31T23:59:59+14:00',
      '2026-11-23 11:24:48.123456+00',
      '2026-11-23 11:24:48+0530',
    ]) {
      expect(isSaneTimestamp(s), s).toBe(true);
    }
  });
  it('refuses what PostgreSQL cannot store or no client means', () => {
    for (const s of [
      '2030-01-01T00:00:00+23:59',
      '2030-01-01T00:00:00+15:00',
      '0000-01-01T00:00:00Z',
      '1899-12-31T23:59:59Z',
      '3000-01-01T00:00:00Z',
      '9999-99-99 99:99:99',
      '2023-02-29T00:00:00Z',
      '2030-01-01T24:00:00Z',
      '2030-01-01T23:59:60Z',
      '2030-01-01T00:00:00',
      '2030-01-01',
      '+012030-01-01T00:00:00Z',
      '2030-01-01T00:00:00.1234567890Z',
      '2030-01-01T00:00:00+08:60',
    ]) {
      expect(isSaneTimestamp(s), s).toBe(false);
    }
  });
});

describe('isSaneDay', () => {
  it('accepts real days in range and refuses the rest', () => {
    expect(isSaneDay('2026-10-01')).toBe(true);
    expect(isSaneDay('2024-02-29')).toBe(true);
    for (const s of ['0000-01-01', '2026-02-29', '2026-13-01', '2026-00-10', '2026-01-32', '3000-01-01', '2026-1-1', '2026-01-01T00:00:00Z']) {
      expect(isSaneDay(s), s).toBe(false);
    }
  });
});
