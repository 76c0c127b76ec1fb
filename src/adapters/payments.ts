import type { Db } from '../db/index';

export interface RefundPaymentRequest {
  /** The provider must pay at most once per key (we pass the case id). */
  idempotencyKey: string;
  caseId: string;
  customerId: string;
  amountFen: number;
  /** Pay back through the original payment method (seed 000 L296). */
  method: string;
}

export interface PaymentReceipt {
  paymentId: string;
  amountFen: number;
  status: 'paid';
}

/** The payment system. Must be idempotent on `idempotencyKey`. */
export interface PaymentsAdapter {
  refund(req: RefundPaymentRequest): Promise<PaymentReceipt>;
}

/** Records payments in Postgres; the unique idempotency key makes a retried refund return the first receipt. */
export function builtInPayments(db: Db): PaymentsAdapter {
  return {
    async refund(req) {
      await db
        .insertInto('payments')
        .values({
          id: `pay_${req.idempotencyKey}`,
          idempotency_key: req.idempotencyKey,
          case_id: req.caseId,
          customer_id: req.customerId,
          amount_fen: req.amountFen,
          method: req.method,
          status: 'paid',
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
      const row = await db
        .selectFrom('payments')
        .select(['id', 'amount_fen'])
        .where('idempotency_key', '=', req.idempotencyKey)
        .executeTakeFirstOrThrow();
      return { paymentId: row.id, amountFen: row.amount_fen, status: 'paid' };
    },
  };
}
