import type { Db } from '../src/db/index';
import { insertChurnRecord, type ChurnEntry } from '../src/store/churn';

/** The churn file: a customer who left, filed for win-back (离网建档). */
export function churnActivities(db: Db) {
  return {
    async fileChurn(entry: ChurnEntry): Promise<void> {
      await insertChurnRecord(db, entry);
    },
  };
}
