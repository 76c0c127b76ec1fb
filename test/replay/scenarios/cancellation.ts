/** Recorded cancellation paths (npm run record-histories -- cancellation). */
import type { Client } from '@temporalio/client';
import type { Db } from '../../../src/db/index';
import { cancelCaseUpdate } from '../../../workflows/lib/messages';
import { cancellationFields, seedLeavingCustomer } from '../../fixtures/cancellation';
import { people, workCancellation } from '../../support/cancellation';
import { insertCaseRecord } from '../../../src/store/cases';
import { startCase } from '../../../src/temporal/cases';
import { caseStart, openTask } from '../../support/cases';
import type { Scenario } from './scenario';

const { clerk, supervisor, manager } = people;

/** A cancellation filed now, or at `filedAt`. */
async function open(client: Client, db: Db, taskQueue: string, { redeemPoints = false, filedAt }: { redeemPoints?: boolean; filedAt?: string } = {}) {
  const { customerId, serviceId } = await seedLeavingCustomer(db, { points: 400 });
  const start = { ...caseStart('cancellation', customerId, cancellationFields({ serviceId, redeemPoints })), ...(filedAt ? { createdAt: filedAt } : {}) };
  await insertCaseRecord(db, start);
  await startCase(client, taskQueue, start);
  return { id: start.id, work: workCancellation(client, db, start.id) };
}

export const cancellationScenarios: Record<string, Scenario> = {
  /** Not kept at the counter; the customer manager keeps the customer with a fee discount. */
  async 'cancellation-retained-by-manager'(client, db, taskQueue) {
    const { id, work } = await open(client, db, taskQueue);
    await work.answer('retention_attempt', clerk, 'not_retained', { reason: 'price is too high' });
    await work.answer('dispatch_retention', supervisor, 'assigned', { customerManagerId: manager.sub });
    await work.answer('retention_attempt', manager, 'retained', { offer: 'fee_discount' });
    return id;
  },
  /**
   * Filed five hours ago, so the contact clock has breached when the case
   * opens (a clock that breaches while the first steps run would make the
   * recording depend on timing); explained; the balance is refunded by a
   * child case, points redeemed, the line dismantled.
   */
  async 'cancellation-dismantled'(client, db, taskQueue) {
    const { id, work } = await open(client, db, taskQueue, { redeemPoints: true, filedAt: new Date(Date.now() - 5 * 3_600_000).toISOString() });
    await work.answer('explain_delay', supervisor, 'company_side', { explanation: 'the grid was short of staff' });
    await work.notRetained();
    await work.answer('approve_refund', supervisor, 'approve', {}, (await work.balanceRefund()).id);
    await work.recoverAndDismantle();
    return id;
  },
  /** The customer changes their mind while the balance refund awaits approval: both cases are cancelled, the final bill reversed. */
  async 'cancellation-withdrawn'(client, db, taskQueue) {
    const { id, work } = await open(client, db, taskQueue);
    await work.notRetained();
    await openTask(db, (await work.balanceRefund()).id, 'approve_refund');
    await client.workflow.getHandle(id).executeUpdate(cancelCaseUpdate, { args: [{ reason: 'the customer stays', actor: clerk }] });
    return id;
  },
};
