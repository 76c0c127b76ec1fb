/** The human-task inbox: list, read, claim, release, complete. */
import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Database, Db } from '../../db/index';
import type { TasksTable } from '../../db/schema';
import { mayActOnTask, ROLES, type Actor } from '../../domain/roles';
import { appendCaseEvent } from '../../store/cases';
import { completeTaskUpdate } from '../../../workflows/lib/messages';
import { readsAll } from '../cases-read';
import type { Api, ApiDeps } from '../deps';
import { decodeCursor, iso, keysetPage } from '../pagination';
import { requireRoles } from '../plugins/auth';
import { fieldErrors, HttpProblem } from '../plugins/problems';
import { IdParams } from '../schemas/common';
import { CompleteInput, CompleteResult, TaskList, TaskListQuery, TaskView } from '../schemas/tasks';
import { problemFromUpdateError } from '../temporal-errors';

type TaskRow = Selectable<TasksTable>;

const FINISHED_TASK_STATES = ['completed', 'escalated', 'cancelled'];

export function taskView(t: TaskRow): TaskView {
  const view: TaskView = {
    id: t.id,
    caseId: t.case_id,
    caseType: t.case_type,
    kind: t.kind,
    role: t.role,
    assignee: t.assignee,
    state: t.state,
    createdAt: iso(t.created_at),
    dueAt: iso(t.due_at),
    outcomes: t.outcomes ?? [],
    form: (t.form ?? {}) as Record<string, unknown>,
    data: (t.data ?? {}) as Record<string, unknown>,
  };
  if (t.state === 'completed' || t.outcome !== null) {
    view.outcome = t.outcome;
    view.comment = t.comment;
    view.result = t.result as Record<string, unknown> | null;
    view.completedBy = t.completed_by;
    view.completedAt = iso(t.completed_at);
  }
  return view;
}

/** A person's inbox action on the case's timeline (the workflow records completions itself). */
function recordInboxAction(db: Db, task: Pick<TaskRow, 'id' | 'case_id' | 'kind'>, actor: Actor, kind: 'task_claimed' | 'task_released') {
  return appendCaseEvent(db, {
    caseId: task.case_id,
    eventKey: `${kind}:${randomUUID()}`,
    at: new Date().toISOString(),
    actor: actor.sub,
    kind,
    detail: { taskId: task.id, taskKind: task.kind },
  });
}

/** May the actor work on (claim, complete) this task? */
export function canAct(actor: Actor, task: Pick<TaskRow, 'role' | 'approves_money'>): boolean {
  return mayActOnTask(actor, { role: task.role, approvesMoney: task.approves_money });
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
            eb
              .selectFrom('cases')
              .select(sql<number>`1`.as('one'))
              .whereRef('cases.id', '=', 'tasks.case_id')
              .where('cases.created_by', '=', actor.sub),
          ),
        ]);
}

/** Tasks an actor may act on (the default inbox): their roles' tasks and those assigned to them. */
function taskActionableBy(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'tasks'>) =>
    eb.or([eb('tasks.role', 'in', actor.roles.length > 0 ? actor.roles : ['-']), eb('tasks.assignee', '=', actor.sub)]);
}

async function findVisibleTask(db: Db, id: string, actor: Actor): Promise<TaskRow> {
  const row = await db.selectFrom('tasks').selectAll().where('tasks.id', '=', id).where(taskVisibleTo(actor)).executeTakeFirst();
  if (!row) throw new HttpProblem(404, `no task ${id}`);
  return row;
}

function mustAct(actor: Actor, task: TaskRow, what: string): void {
  if (canAct(actor, task)) return;
  const detail =
    actor.roles.includes('admin') && task.approves_money
      ? `an admin may not ${what} a task that approves money`
      : `only ${task.role} may ${what} this task`;
  throw new HttpProblem(403, detail);
}

