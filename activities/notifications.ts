import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../src/db/index';
import type { BssAdapter } from '../src/adapters/bss';
import type { NotificationProvider, OutgoingMessage } from '../src/adapters/notifications';
import { appendCaseEvent } from '../src/store/cases';

export interface Notification {
  caseId: string;
  /** Unique per case: the step notifies once however often the activity runs. */
  step: string;
  /** The customer by id (their phone is looked up here, never carried in workflow history), or staff by role. */
  to: { customerId: string } | { role: string };
  template: string;
  payload: Record<string, unknown>;
  at: string;
}

/** The notification outbox: record first, send, mark sent. */
export function notificationActivities(db: Db, bss: BssAdapter, provider: NotificationProvider) {
  async function address(to: Notification['to']): Promise<Pick<OutgoingMessage, 'channel' | 'recipient'>> {
    if ('role' in to) return { channel: 'staff', recipient: `role:${to.role}` };
    const contact = await bss.contact(to.customerId);
    if (!contact) throw ApplicationFailure.nonRetryable(`customer ${to.customerId} has no contact`, 'NoContact');
    return { channel: 'sms', recipient: contact.phone };
  }

  return {
    async notify(n: Notification): Promise<void> {
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
      const entry = await db
        .selectFrom('notifications')
        .select(['status'])
        .where('case_id', '=', n.caseId)
        .where('step', '=', n.step)
        .executeTakeFirstOrThrow();
      if (entry.status === 'sent') return;

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
          detail: { step: n.step, channel, template: n.template, to: 'role' in n.to ? n.to.role : 'customer' },
        });
      });
    },
  };
}
