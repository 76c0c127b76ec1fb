/**
 * The failure suite (`npm run test:chaos`, issue 13), on the production-like
 * topology (src/dev/prod-like.ts): PostgreSQL, the Temporal server built
 * from Go on it, two API processes and two worker processes, none of them
 * this process. The phases run in order on one stack, so the last one reads
 * the logs of the whole run:
 *
 * 1. CHAOS_CASES_PER_TYPE cases of every registered process in flight, the
 *    generic driver working their tasks over HTTP; meanwhile `kill -9` of a
 *    worker holding started activities (notifications held up by a lock), `kill -9` of the Temporal server, a restart
 *    of PostgreSQL. Every case completes, none is lost, and the adapters'
 *    ledgers show no payment, credit, reservation, number, provisioning step
 *    or notification twice.
 * 2. CHAOS_IDEMPOTENT_SUBMISSIONS concurrent submissions with one
 *    Idempotency-Key, over both APIs, open one case.
 * 3. The fuzzer (test/support/fuzz-run.ts) sends FUZZ_REQUESTS hostile
 *    requests over both APIs: no 5xx, and every process stays up.
 * 4. No customer's phone or identity number appears in any process's log.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDb, type Db } from '../../src/db/index';
import { startProdLikeStack, type ProdLikeStack } from '../../src/dev/prod-like';
import type { ProcessDefinition } from '../../src/processes/define';
import { PROCESSES } from '../../src/processes/index';
import { fetchJson, tokenSigner } from '../support/api';
import { caseBody, casesPath, Driver, openCaseOverHttp, putDrivenCustomer, type DriverEndpoint, type DrivenCustomer } from '../support/driver';
import { fuzzApi, fuzzOptionsFromEnv, pendingActivities } from '../support/fuzz-run';

const CASES_PER_TYPE = Number(process.env.CHAOS_CASES_PER_TYPE ?? 200);
/** Cases of each type opened and worked while the faults strike, besides those that wait through them. */
const WARM_PER_TYPE = Math.max(4, Math.round(CASES_PER_TYPE / 8));
const IDEMPOTENT_SUBMISSIONS = Number(process.env.CHAOS_IDEMPOTENT_SUBMISSIONS ?? 1000);
/** How long the cases may take to complete after the faults. */
// Draining 1 575 cases after the faults takes 10-15 minutes on two cores; a case that stopped moving fails sooner.
const DRIVE_TIMEOUT_MS = Number(process.env.CHAOS_DRIVE_TIMEOUT_MS ?? 1_800_000);
const DRIVE_STALL_MS = Number(process.env.CHAOS_DRIVE_STALL_MS ?? 180_000);
const fuzzOptions = { ...fuzzOptionsFromEnv({ requests: 10_000, budgetMs: 600_000 }), concurrency: 16 };

const FINAL_STATES = ['completed', 'cancelled', 'rejected', 'failed', 'closed'];
const secret = `chaos-${randomBytes(16).toString('hex')}`;
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn' }, pino.destination(2));
const say = (msg: string) => console.info(`[chaos ${new Date().toISOString().slice(11, 19)}] ${msg}`);

let stack: ProdLikeStack;
let db: Db;
let client: Client;
let apis: DriverEndpoint[];
/** Every customer the run wrote, whose phone and identity numbers must never reach a log. */
const customers: DrivenCustomer[] = [];

beforeAll(async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-chaos-'));
  stack = await startProdLikeStack({ dataDir, persistent: false, env: { AUTH_JWT_SECRET: secret, LOG_LEVEL: 'info' }, log });
  // The suite starts its own Temporal server (not an existing address), so stack.temporal is ours to kill.
  if (!stack.temporal) throw new Error('the failure suite needs its own Temporal server');
  say(`stack up in ${stack.startupMs} ms; logs in ${stack.logsDir}`);
  db = createDb(stack.databaseUrl, 4);
  client = new Client({ connection: Connection.lazy({ address: stack.temporalAddress }), namespace: stack.namespace });
  apis = stack.apis.map((a) => ({ url: a.url, token: tokenSigner(secret) }));
}, 900_000);

afterAll(async () => {
  await db?.destroy();
  await client?.connection.close();
  await stack?.stop();
});

