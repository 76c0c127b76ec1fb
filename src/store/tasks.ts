/** Human tasks (`tasks`): rows the workflows open and close, and the inbox people work from. */
import { sql, type ExpressionBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database, Db } from '../db/index';
import type { TasksTable } from '../db/schema';
import type { Actor } from '../domain/roles';
import { OPEN_TASK_STATES, type TaskRecord, type TaskState } from '../domain/tasks';
import { readsAll } from './cases';
import { sortKey, type Keyset } from './keyset';

/** A task row; lists and reads also carry when its own SLA clock reaches jeopardy. */
export type TaskRow = Selectable<TasksTable> & { jeopardy_at?: Date | null };

/** When the task's own SLA clock (`<policy>#<task id>`) reaches jeopardy. */
const jeopardyAt = sql<Date | null>`(select c.jeopardy_at from sla_clocks c
  where c.case_id = tasks.case_id and c.clock_id = c.policy_key || '#' || tasks.id)`.as('jeopardy_at');

export interface TaskClosing {
  taskId: string;
  state: Extract<TaskState, 'completed' | 'escalated' | 'cancelled'>;
  at: string;
  actor: string;
  outcome?: string;
  comment?: string;
  result?: Record<string, unknown>;
}

export async function insertTask(db: Db, task: TaskRecord): Promise<void> {
  await db
    .insertInto('tasks')
    .values({
      id: task.id,
      case_id: task.caseId,
      case_type: task.caseType,
      kind: task.kind,
      role: task.role,
      assignee: task.assignee ?? null,
      department: task.department ?? null,
      owner: task.owner ?? null,
      state: task.state,
      created_at: task.createdAt,
      due_at: task.dueAt,
      outcomes: JSON.stringify(task.outcomes),
      form: JSON.stringify(task.form),
      data: JSON.stringify(task.data),
      approves_money: task.approvesMoney ?? false,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function closeTaskRecord(db: Db, c: TaskClosing): Promise<void> {
  await db
    .updateTable('tasks')
    .set({
      state: c.state,
      outcome: c.outcome ?? null,
      comment: c.comment ?? null,
      result: c.result ? JSON.stringify(c.result) : null,
      completed_by: c.actor,
      completed_at: c.at,
    })
    .where('id', '=', c.taskId)
    .execute();
}

/** Takes an open task (or one the actor already holds); undefined when someone else holds it or it is closed. */
export async function claimTask(db: Db, taskId: string, actor: Actor): Promise<TaskRow | undefined> {
  return db
    .updateTable('tasks')
    .set({ assignee: actor.sub, state: 'claimed' })
    .where('id', '=', taskId)
    .where('state', 'in', OPEN_TASK_STATES)
    .where((eb) => eb.or([eb('assignee', 'is', null), eb('assignee', '=', actor.sub)]))
    .returningAll()
    .executeTakeFirst();
}

/** Gives a claimed task back; undefined when the actor does not hold it. */
export async function releaseTask(db: Db, taskId: string, actor: Actor): Promise<TaskRow | undefined> {
  return db
    .updateTable('tasks')
    .set({ assignee: null, state: 'open' })
    .where('id', '=', taskId)
    .where('state', '=', 'claimed')
    .where('assignee', '=', actor.sub)
    .returningAll()
    .executeTakeFirst();
}

export async function getTask(db: Db, taskId: string): Promise<TaskRow | undefined> {
  return db.selectFrom('tasks').selectAll().select(jeopardyAt).where('id', '=', taskId).executeTakeFirst();
}

/** Tasks an actor may see: readers-of-all every task; others those of their roles, assigned to them, or on their cases. */
function taskVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'tasks'>) =>
    readsAll(actor)
      ? eb.val(true)
      : eb.or([
          eb('tasks.role', 'in', actor.roles.length > 0 ? actor.roles : ['-']),
          eb('tasks.assignee', '=', actor.sub),
          eb.exists(
            eb.selectFrom('cases').select(sql<number>`1`.as('one')).whereRef('cases.id', '=', 'tasks.case_id').where('cases.created_by', '=', actor.sub),
          ),
        ]);
}

export async function findVisibleTask(db: Db, taskId: string, actor: Actor): Promise<TaskRow | undefined> {
  return db.selectFrom('tasks').selectAll().select(jeopardyAt).where('tasks.id', '=', taskId).where(taskVisibleTo(actor)).executeTakeFirst();
}

export type TaskOrder = 'createdAt' | 'dueAt';

export interface TaskFilter {
  /** Default: open and claimed. */
  state?: TaskState;
  role?: string;
  /** A staff id (the route turns `me` into the caller's). */
  assignee?: string;
  caseId?: string;
  kind?: string;
  caseType?: string;
  /** Oldest first, or soonest deadline first (tasks without one last). */
  order: TaskOrder;
  limit: number;
  after?: Keyset;
}

/** Tasks without a due time sort after every real deadline. */
const NO_DUE_TIME = "'9999-12-31 00:00:00+00'::timestamptz";
const SORT_COLUMN: Record<TaskOrder, string> = { createdAt: 'tasks.created_at', dueAt: `coalesce(tasks.due_at, ${NO_DUE_TIME})` };

type TaskQuery = SelectQueryBuilder<Database, 'tasks', TaskRow & { sort_key: string }>;

function sortedPage(query: TaskQuery, f: TaskFilter): TaskQuery {
  const key = sql.raw(SORT_COLUMN[f.order]);
  let q = query;
  if (f.kind) q = q.where('tasks.kind', '=', f.kind);
  if (f.caseType) q = q.where('tasks.case_type', '=', f.caseType);
  const after = f.after;
  if (after) q = q.where(sql<boolean>`(${key}, tasks.id) > (${after.t}::timestamptz, ${after.id})`);
  return q.orderBy(key, 'asc').orderBy('tasks.id', 'asc').limit(f.limit + 1);
}

function selectTasks(db: Db, order: TaskOrder): TaskQuery {
  return db
    .selectFrom('tasks')
    .selectAll()
    .select(jeopardyAt)
    .select(sortKey(SORT_COLUMN[order]).as('sort_key'));
}

/**
 * A page of tasks with each row's keyset sort key. The default inbox (no
 * role, assignee or case named) is what the actor may act on: the open tasks
 * of each of their roles (a department's only for its people) and those
 * assigned to them. Each of those is one walk down a partial index in the
 * page's order, merged here, so the inbox costs the page, not the backlog.
 */
export async function listTasks(db: Db, actor: Actor, f: TaskFilter): Promise<Array<TaskRow & { sort_key: string }>> {
  const inbox = f.role === undefined && f.assignee === undefined && f.caseId === undefined && (f.state === undefined || f.state !== 'completed');
  if (!inbox) {
    let q = selectTasks(db, f.order).where(taskVisibleTo(actor));
    q = f.state ? q.where('tasks.state', '=', f.state) : q.where('tasks.state', 'in', OPEN_TASK_STATES);
    if (f.role) q = q.where('tasks.role', '=', f.role);
    if (f.assignee) q = q.where('tasks.assignee', '=', f.assignee);
    if (f.caseId) q = q.where('tasks.case_id', '=', f.caseId);
    return sortedPage(q, f).execute();
  }
  const states = f.state ? [f.state] : OPEN_TASK_STATES;
  const open = () => selectTasks(db, f.order).where('tasks.state', 'in', states);
  const branches = [
    ...actor.roles.map((role) =>
      open()
        .where('tasks.role', '=', role)
        .where((eb) => eb.or([eb('tasks.department', 'is', null), eb('tasks.department', '=', actor.dept ?? null)])),
    ),
    open().where('tasks.assignee', '=', actor.sub),
  ];
  const pages = await Promise.all(branches.map((q) => sortedPage(q, f).execute()));
  const byId = new Map(pages.flat().map((row) => [row.id, row]));
  return [...byId.values()]
    .sort((a, b) => compare(a.sort_key, b.sort_key) || compare(a.id, b.id))
    .slice(0, f.limit + 1);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
