/**
 * Benchmark: the API's hot paths under load and the refund process end to
 * end, on a throw-away stack on this machine (embedded PostgreSQL, Temporal
 * dev server, worker and API in one process). Results go in
 * docs/benchmarks.md.
 *   npm run bench [-- --seconds 10 --connections 10 --cases 100]
 * Traffic goes to 127.0.0.1 only; every loop is bounded in count and time.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildApp } from '../src/api/app';
import { signToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { createDb } from '../src/db/index';
import { migrateToLatest } from '../src/db/migrate';
import { ensureStack } from '../src/dev/stack';
import { createWorker } from '../src/worker/index';
import { installTemporalRuntime } from '../src/worker/runtime';
import { eventually } from '../test/support/cases';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    cases: { type: 'string', default: '100' },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const cases = Number(args.cases);

const log = pino({ level: 'warn' });
installTemporalRuntime(log);

const config = { ...loadConfig(), databaseUrl: undefined, temporalAddress: undefined, logLevel: 'warn', taskQueue: 'bench' };
const stack = await ensureStack(config, log, { persistent: false });
const db = createDb(stack.databaseUrl, 20);
const connection = await Connection.connect({ address: stack.temporalAddress });
const native = await NativeConnection.connect({ address: stack.temporalAddress });
await migrateToLatest(db);
const worker = await createWorker({ connection: native, namespace: config.temporalNamespace, taskQueue: config.taskQueue, db, logger: log });
const workerRun = worker.run();
const app = await buildApp({ config, db, temporal: new Client({ connection, namespace: config.temporalNamespace }), logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const clerk = await signToken({ sub: 'bench-clerk', roles: ['frontoffice'] }, config.jwtSecret);
const supervisor = await signToken({ sub: 'bench-supervisor', roles: ['supervisor'] }, config.jwtSecret);
const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(base + path, { method, headers: json(token), body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const admin = await signToken({ sub: 'bench-admin', roles: ['admin'] }, config.jwtSecret);
async function seedCustomers(prefix: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  for (const id of ids) {
    await call('PUT', `/v1/customers/${id}`, admin, {
      name: '测试客户',
      type: 'individual',
      tier: 'standard',
      phone: '13800000000',
      account: { arrearsFen: 0, balanceFen: 0, paymentMethod: 'alipay' },
    });
  }
  return ids;
}
// Customers spread the load, so the per-account lock is not what is measured.
const loadCustomers = await seedCustomers('load', 50);
// One refund each end to end: a first small refund is a supervisor's, with no audit.
const e2eCustomers = await seedCustomers('e2e', cases);
const refundBody = (customerId: string) => ({
  type: 'refund',
  customerId,
  amountFen: 1000,
  cause: 'other',
  description: 'benchmark refund',
  invoice: { provided: true },
});

interface Row {
  scenario: string;
  requests: number;
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
}
const rows: Row[] = [];

async function load(scenario: string, opts: Pick<autocannon.Options, 'requests'>) {
  const r = await autocannon({ url: base, connections, duration: seconds, ...opts });
  rows.push({
    scenario,
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  });
}

// End to end: open a refund, wait for its approval task, approve, wait for `refunded`.
// Polled every 20 ms so the latencies are not rounded up to the poll.
const until = <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000) => eventually(what, probe, timeoutMs, 20);
const phases = { taskVisible: [] as number[], approve: [] as number[], completed: [] as number[] };
async function refundEndToEnd(i: number) {
  const t0 = performance.now();
  const order = await call('POST', '/v1/orders', clerk, refundBody(e2eCustomers[i]!));
  const task = await until('approval task', async () => (await call('GET', `/v1/tasks?caseId=${order.id}`, supervisor)).items[0]);
  const t1 = performance.now();
  await call('POST', `/v1/tasks/${task.id}/complete`, supervisor, { outcome: 'approve' });
  const t2 = performance.now();
  await until('refunded', async () => ((await call('GET', `/v1/orders/${order.id}`, supervisor)).outcome === 'refunded' ? true : undefined));
  const t3 = performance.now();
  phases.taskVisible.push(t1 - t0);
  phases.approve.push(t2 - t1);
  phases.completed.push(t3 - t0);
}
const e2eStart = performance.now();
for (let i = 0; i < cases; i += connections) {
  await Promise.all(Array.from({ length: Math.min(connections, cases - i) }, (_, j) => refundEndToEnd(i + j)));
}
const e2eSeconds = (performance.now() - e2eStart) / 1000;

let opened = 0;
await load('POST /v1/orders (refund: validate, write, start workflow)', {
  requests: [
    {
      method: 'POST',
      path: '/v1/orders',
      setupRequest: (req) => ({
        ...req,
        headers: { ...json(clerk), 'idempotency-key': randomUUID() },
        body: JSON.stringify(refundBody(loadCustomers[opened++ % loadCustomers.length]!)),
      }),
    },
  ],
});
// The load phase leaves its refunds running: how long until every one waits for its approver?
const drainStart = performance.now();
await until(
  'the load backlog to drain',
  async () => {
    const open = await db.selectFrom('tasks').select(db.fn.countAll<number>().as('n')).where('kind', '=', 'approve_refund').where('state', '=', 'open').executeTakeFirstOrThrow();
    return Number(open.n) >= opened ? true : undefined;
  },
  300_000,
);
const drainSeconds = (performance.now() - drainStart) / 1000;
const sample = (await call('GET', '/v1/orders?limit=1', supervisor)).items[0].id as string;
await load('GET /v1/orders/{id}', { requests: [{ method: 'GET', path: `/v1/orders/${sample}`, headers: json(supervisor) }] });
await load('GET /v1/orders?limit=50', { requests: [{ method: 'GET', path: '/v1/orders?limit=50', headers: json(supervisor) }] });
await load('GET /v1/tasks (supervisor inbox)', { requests: [{ method: 'GET', path: '/v1/tasks?limit=50', headers: json(supervisor) }] });

const pct = (xs: number[], p: number) => Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]);
console.log(`\n${new Date().toISOString()} · ${os.cpus().length} cores · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version}`);
console.log(`${connections} connections, ${seconds} s per load scenario\n`);
console.log('| scenario | requests | req/s | p50 ms | p97.5 ms | p99 ms | errors |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.scenario} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${r.errors} |`);
console.log(`\nAfter the POST load, ${opened} refunds reached their approval task ${drainSeconds.toFixed(1)} s later (${(opened / (drainSeconds + seconds)).toFixed(0)} cases/s through the first 8 activities)`);
console.log(`\nRefund end to end on a quiet system: ${cases} cases, ${connections} at a time, ${(cases / e2eSeconds).toFixed(1)} cases/s`);
console.log('| phase | p50 ms | p95 ms | max ms |');
console.log('| --- | ---: | ---: | ---: |');
for (const [phase, xs] of Object.entries(phases)) console.log(`| ${phase} | ${pct(xs, 50)} | ${pct(xs, 95)} | ${pct(xs, 100)} |`);

await app.close();
worker.shutdown();
await workerRun;
await db.destroy();
await connection.close();
await native.close();
await stack.stop();
