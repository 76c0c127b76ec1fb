import type { BillingAdapter, BillingReceipt, BillingRequest, FinalBill, PointsRedemption, ReversalRequest } from '../src/adapters/billing';

/** The billing system: fees, credits, offers, final bills, points and reversals, each once per idempotency key. */
export function billingActivities(billing: BillingAdapter) {
  return {
    chargeAccount: (req: BillingRequest): Promise<BillingReceipt> => billing.charge(req),
    creditAccount: (req: BillingRequest): Promise<BillingReceipt> => billing.credit(req),
    applyOffer: (req: BillingRequest): Promise<BillingReceipt> => billing.applyOffer(req),
    finalBill: (req: Omit<BillingRequest, 'amountFen'>): Promise<FinalBill> => billing.finalBill(req),
    redeemPoints: (req: Omit<BillingRequest, 'amountFen'>): Promise<PointsRedemption> => billing.redeemPoints(req),
    reverseEntry: (req: ReversalRequest): Promise<BillingReceipt> => billing.reverse(req),
  };
}
