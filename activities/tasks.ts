import type { Db } from '../src/db/index';
import type { TaskRecord } from '../src/domain/tasks';
import { withCaseEvent } from '../src/store/events';
import { closeTaskRecord, insertTask, type TaskClosing } from '../src/store/tasks';

/** The human-task inbox: rows the API lists, claims and shows; the workflow decides. */
export function taskActivities(db: Db) {
  return {
    async openTask(task: TaskRecord, eventKey: string): Promise<void> {
      const event = {
        caseId: task.caseId,
        eventKey,
        at: task.createdAt,
        actor: 'switchboard',
        kind: 'task_created',
        detail: { taskId: task.id, kind: task.kind, role: task.role, dueAt: task.dueAt, ...(task.assignee ? { assignee: task.assignee } : {}) },
      };
      await withCaseEvent(db, event, (tx) => insertTask(tx, task));
    },

    async closeTask(c: TaskClosing & { caseId: string; eventKey: string }): Promise<void> {
      const event = {
        caseId: c.caseId,
        eventKey: c.eventKey,
        at: c.at,
        actor: c.actor,
        kind: `task_${c.state}`,
        detail: { taskId: c.taskId, ...(c.outcome ? { outcome: c.outcome } : {}), ...(c.comment ? { comment: c.comment } : {}) },
      };
      await withCaseEvent(db, event, (tx) => closeTaskRecord(tx, c));
    },
  };
}
