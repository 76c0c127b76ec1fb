import type { Db } from '../src/db/index';
import type { TaskRecord, TaskState } from '../src/domain/tasks';
import { appendCaseEvent } from '../src/store/cases';

export interface TaskClosing {
  taskId: string;
  caseId: string;
  state: Extract<TaskState, 'completed' | 'escalated' | 'cancelled'>;
  at: string;
  actor: string;
  eventKey: string;
  outcome?: string;
  comment?: string;
  result?: Record<string, unknown>;
}

/** The human-task inbox: rows the API lists, claims and shows; the workflow decides. */
export function taskActivities(db: Db) {
  return {
    async openTask(task: TaskRecord, eventKey: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('tasks')
          .values({
            id: task.id,
            case_id: task.caseId,
            case_type: task.caseType,
            kind: task.kind,
            role: task.role,
            assignee: task.assignee ?? null,
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
        await appendCaseEvent(tx, {
          caseId: task.caseId,
          eventKey,
          at: task.createdAt,
          actor: 'switchboard',
          kind: 'task_created',
          detail: { taskId: task.id, kind: task.kind, role: task.role, dueAt: task.dueAt },
        });
      });
    },

    async closeTask(c: TaskClosing): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
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
        await appendCaseEvent(tx, {
          caseId: c.caseId,
          eventKey: c.eventKey,
          at: c.at,
          actor: c.actor,
          kind: `task_${c.state}`,
          detail: { taskId: c.taskId, ...(c.outcome ? { outcome: c.outcome } : {}), ...(c.comment ? { comment: c.comment } : {}) },
        });
      });
    },
  };
}
