import type { Logger } from 'pino';
import type { Db } from '../src/db/index';
import { builtInBilling, type BillingAdapter } from '../src/adapters/billing';
import { builtInBss, type BssAdapter } from '../src/adapters/bss';
import { builtInNetwork, type NetworkAdapter } from '../src/adapters/network';
import { builtInInventory, type InventoryAdapter } from '../src/adapters/inventory';
import { builtInNotifications, type NotificationProvider } from '../src/adapters/notifications';
import { builtInPayments, type PaymentsAdapter } from '../src/adapters/payments';
import { builtInProvisioning, type ProvisioningAdapter } from '../src/adapters/provisioning';
import { billingActivities } from './billing';
import { bssActivities } from './bss';
import { caseActivities } from './cases';
import { churnActivities } from './churn';
import { classifyErrors } from './errors';
import { networkActivities } from './network';
import { inventoryActivities } from './inventory';
import { notificationActivities } from './notifications';
import { paymentActivities } from './payments';
import { policyActivities } from './policies';
import { provisioningActivities } from './provisioning';
import { refundActivities } from './refunds';
import { slaActivities } from './sla';
import { taskActivities } from './tasks';

/** Systems we do not own; each has a built-in implementation and tests may pass others. */
export interface Adapters {
  bss: BssAdapter;
  billing: BillingAdapter;
  payments: PaymentsAdapter;
  notifications: NotificationProvider;
  network: NetworkAdapter;
  inventory: InventoryAdapter;
  provisioning: ProvisioningAdapter;
}

export function builtInAdapters(db: Db, logger: Logger): Adapters {
  return {
    bss: builtInBss(db),
    billing: builtInBilling(db),
    payments: builtInPayments(db),
    notifications: builtInNotifications(db, logger),
    network: builtInNetwork(db),
    inventory: builtInInventory(db),
    provisioning: builtInProvisioning(db),
  };
}

/** Our own records: run as local activities by the workflow's worker. */
export function recordActivities(db: Db) {
  return {
    ...caseActivities(db),
    ...taskActivities(db),
    ...slaActivities(db),
    ...policyActivities(db),
    ...refundActivities(db),
    ...churnActivities(db),
  };
}

/** Systems we do not own: regular activities with their own retry policy. */
export function systemActivities(db: Db, adapters: Adapters) {
  return {
    ...bssActivities(adapters.bss),
    ...billingActivities(adapters.billing),
    ...paymentActivities(adapters.payments),
    ...notificationActivities(db, adapters.bss, adapters.notifications),
    ...networkActivities(adapters.network),
    ...inventoryActivities(adapters.inventory),
    ...provisioningActivities(adapters.provisioning),
  };
}

export type RecordActivities = ReturnType<typeof recordActivities>;
export type SystemActivities = ReturnType<typeof systemActivities>;

export function createActivities(db: Db, adapters: Adapters): RecordActivities & SystemActivities {
  return classifyErrors({ ...recordActivities(db), ...systemActivities(db, adapters) });
}
