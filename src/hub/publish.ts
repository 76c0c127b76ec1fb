/**
 * A timeline entry other systems hear of becomes an event in the hub's
 * outbox, inside the transaction that writes the entry (src/store/events.ts):
 * the outbox never tells of a change that did not happen, nor misses one
 * that did. The event carries the case or task as it stands after the change,
 * in the TMF envelope, masked for subscribers that may not see personal data.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index';
import { hubEventType, queryMatches, type HubEventType } from '../domain/hub';
import { maskPersonalData } from '../domain/masking';
import { complaintSummary, orderSummary, taskView } from '../api/views';
import type { CaseRow } from '../store/cases';
import type { CaseEventInput } from '../store/events';
import { insertOutboxRows, lockSubscribers } from '../store/hub';
import { getTask } from '../store/tasks';
import { iso } from '../store/time';

/** Writes the event for every subscriber whose query it matches. Call inside the entry's transaction. */
export async function publishCaseEvent(tx: Db, entry: CaseEventInput): Promise<void> {
  const audience = await lockSubscribers(tx);
  if (audience.length === 0) return;
  // The case's row lock orders its events: outbox ids follow commit order within a case.
  const row = await tx.selectFrom('cases').selectAll().where('id', '=', entry.caseId).forNoKeyUpdate().executeTakeFirst();
  const eventType = row && hubEventType(entry.kind, row.kind);
  if (!row || !eventType) return;
  const to = audience.filter((s) => queryMatches(s.query, { eventType, caseType: row.type }));
  if (to.length === 0) return;

  const event = await eventBody(tx, eventType, row, entry);
  const eventId = randomUUID();
  const envelope = (body: Record<string, unknown>) =>
    JSON.stringify({ eventId, eventTime: iso(entry.at), eventType, correlationId: row.id, event: body });
  const plain = envelope(event);
  const masked = envelope(maskPersonalData(event));
  await insertOutboxRows(
    tx,
    to.map((s) => ({ subscriber_id: s.id, case_id: row.id, event_id: eventId, event_type: eventType, payload: s.personalData ? plain : masked })),
  );
}

/** The case as the API shows it in lists: orders with `state`, complaints with `status` (TMF621), owner and severity. */
function caseView(row: CaseRow): Record<string, unknown> {
  return row.kind === 'order' ? orderSummary(row, 'system') : complaintSummary(row, 'system');
}

async function eventBody(tx: Db, type: HubEventType, row: CaseRow, entry: CaseEventInput): Promise<Record<string, unknown>> {
  const detail = entry.detail ?? {};
  switch (type) {
    case 'TaskCreateEvent':
    case 'TaskCompleteEvent': {
      const task = await getTask(tx, String(detail.taskId));
      if (!task) throw new Error(`task ${String(detail.taskId)} is not on record`);
      // The form (JSON Schemas per outcome) stays out: GET /v1/tasks/{id} has it.
      const { form: _form, ...view } = taskView(task, 'system');
      return { task: view };
    }
    case 'SlaJeopardyEvent':
    case 'SlaBreachEvent':
      return { sla: { clockId: detail.clock, key: detail.policyKey, dueAt: detail.dueAt }, [row.kind]: caseView(row) };
    default:
      return { [row.kind]: caseView(row) };
  }
}
