/**
 * Reads at scale: `cases` and `tasks` seeded in bulk (generate_series, a
 * few seconds for 100 000 cases and 300 000 tasks), then the status read,
 * the filtered lists and the inboxes under a closed loop, and each list
 * query's plan: which index it walks and how many rows it reads for a page
 * of 50 and of 200 (its cost must grow with the page, not the table).
 */
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/db/index';
import { ORDER_STATES, ORDER_TYPES } from '../../src/domain/case';
import type { Actor, Role } from '../../src/domain/roles';
import { findVisibleCaseWithDetails, listCases } from '../../src/store/cases';
import { listTasks } from '../../src/store/tasks';
import { BenchApi } from './api';
import { drain } from './drain';
import type { BenchOptions } from './options';
import { closedLoop, ms, percentile, perSecond, type Figure } from './stats';
import type { Target } from './target';

/** Seconds each route is called before it is measured. */
const WARM_UP_SECONDS = 1;

/** Roles of the non-supervisor tasks, in turn. */
const OTHER_ROLES = ['technician', 'agent', 'frontoffice'];

/**
 * Cases `seed_<n>` (every order type and state, 5 per customer, one a
 * second going back), each with 3 tasks: an open supervisor approval with
 * its SLA clock (so one role has `cases` open tasks, the backlog that once
 * took the inbox 632 ms), an open task of another role, a completed one.
 */
async function seed(target: Target, cases: number, tasksPerCase: number): Promise<number> {
  const t0 = performance.now();
  const db = target.db;
  await sql`insert into cases (id, kind, type, state, stage, customer_id, created_by, created_at, updated_at, data)
    select 'ord_seed_' || n, 'order', (${sql.val([...ORDER_TYPES])}::text[])[1 + n % ${ORDER_TYPES.length}], (${sql.val([...ORDER_STATES])}::text[])[1 + (n / 7) % ${ORDER_STATES.length}],
      'received', 'seed-' || n / 5, 'seed-clerk-' || n % 50, now() - n * interval '1 second', now() - n * interval '1 second', '{"seeded": true}'::jsonb
    from generate_series(1, ${cases}::int) n`.execute(db);
  await sql`insert into tasks (id, case_id, case_type, kind, role, state, created_at, due_at, outcomes, form, data)
    select 'tsk_seed_' || n || '_' || k, 'ord_seed_' || n, (${sql.val([...ORDER_TYPES])}::text[])[1 + n % ${ORDER_TYPES.length}],
      case k when 0 then 'approve_refund' else 'seeded_step' end,
      case k when 0 then 'supervisor' else (${sql.val(OTHER_ROLES)}::text[])[1 + n % ${OTHER_ROLES.length}] end,
      case when k = 2 then 'completed' else 'open' end,
      now() - n * interval '1 second' + k * interval '1 millisecond',
      case when n % 10 = 0 then null else now() + (n % 5000) * interval '1 minute' end,
      '["approve","deny"]'::jsonb, '{"approve":{"type":"object"},"deny":{"type":"object"}}'::jsonb, '{"amountFen": 1000}'::jsonb
    from generate_series(1, ${cases}::int) n, generate_series(0, ${tasksPerCase - 1}::int) k`.execute(db);
  await sql`insert into sla_clocks (case_id, clock_id, policy_key, started_at, due_at, jeopardy_at)
    select 'ord_seed_' || n, 'refund.approval#tsk_seed_' || n || '_0', 'refund.approval', now(), now() + interval '2 days', now() + interval '1 day'
    from generate_series(1, ${cases}::int) n`.execute(db);
  await sql`analyze cases; analyze tasks; analyze sla_clocks`.execute(db);
  return (performance.now() - t0) / 1000;
}

/** The SQL a store function runs (through a Kysely that records instead of only executing). */
async function captured(target: Target, run: (db: Kysely<Database>) => Promise<unknown>): Promise<CompiledQuery[]> {
  const queries: CompiledQuery[] = [];
  const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 2 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => void (e.level === 'query' && queries.push(e.query)) });
  try {
    await run(db);
  } finally {
    await db.destroy();
  }
  return queries;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

/** The scans of a plan: which relation or index, and rows read (the rows of every loop). */
function scans(node: PlanNode, out: string[] = []): string[] {
  if (/Scan/.test(node['Node Type']) && !/Subquery|Function|Values/.test(node['Node Type'])) {
    const rows = node['Actual Rows'] * node['Actual Loops'];
    out.push(`${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ''} (${rows} rows)`);
  }
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

const rowsRead = (node: PlanNode): number =>
  (/Scan/.test(node['Node Type']) ? node['Actual Rows'] * node['Actual Loops'] : 0) + (node.Plans ?? []).reduce((s, c) => s + rowsRead(c), 0);
const hasSeqScan = (node: PlanNode): boolean => node['Node Type'] === 'Seq Scan' || (node.Plans ?? []).some(hasSeqScan);
const blocks = (node: PlanNode): number => (node['Shared Hit Blocks'] ?? 0) + (node['Shared Read Blocks'] ?? 0);

async function explain(target: Target, query: CompiledQuery) {
  const { rows } = await target.db.executeQuery<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> }>({
    ...query,
    sql: `explain (analyze, buffers, format json) ${query.sql}`,
  } as CompiledQuery<never>);
  const plan = rows[0]!['QUERY PLAN'][0]!;
  return { plan: plan.Plan, ms: plan['Execution Time'] };
}

interface ListRead {
  name: string;
  path: string;
  roles: Role[];
  /** The store call the route makes, at a page size. */
  store: (db: Kysely<Database>, limit: number) => Promise<unknown>;
}

