/**
 * Fault repair (障碍申告/修障), processes.md §6: the repair promise and the
 * rent credit of a late repair (seed 001 L242-244). Pure: runs in the
 * workflow sandbox.
 *
 * When the credit is decided: the fault period is only known once the
 * service works again, so the credit is computed at the restoration the
 * customer confirmed (or when the repair is given up), for the whole period
 * from the report to that restoration, if the restoration came after the
 * promise's due time. The customer is told of the breach when it happens;
 * the money follows at the restoration. A report the customer withdraws
 * (the order cancelled through the API) credits nothing: when the fault
 * ended is not known.
 *
 * How days are counted: in 24-hour periods from the report, a started period
 * counting as a whole day (in the customer's favour: 25 hours are 2 days);
 * a day's rent is a thirtieth of the monthly rent; the amount is rounded to
 * the fen once, on the total, so three days of 50 元 are exactly 5 元.
 */

export type Region = 'urban' | 'rural';

/** What the network's remote test says of a line. */
export const LINE_TEST_RESULTS = ['cleared', 'needs_visit', 'undetermined'] as const;
export type LineTestResult = (typeof LINE_TEST_RESULTS)[number];

/** Who was at fault: the operator's network, or the customer's own equipment (seed 001 L244). */
export type FaultCause = 'network' | 'customer_equipment';

/** Days in a month when a monthly rent is prorated by day. */
export const DAYS_PER_MONTH = 30;
const DAY_MS = 86_400_000;

/** Used when the BSS has no monthly rent on record for the service **[default]**. */
export const DEFAULT_MONTHLY_RENT_FEN = 5000;

/** The promise runs 48 hours in towns and 72 in the countryside (seed 001 L242). */
export function repairClockKey(region: Region): string {
  return `fault_repair.resolve.${region}`;
}

/** Why a report time cannot be taken (the API answers 422; the workflow trusts it), or undefined. */
export function reportedAtProblem(reportedAt: string, now: Date): string | undefined {
  const at = Date.parse(reportedAt);
  if (Number.isNaN(at)) return 'reportedAt must be an RFC 3339 instant';
  return at > now.getTime() ? 'reportedAt must not be later than now' : undefined;
}

/** The gate: a customer reports faults of their own services only. */
export function faultRepairGate(service: { customerId: string }, customerId: string): { reason: string; detail: string } | undefined {
  if (service.customerId === customerId) return undefined;
  return { reason: 'service_of_another_customer', detail: 'the service belongs to another customer' };
}

/** The restoration came after the promise's due time (as it stood then, time pending on the customer given back). */
export function restoredLate(restoredAt: string, dueAt: string): boolean {
  return Date.parse(restoredAt) > Date.parse(dueAt);
}

/** The rent of the fault period is credited when the repair was late, unless the customer's own equipment was at fault (seed 001 L244). */
export function rentCreditDue(fault: { cause: FaultCause; restoredAt: string; dueAt: string }): boolean {
  return fault.cause === 'network' && restoredLate(fault.restoredAt, fault.dueAt);
}

export interface FaultPeriod {
  reportedAt: string;
  restoredAt: string;
}

/** Whole days of the fault period: every started 24 hours from the report counts; none if it did not last. */
export function faultDays({ reportedAt, restoredAt }: FaultPeriod): number {
  return Math.max(0, Math.ceil((Date.parse(restoredAt) - Date.parse(reportedAt)) / DAY_MS));
}

export interface RentCredit {
  amountFen: number;
  days: number;
  monthlyRentFen: number;
  /** The period credited: from the report to the restoration. */
  from: string;
  to: string;
}

/** The rent of the fault period, prorated by day; undefined when there is nothing to credit (no rent, no whole period). */
export function rentCredit(monthlyRentFen: number, period: FaultPeriod): RentCredit | undefined {
  const days = faultDays(period);
  const amountFen = Math.round((monthlyRentFen * days) / DAYS_PER_MONTH);
  if (amountFen <= 0) return undefined;
  return { amountFen, days, monthlyRentFen, from: period.reportedAt, to: period.restoredAt };
}
