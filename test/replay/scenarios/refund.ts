/** Recorded refund paths (npm run record-histories -- refund). */
import { cancelCaseUpdate } from '../../../workflows/lib/messages';
import { refundFields } from '../../fixtures/refund';
import { decide, eventually, openRefund, openTask, seedCustomer, staff, withSla } from '../../support/cases';
import type { Scenario } from './scenario';

const supervisor = staff('sup-1', 'supervisor');

export const refundScenarios: Record<string, Scenario> = {
  /** Co-approval, an overdue approval moving up, payment, audit. */
  async 'refund-escalated-and-paid'(client, db, taskQueue) {
    const restore = await withSla(db, 'refund.approval', 'PT2S');
    const { id } = await openRefund(client, db, taskQueue, await seedCustomer(db), refundFields({ cause: 'billing_error' }));
    try {
      const co = await openTask(db, id, 'co_approve_refund');
      await decide(client, id, co.id, { ...supervisor, dept: 'it_centre' }, 'approve');
      const escalated = await eventually('the approval to move up', () =>
        db.selectFrom('tasks').select('id').where('case_id', '=', id).where('kind', '=', 'approve_refund').where('role', '=', 'branch_leader').executeTakeFirst(),
      );
      await decide(client, id, escalated.id, staff('bl-1', 'branch_leader'), 'approve');
    } finally {
      await restore();
    }
    return id;
  },
  /** A lost invoice proven by finance, then denied by the approver. */
  async 'refund-lost-invoice-denied'(client, db, taskQueue) {
    const { id } = await openRefund(client, db, taskQueue, await seedCustomer(db), refundFields({ invoice: { provided: false } }));
    await decide(client, id, (await openTask(db, id, 'finance_proof')).id, supervisor, 'proven', { proofReference: 'FIN-1' });
    await decide(client, id, (await openTask(db, id, 'approve_refund')).id, supervisor, 'deny', { reason: 'charge was correct' });
    return id;
  },
  /** Cancelled while waiting for approval. */
  async 'refund-cancelled'(client, db, taskQueue) {
    const { id } = await openRefund(client, db, taskQueue, await seedCustomer(db), refundFields());
    await openTask(db, id, 'approve_refund');
    await client.workflow.getHandle(id).executeUpdate(cancelCaseUpdate, { args: [{ reason: 'customer withdrew', actor: staff('clerk-1', 'frontoffice') }] });
    return id;
  },
};
