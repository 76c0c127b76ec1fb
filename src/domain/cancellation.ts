/**
 * Cancellation with retention (拆机挽留), processes.md §4: the gate, who
 * makes each retention attempt, and what the balance refund asks for. Pure.
 */
import { insideAgreementPeriod, isTierAGroup } from './account';
import { formatYuan } from './refund';
import type { Actor, Role } from './roles';

/** Why the customer leaves (seed 000 L239: the reason must be recorded). */
export const CANCELLATION_REASONS = ['price', 'quality', 'moving_away', 'competitor', 'no_longer_needed', 'other'] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

/** Where the customer asked to leave. */
export const CANCELLATION_CHANNELS = ['hall', 'hotline', 'customer_manager', 'online', 'letter', 'visit'] as const;

export interface CancellationRefusal {
  reason: 'in_agreement_period' | 'not_the_customers_service' | 'already_terminated';
  detail: string;
}

/**
 * Acceptance gate: the service must be the customer's and still running,
 * and a service inside its agreement period cannot be cancelled (seed 000 L240).
 */
export function cancellationGate(
  customerId: string,
  account: { agreementEndsAt: string | null },
  service: { id: string; customerId: string; status: string },
  now: Date,
): CancellationRefusal | null {
  if (service.customerId !== customerId) {
    return { reason: 'not_the_customers_service', detail: `service ${service.id} does not belong to customer ${customerId}` };
  }
  if (service.status === 'terminated') return { reason: 'already_terminated', detail: `service ${service.id} is already terminated` };
  if (insideAgreementPeriod(account, now)) {
    return { reason: 'in_agreement_period', detail: `the service is inside its agreement period, which ends at ${account.agreementEndsAt}` };
  }
  return null;
}

/**
 * The counter attempt is the clerk's who filled the form (seed 002 L395);
 * a form filed by someone who is not a clerk (a customer manager, an admin)
 * leaves it to any clerk.
 */
export function counterClerk(filedBy: Actor): string | undefined {
  return filedBy.roles.includes('frontoffice') ? filedBy.sub : undefined;
}

/**
 * Who makes the second attempt: the customer manager the grid supervisor
 * assigns, or, for a group customer of tier A, the chief group customer
 * manager (seed 004 L68), whom no supervisor assigns.
 */
export function secondAttemptBy(customer: { customerType: string; tier: string }): { role: Role; assignedBySupervisor: boolean } {
  return isTierAGroup(customer) ? { role: 'branch_leader', assignedBySupervisor: false } : { role: 'agent', assignedBySupervisor: true };
}

/** The child refund of the balance left after the final bill (seed 000 L242). */
export function balanceRefund(serviceId: string, refundableFen: number, finalBillId: string) {
  return {
    amountFen: refundableFen,
    cause: 'cancellation_balance' as const,
    description: `balance of ${formatYuan(refundableFen)} yuan left when service ${serviceId} was cancelled`,
    // The final bill is the document the refund rests on.
    invoice: { provided: true, number: finalBillId },
    evidence: [finalBillId],
  };
}
