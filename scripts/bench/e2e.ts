/**
 * End to end: refunds with one approval completed per second, a driver
 * working over HTTP (open, find the task in the inbox, complete it) against
 * the bare workflow (bare-workflow.ts) driven straight through Temporal and
 * the tasks table. Both poll for the task every 20 ms and wait for the
 * workflow's result; rounds alternate (HTTP, bare, bare, HTTP).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '../../src/domain/roles';
import type { CaseStart } from '../../workflows/lib/messages';
import { BenchApi, refundFields, seedCustomers } from './api';
import { approveUpdate } from './bare-messages';
import { drain } from './drain';
import type { BenchOptions } from './options';
import { closedLoop, merge, ms, perSecond, percentile, poll, type Figure, type LoadSample } from './stats';
import type { Target } from './target';

export async function endToEnd(target: Target, o: BenchOptions): Promise<Figure[]> {
  await drain(target, 300); // a backlog on one side only would not be a comparison
  const api = new BenchApi(target);
  const perRound = Math.ceil(o.e2eCases / 2);
  // A customer per case: the first refund of the month is a supervisor's, without audit.
  const httpCustomers = await seedCustomers(target, 'e2e-http', perRound * 2);
  const bareCustomers = await seedCustomers(target, 'e2e-bare', perRound * 2);
  const firstTask = { http: [] as number[], bare: [] as number[] };

  const viaHttp = (offset: number) => async (i: number) => {
    const t0 = performance.now();
    const order = await api.call('POST', '/v1/orders', ['frontoffice'], { type: 'refund', customerId: httpCustomers[offset + i], ...refundFields });
    const task = await poll(async () => (await api.call('GET', `/v1/tasks?caseId=${order.id}`, ['supervisor'])).items[0]);
    if (!task) throw new Error(`no task for ${order.id} within a minute`);
    firstTask.http.push(performance.now() - t0);
    await api.call('POST', `/v1/tasks/${task.id}/complete`, [task.role as Role], { outcome: 'approve' });
    const result = await target.client.workflow.getHandle(order.id).result();
    if (result.outcome !== 'refunded') throw new Error(`${order.id} ended ${JSON.stringify(result)}`);
  };

  const bare = (offset: number) => async (i: number) => {
    const t0 = performance.now();
    const start: CaseStart = {
      id: `ord_${randomBytes(12).toString('hex')}`,
      type: 'refund',
      customerId: bareCustomers[offset + i]!,
      createdBy: { sub: 'bench-frontoffice', roles: ['frontoffice'] },
      createdAt: new Date().toISOString(),
      fields: refundFields,
    };
    const handle = await target.client.workflow.start('bareRefund', { workflowId: start.id, taskQueue: target.bareQueue, args: [start] });
    const task = await poll(async () => (await sql<{ id: string }>`select id from tasks where case_id = ${start.id} and state = 'open'`.execute(target.db)).rows[0]);
    if (!task) throw new Error(`no task for ${start.id} within a minute`);
    firstTask.bare.push(performance.now() - t0);
    await handle.executeUpdate(approveUpdate, { args: [{ sub: 'bench-supervisor' }] });
    if ((await handle.result()) !== 'refunded') throw new Error(`${start.id} did not end refunded`);
  };

  const samples = { http: [] as LoadSample[], bare: [] as LoadSample[] };
  const run = (op: (i: number) => Promise<void>) => closedLoop(op, { concurrency: o.e2eConcurrency, seconds: 600, maxOps: perRound });
  for (const [round, side] of (['http', 'bare', 'bare', 'http'] as const).entries()) {
    const offset = round < 2 ? 0 : perRound;
    samples[side].push(await run(side === 'http' ? viaHttp(offset) : bare(offset)));
  }
  const h = merge(samples.http);
  const b = merge(samples.bare);
  if (h.errors || b.errors) console.warn(`end-to-end errors: HTTP ${h.errors} (${h.firstError ?? ''}), bare ${b.errors} (${b.firstError ?? ''})`);
  const section = `End to end (refund, one approval; ${h.count + b.count} cases, ${o.e2eConcurrency} at a time)`;
  const [h50, h99, b50, b99] = [percentile(firstTask.http, 50), percentile(firstTask.http, 99), percentile(firstTask.bare, 50), percentile(firstTask.bare, 99)];
  return [
    { section, what: 'refunds completed/s: HTTP driver vs bare workflow', value: perSecond(h.rate), limit: perSecond(b.rate), ratio: h.rate / b.rate, target: '≥ 0.6×', met: h.rate / b.rate >= 0.6 },
    { section, what: 'opened → first task in the inbox, p50', value: ms(h50), limit: ms(b50), ratio: h50 / b50 },
    { section, what: 'opened → first task in the inbox, p99', value: ms(h99), limit: ms(b99), ratio: h99 / b99 },
    { section, what: 'case duration p50 (open → refunded)', value: ms(percentile(h.latenciesMs, 50)), limit: ms(percentile(b.latenciesMs, 50)), ratio: percentile(h.latenciesMs, 50) / percentile(b.latenciesMs, 50) },
    { section, what: 'cases (errors)', value: `${h.count} (${h.errors})`, limit: `${b.count} (${b.errors})` },
  ];
}