export async function readsAtScale(target: Target, o: BenchOptions): Promise<{ figures: Figure[]; plans: string[] }> {
  const seconds = await seed(target, o.seedCases, o.seedTasks / o.seedCases);
  // Reads are measured on an idle worker: what earlier sections opened has reached its first human step (or 2 minutes passed).
  const quiet = await drain(target, 120);
  const api = new BenchApi(target);
  const supervisor: Actor = { sub: 'bench-supervisor', roles: ['supervisor'] };
  const technician: Actor = { sub: 'bench-technician', roles: ['technician'] };
  const customer = `seed-${Math.floor(o.seedCases / 10)}`;
  const lists: ListRead[] = [
    { name: 'orders, newest first', path: '/v1/orders?limit=50', roles: ['supervisor'], store: (db, limit) => listCases(db, supervisor, { kind: 'order', limit }) },
    { name: 'orders by state', path: '/v1/orders?state=held&limit=50', roles: ['supervisor'], store: (db, limit) => listCases(db, supervisor, { kind: 'order', state: 'held', limit }) },
    { name: 'orders by type', path: '/v1/orders?type=relocation&limit=50', roles: ['supervisor'], store: (db, limit) => listCases(db, supervisor, { kind: 'order', type: 'relocation', limit }) },
    { name: 'orders by type and state', path: '/v1/orders?type=refund&state=pending&limit=50', roles: ['supervisor'], store: (db, limit) => listCases(db, supervisor, { kind: 'order', type: 'refund', state: 'pending', limit }) },
    { name: 'orders of a customer', path: `/v1/orders?customerId=${customer}&limit=50`, roles: ['supervisor'], store: (db, limit) => listCases(db, supervisor, { kind: 'order', customerId: customer, limit }) },
    { name: `inbox, supervisor (${o.seedCases} open)`, path: '/v1/tasks?limit=50', roles: ['supervisor'], store: (db, limit) => listTasks(db, supervisor, { order: 'createdAt', limit }) },
    { name: 'inbox, supervisor, by deadline', path: '/v1/tasks?sort=dueAt&limit=50', roles: ['supervisor'], store: (db, limit) => listTasks(db, supervisor, { order: 'dueAt', limit }) },
    { name: `inbox, technician (${Math.round(o.seedCases / 3)} open)`, path: '/v1/tasks?limit=50', roles: ['technician'], store: (db, limit) => listTasks(db, technician, { order: 'createdAt', limit }) },
  ];

  // Each route is measured after a warm-up of its own (not counted): the API's code compiled, its pool's connections open.
  const load = { concurrency: o.readConcurrency, seconds: o.readSeconds };
  const measure = async (op: () => Promise<void>) => {
    await closedLoop(op, { ...load, seconds: WARM_UP_SECONDS });
    return closedLoop(op, load);
  };
  const figures: Figure[] = [];
  const section = `Reads at scale (${o.seedCases} cases, ${o.seedTasks} tasks seeded in ${seconds.toFixed(1)} s; ${o.readConcurrency} in flight, after ${WARM_UP_SECONDS} s of warm-up${quiet === undefined ? '; the worker was still busy' : ''})`;
  const status = await measure(async () => void (await api.call('GET', `/v1/orders/ord_seed_${1 + Math.floor(Math.random() * o.seedCases)}`, ['supervisor'])));
  const p99 = percentile(status.latenciesMs, 99);
  const statusPlan = await Promise.all((await captured(target, (db) => findVisibleCaseWithDetails(db, 'ord_seed_42', supervisor, 'order'))).map((q) => explain(target, q)));
  const plans = [
    `- **status** (\`/v1/orders/{id}\`, ${statusPlan.length} query): ${statusPlan.map((e) => `${scans(e.plan).join(', ')} · ${rowsRead(e.plan)} rows read, ${blocks(e.plan)} blocks, ${e.ms.toFixed(2)} ms`).join(' | ')}`,
  ];
  figures.push({ section, what: `GET /v1/orders/{id}: p50 ${ms(percentile(status.latenciesMs, 50))}, ${perSecond(status.rate)}`, value: `p99 ${ms(p99)}`, limit: '10 ms', ratio: p99 / 10, target: '≤ 1×', met: p99 <= 10 && status.errors === 0 });

  for (const list of lists) {
    const s = await measure(async () => void (await api.call('GET', list.path, list.roles)));
    const l99 = percentile(s.latenciesMs, 99);
    let byPage = '';
    let indexed = true;
    for (const limit of [50, 200]) {
      const queries = await captured(target, (db) => list.store(db, limit));
      const explained = await Promise.all(queries.map((q) => explain(target, q)));
      indexed &&= !explained.some((e) => hasSeqScan(e.plan));
      const read = explained.reduce((sum, e) => sum + rowsRead(e.plan), 0);
      byPage += ` · page ${limit}: ${read} rows read, ${explained.reduce((sum, e) => sum + blocks(e.plan), 0)} blocks, ${explained.reduce((sum, e) => sum + e.ms, 0).toFixed(2)} ms`;
      if (limit === 50) plans.push(`- **${list.name}** (\`${list.path}\`, ${queries.length} quer${queries.length === 1 ? 'y' : 'ies'}): ${explained.map((e) => scans(e.plan).join(', ')).join(' | ')}`);
    }
    plans[plans.length - 1] += byPage;
    figures.push({
      section,
      what: `${list.name}: p50 ${ms(percentile(s.latenciesMs, 50))}, ${perSecond(s.rate)}${indexed ? '' : ', SEQ SCAN'}`,
      value: `p99 ${ms(l99)}`,
      limit: '25 ms',
      ratio: l99 / 25,
      target: '≤ 1×',
      met: l99 <= 25 && s.errors === 0 && indexed,
    });
    if (s.errors) console.warn(`${list.name}: ${s.errors} errors (${s.firstError})`);
  }
  return { figures, plans };
}
