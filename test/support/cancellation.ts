/**
 * Cancellation cases for workflow tests and replay scenarios: the people of
 * the process doing their tasks through the case's `completeTask` update,
 * as the API does.
 */
import type { Client } from '@temporalio/client';
import type { Db } from '../../src/db/index';
import type { Actor } from '../../src/domain/roles';
import { decide, eventually, openTask, staff } from './cases';

/** The people who work a cancellation. */
export const people = {
  clerk: staff('clerk-1', 'frontoffice'),
  supervisor: staff('sup-1', 'supervisor'),
  manager: staff('cm-7', 'agent'),
  chief: staff('chief-1', 'branch_leader'),
  tech: staff('tech-1', 'technician'),
};

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** Works the cancellation `id` through its tasks the way staff would (through the workflow's update, as the API does). */
export function workCancellation(client: Client, db: Db, id: string) {
  const { clerk, supervisor, manager, tech } = people;
  /** The case's next open task of `kind`, completed by `actor`. */
  async function answer(kind: string, actor: Actor, outcome: string, data: Record<string, unknown> = {}, caseId = id) {
    const task = await openTask(db, caseId, kind);
    await decide(client, caseId, task.id, actor, outcome, data);
    return task;
  }
  return {
    answer,
    /** The balance refund case the cancellation started. */
    balanceRefund: () => eventually('the balance refund case', () => db.selectFrom('cases').selectAll().where('parent_id', '=', id).executeTakeFirst()),
    /** Neither the clerk nor the customer manager keeps the customer; the supervisor confirms the return. */
    async notRetained() {
      await answer('retention_attempt', clerk, 'not_retained', { reason: 'price is too high' });
      await answer('dispatch_retention', supervisor, 'assigned', { customerManagerId: manager.sub });
      await answer('retention_attempt', manager, 'not_retained', { reason: 'moving to a competitor with a cheaper fibre plan' });
      await answer('verify_retention_return', supervisor, 'confirmed');
    },
    /** The clerk takes the modem back, a technician books and dismantles with the customer's signature. */
    async recoverAndDismantle() {
      await answer('recover_equipment', clerk, 'recovered', { items: ['ONU modem'] });
      await this.book();
      await answer('dismantle', tech, 'dismantled', {
        arrivedAt: new Date().toISOString(),
        checklist: { disconnectedAtCabinet: true, dropLineRemoved: true },
        signature: { reference: 'SIG-9', signerName: '张三' },
      });
    },
    /** A technician agrees a slot starting in a minute. */
    async book() {
      await answer('book_appointment', tech, 'booked', { slot: { start: inMinutes(1), end: inMinutes(61) }, contactedAt: new Date().toISOString(), technicianId: tech.sub });
    },
  };
}
