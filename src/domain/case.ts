/**
 * Case vocabulary shared by every process: TMF622 order states, TMF621
 * complaint statuses, and the order types of the API contract.
 */
export const ORDER_TYPES = [
  'new_install',
  'relocation',
  'ownership_transfer',
  'cancellation',
  'refund',
  'fault_repair',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
export const CASE_TYPES = [...ORDER_TYPES, 'complaint'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const ORDER_STATES = [
  'acknowledged',
  'inProgress',
  'pending',
  'held',
  'completed',
  'cancelled',
  'rejected',
  'failed',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const COMPLAINT_STATUSES = [
  'acknowledged',
  'inProgress',
  'pending',
  'held',
  'resolved',
  'closed',
  'cancelled',
  'rejected',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export type CaseState = OrderState | ComplaintStatus;

export const FINAL_STATES: readonly CaseState[] = ['completed', 'cancelled', 'rejected', 'failed', 'closed'];

export function isFinalState(state: CaseState): boolean {
  return FINAL_STATES.includes(state);
}

/** Id prefixes help people read ids; clients never parse them. */
export function caseIdPrefix(type: CaseType): string {
  return type === 'complaint' ? 'cmp_' : 'ord_';
}

/** Why an acceptance gate refused a case: a reason code (the case's `stateReason`) and words for people. */
export interface GateRefusal<Reason extends string = string> {
  reason: Reason;
  detail: string;
}
