/**
 * Notifications go out once per case step: the outbox sends again whenever
 * it cannot tell that a send went out, and the gateway drops the repeat.
 * The failure suite found repeats in the logs of a PostgreSQL restart (sent,
 * then the mark lost) before the built-in gateway kept its deliveries.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, expect, test } from 'vitest';
import { notificationActivities, type Notification } from '../../activities/notifications';
import { builtInBss } from '../../src/adapters/bss';
import { builtInNotifications } from '../../src/adapters/notifications';
import { insertCaseRecord } from '../../src/store/cases';
import { caseStart, seedCustomer } from '../support/cases';
import { closeStack, testDb } from '../support/stack';

afterAll(closeStack);

/** The activity with the built-in gateway, and the messages the gateway wrote to its log. */
function outbox() {
  const db = testDb();
  const sent: string[] = [];
  const log = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as { msg: string; notification?: { idempotencyKey: string } };
        if (line.msg === 'notification sent') sent.push(line.notification!.idempotencyKey);
      }
      done();
    },
  });
  const { notify } = notificationActivities(db, builtInBss(db), builtInNotifications(db, pino(log)));
  return { db, notify, sent };
}

/** A step of a case of its own. */
async function notification(): Promise<Notification> {
  const start = caseStart('refund', await seedCustomer(testDb()), {});
  await insertCaseRecord(testDb(), start);
  return {
    caseId: start.id,
    step: 'approval_requested',
    to: { role: 'supervisor' },
    template: 'refund.approval_requested',
    payload: { amountFen: 1000 },
    at: new Date().toISOString(),
  };
}

test('a send whose mark was lost is retried without sending twice', async () => {
  const { db, notify, sent } = outbox();
  const n = await notification();
  await notify(n);
  // As when the worker died, or PostgreSQL went away, between the send and its mark.
  await db.updateTable('notifications').set({ status: 'pending', sent_at: null }).where('case_id', '=', n.caseId).execute();
  await notify(n);

  expect(sent).toEqual([`${n.caseId}:${n.step}`]);
  expect(await db.selectFrom('notifications').select(['status']).where('case_id', '=', n.caseId).execute()).toEqual([{ status: 'sent' }]);
  expect(await db.selectFrom('notification_deliveries').select('channel').where('idempotency_key', '=', `${n.caseId}:${n.step}`).execute()).toEqual([
    { channel: 'staff' },
  ]);
});
