import type { Db } from '../src/db/index';
import { appendCaseEvent, insertCaseRecord, mergeCaseData, type CaseEventInput } from '../src/store/cases';
import type { CaseStart } from '../workflows/lib/messages';

export interface CaseTransition {
  caseId: string;
  state: string;
  stage: string;
  outcome: string | null;
  stateReason: string | null;
  /** Fields merged into the case's `data`. */
  data?: Record<string, unknown>;
  event: Omit<CaseEventInput, 'caseId'>;
}

/** The case read model and its timeline. Every write is keyed, so a retried activity changes nothing twice. */
export function caseActivities(db: Db) {
  return {
    async openCase(start: CaseStart, event: Omit<CaseEventInput, 'caseId'>): Promise<void> {
      await insertCaseRecord(db, start);
      await appendCaseEvent(db, { caseId: start.id, ...event });
    },

    async recordTransition(t: CaseTransition): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('cases')
          .set({
            state: t.state,
            stage: t.stage,
            outcome: t.outcome,
            state_reason: t.stateReason,
            updated_at: t.event.at,
            ...(t.data ? { data: mergeCaseData(t.data) } : {}),
          })
          .where('id', '=', t.caseId)
          .execute();
        await appendCaseEvent(tx, { caseId: t.caseId, ...t.event });
      });
    },

    async recordCaseEvent(event: CaseEventInput): Promise<void> {
      await appendCaseEvent(db, event);
    },
  };
}
