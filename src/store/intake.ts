/**
 * Writing a case the API opens: the customer's and the line's checks, the
 * Idempotency-Key's claim and the case's first row in one statement, so an
 * order costs one round trip to PostgreSQL before its workflow starts (a
 * transaction took five, each waiting its turn on a busy machine). A
 * statement is atomic: the key and the row are written together or not at all.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index';
import type { CaseStart } from '../../workflows/lib/messages';
import { initialCaseRow } from './cases';

export interface IntakeKey {
  /** The key as stored (a hash of the caller and their Idempotency-Key). */
  key: string;
  /** A hash of the request, to tell a retry from another request under the same key. */
  requestHash: string;
}

export interface IntakeWrite {
  customerKnown: boolean;
  /** The customer has the line the case names (true when it names none). */
  ownsService: boolean;
  /** The row was written: a new case. False with a key another request claimed first. */
  opened: boolean;
}

/** Writes the case's first row if its customer exists, owns `serviceId` (if given) and, with a key, the key is unclaimed. */
export async function writeOpenedCase(db: Db, start: CaseStart, key: IntakeKey | undefined, serviceId: string | undefined): Promise<IntakeWrite> {
  const row = initialCaseRow(start);
  // Absent values as SQL nulls: each is tested in the statement (no key: no claim; no line: no ownership check).
  const [line, claimKey, requestHash] = [serviceId ?? null, key?.key ?? null, key?.requestHash ?? null];
  const { rows } = await sql<IntakeWrite>`
    with customer as (select 1 from customers where id = ${row.customer_id}),
      service as (select 1 from services where id = ${line}::text and customer_id = ${row.customer_id}),
      allowed as (select 1 where exists (select 1 from customer) and (${line}::text is null or exists (select 1 from service))),
      claim as (
        insert into idempotency_keys (key, request_hash, case_id)
        select ${claimKey}::text, ${requestHash}::text, ${row.id} from allowed where ${claimKey}::text is not null
        on conflict (key) do nothing
        returning case_id),
      opened as (
        insert into cases (id, kind, type, state, stage, outcome, state_reason, customer_id, created_by, created_at, updated_at, parent_id, data)
        select ${row.id}, ${row.kind}, ${row.type}, ${row.state}, ${row.stage}, ${row.outcome}::text, ${row.state_reason}::text, ${row.customer_id}, ${row.created_by},
          ${start.createdAt}::timestamptz, ${start.createdAt}::timestamptz, ${row.parent_id}::text, ${JSON.stringify(row.data)}::jsonb
        from allowed where ${claimKey}::text is null or exists (select 1 from claim)
        on conflict (id) do nothing
        returning id)
    select exists (select 1 from customer) as "customerKnown",
      (${line}::text is null or exists (select 1 from service)) as "ownsService",
      exists (select 1 from opened) as opened`.execute(db);
  return rows[0]!;
}

/** The case a key opened before, and the hash of the request that opened it. */
export async function caseOfKey(db: Db, key: string): Promise<{ requestHash: string; caseId: string; createdAt: Date } | undefined> {
  const row = await db
    .selectFrom('idempotency_keys as k')
    .innerJoin('cases as c', 'c.id', 'k.case_id')
    .select(['k.request_hash', 'k.case_id', 'c.created_at'])
    .where('k.key', '=', key)
    .executeTakeFirst();
  return row && { requestHash: row.request_hash, caseId: row.case_id, createdAt: new Date(row.created_at) };
}
