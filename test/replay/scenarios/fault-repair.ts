/** Recorded fault repair paths (npm run record-histories -- fault_repair). */
import type { Client } from '@temporalio/client';
import type { Db } from '../../../src/db/index';
import type { ServiceSeed } from '../../fixtures/fault-repair';
import { withSla } from '../../support/cases';
import { faultRepairSteps, reportFault } from '../../support/fault-repair';
import type { Scenario } from './scenario';

async function report(client: Client, db: Db, taskQueue: string, seed: ServiceSeed, reportedAt?: string) {
  return (await reportFault(client, db, taskQueue, seed, reportedAt ? { reportedAt } : {})).id;
}

export const faultRepairScenarios: Record<string, Scenario> = {
  /** Reported a day ago on a two-second promise: breached at once; absent, escalated, restored, confirmed, the rent credited. */
  async 'fault_repair-late-visit-credited'(client, db, taskQueue) {
    const restore = await withSla(db, 'fault_repair.resolve.urban', 'PT2S');
    try {
      const id = await report(client, db, taskQueue, { lineTest: 'needs_visit' }, new Date(Date.now() - 24 * 3_600_000).toISOString());
      const steps = faultRepairSteps(client, db);
      await steps.book(id);
      await steps.visit(id, 'customer_absent', { arrivedAt: new Date().toISOString() });
      await steps.book(id);
      await steps.visit(id, 'needs_escalation', { fault: 'cable cut in the duct' });
      await steps.escalation(id, 'revisit', { note: 'duct crew repaired the cable' });
      await steps.book(id);
      await steps.visit(id, 'restored');
      await steps.confirm(id);
      await steps.survey(id, { satisfaction: 2, comment: 'took more than a day' });
      return id;
    } finally {
      await restore();
    }
  },
  /** The network cannot decide; a technician clears the line; the customer finds it still down, a visit restores it. */
  async 'fault_repair-cleared-remotely'(client, db, taskQueue) {
    const id = await report(client, db, taskQueue, {});
    const steps = faultRepairSteps(client, db);
    await steps.diagnose(id, 'cleared');
    await steps.confirm(id, 'still_faulty', { symptom: 'still no sync' });
    await steps.book(id);
    await steps.visit(id, 'restored');
    await steps.confirm(id);
    await steps.survey(id);
    return id;
  },
  /** The customer's own router was at fault. */
  async 'fault_repair-customer-equipment'(client, db, taskQueue) {
    const id = await report(client, db, taskQueue, { lineTest: 'needs_visit', region: 'rural' });
    const steps = faultRepairSteps(client, db);
    await steps.book(id);
    await steps.visit(id, 'customer_equipment_fault', {
      arrivedAt: new Date().toISOString(),
      equipment: 'Wi-Fi router',
      finding: 'the router does not boot',
      signature: { reference: 'SIG-3', signerName: '张三' },
    });
    await steps.survey(id, 'unreachable');
    return id;
  },
};
