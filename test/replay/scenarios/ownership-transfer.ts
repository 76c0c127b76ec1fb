/** Recorded ownership transfer paths (npm run record-histories -- ownership_transfer). */
import { ownershipTransferFields } from '../../fixtures/ownership-transfer';
import { seedCompany, seedService } from '../../support/bss';
import { decide, eventually, openCase, openTask, seedCustomer, staff, withSla } from '../../support/cases';
import type { Scenario } from './scenario';

const clerk = staff('clerk-1', 'frontoffice');

export const ownershipTransferScenarios: Record<string, Scenario> = {
  /** A company in arrears and inside its agreement period hands its line to a new identity. */
  async 'ownership_transfer-settled-and-approved'(client, db, taskQueue) {
    const owner = await seedCompany(db, { arrearsFen: 3000, agreementEndsAt: '2099-01-01T00:00:00Z' });
    const { id } = await openCase(client, db, taskQueue, 'ownership_transfer', owner, ownershipTransferFields({ serviceId: await seedService(db, owner, { kind: 'fixed_line' }) }));
    await decide(client, id, (await openTask(db, id, 'confirm_settlement')).id, clerk, 'settled', { paymentReference: 'PAY-1', amountFen: 3000 });
    const current = await openTask(db, id, 'verify_identity');
    await decide(client, id, current.id, clerk, 'verified', { document: 'business_licence', introductionLetter: { reference: 'LTR-1', sealed: true } });
    const next = await eventually('the new owner check', async () => {
      const t = await openTask(db, id, 'verify_identity');
      return t.id === current.id ? undefined : t;
    });
    await decide(client, id, next.id, clerk, 'verified', { document: 'resident_id' });
    await decide(client, id, (await openTask(db, id, 'approve_transfer')).id, staff('sup-1', 'supervisor'), 'approve');
    return id;
  },
  /** The arrears are never settled: the wait runs out while the case is pending. */
  async 'ownership_transfer-settlement-expired'(client, db, taskQueue) {
    const restore = await withSla(db, 'ownership_transfer.settlement_wait', 'PT2S');
    try {
      const owner = await seedCustomer(db, { arrearsFen: 3000 });
      const { id } = await openCase(client, db, taskQueue, 'ownership_transfer', owner, ownershipTransferFields({ serviceId: await seedService(db, owner) }));
      await client.workflow.getHandle(id).result();
      return id;
    } finally {
      await restore();
    }
  },
};
