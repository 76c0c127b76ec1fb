/** Reading the case read model: visibility, order views, events. */
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Database, Db } from '../db/index';
import type { CasesTable } from '../db/schema';
import { hasAnyRole, READ_ALL_ROLES, type Actor } from '../domain/roles';
import { iso } from './pagination';
import type { OrderSummary, OrderView } from './schemas/orders';

export type CaseRow = Selectable<CasesTable>;

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
          eb.exists(
            eb
              .selectFrom('tasks')
              .select(sql<number>`1`.as('one'))
              .whereRef('tasks.case_id', '=', 'cases.id')
              .where('tasks.assignee', '=', actor.sub),
          ),
        ]);
}

export async function findVisibleCase(
  db: Db,
  id: string,
  actor: Actor,
  kind: 'order' | 'complaint',
): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('cases.id', '=', id)
    .where('cases.kind', '=', kind)
    .where(caseVisibleTo(actor))
    .executeTakeFirst();
}

export function orderSummary(row: CaseRow): OrderSummary {
  return {
    id: row.id,
    type: row.type,
    state: row.state,
    stage: row.stage,
    outcome: row.outcome,
    stateReason: row.state_reason,
    customerId: row.customer_id,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    data: (row.data ?? {}) as Record<string, unknown>,
  };
}

export async function orderView(db: Db, row: CaseRow): Promise<OrderView> {
  const [tasks, clocks] = await Promise.all([
    db
      .selectFrom('tasks')
      .select(['id', 'kind', 'role', 'assignee', 'due_at'])
      .where('case_id', '=', row.id)
      .where('state', 'in', ['open', 'claimed'])
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('sla_clocks').selectAll().where('case_id', '=', row.id).orderBy('started_at').orderBy('clock_id').execute(),
  ]);
  return {
    ...orderSummary(row),
    sla: clocks.map((c) => ({
      key: c.policy_key,
      startedAt: iso(c.started_at),
      dueAt: iso(c.due_at),
      jeopardy: c.jeopardy,
      breached: c.breached,
      stoppedAt: iso(c.stopped_at),
    })),
    pendingTasks: tasks.map((t) => ({ id: t.id, kind: t.kind, role: t.role, assignee: t.assignee, dueAt: iso(t.due_at) })),
  };
}

export async function loadOrderView(db: Db, id: string, actor: Actor): Promise<OrderView | undefined> {
  const row = await findVisibleCase(db, id, actor, 'order');
  return row ? orderView(db, row) : undefined;
}

export async function caseEvents(db: Db, caseId: string) {
  const rows = await db
    .selectFrom('case_events')
    .select(['at', 'actor', 'kind', 'detail'])
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((e) => ({ at: iso(e.at), actor: e.actor, kind: e.kind, detail: (e.detail ?? {}) as Record<string, unknown> }));
}
