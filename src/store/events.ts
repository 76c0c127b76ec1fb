/** The case timeline (`case_events`): every change of a case, oldest first. */
import type { Db } from '../db/index';
import { isPublished } from '../domain/hub';
import { publishCaseEvent } from '../hub/publish';
import { iso } from './time';

export interface CaseEventInput {
  caseId: string;
  /** Unique per case: retrying the write of one event never adds a second row. */
  eventKey: string;
  at: string;
  actor: string;
  kind: string;
  detail?: Record<string, unknown>;
}

export interface CaseEvent {
  at: string;
  actor: string;
  kind: string;
  detail: Record<string, unknown>;
}

/**
 * Appends an entry once (by its key). An entry other systems hear of also
 * goes to the hub's outbox, in the same transaction (src/hub/publish.ts).
 */
export async function appendCaseEvent(db: Db, e: CaseEventInput): Promise<void> {
  if (isPublished(e.kind) && !db.isTransaction) return db.transaction().execute((tx) => appendCaseEvent(tx, e));
  const added = await db
    .insertInto('case_events')
    .values({ case_id: e.caseId, event_key: e.eventKey, at: e.at, actor: e.actor, kind: e.kind, detail: JSON.stringify(e.detail ?? {}) })
    .onConflict((oc) => oc.columns(['case_id', 'event_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  // A retried write adds no row, so no second event either.
  if (added && isPublished(e.kind)) await publishCaseEvent(db, e);
}

/**
 * Changes rows and appends the case event that tells of the change, in one
 * transaction: the timeline never shows a change that did not happen, nor
 * misses one that did.
 */
export function withCaseEvent<T>(db: Db, event: CaseEventInput, change: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const result = await change(tx);
    await appendCaseEvent(tx, event);
    return result;
  });
}

export async function caseEvents(db: Db, caseId: string): Promise<CaseEvent[]> {
  const rows = await db
    .selectFrom('case_events')
    .select(['at', 'actor', 'kind', 'detail'])
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((e) => ({ at: iso(e.at), actor: e.actor, kind: e.kind, detail: (e.detail ?? {}) as Record<string, unknown> }));
}
