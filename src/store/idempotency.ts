/** Idempotency keys of case-opening requests (`idempotency_keys`). */
import type { Db } from '../db/index';

export type KeyClaim = { fresh: true } | { fresh: false; caseId: string; requestHash: string };

/** Records that `key` opens `caseId`, or tells which case it opened before (and for which request). */
export async function claimIdempotencyKey(db: Db, key: string, requestHash: string, caseId: string): Promise<KeyClaim> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ key, request_hash: requestHash, case_id: caseId })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { fresh: true };
  const existing = await db.selectFrom('idempotency_keys').select(['request_hash', 'case_id']).where('key', '=', key).executeTakeFirstOrThrow();
  return { fresh: false, caseId: existing.case_id, requestHash: existing.request_hash };
}
