import { ServiceError } from '@temporalio/client';
import { describe, expect, test } from 'vitest';
import { isDependencyUnavailable } from '../../src/api/unavailable';

const grpc = (code: number) => new ServiceError('call failed', { cause: Object.assign(new Error('grpc'), { code }) });
const pg = (code: string) => Object.assign(new Error('pg'), { code });

describe('a dependency that is down or overloaded (503) is told from a fault of ours (500)', () => {
  test('Temporal: unavailable, deadline exceeded and resource exhausted are outages; not found or invalid are not', () => {
    expect([14, 4, 8].map((c) => isDependencyUnavailable(grpc(c)))).toEqual([true, true, true]);
    expect([5, 3, 13].map((c) => isDependencyUnavailable(grpc(c)))).toEqual([false, false, false]);
  });

  test('PostgreSQL: connection failures, shutdown and too many connections are outages; data and syntax errors are not', () => {
    expect(['08006', '57P01', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET'].map((c) => isDependencyUnavailable(pg(c)))).toEqual(Array(6).fill(true));
    expect(['22001', '23505', '42601', '42P01'].map((c) => isDependencyUnavailable(pg(c)))).toEqual(Array(4).fill(false));
    expect(isDependencyUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  test('anything else is ours', () => {
    expect(isDependencyUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDependencyUnavailable(undefined)).toBe(false);
    expect(isDependencyUnavailable('text')).toBe(false);
  });
});
