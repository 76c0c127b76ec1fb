import { sql } from 'kysely';
import type { Db } from '../src/db/index';
import { DEFAULT_TZ_OFFSET_MINUTES, monthKey } from '../src/domain/calendar';
import { analysisCategory, type RefundCause } from '../src/domain/refund';

export interface RefundClaim {
  caseId: string;
  customerId: string;
  amountFen: number;
  filedAt: string;
}

export interface ClaimStanding {
  /** Month-to-date refunds of the account, this one included (pending and approved, not denied). */
  cumulativeFen: number;
  /** Refunds of the account this month, this one included. */
  monthCount: number;
}

/** The refund ledger: claims counted against the account's month, and the analysis record. */
export function refundActivities(db: Db) {
  return {
    /**
     * Files a refund against the account's month. Two refunds filed at once
     * for one account must both count, so the sum is taken under a
     * per-account advisory lock; the standing is fixed at filing, so a retry
     * returns what the first run computed.
     */
    async fileRefundClaim(claim: RefundClaim): Promise<ClaimStanding> {
      const month = monthKey(new Date(claim.filedAt), DEFAULT_TZ_OFFSET_MINUTES);
      return db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(hashtextextended(${`refund:${claim.customerId}`}, 0))`.execute(tx);
        const existing = await tx
          .selectFrom('refund_claims')
          .select(['cumulative_fen', 'month_count'])
          .where('case_id', '=', claim.caseId)
          .executeTakeFirst();
        if (existing) return { cumulativeFen: existing.cumulative_fen, monthCount: existing.month_count };

        const prior = await tx
          .selectFrom('refund_claims')
          .select([
            sql<number>`coalesce(sum(amount_fen) filter (where status in ('pending','approved','paid')), 0)::bigint`.as('total'),
            sql<number>`count(*) filter (where status in ('pending','approved','paid'))::int`.as('count'),
          ])
          .where('customer_id', '=', claim.customerId)
          .where('month', '=', month)
          .executeTakeFirstOrThrow();
        const standing = { cumulativeFen: prior.total + claim.amountFen, monthCount: prior.count + 1 };
        await tx
          .insertInto('refund_claims')
          .values({
            case_id: claim.caseId,
            customer_id: claim.customerId,
            amount_fen: claim.amountFen,
            month,
            filed_at: claim.filedAt,
            status: 'pending',
            cumulative_fen: standing.cumulativeFen,
            month_count: standing.monthCount,
          })
          .execute();
        return standing;
      });
    },

    async settleRefundClaim(caseId: string, status: 'approved' | 'denied' | 'cancelled' | 'paid'): Promise<void> {
      await db.updateTable('refund_claims').set({ status }).where('case_id', '=', caseId).execute();
    },

    async recordRefundAnalysis(a: { caseId: string; customerId: string; cause: RefundCause; amountFen: number; at: string }) {
      await db
        .insertInto('refund_analysis')
        .values({
          case_id: a.caseId,
          customer_id: a.customerId,
          cause: a.cause,
          category: analysisCategory(a.cause),
          amount_fen: a.amountFen,
          month: monthKey(new Date(a.at), DEFAULT_TZ_OFFSET_MINUTES),
        })
        .onConflict((oc) => oc.column('case_id').doNothing())
        .execute();
    },
  };
}
