/** Every process the worker runs: one workflow per business capability. */
export { faultRepairOrder } from './fault-repair';
export { newInstallOrder } from './new-install';
export { ownershipTransferOrder } from './ownership-transfer';
export { refundOrder } from './refund';
export { cancellationOrder } from './cancellation';
export { relocationOrder } from './relocation';
export { complaintCase } from './complaint';
