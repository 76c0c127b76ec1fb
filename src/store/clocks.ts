/** SLA clocks (`sla_clocks`): each clock's deadline and what it has seen. */
import type { Selectable } from 'kysely';
import type { Db } from '../db/index';
import type { SlaClocksTable } from '../db/schema';
import type { Deadline } from '../domain/sla';

export type ClockRow = Selectable<SlaClocksTable>;

export interface ClockRef {
  caseId: string;
  clockId: string;
}

/** Starts a clock once: a second insert (a retried activity) keeps the first deadline. */
export async function insertClock(db: Db, ref: ClockRef & { policyKey: string }, deadline: Deadline): Promise<void> {
  await db
    .insertInto('sla_clocks')
    .values({
      case_id: ref.caseId,
      clock_id: ref.clockId,
      policy_key: ref.policyKey,
      started_at: deadline.startedAt,
      due_at: deadline.dueAt,
      jeopardy_at: deadline.jeopardyAt,
      stopped_at: null,
    })
    .onConflict((oc) => oc.columns(['case_id', 'clock_id']).doNothing())
    .execute();
}

export async function storedDeadline(db: Db, ref: ClockRef): Promise<Deadline & { policyKey: string }> {
  const row = await db.selectFrom('sla_clocks').selectAll().where('case_id', '=', ref.caseId).where('clock_id', '=', ref.clockId).executeTakeFirstOrThrow();
  return { policyKey: row.policy_key, startedAt: row.started_at.toISOString(), dueAt: row.due_at.toISOString(), jeopardyAt: row.jeopardy_at.toISOString() };
}

export async function moveDeadline(db: Db, ref: ClockRef, next: Deadline): Promise<void> {
  await db
    .updateTable('sla_clocks')
    .set({ due_at: next.dueAt, jeopardy_at: next.jeopardyAt })
    .where('case_id', '=', ref.caseId)
    .where('clock_id', '=', ref.clockId)
    .execute();
}

/** Records jeopardy, breach or the stop on the clock; returns its policy and due time. */
export async function markClockRow(db: Db, ref: ClockRef, mark: 'jeopardy' | 'breached' | 'stopped', at: string) {
  return db
    .updateTable('sla_clocks')
    .set(mark === 'stopped' ? { stopped_at: at } : { [mark]: true })
    .where('case_id', '=', ref.caseId)
    .where('clock_id', '=', ref.clockId)
    .returning(['policy_key', 'due_at'])
    .executeTakeFirstOrThrow();
}
