/**
 * Account facts every process gates on (processes.md, Shared concepts):
 * arrears, tiers and the agreement period (协议期). Pure.
 */

/** The customer owes money: most orders wait for it to be paid (seed 000 L228). */
export function hasArrears(account: { arrearsFen: number }): boolean {
  return account.arrearsFen > 0;
}

/** Group customers A1/A2/B1/B2/C (seed 004 L36), VIP cards (seed 004 L42), otherwise standard. */
export const TIERS = ['A1', 'A2', 'B1', 'B2', 'C', 'diamond', 'gold', 'silver', 'standard'] as const;
export type Tier = (typeof TIERS)[number];

/** A group customer of tier A: served by the chief group customer manager (seed 004 L68). */
export function isTierAGroup(customer: { customerType: string; tier: string }): boolean {
  return customer.customerType === 'group' && (customer.tier === 'A1' || customer.tier === 'A2');
}

/**
 * The account is still inside its agreement period: it ends at
 * `agreementEndsAt` (an instant); from that instant on it is over.
 */
export function insideAgreementPeriod(account: { agreementEndsAt: string | null }, now: Date): boolean {
  if (account.agreementEndsAt === null || account.agreementEndsAt === undefined) return false;
  const ends = Date.parse(account.agreementEndsAt);
  if (!Number.isFinite(ends)) throw new RangeError(`agreementEndsAt is not a valid date: ${JSON.stringify(account.agreementEndsAt)}`);
  return ends > now.getTime();
}
