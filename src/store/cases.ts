import { sql } from 'kysely';
import type { Db } from '../db/index';
import type { CaseStart } from '../../workflows/lib/messages';

/** The read-model row a case starts with. Idempotent: a second insert of the same case is a no-op. */
export async function insertCaseRecord(db: Db, start: CaseStart): Promise<void> {
  await db
    .insertInto('cases')
    .values({
      id: start.id,
      kind: start.type === 'complaint' ? 'complaint' : 'order',
      type: start.type,
      state: 'acknowledged',
      stage: 'received',
      outcome: null,
      state_reason: null,
      customer_id: start.customerId,
      created_by: start.createdBy.sub,
      created_at: start.createdAt,
      updated_at: start.createdAt,
      data: JSON.stringify(start.fields),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export interface CaseEventInput {
  caseId: string;
  /** Unique per case: retrying the write of one event never adds a second row. */
  eventKey: string;
  at: string;
  actor: string;
  kind: string;
  detail?: Record<string, unknown>;
}

export async function appendCaseEvent(db: Db, e: CaseEventInput): Promise<void> {
  await db
    .insertInto('case_events')
    .values({
      case_id: e.caseId,
      event_key: e.eventKey,
      at: e.at,
      actor: e.actor,
      kind: e.kind,
      detail: JSON.stringify(e.detail ?? {}),
    })
    .onConflict((oc) => oc.columns(['case_id', 'event_key']).doNothing())
    .execute();
}

/** Merge fields into the case's `data` (shallow). */
export function mergeCaseData(patch: Record<string, unknown>) {
  return sql<string>`data || ${JSON.stringify(patch)}::jsonb`;
}