/** Runs `work` over `items`, `concurrency` at a time. */
async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!, i);
      }
    }),
  );
  return out;
}

/** Cases not yet finished, per type; undefined while the database does not answer. */
async function inFlight(): Promise<Record<string, number> | undefined> {
  try {
    const rows = await db
      .selectFrom('cases')
      .select(['type', sql<number>`count(*)::int`.as('n')])
      .where('state', 'not in', FINAL_STATES as never)
      .groupBy('type')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.type, r.n]));
  } catch {
    return undefined;
  }
}

/**
 * Fields that take a case down paths where money moves, when the process has
 * them: a repair reported three days ago is late (its rent is credited), an
 * install with fees prestored at the counter (credited to the account).
 */
function moneyPaths(process: ProcessDefinition): Record<string, unknown> {
  const fields = (process.input as { properties?: Record<string, unknown> }).properties ?? {};
  const extra: Record<string, unknown> = {};
  if ('reportedAt' in fields) extra.reportedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
  if ('prepayment' in fields) extra.prepayment = { amountFen: 9900, reference: 'RCPT-CHAOS' };
  return extra;
}

const hostname = os.hostname();

/** The stack's processes that are not running, with the end of their logs. */
async function down(): Promise<string[]> {
  const services = [stack.postgres, stack.temporal, ...stack.apis, ...stack.workers].filter((s) => s !== undefined);
  const dead = services.filter((s) => s.pid === undefined);
  return Promise.all(
    dead.map(async (s) => `${s.name}: ${(await fs.readFile(s.logFile, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n')}`),
  );
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The errors the APIs logged as faults of their own (a 500), for a failing test's message. */
async function serverErrors(): Promise<string[]> {
  const lines = await Promise.all(stack.apis.map(async (s) => (await fs.readFile(s.logFile, 'utf8').catch(() => '')).split('\n')));
  return lines
    .flat()
    .filter((l) => l.includes('"request failed"'))
    .slice(0, 3)
    .map((l) => l.slice(0, 1500));
}

/** Activities of the cases a worker process has started and not finished (the server's view: they stay so until they time out). */
async function activitiesHeldBy(pid: number, caseIds: readonly string[]): Promise<Array<{ caseId: string; activity: string }>> {
  const held = await inParallel(caseIds, 16, async (id) => {
    const d = await client.workflow.getHandle(id).describe().catch(() => undefined);
    return (d?.raw.pendingActivities ?? [])
      .filter((a) => a.lastWorkerIdentity === `${pid}@${hostname}` && Number(a.state) === 2 /* STARTED */)
      .map((a) => ({ caseId: id, activity: a.activityType?.name ?? '?' }));
  });
  return held.flat();
}

describe.sequential('the failure suite', () => {
  const opened: Array<{ id: string; process: ProcessDefinition }> = [];

  test(`${CASES_PER_TYPE} cases of each of ${PROCESSES.length} processes complete through kill -9 of a worker and of Temporal and a PostgreSQL restart; nothing happens twice`, async () => {
    const started = Date.now();
    const address = `成都市武侯区故障测试路${randomBytes(3).toString('hex')}号`;
    const admin = await apis[0]!.token('chaos-admin', ['admin']);
    const ports = await fetchJson(`${apis[0]!.url}/v1/inventory/ports`, {
      method: 'PUT',
      token: admin,
      json: { items: ['xdsl', 'lan', 'ftth'].map((accessType) => ({ address, accessType, capacity: 10 * CASES_PER_TYPE })) },
    });
    expect(ports.status, JSON.stringify(ports.body)).toBe(200);

    // Customers, one a case (a line is changed by one order at a time), and the new owner of transferred lines.
    const plan = PROCESSES.flatMap((process) => Array.from({ length: CASES_PER_TYPE + WARM_PER_TYPE }, () => process));
    const other = await putDrivenCustomer(apis[0]!, address);
    customers.push(other, ...(await inParallel(plan, 16, (_p, i) => putDrivenCustomer(apis[i % apis.length]!, address))));
    say(`${customers.length} customers in ${Date.now() - started} ms`);
    // Opened with an Idempotency-Key, as a client that retries would.
    const open = (i: number) =>
      openCaseOverHttp(
        apis[i % apis.length]!,
        plan[i]!,
        caseBody(plan[i]!, { customer: customers[i + 1]!, otherCustomerId: other.customerId, address }, moneyPaths(plan[i]!)),
        `chaos-open-${i}`,
      ).then((id) => {
        opened.push({ id, process: plan[i]! });
        return id;
      });

    // CASES_PER_TYPE of each type opened first: they wait at their first tasks, in flight, until the last fault is over.
    const opening = Date.now();
    const heldIndexes = plan.map((_p, i) => i).filter((i) => i % (CASES_PER_TYPE + WARM_PER_TYPE) < CASES_PER_TYPE);
    const held = new Set(await inParallel(heldIndexes, 16, open));
    say(`${held.size} cases opened in ${Date.now() - opening} ms`);
    let releasedAll = false;

    // The others are opened and worked while the faults strike (their children too); cancellations go the long way:
    // not retained, so the account is settled and the balance paid back.
    const driver = new Driver(apis, { prefer: { retention_attempt: ['not_retained'] }, concurrency: 16 });
    const allDone = async () => {
      const open = await inFlight();
      return open !== undefined && Object.keys(open).length === 0;
    };
    const driving = driver.driveUntil(allDone, { timeoutMs: DRIVE_TIMEOUT_MS, stallMs: DRIVE_STALL_MS, idleMs: 1000, filter: (task) => releasedAll || !held.has(task.caseId) });
    driving.catch(() => undefined);

    // 1. kill -9 a worker mid-activity. Notifications are held up, as by a slow gateway (their table locked), so the
    //    notification activities the warm cases start stay started; the moment worker-1 holds some, it is killed.
    const faults: string[] = [];
    const worker = stack.workers[0]!;
    const pid = worker.pid!;
    const atWorkerKill = await inFlight();
    const gateway = new pg.Client({ connectionString: stack.databaseUrl });
    await gateway.connect();
    await gateway.query('begin');
    await gateway.query('lock table notifications in exclusive mode');
    const warmIndexes = plan.map((_p, i) => i).filter((i) => !heldIndexes.includes(i));
    const openingWarm = inParallel(warmIndexes, 16, open);
    // Any case's activity will do: at full scale the held cases' own notifications fill the worker's activity
    // slots first. A few hundred cases a round, newest first: a blocked activity stays started until released.
    const sample = () => opened.map((c) => c.id).reverse().slice(0, 300);
    let caught: Array<{ caseId: string; activity: string }> = [];
    const watchUntil = Date.now() + 180_000;
    while (caught.length === 0 && Date.now() < watchUntil) {
      await sleep(500);
      caught = await activitiesHeldBy(pid, sample());
    }
    await worker.kill();
    await gateway.query('rollback');
    await gateway.end();
    faults.push(`kill -9 worker-1 (pid ${pid}) holding ${caught.length} started activities (${[...new Set(caught.map((c) => c.activity))].join(', ')})`);
    await openingWarm;
    await worker.start();
    say(faults.join('; '));
    expect(caught.length, faults.join('\n')).toBeGreaterThan(0);

    // 2. kill -9 the Temporal server, then start it again.
    await sleep(3000);
    const atTemporalKill = await inFlight();
    faults.push(`kill -9 temporal (pid ${stack.temporal!.pid}): in flight ${JSON.stringify(atTemporalKill)}`);
    await stack.temporal!.kill();
    await sleep(2000);
    const temporalBack = Date.now();
    await stack.temporal!.start();
    say(`${faults.at(-1)}; back in ${Date.now() - temporalBack} ms`);

    // 3. Restart PostgreSQL (everyone's database: ours and Temporal's).
    await sleep(3000);
    const atPostgresRestart = await inFlight();
    faults.push(`restart postgres (pid ${stack.postgres!.pid}): in flight ${JSON.stringify(atPostgresRestart)}`);
    const pgBack = Date.now();
    await stack.postgres!.restart();
    say(`${faults.at(-1)}; back in ${Date.now() - pgBack} ms`);

    const faultsOver = Date.now();
    faults.push(`all cases worked from now on: in flight ${JSON.stringify(await inFlight())}`);
    releasedAll = true;
    await driving;
    say(`all cases finished ${Date.now() - faultsOver} ms after the last fault; driver ${JSON.stringify({ ...driver.stats, recent: undefined })}`);

    // At least CASES_PER_TYPE of every type were in flight when each fault struck.
    for (const [fault, open] of [['worker kill', atWorkerKill], ['temporal kill', atTemporalKill], ['postgres restart', atPostgresRestart]] as const) {
      for (const process of PROCESSES) expect(open?.[process.type] ?? 0, `${process.type} in flight at the ${fault}`).toBeGreaterThanOrEqual(CASES_PER_TYPE);
    }

    // Every process is up again after the faults, and stayed up.
    expect(await down()).toEqual([]);

    // None lost: every case opened is there, finished, completed — and no case opened twice.
    const rows = await db.selectFrom('cases').select(['id', 'type', 'state', 'outcome', 'parent_id']).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const notCompleted = opened.filter((c) => byId.get(c.id)?.state !== (c.process.kind === 'complaint' ? 'closed' : 'completed'));
    expect(notCompleted.map((c) => `${c.id} ${c.process.type} ${byId.get(c.id)?.state ?? 'missing'}`)).toEqual([]);
    const topLevel = rows.filter((r) => r.parent_id === null);
    expect(topLevel.length).toBe(opened.length);
    expect(rows.filter((r) => !FINAL_STATES.includes(r.state)).map((r) => `${r.id} ${r.type} ${r.state}`)).toEqual([]);
    expect(await client.workflow.count('ExecutionStatus = "Running"')).toMatchObject({ count: 0 });
    const failedRuns = await client.workflow.count('ExecutionStatus != "Running" AND ExecutionStatus != "Completed"');
    expect(failedRuns.count).toBe(0);

    // Nothing twice: every ledger entry is keyed on its case and step, and no case has a step's entry twice.
    const keyedOnCase = async (table: string, key: string) =>
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(key)} not like case_id || ':%'`.execute(db)).rows[0]!.n;
    for (const [table, key] of [['payments', 'idempotency_key'], ['billing_entries', 'idempotency_key'], ['port_reservations', 'idempotency_key'], ['number_assignments', 'idempotency_key'], ['provisioning_actions', 'idempotency_key']] as const) {
      expect(await keyedOnCase(table, key), `${table} keys not made of the case and the step`).toBe(0);
    }
    const twice = async (query: { execute(db: Db): Promise<{ rows: unknown[] }> }) => (await query.execute(db)).rows;
    expect(await twice(sql`select case_id, 'payment' as what, count(*)::int as n from payments group by case_id having count(*) > 1`)).toEqual([]);
    expect(await twice(sql`select case_id, kind as what, count(*)::int as n from billing_entries where kind <> 'reversal' group by case_id, kind having count(*) > 1`)).toEqual([]);
    expect(await twice(sql`select case_id, 'port' as what, count(*)::int as n from port_reservations group by case_id having count(*) > 1`)).toEqual([]);
    expect(await twice(sql`select case_id, 'number' as what, count(*)::int as n from number_assignments group by case_id having count(*) > 1`)).toEqual([]);
    expect(await twice(sql`select case_id, action as what, count(*)::int as n from provisioning_actions group by case_id, action having count(*) > 1`)).toEqual([]);

    // Each refund paid out exactly once (balance refunds of cancellations included); each install or move on one port, in use.
    const refunds = rows.filter((r) => r.type === 'refund' && r.outcome === 'refunded');
    const paid = (await sql<{ case_id: string }>`select case_id from payments`.execute(db)).rows.map((r) => r.case_id);
    expect(new Set(paid)).toEqual(new Set(refunds.map((r) => r.id)));
    const taken = (await sql<{ case_id: string; status: string }>`select case_id, status from port_reservations`.execute(db)).rows;
    const portCases = opened.filter((c) => ['new_install', 'relocation'].includes(c.process.type)).map((c) => c.id);
    expect(taken.filter((t) => portCases.includes(t.case_id) && t.status === 'in_use').length).toBe(portCases.length);
    const overbooked = await sql`select address_key, access_type, count(*)::int as n from port_reservations r where status in ('reserved', 'in_use')
      group by address_key, access_type having count(*) > (select capacity from port_capacity c where c.address_key = r.address_key and c.access_type = r.access_type)`.execute(db);
    expect(overbooked.rows).toEqual([]);

    // Every account moved exactly by the entries booked on it: no fee or credit applied twice (or lost).
    const drift = await sql<{ customer_id: string; balance_fen: number; expected: number }>`
      with effect as (
        select e.customer_id,
          case e.kind when 'charge' then -e.amount_fen when 'credit' then e.amount_fen
            when 'reversal' then (select case r.kind when 'charge' then r.amount_fen when 'credit' then -r.amount_fen else 0 end
                                  from billing_entries r where r.idempotency_key = e.detail->>'reverses')
            else 0 end as delta
        from billing_entries e)
      select a.customer_id, a.balance_fen::int as balance_fen, (10000 + coalesce(sum(effect.delta), 0))::int as expected
      from accounts a left join effect on effect.customer_id = a.customer_id
      where a.customer_id like 'cus_drv_%'
      group by a.customer_id, a.balance_fen
      having a.balance_fen <> 10000 + coalesce(sum(effect.delta), 0)`.execute(db);
    expect(drift.rows).toEqual([]);
    const money = (await sql<{ kind: string; n: number }>`select kind, count(*)::int as n from billing_entries group by kind order by kind`.execute(db)).rows;

    // Notifications: recorded once per case step, all sent, each delivered once by the gateway (which drops the
    // repeats the outbox sends when a worker died or PostgreSQL went away between a send and its mark).
    const unsent = (await sql<{ n: number }>`select count(*)::int as n from notifications where status <> 'sent'`.execute(db)).rows[0]!.n;
    expect(unsent).toBe(0);
    const undelivered = await sql`select n.case_id, n.step from notifications n
      where not exists (select 1 from notification_deliveries d where d.idempotency_key = n.case_id || ':' || n.step)`.execute(db);
    expect(undelivered.rows).toEqual([]);
    const sends = new Map<string, number>();
    for (const file of (await fs.readdir(stack.logsDir)).filter((f) => f.startsWith('worker-'))) {
      for (const line of (await fs.readFile(path.join(stack.logsDir, file), 'utf8')).split('\n')) {
        if (!line.includes('"notification sent"')) continue;
        const key = (JSON.parse(line) as { notification: { idempotencyKey: string } }).notification.idempotencyKey;
        sends.set(key, (sends.get(key) ?? 0) + 1);
      }
    }
    expect([...sends].filter(([, n]) => n > 1)).toEqual([]);
    const notifications = (await sql<{ n: number }>`select count(*)::int as n from notifications`.execute(db)).rows[0]!.n;

    say(
      `phase 1 in ${Date.now() - started} ms: ${opened.length} cases (+${rows.length - opened.length} child cases) completed; ` +
        `${notifications} notifications (${sends.size} delivery lines in the logs, none twice); billing ${JSON.stringify(money)}; ` +
        `${paid.length} payments; ${caught.length} activities caught mid-flight (${[...new Set(caught.map((c) => c.activity))].join(', ')})\n  ${faults.join('\n  ')}`,
    );
  }, DRIVE_TIMEOUT_MS + 600_000);

  test(`${IDEMPOTENT_SUBMISSIONS} concurrent submissions with one Idempotency-Key open one case`, async () => {
    const process = PROCESSES.find((p) => p.type === 'refund') ?? PROCESSES[0]!;
    const customer = await putDrivenCustomer(apis[0]!, '成都市锦江区幂等路1号');
    customers.push(customer);
    const body = caseBody(process, { customer, otherCustomerId: customer.customerId, address: '成都市锦江区幂等路1号' });
    const token = await apis[0]!.token('chaos-clerk', ['frontoffice']);
    const key = `chaos-once-${randomBytes(6).toString('hex')}`;
    const started = Date.now();
    // As a client does, with the same key: a 503 (a dependency overloaded) is tried again after its Retry-After, a
    // 408 (an API too busy to read the request within REQUEST_TIMEOUT_MS) after a second.
    const statuses: Record<number, number> = {};
    const submit = async (i: number) => {
      for (;;) {
        const a = await fetchJson(`${apis[i % apis.length]!.url}${casesPath(process)}`, { token, json: body, headers: { 'idempotency-key': key } });
        statuses[a.status] = (statuses[a.status] ?? 0) + 1;
        if (a.status !== 503 && a.status !== 408) return a;
        await sleep(1000 * Number(a.headers.get('retry-after') ?? 1));
      }
    };
    const answers = await Promise.all(Array.from({ length: IDEMPOTENT_SUBMISSIONS }, (_, i) => submit(i)));
    say(`${IDEMPOTENT_SUBMISSIONS} submissions in ${Date.now() - started} ms: ${JSON.stringify(statuses)}`);
    const odd = answers.filter((a) => a.status !== 200 && a.status !== 201).slice(0, 3).map((a) => `${a.status} ${JSON.stringify(a.body).slice(0, 300)}`);
    if (odd.length) odd.push(...(await serverErrors()));
    const final: Record<number, number> = {};
    for (const a of answers) final[a.status] = (final[a.status] ?? 0) + 1;
    expect(final, odd.join('\n')).toEqual({ 201: 1, 200: IDEMPOTENT_SUBMISSIONS - 1 });
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const id = answers[0]!.body.id as string;
    const cases = await db.selectFrom('cases').select('id').where('customer_id', '=', customer.customerId).execute();
    expect(cases.map((c) => c.id)).toEqual([id]);
    expect(await client.workflow.count(`WorkflowId = "${id}"`)).toMatchObject({ count: 1 });
  }, 300_000);

  test(`fuzzing both APIs with ${fuzzOptions.requests} hostile requests: no 5xx, every process stays up`, async () => {
    const services = [stack.postgres, stack.temporal, ...stack.apis, ...stack.workers].filter((s) => s !== undefined);
    expect(await down()).toEqual([]);
    const pids = services.map((s) => s.pid);
    const report = await fuzzApi({ urls: apis.map((a) => a.url), token: tokenSigner(secret), client, taskQueue: stack.taskQueue }, fuzzOptions);
    const fivexx = Object.entries(report.histogram).filter(([status]) => Number(status) >= 500 || Number(status) === 0).reduce((n, [, c]) => n + c, 0);
    say(`fuzz seed ${report.seed}: ${report.sent} requests over ${report.operations} operations in ${report.ms} ms; ${fivexx} 5xx or unanswered; statuses ${JSON.stringify(report.histogram)}`);
    expect(report.wrong, `FUZZ_SEED=${report.seed} replays it:\n${report.wrong.join('\n')}`).toEqual([]);
    expect(fivexx).toBe(0);
    expect(report.sent).toBe(fuzzOptions.requests);

    // Up: the same processes, alive and ready; no case retrying what a bad value would make it retry.
    expect(await down()).toEqual([]);
    expect(services.map((s) => s.pid)).toEqual(pids);
    for (const api of apis) expect((await fetchJson(`${api.url}/readyz`)).status).toBe(200);
    const retrying = (await pendingActivities({ client, taskQueue: stack.taskQueue })).filter((a) => a.attempt > 3);
    expect(retrying).toEqual([]);
  }, fuzzOptions.budgetMs + 300_000);

  test("no customer's phone or identity number appears in any process's log", async () => {
    const personal = new Set(customers.flatMap((c) => [c.phone, c.idNumber]));
    const found: string[] = [];
    let bytes = 0;
    const files = await fs.readdir(stack.logsDir);
    for (const file of files) {
      const text = await fs.readFile(path.join(stack.logsDir, file), 'utf8');
      bytes += text.length;
      // Every run of digits, and each 11- and 18-digit window in it (a number inside a longer run is still the number).
      for (const [run] of text.matchAll(/\d{11,}/g)) {
        for (const width of [11, 18]) {
          for (let i = 0; i + width <= run.length; i++) {
            const candidate = run.slice(i, i + width);
            if (personal.has(candidate) && found.length < 20) found.push(`${file}: ${candidate}`);
          }
        }
      }
    }
    say(`${files.length} logs (${files.join(', ')}), ${Math.round(bytes / 1024)} KiB, searched for ${personal.size} phone and identity numbers`);
    expect(files.filter((f) => /^(api|worker)-/.test(f)).length).toBe(stack.apis.length + stack.workers.length);
    expect(personal.size).toBe(2 * customers.length);
    expect(found).toEqual([]);
  });
});
