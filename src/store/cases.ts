/** The case read model (`cases`): what the workflows write and the API lists. */
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database, Db } from '../db/index';
import type { CasesTable } from '../db/schema';
import { FINAL_STATES } from '../domain/case';
import { hasAnyRole, READ_ALL_ROLES, type Actor } from '../domain/roles';
import { OPEN_TASK_STATES } from '../domain/tasks';
import type { ClockRow } from './clocks';
import type { CaseStart } from '../../workflows/lib/messages';
import { sortKey, type Keyset } from './keyset';

export type CaseRow = Selectable<CasesTable>;
export type CaseKind = CasesTable['kind'];

/** The read-model row a case starts with, as it reads back. */
export function initialCaseRow(start: CaseStart): CaseRow {
  return {
    id: start.id,
    kind: start.type === 'complaint' ? 'complaint' : 'order',
    type: start.type,
    state: 'acknowledged',
    stage: 'received',
    outcome: null,
    state_reason: null,
    customer_id: start.customerId,
    created_by: start.createdBy.sub,
    created_at: new Date(start.createdAt),
    updated_at: new Date(start.createdAt),
    parent_id: start.parent?.id ?? null,
    data: { ...start.fields, ...(start.parent ? { parentCaseId: start.parent.id } : {}) },
  };
}

/** Writes the row a case starts with. Idempotent: a second insert of the same case is a no-op. */
export async function insertCaseRecord(db: Db, start: CaseStart): Promise<void> {
  const row = initialCaseRow(start);
  await db
    .insertInto('cases')
    .values({ ...row, created_at: start.createdAt, updated_at: start.createdAt, data: JSON.stringify(row.data) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export interface CaseUpdate {
  caseId: string;
  /** A change of state; absent when only data is recorded. */
  set?: { state: string; stage: string; outcome: string | null; stateReason: string | null };
  /** Fields merged (shallowly) into the case's `data`. */
  data?: Record<string, unknown>;
  at: string;
}

export async function updateCaseRecord(db: Db, u: CaseUpdate): Promise<void> {
  await db
    .updateTable('cases')
    .set({
      updated_at: u.at,
      ...(u.set ? { state: u.set.state, stage: u.set.stage, outcome: u.set.outcome, state_reason: u.set.stateReason } : {}),
      ...(u.data ? { data: sql<string>`data || ${JSON.stringify(u.data)}::jsonb` } : {}),
    })
    .where('id', '=', u.caseId)
    .execute();
}

export function readsAll(actor: Actor): boolean {
  return hasAnyRole(actor, READ_ALL_ROLES);
}

/**
 * The cases an actor may see: readers-of-all see every case; others see
 * the cases they created and those with a task assigned to them.
 */
export function caseVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'cases'>) =>
    readsAll(actor)
      ? eb.val(true)
      : eb.or([
          eb('cases.created_by', '=', actor.sub),
          // A complaint's owner (a first responder a front-office system named) sees it from the start.
          eb(sql<string>`cases.data->>'owner'`, '=', actor.sub),
          eb.exists(
            eb
              .selectFrom('tasks')
              .select(sql<number>`1`.as('one'))
              .whereRef('tasks.case_id', '=', 'cases.id')
              .where('tasks.assignee', '=', actor.sub),
          ),
        ]);
}

/** The one case of this id and kind the actor may see (none when they may not). */
function visibleCase(db: Db, id: string, actor: Actor, kind: CaseKind) {
  return db.selectFrom('cases').selectAll().where('cases.id', '=', id).where('cases.kind', '=', kind).where(caseVisibleTo(actor));
}

export async function findVisibleCase(db: Db, id: string, actor: Actor, kind: CaseKind): Promise<CaseRow | undefined> {
  return visibleCase(db, id, actor, kind).executeTakeFirst();
}

/** A case's SLA clocks and the tasks still waiting on people (oldest first, without their forms). */
export interface CaseDetails {
  clocks: ClockRow[];
  tasks: Array<{ id: string; kind: string; role: string; assignee: string | null; due_at: Date | null }>;
}

/**
 * The case an actor may see with its details, in one statement: a case's
 * page is read all day, and each round trip costs the API more than the
 * query costs PostgreSQL.
 */
export async function findVisibleCaseWithDetails(db: Db, id: string, actor: Actor, kind: CaseKind): Promise<(CaseRow & CaseDetails) | undefined> {
  const row = await visibleCase(db, id, actor, kind)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('sla_clocks')
          .selectAll()
          .whereRef('sla_clocks.case_id', '=', 'cases.id')
          .orderBy('started_at')
          .orderBy('clock_id'),
      ).as('clocks'),
      jsonArrayFrom(
        eb
          .selectFrom('tasks')
          .select(['id', 'kind', 'role', 'assignee', 'due_at'])
          .whereRef('tasks.case_id', '=', 'cases.id')
          .where('tasks.state', 'in', OPEN_TASK_STATES)
          .orderBy('created_at')
          .orderBy('id'),
      ).as('tasks'),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  // JSON carries timestamps as text: they come back as the Dates the other reads give.
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    ...row,
    clocks: row.clocks.map((c) => ({ ...c, started_at: date(c.started_at)!, due_at: date(c.due_at)!, jeopardy_at: date(c.jeopardy_at)!, stopped_at: date(c.stopped_at) })),
    tasks: row.tasks.map((t) => ({ ...t, due_at: date(t.due_at) })),
  };
}

