import type { PaymentReceipt, PaymentsAdapter, RefundPaymentRequest } from '../src/adapters/payments';

/** The payment system: money back to the customer, once per idempotency key. */
export function paymentActivities(payments: PaymentsAdapter) {
  return {
    async payRefund(req: RefundPaymentRequest): Promise<PaymentReceipt> {
      return payments.refund(req);
    },
  };
}
