/** The churn file (`churn_records`, 离网建档): customers who left, for win-back work. */
import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/index';
import type { ChurnRecordsTable } from '../db/schema';
import { sortKey, type Keyset } from './keyset';

export interface ChurnEntry {
  caseId: string;
  customerId: string;
  serviceId: string;
  serviceKind: string;
  region: string;
  customerType: string;
  tier: string;
  reasonCode: string;
  reasonText: string;
  analysis: string | null;
  monthlyRevenueFen: number | null;
  offersDeclined: string[];
  churnedAt: string;
}

/** Files the customer once per cancellation: a retried write adds nothing. */
export async function insertChurnRecord(db: Db, e: ChurnEntry): Promise<void> {
  const row: Insertable<ChurnRecordsTable> = {
    case_id: e.caseId,
    customer_id: e.customerId,
    service_id: e.serviceId,
    service_kind: e.serviceKind,
    region: e.region,
    customer_type: e.customerType,
    tier: e.tier,
    reason_code: e.reasonCode,
    reason_text: e.reasonText,
    analysis: e.analysis,
    monthly_revenue_fen: e.monthlyRevenueFen,
    offers_declined: JSON.stringify(e.offersDeclined),
    churned_at: e.churnedAt,
  };
  await db.insertInto('churn_records').values(row).onConflict((oc) => oc.column('case_id').doNothing()).execute();
}

export interface ChurnFilter {
  customerId?: string;
  reasonCode?: string;
  /** Churned at or after this instant. */
  from?: string;
  /** Churned before this instant. */
  to?: string;
  limit: number;
  after?: Keyset;
}

/** A page of the churn file, most recent first, with each row's keyset sort key (keyed on the case id). */
export async function listChurn(db: Db, f: ChurnFilter) {
  let q = db
    .selectFrom('churn_records')
    .selectAll()
    .select(sortKey('churn_records.churned_at').as('sort_key'));
  if (f.customerId) q = q.where('customer_id', '=', f.customerId);
  if (f.reasonCode) q = q.where('reason_code', '=', f.reasonCode);
  if (f.from) q = q.where('churned_at', '>=', new Date(f.from));
  if (f.to) q = q.where('churned_at', '<', new Date(f.to));
  const after = f.after;
  if (after) q = q.where((eb) => eb(eb.refTuple('churned_at', 'case_id'), '<', eb.tuple(sql<Date>`${after.t}::timestamptz`, after.id)));
  return q.orderBy('churned_at', 'desc').orderBy('case_id', 'desc').limit(f.limit + 1).execute();
}
