/** Recorded new install paths (npm run record-histories -- new_install). */
import { INSTALL_CHECKLIST } from '../../../src/processes/new-install';
import { cancelCaseUpdate } from '../../../workflows/lib/messages';
import { newInstallFields, uniqueAddress } from '../../fixtures/new-install';
import { loadPorts } from '../../support/bss';
import { decide, eventually, openCase, openTask, seedCustomer, staff, withSla } from '../../support/cases';
import { bookVisit, finishedVisitData, planner, recordVisit, surveyCustomer } from '../../support/visits';
import type { Scenario } from './scenario';

const supervisor = staff('sup-1', 'supervisor');
const clerk = staff('clerk-1', 'frontoffice');
const company = { applicant: 'corporate', idDocument: { type: 'resident_id', number: '510107199001011234', local: true }, namePreApprovalNotice: { number: 'NPA-1' } } as const;

export const newInstallScenarios: Record<string, Scenario> = {
  /** A company on its pre-approval notice; late (expedited), absent, a failed visit, installed, surveyed, licence brought. */
  async 'new_install-installed-after-rebooking'(client, db, taskQueue) {
    const late = { duration: 'PT3S', calendar: 'continuous' as const };
    await db.updateTable('sla_policies').set(late).where('key', '=', 'new_install.complete.urban').execute();
    const installAddress = uniqueAddress();
    await loadPorts(db, installAddress.text, 1);
    const { id } = await openCase(client, db, taskQueue, 'new_install', await seedCustomer(db), newInstallFields({ installAddress, identity: company }));
    try {
      const expedite = await openTask(db, id, 'expedite_order');
      await decide(client, id, expedite.id, supervisor, 'expedited', { action: 'second crew' });
      let slot = await bookVisit(client, db, id);
      await recordVisit(client, db, id, 'customer_absent', { arrivedAt: slot.start });
      await bookVisit(client, db, id);
      await recordVisit(client, db, id, 'technical_failure', { fault: 'no light' });
      await decide(client, id, (await openTask(db, id, 'resolve_technical_failure')).id, supervisor, 'revisit', { note: 'fibre spliced' });
      slot = await bookVisit(client, db, id);
      await recordVisit(client, db, id, 'installed', finishedVisitData(INSTALL_CHECKLIST, slot));
      await surveyCustomer(client, db, id);
      await eventually('the wait for the licence', async () => ((await db.selectFrom('cases').select('stage').where('id', '=', id).executeTakeFirstOrThrow()).stage === 'awaiting_identity_record' ? true : undefined));
      await decide(client, id, (await openTask(db, id, 'complete_identity_record')).id, clerk, 'completed', { businessLicenceNumber: '91510100MA6C000000' });
    } finally {
      await db.updateTable('sla_policies').set({ duration: 'P3D', calendar: 'working' }).where('key', '=', 'new_install.complete.urban').execute();
    }
    return id;
  },
  /** Cancelled while the visit is booked: appointment, port and prestore undone. */
  async 'new_install-cancelled'(client, db, taskQueue) {
    const installAddress = uniqueAddress();
    await loadPorts(db, installAddress.text, 1);
    const fields = newInstallFields({ installAddress, prepayment: { amountFen: 20000, reference: 'RCPT-1' } });
    const { id } = await openCase(client, db, taskQueue, 'new_install', await seedCustomer(db), fields);
    await bookVisit(client, db, id);
    await openTask(db, id, 'record_visit');
    await client.workflow.getHandle(id).executeUpdate(cancelCaseUpdate, { args: [{ reason: 'customer moved away', actor: clerk }] });
    return id;
  },
  /** No port: the planner adds nothing in time and the wait runs out. */
  async 'new_install-resource-wait-expired'(client, db, taskQueue) {
    const restore = await withSla(db, 'new_install.resource_wait', 'PT3S');
    try {
      const { id } = await openCase(client, db, taskQueue, 'new_install', await seedCustomer(db), newInstallFields({ installAddress: uniqueAddress() }));
      await decide(client, id, (await openTask(db, id, 'plan_resource')).id, planner, 'resource_added', {});
      await client.workflow.getHandle(id).result();
      return id;
    } finally {
      await restore();
    }
  },
};