export interface CaseFilter {
  kind: CaseKind;
  type?: string;
  state?: string;
  customerId?: string;
  /** Only cases with (or without) a breached SLA clock. */
  breached?: boolean;
  /** Only cases still open (true) or finished (false). */
  open?: boolean;
  /** Fields of the case's data that must equal these texts (a complaint's `owner`, `severity`). */
  data?: Record<string, string>;
  limit: number;
  after?: Keyset;
}

/** A page of the cases an actor may see, newest first, with each row's keyset sort key. */
export async function listCases(db: Db, actor: Actor, f: CaseFilter): Promise<Array<CaseRow & { sort_key: string }>> {
  let query = db
    .selectFrom('cases')
    .selectAll()
    .select(sortKey('cases.created_at').as('sort_key'))
    .where('cases.kind', '=', f.kind)
    .where(caseVisibleTo(actor));
  if (f.type) query = query.where('cases.type', '=', f.type);
  if (f.state) query = query.where('cases.state', '=', f.state);
  if (f.customerId) query = query.where('cases.customer_id', '=', f.customerId);
  if (f.open !== undefined) query = query.where('cases.state', f.open ? 'not in' : 'in', [...FINAL_STATES]);
  for (const [field, value] of Object.entries(f.data ?? {})) query = query.where(sql<string>`cases.data->>${field}`, '=', value);
  if (f.breached !== undefined) {
    const breached = (eb: ExpressionBuilder<Database, 'cases'>) =>
      eb.exists(eb.selectFrom('sla_clocks').select(sql<number>`1`.as('one')).whereRef('sla_clocks.case_id', '=', 'cases.id').where('sla_clocks.breached', '=', true));
    query = query.where((eb) => (f.breached ? breached(eb) : eb.not(breached(eb))));
  }
  const after = f.after;
  if (after) {
    query = query.where((eb) => eb(eb.refTuple('cases.created_at', 'cases.id'), '<', eb.tuple(sql<Date>`${after.t}::timestamptz`, after.id)));
  }
  return query.orderBy('cases.created_at', 'desc').orderBy('cases.id', 'desc').limit(f.limit + 1).execute();
}

/** Complaints of a customer on a subject opened from `since` until before `before`, other than `caseId` (the repeat rule, processes.md §7). */
export async function earlierComplaints(db: Db, q: { caseId: string; customerId: string; subject: string; since: string; before: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('kind', '=', 'complaint')
    .where('customer_id', '=', q.customerId)
    .where(sql<string>`data->>'subject'`, '=', q.subject)
    .where('created_at', '>=', new Date(q.since))
    .where('created_at', '<', new Date(q.before))
    .where('id', '<>', q.caseId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.id);
}