export async function taskRoutes(app: Api, { db, temporal, forms }: ApiDeps): Promise<void> {
  app.get(
    '/tasks',
    {
      onRequest: requireRoles(...ROLES),
      schema: {
        tags: ['tasks'],
        summary:
          'Tasks, oldest first. Without role/assignee/caseId: open and claimed tasks the caller may act on ' +
          '(their roles, or assigned to them). With them: the matching tasks the caller may see.',
        querystring: TaskListQuery,
        response: { 200: TaskList },
      },
    },
    async (request) => {
      const q = request.query;
      const actor = request.actor;
      const limit = q.limit ?? 50;
      const after = decodeCursor(q.cursor);
      const filtered = q.role !== undefined || q.assignee !== undefined || q.caseId !== undefined;
      let query = db
        .selectFrom('tasks')
        .selectAll()
        .select(sql<string>`tasks.created_at::text`.as('created_at_exact'))
        .where(filtered ? taskVisibleTo(actor) : taskActionableBy(actor));
      query = q.state ? query.where('tasks.state', '=', q.state) : query.where('tasks.state', 'in', ['open', 'claimed']);
      if (q.role) query = query.where('tasks.role', '=', q.role);
      if (q.assignee) query = query.where('tasks.assignee', '=', q.assignee === 'me' ? actor.sub : q.assignee);
      if (q.caseId) query = query.where('tasks.case_id', '=', q.caseId);
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('tasks.created_at', 'tasks.id'), '>', eb.tuple(sql<Date>`${after.t}::timestamptz`, after.id)),
        );
      }
      const rows = await query.orderBy('tasks.created_at', 'asc').orderBy('tasks.id', 'asc').limit(limit + 1).execute();
      return keysetPage(rows, limit, taskView);
    },
  );

  app.get(
    '/tasks/:id',
    {
      onRequest: requireRoles(...ROLES),
      schema: { tags: ['tasks'], summary: 'A task', params: IdParams, response: { 200: TaskView } },
    },
    async (request) => taskView(await findVisibleTask(db, request.params.id, request.actor)),
  );

  app.post(
    '/tasks/:id/claim',
    {
      onRequest: requireRoles(...ROLES),
      schema: {
        tags: ['tasks'],
        summary: 'Claim a task (200; 409 if someone else holds it or it is no longer open)',
        params: IdParams,
        response: { 200: TaskView },
      },
    },
    async (request) => {
      const actor = request.actor;
      const task = await findVisibleTask(db, request.params.id, actor);
      mustAct(actor, task, 'claim');
      if (task.state === 'claimed' && task.assignee === actor.sub) return taskView(task);
      const updated = await db
        .updateTable('tasks')
        .set({ assignee: actor.sub, state: 'claimed' })
        .where('id', '=', task.id)
        .where('state', 'in', ['open', 'claimed'])
        .where((eb) => eb.or([eb('assignee', 'is', null), eb('assignee', '=', actor.sub)]))
        .returningAll()
        .executeTakeFirst();
      if (!updated) {
        const now = await db.selectFrom('tasks').select(['state', 'assignee']).where('id', '=', task.id).executeTakeFirst();
        throw new HttpProblem(
          409,
          now && now.state === 'claimed' && now.assignee
            ? `task ${task.id} is held by ${now.assignee}`
            : `task ${task.id} is no longer open (${now?.state ?? 'gone'})`,
        );
      }
      await recordInboxAction(db, task, actor, 'task_claimed');
      return taskView(updated);
    },
  );

  app.post(
    '/tasks/:id/release',
    {
      onRequest: requireRoles(...ROLES),
      schema: {
        tags: ['tasks'],
        summary: 'Give a claimed task back (only its holder)',
        params: IdParams,
        response: { 200: TaskView },
      },
    },
    async (request) => {
      const actor = request.actor;
      const task = await findVisibleTask(db, request.params.id, actor);
      const updated = await db
        .updateTable('tasks')
        .set({ assignee: null, state: 'open' })
        .where('id', '=', task.id)
        .where('state', '=', 'claimed')
        .where('assignee', '=', actor.sub)
        .returningAll()
        .executeTakeFirst();
      if (!updated) {
        if (task.state === 'claimed' && task.assignee !== actor.sub) {
          throw new HttpProblem(409, `task ${task.id} is held by ${task.assignee}; only the holder may release it`);
        }
        throw new HttpProblem(409, `task ${task.id} is not claimed by you (state ${task.state})`);
      }
      await recordInboxAction(db, task, actor, 'task_released');
      return taskView(updated);
    },
  );

  app.post(
    '/tasks/:id/complete',
    {
      onRequest: requireRoles(...ROLES),
      schema: {
        tags: ['tasks'],
        summary:
          'Complete a task with an outcome. 403 wrong role; 409 finished or held by another; ' +
          '422 outcome not allowed or data invalid for form[outcome]',
        params: IdParams,
        body: CompleteInput,
        response: { 200: CompleteResult },
      },
    },
    async (request) => {
      const actor = request.actor;
      const { outcome, comment } = request.body;
      const data = (request.body.data ?? {}) as Record<string, unknown>;
      const task = await findVisibleTask(db, request.params.id, actor);
      mustAct(actor, task, 'complete');
      if (FINISHED_TASK_STATES.includes(task.state)) {
        throw new HttpProblem(409, `task ${task.id} is already ${task.state}`);
      }
      if (task.state === 'claimed' && task.assignee !== null && task.assignee !== actor.sub) {
        throw new HttpProblem(409, `task ${task.id} is held by ${task.assignee}`);
      }
      const outcomes = task.outcomes ?? [];
      if (!outcomes.includes(outcome)) {
        throw new HttpProblem(422, `outcome ${JSON.stringify(outcome)} is not allowed; allowed: ${outcomes.join(', ')}`, {
          errors: [{ path: 'body/outcome', message: `must be one of ${outcomes.join(', ')}` }],
        });
      }
      const schema = (task.form as Record<string, unknown> | null)?.[outcome];
      if (schema && typeof schema === 'object') {
        const checked = forms.validate(schema, data);
        if (!checked.ok) {
          const errors = fieldErrors(checked.errors, 'body/data');
          throw new HttpProblem(422, `the data does not fit outcome ${outcome}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, {
            errors,
          });
        }
      }

      let result;
      try {
        result = await temporal.workflow.getHandle(task.case_id).executeUpdate(completeTaskUpdate, {
          args: [
            {
              taskId: task.id,
              outcome,
              ...(comment !== undefined ? { comment } : {}),
              data,
              actor,
            },
          ],
        });
      } catch (err) {
        throw problemFromUpdateError(err, task.case_id) ?? err;
      }

      // The update answers after the workflow has written the completed task row.
      const completed = await db.selectFrom('tasks').selectAll().where('id', '=', task.id).executeTakeFirstOrThrow();
      return { task: taskView(completed), case: result.case };
    },
  );
}
