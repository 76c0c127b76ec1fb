import { cancellationScenarios } from './cancellation';
import { complaintScenarios } from './complaint';
import { faultRepairScenarios } from './fault-repair';
import { newInstallScenarios } from './new-install';
import { ownershipTransferScenarios } from './ownership-transfer';
import { refundScenarios } from './refund';
import { relocationScenarios } from './relocation';
import type { Scenario } from './scenario';

/** Every recorded path, named `<case type>-<path>`: each process adds its own. */
export const scenarios: Record<string, Scenario> = {
  ...newInstallScenarios,
  ...relocationScenarios,
  ...ownershipTransferScenarios,
  ...refundScenarios,
  ...faultRepairScenarios,
  ...cancellationScenarios,
  ...complaintScenarios,
};
