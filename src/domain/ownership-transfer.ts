/**
 * Ownership transfer (过户) rules, processes.md §3 (seed 000 L223-L228). Pure.
 */
import type { GateRefusal } from './case';

export type TransferRefusal = GateRefusal<'same_owner' | 'unknown_new_owner' | 'service_not_active'>;

/**
 * Policy `ownership_transfer.fee_fen`: the transfer fee by kind of line.
 * Mobile transfers are free (seed 000 L224); fixed-network lines (fixed
 * line, broadband) pay the tariff the regulator approved — 10 元 here
 * **[default]**, changed through the policy store.
 */
export interface TransferFeePolicy {
  mobile: number;
  fixed: number;
}

export const DEFAULT_TRANSFER_FEE_POLICY: TransferFeePolicy = { mobile: 0, fixed: 1000 };

export function transferFeeFen(serviceKind: string, policy: TransferFeePolicy): number {
  return serviceKind === 'mobile' ? policy.mobile : policy.fixed;
}

/** Acceptance gates: the line is in service and goes to someone else, who exists when named by id. */
export function transferGate(
  currentOwnerId: string,
  service: { status: string },
  newOwner: { customerId: string; known: boolean } | { customerId?: undefined },
): TransferRefusal | undefined {
  if (service.status !== 'active') return { reason: 'service_not_active', detail: `the service is ${service.status}` };
  if (newOwner.customerId === currentOwnerId) return { reason: 'same_owner', detail: 'the new owner is the current owner' };
  if (newOwner.customerId !== undefined && !newOwner.known) return { reason: 'unknown_new_owner', detail: `there is no customer ${newOwner.customerId}` };
  return undefined;
}

export type CustomerKind = 'individual' | 'group';

/** A company's party brings an introduction letter with its seal (seed 000 L228); a person does not need one. */
export function introductionLetterProblem(party: CustomerKind, letter: { sealed: boolean } | undefined): string | undefined {
  if (party !== 'group') return undefined;
  return letter?.sealed ? undefined : 'a corporate party needs the introduction letter with its seal (seed 000 L228)';
}
