/**
 * Relocation (移机) rules, processes.md §2 (seed 000 L228-L229). Pure.
 */
import { hasArrears } from './account';
import type { GateRefusal } from './case';

export type RelocationRefusal = GateRefusal<'arrears_outstanding' | 'service_not_active' | 'number_change_blocked'>;

/**
 * Acceptance gates: no arrears (seed 000 L228); the line is in service; and a
 * line that once moved keeping its number may not change it now (seed 000
 * L229: 移机不改号 lines cannot change number).
 */
export function relocationGate(
  request: { keepNumber: boolean },
  account: { arrearsFen: number },
  service: { status: string; numberChangeBlocked: boolean },
): RelocationRefusal | undefined {
  if (hasArrears(account)) return { reason: 'arrears_outstanding', detail: `the customer owes ${account.arrearsFen} fen` };
  if (service.status !== 'active') return { reason: 'service_not_active', detail: `the service is ${service.status}` };
  if (!request.keepNumber && service.numberChangeBlocked) {
    return { reason: 'number_change_blocked', detail: 'this line moved keeping its number before; it cannot change number' };
  }
  return undefined;
}

/** What changes on the service once the line works at the new address. */
export function relocatedService(
  request: { keepNumber: boolean; newAddress: { text: string; region: 'urban' | 'rural' } },
  newNumber: string | undefined,
): { address: string; region: 'urban' | 'rural'; number?: string; numberChangeBlocked?: true } {
  return {
    address: request.newAddress.text,
    region: request.newAddress.region,
    ...(request.keepNumber ? { numberChangeBlocked: true as const } : newNumber ? { number: newNumber } : {}),
  };
}
