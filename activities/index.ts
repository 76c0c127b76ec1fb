import type { Logger } from 'pino';
import type { Db } from '../src/db/index';
import { builtInBss, type BssAdapter } from '../src/adapters/bss';
import { loggingNotifications, type NotificationProvider } from '../src/adapters/notifications';
import { builtInPayments, type PaymentsAdapter } from '../src/adapters/payments';
import { billingActivities } from './billing';
import { caseActivities } from './cases';
import { notificationActivities } from './notifications';
import { policyActivities } from './policies';
import { slaActivities } from './sla';
import { taskActivities } from './tasks';

/** Systems we do not own; each has a built-in implementation and tests may pass others. */
export interface Adapters {
  bss: BssAdapter;
  payments: PaymentsAdapter;
  notifications: NotificationProvider;
}

export function builtInAdapters(db: Db, logger: Logger): Adapters {
  return { bss: builtInBss(db), payments: builtInPayments(db), notifications: loggingNotifications(logger) };
}

export function createActivities(db: Db, adapters: Adapters) {
  return {
    ...caseActivities(db),
    ...taskActivities(db),
    ...slaActivities(db),
    ...policyActivities(db),
    ...billingActivities(db, adapters.bss, adapters.payments),
    ...notificationActivities(db, adapters.bss, adapters.notifications),
  };
}

export type Activities = ReturnType<typeof createActivities>;
