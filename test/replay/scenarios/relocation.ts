/** Recorded relocation paths (npm run record-histories -- relocation). */
import { RELOCATION_CHECKLIST } from '../../../src/processes/relocation';
import { uniqueAddress } from '../../fixtures/new-install';
import { relocationFields } from '../../fixtures/relocation';
import { loadPorts, seedService } from '../../support/bss';
import { decide, openCase, openTask, seedCustomer } from '../../support/cases';
import { bookVisit, caller, finishedVisitData, planner, recordVisit } from '../../support/visits';
import type { Scenario } from './scenario';

export const relocationScenarios: Record<string, Scenario> = {
  /** A new number at the new address; the customer cannot be reached for the callback. */
  async 'relocation-new-number'(client, db, taskQueue) {
    const customerId = await seedCustomer(db);
    const newAddress = uniqueAddress();
    await loadPorts(db, newAddress.text, 1);
    const { id } = await openCase(client, db, taskQueue, 'relocation', customerId, relocationFields({ serviceId: await seedService(db, customerId), newAddress, keepNumber: false }));
    const slot = await bookVisit(client, db, id);
    await recordVisit(client, db, id, 'relocated', finishedVisitData(RELOCATION_CHECKLIST, slot));
    await decide(client, id, (await openTask(db, id, 'callback_survey')).id, caller, 'unreachable', { attempts: 3 });
    return id;
  },
  /** No port at the new address and none to come. */
  async 'relocation-no-resource'(client, db, taskQueue) {
    const customerId = await seedCustomer(db);
    const { id } = await openCase(client, db, taskQueue, 'relocation', customerId, relocationFields({ serviceId: await seedService(db, customerId), newAddress: uniqueAddress() }));
    await decide(client, id, (await openTask(db, id, 'plan_resource')).id, planner, 'no_resource', { reason: 'no duct in this street' });
    return id;
  },
};
