import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../src/db/index';
import type { BssAdapter } from '../src/adapters/bss';
import type { NotificationProvider, OutgoingMessage } from '../src/adapters/notifications';
import { appendCaseEvent } from '../src/store/events';

export interface Notification {
  caseId: string;
  /** Unique per case: the step notifies once however often the activity runs. */
  step: string;
  /** The customer by id (their phone is looked up here, never carried in workflow history), or staff by role or id. */
  to: { customerId: string } | { role: string } | { staffId: string };
  template: string;
  payload: Record<string, unknown>;
  at: string;
}

/** The notification outbox: record first, send, mark sent. */
export function notificationActivities(db: Db, bss: BssAdapter, provider: NotificationProvider) {
  async function address(to: Notification['to']): Promise<Pick<OutgoingMessage, 'channel' | 'recipient'>> {
    if ('role' in to) return { channel: 'staff', recipient: `role:${to.role}` };
    if ('staffId' in to) return { channel: 'staff', recipient: `staff:${to.staffId}` };
    const contact = await bss.contact(to.customerId);
    if (!contact) throw ApplicationFailure.nonRetryable(`customer ${to.customerId} has no contact`, 'NoContact');
    return { channel: 'sms', recipient: contact.phone };
  }

  return {
    async notify(n: Notification): Promise<void> {
      const outbox = db.selectFrom('notifications').select(['status']).where('case_id', '=', n.caseId).where('step', '=', n.step);
      // A retry after the message went out does nothing (and asks the BSS nothing).
      if ((await outbox.executeTakeFirst())?.status === 'sent') return;
      const { channel, recipient } = await address(n.to);
      await db
        .insertInto('notifications')
        .values({
          case_id: n.caseId,
          step: n.step,
          channel,
          recipient,
          template: n.template,
          payload: JSON.stringify(n.payload),
          status: 'pending',
          sent_at: null,
        })
        .onConflict((oc) => oc.columns(['case_id', 'step']).doNothing())
        .execute();

      await provider.send({
        idempotencyKey: `${n.caseId}:${n.step}`,
        channel,
        recipient,
        template: n.template,
        payload: n.payload,
      });
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('notifications')
          .set({ status: 'sent', sent_at: new Date() })
          .where('case_id', '=', n.caseId)
          .where('step', '=', n.step)
          .execute();
        await appendCaseEvent(tx, {
          caseId: n.caseId,
          eventKey: `notify:${n.step}`,
          at: n.at,
          actor: 'switchboard',
          kind: 'notification_sent',
          detail: { step: n.step, channel, template: n.template, to: 'role' in n.to ? n.to.role : 'staffId' in n.to ? n.to.staffId : 'customer' },
        });
      });
    },
  };
}
