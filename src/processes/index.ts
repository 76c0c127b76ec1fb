/**
 * The process registry: every kind of case Switchboard runs. Adding a
 * process = its contract here (src/processes/<process>.ts: input schema,
 * stages, task forms, policy defaults), its workflow (workflows/<process>.ts),
 * its rules (src/domain/<process>.ts) and its test fixtures (README,
 * "Adding a process").
 */
import type { CaseType } from '../domain/case';
import type { ProcessDefinition } from './define';
import { cancellationProcess } from './cancellation';
import { complaintProcess } from './complaint';
import { faultRepairProcess } from './fault-repair';
import { newInstallProcess } from './new-install';
import { ownershipTransferProcess } from './ownership-transfer';
import { refundProcess } from './refund';
import { relocationProcess } from './relocation';

export const PROCESSES: readonly ProcessDefinition[] = [
  newInstallProcess,
  relocationProcess,
  ownershipTransferProcess,
  refundProcess,
  faultRepairProcess,
  cancellationProcess,
  complaintProcess,
];

const BY_TYPE = new Map<CaseType, ProcessDefinition>(PROCESSES.map((p) => [p.type, p]));

/** The process that runs cases of `type`, if one has shipped. */
export function processOf(type: CaseType): ProcessDefinition | undefined {
  return BY_TYPE.get(type);
}
