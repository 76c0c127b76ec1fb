/** The human-task inbox: list, read, claim, release, complete. */
import { randomUUID } from 'node:crypto';
import { mayActOnTask, ROLES, taskRefusal, type Actor } from '../../domain/roles';
import { appendCaseEvent } from '../../store/events';
import { claimTask, findVisibleTask, getTask, listTasks, releaseTask, type TaskRow } from '../../store/tasks';
import { completeTaskUpdate } from '../../../workflows/lib/messages';
import type { Api, ApiDeps } from '../deps';
import { decodeCursor, keysetPage } from '../pagination';
import { requireRoles } from '../plugins/auth';
import { fieldErrors, HttpProblem } from '../plugins/problems';
import { IdParams } from '../schemas/common';
import { CompleteInput, CompleteResult, TaskList, TaskListQuery, TaskView } from '../schemas/tasks';
import { problemFromUpdateError } from '../temporal-errors';
import { taskView } from '../views';

const FINISHED_TASK_STATES = ['completed', 'escalated', 'cancelled'];

/** A person's inbox action on the case's timeline (the workflow records completions itself). */
function recordInboxAction(db: ApiDeps['db'], task: TaskRow, actor: Actor, kind: 'task_claimed' | 'task_released') {
  return appendCaseEvent(db, {
    caseId: task.case_id,
    eventKey: `${kind}:${randomUUID()}`,
    at: new Date().toISOString(),
    actor: actor.sub,
    kind,
    detail: { taskId: task.id, taskKind: task.kind },
  });
}

function mustAct(actor: Actor, task: TaskRow, what: string): void {
  const authority = { role: task.role, approvesMoney: task.approves_money, department: task.department, owner: task.owner };
  if (!mayActOnTask(actor, authority)) throw new HttpProblem(403, taskRefusal(actor, authority, what));
}

export async function taskRoutes(app: Api, { db, temporal, forms }: ApiDeps): Promise<void> {
  async function visibleTask(id: string, actor: Actor): Promise<TaskRow> {
    const row = await findVisibleTask(db, id, actor);
    if (!row) throw new HttpProblem(404, `no task ${id}`);
    return row;
  }

  app.get(
    '/tasks',
    {
      onRequest: requireRoles(...ROLES),
      schema: {
        tags: ['tasks'],
        summary:
          'Tasks, oldest first (or soonest deadline first with sort=dueAt). Without role/assignee/caseId: open and claimed ' +
          'tasks the caller may act on (their roles — a department task only for its department — or assigned to them). ' +
          'With them: the matching tasks the caller may see.',
        querystring: TaskListQuery,
        response: { 200: TaskList },
      },
    },
    async (request) => {
      const { cursor, limit = 50, sort = 'createdAt', assignee, ...filter } = request.query;
      const rows = await listTasks(db, request.actor, {
        ...filter,
        ...(assignee !== undefined ? { assignee: assignee === 'me' ? request.actor.sub : assignee } : {}),
        order: sort,
        limit,
        after: decodeCursor(cursor),
      });
      return keysetPage(rows, limit, (row) => taskView(row, request.actor));
    },
  );

  app.get(
    '/tasks/:id',
    {
      onRequest: requireRoles(...ROLES),
      schema: { tags: ['tasks'], summary: 'A task', params: IdParams, response: { 200: TaskView } },
    },
    async (request) => taskView(await visibleTask(request.params.id, request.actor), request.actor),
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
      const task = await visibleTask(request.params.id, actor);
      mustAct(actor, task, 'claim');
      if (task.state === 'claimed' && task.assignee === actor.sub) return taskView(task, actor);
      const claimed = await claimTask(db, task.id, actor);
      if (!claimed) {
        const now = await getTask(db, task.id);
        throw new HttpProblem(
          409,
          now && now.state === 'claimed' && now.assignee ? `task ${task.id} is held by ${now.assignee}` : `task ${task.id} is no longer open (${now?.state ?? 'gone'})`,
        );
      }
      await recordInboxAction(db, task, actor, 'task_claimed');
      return taskView(claimed, actor);
    },
  );

  app.post(
    '/tasks/:id/release',
    {
      onRequest: requireRoles(...ROLES),
      schema: { tags: ['tasks'], summary: 'Give a claimed task back (only its holder; an owned task never: 403)', params: IdParams, response: { 200: TaskView } },
    },
    async (request) => {
      const actor = request.actor;
      const task = await visibleTask(request.params.id, actor);
      if (task.owner) throw new HttpProblem(403, `task ${task.id} belongs to its owner ${task.owner}: ownership never moves`);
      const released = await releaseTask(db, task.id, actor);
      if (!released) {
        if (task.state === 'claimed' && task.assignee !== actor.sub) {
          throw new HttpProblem(409, `task ${task.id} is held by ${task.assignee}; only the holder may release it`);
        }
        throw new HttpProblem(409, `task ${task.id} is not claimed by you (state ${task.state})`);
      }
      await recordInboxAction(db, task, actor, 'task_released');
      return taskView(released, actor);
    },
  );

  app.post(
    '/tasks/:id/complete',
    {
      onRequest: requireRoles(...ROLES),
      schema: {
        tags: ['tasks'],
        summary:
          'Complete a task with an outcome. 403 wrong role or department; 409 finished or held by another; ' +
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
      const task = await visibleTask(request.params.id, actor);
      mustAct(actor, task, 'complete');
      if (FINISHED_TASK_STATES.includes(task.state)) throw new HttpProblem(409, `task ${task.id} is already ${task.state}`);
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
          throw new HttpProblem(422, `the data does not fit outcome ${outcome}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, { errors });
        }
      }

      let result;
      try {
        result = await temporal.workflow.getHandle(task.case_id).executeUpdate(completeTaskUpdate, {
          args: [{ taskId: task.id, outcome, ...(comment !== undefined ? { comment } : {}), data, actor }],
        });
      } catch (err) {
        throw problemFromUpdateError(err, task.case_id) ?? err;
      }
      // The update answers after the workflow has written the completed task row.
      return { task: taskView((await getTask(db, task.id))!, actor), case: result.case };
    },
  );
}
