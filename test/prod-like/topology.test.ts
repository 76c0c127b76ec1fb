/**
 * The production-like topology (src/dev/prod-like.ts) works end to end: a
 * Temporal server on PostgreSQL, two API processes and two worker processes,
 * none of them this test's. A refund opened through one API and approved
 * through the other completes; stopping leaves no process and no data.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signToken } from '../../src/auth/tokens';
import { startProdLikeStack, type ProdLikeStack } from '../../src/dev/prod-like';
import { refundBody } from '../fixtures/refund';
import { fetchJson, putCustomer, waitForOrder, waitForTask, type ApiEndpoint } from '../support/api';

const secret = `prod-like-${randomBytes(16).toString('hex')}`;
let stack: ProdLikeStack;

const endpoint = (url: string): ApiEndpoint => ({ url, token: (sub, roles) => signToken({ sub, roles: roles as string[] }, secret, '1h') });

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A machine without the server's build compiles it first (about five minutes, once; .ci/run does it beforehand).
beforeAll(async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-prod-like-'));
  stack = await startProdLikeStack({
    dataDir,
    persistent: false,
    env: { AUTH_JWT_SECRET: secret, LOG_LEVEL: 'info' },
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn' }),
  });
}, 600_000);

afterAll(() => stack?.stop());

test('a refund opened through API 1 and approved through API 2 is completed by a worker process; stop leaves nothing', async () => {
  expect(stack.apis).toHaveLength(2);
  expect(stack.workers).toHaveLength(2);
  const [api1, api2] = stack.apis.map((a) => endpoint(a.url)) as [ApiEndpoint, ApiEndpoint];
  const pids = [stack.postgres, stack.temporal, ...stack.apis, ...stack.workers].map((s) => s!.pid!);
  expect(new Set(pids).size).toBe(6);
  expect(pids).not.toContain(process.pid);

  const customerId = await putCustomer(api1);
  const clerk = await api1.token('clerk-1', ['frontoffice']);
  const opened = await fetchJson(`${api1.url}/v1/orders`, { token: clerk, json: refundBody(customerId) });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);

  const supervisor = await api2.token('sup-1', ['supervisor']);
  const task = await waitForTask(api2, supervisor, opened.body.id, 'approve_refund');
  const approved = await fetchJson(`${api2.url}/v1/tasks/${task.id}/complete`, { token: supervisor, json: { outcome: 'approve' } });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);

  const order = await waitForOrder(api1, clerk, opened.body.id, (o) => o.state === 'completed');
  expect(order.outcome).toBe('refunded');

  await stack.stop();
  expect(pids.filter(isAlive)).toEqual([]);
  await expect(fs.access(stack.dataDir)).rejects.toThrow();
});
