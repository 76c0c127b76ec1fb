import type { Db } from '../src/db/index';
import { earlierComplaints, insertCaseRecord, updateCaseRecord, type CaseUpdate } from '../src/store/cases';
import { withCaseEvent, type CaseEventInput } from '../src/store/events';
import type { CaseStart } from '../workflows/lib/messages';

export type CaseEvent = Omit<CaseEventInput, 'caseId'>;

/** The case read model and its timeline. Every write is keyed, so a retried activity changes nothing twice. */
export function caseActivities(db: Db) {
  return {
    async openCase(start: CaseStart, event: CaseEvent): Promise<void> {
      await withCaseEvent(db, { caseId: start.id, ...event }, (tx) => insertCaseRecord(tx, start));
    },

    /** A change of state and/or data, with the event that tells of it. */
    async updateCase(u: Omit<CaseUpdate, 'at'> & { event: CaseEvent }): Promise<void> {
      await withCaseEvent(db, { caseId: u.caseId, ...u.event }, (tx) => updateCaseRecord(tx, { ...u, at: u.event.at }));
    },

    /** Earlier complaints of the customer on the subject within the repeat window (read only). */
    async earlierComplaints(q: Parameters<typeof earlierComplaints>[1]): Promise<string[]> {
      return earlierComplaints(db, q);
    },
  };
}
