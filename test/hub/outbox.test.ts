/**
 * The outbox at the store: written by the very functions that write every
 * case's timeline, in their transaction; claimed by dispatchers one queue
 * head at a time.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { caseActivities } from '../../activities/cases';
import { createDb } from '../../src/db/index';
import { appendCaseEvent } from '../../src/store/events';
import { claimDeliveries, insertSubscriber, settleDelivered } from '../../src/store/hub';
import { caseStart, seedCustomer } from '../support/cases';
import { closeStack, stackEnv, testDb } from '../support/stack';

const db = testDb();
const records = caseActivities(db);

afterEach(async () => {
  await db.deleteFrom('hub_subscribers').execute();
});
afterAll(() => closeStack());

async function subscriber(fields: { personal_data?: boolean; event_types?: string[]; case_types?: string[] } = {}): Promise<string> {
  const id = `hub_${randomUUID().slice(0, 8)}`;
  await insertSubscriber(db, { id, callback: 'https://bss.example', query: null, secret: 'whsec_test', created_by: 'test', ...fields });
  return id;
}

/** A new installation as front office opens it: the applicant's contact, identity and address in its data. */
async function openInstall(eventKey = '1') {
  const start = caseStart('new_install', await seedCustomer(db), {
    product: 'broadband',
    contact: { name: '张三', phone: '13812345678', email: 'zhang.san@example.com' },
    identity: { type: 'id_card', number: '110101199003071234' },
    installAddress: { text: '四川省成都市武侯区人民南路四段1号', region: 'urban' },
  });
  await records.openCase(start, { eventKey, at: start.createdAt, actor: 'clerk-1', kind: 'case_created', detail: { type: 'new_install' } });
  return start;
}

const outbox = () => db.selectFrom('hub_outbox').selectAll().orderBy('id').execute();

describe('writing events', () => {
  test('a published timeline entry is written once per subscriber, a retried write adds none', async () => {
    const [a, b] = [await subscriber(), await subscriber()];
    const start = await openInstall();
    await records.openCase(start, { eventKey: '1', at: start.createdAt, actor: 'clerk-1', kind: 'case_created' });
    const rows = await outbox();
    expect(rows.map((r) => r.subscriber_id).sort()).toEqual([a, b].sort());
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(1);
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({
      eventId: rows[0]!.event_id,
      eventTime: start.createdAt,
      eventType: 'OrderCreateEvent',
      correlationId: start.id,
      event: { order: { id: start.id, type: 'new_install', state: 'acknowledged', customerId: start.customerId } },
    });
  });

  test('rolled back with the change it tells of', async () => {
    await subscriber();
    const start = await openInstall();
    await expect(
      db.transaction().execute(async (tx) => {
        await appendCaseEvent(tx, { caseId: start.id, eventKey: '2', at: new Date().toISOString(), actor: 'x', kind: 'state_changed' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await outbox()).map((r) => r.event_type)).toEqual(['OrderCreateEvent']);
  });

  test('entries other systems do not hear of, and events nobody subscribed to, write nothing', async () => {
    const start = await openInstall('1');
    expect(await outbox()).toEqual([]);
    await subscriber({ event_types: ['TaskCreateEvent'] });
    await subscriber({ case_types: ['refund'] });
    for (const [i, kind] of ['notification_sent', 'task_claimed', 'case_updated', 'state_changed'].entries()) {
      await appendCaseEvent(db, { caseId: start.id, eventKey: `k${i}`, at: new Date().toISOString(), actor: 'x', kind });
    }
    expect(await outbox()).toEqual([]);
  });

  test('personal data is masked unless the subscriber may see it; the same event otherwise', async () => {
    const masked = await subscriber();
    const plain = await subscriber({ personal_data: true });
    const start = await openInstall();
    const rows = await outbox();
    const payload = (id: string) => JSON.parse(rows.find((r) => r.subscriber_id === id)!.payload);
    expect(payload(plain).event.order.data).toMatchObject(start.fields);
    expect(payload(masked).event.order.data).toEqual({
      product: 'broadband',
      contact: { name: '张三', phone: '138****5678', email: 'z********@example.com' },
      identity: { type: 'id_card', number: '110101********1234' },
      installAddress: { text: '四川省成都************', region: 'urban' },
    });
    expect(payload(masked).eventId).toBe(payload(plain).eventId);
  });

  test('a complaint is told of as a complaint, with its TMF621 status', async () => {
    await subscriber();
    const start = { ...caseStart('complaint', await seedCustomer(db), { subject: 'slow line' }), id: `cmp_${randomUUID().slice(0, 12)}` };
    await records.openCase(start, { eventKey: '1', at: start.createdAt, actor: 'clerk-1', kind: 'case_created' });
    const at = new Date().toISOString();
    await records.updateCase({
      caseId: start.id,
      set: { state: 'inProgress', stage: 'investigate', outcome: null, stateReason: null },
      event: { eventKey: '2', at, actor: 'switchboard', kind: 'state_changed' },
    });
    const [created, changed] = (await outbox()).map((r) => JSON.parse(r.payload));
    expect(created).toMatchObject({ eventType: 'ComplaintCreateEvent', event: { complaint: { id: start.id, status: 'acknowledged' } } });
    expect(changed).toMatchObject({ eventType: 'ComplaintStatusChangeEvent', eventTime: at, event: { complaint: { status: 'inProgress', stage: 'investigate' } } });
    expect(changed.event.complaint.state).toBeUndefined();
  });

  test('deleting a subscriber drops what it had still to receive', async () => {
    const id = await subscriber();
    await openInstall();
    expect(await outbox()).toHaveLength(1);
    await db.deleteFrom('hub_subscribers').where('id', '=', id).execute();
    expect(await outbox()).toEqual([]);
  });
});

describe('claiming events', () => {
  const other = createDb(stackEnv().databaseUrl, 5);
  afterAll(() => other.destroy());

  test('two dispatchers claiming at once take each queue’s head once, then the next heads in order', async () => {
    const sub = await subscriber();
    const cases = Array.from({ length: 8 }, (_, i) => `ord_claim_${i}`);
    await db
      .insertInto('hub_outbox')
      .values(
        [0, 1, 2].flatMap((n) =>
          cases.map((caseId) => ({ subscriber_id: sub, case_id: caseId, event_id: `${caseId}:${n}`, event_type: 'OrderStateChangeEvent', payload: '{}' })),
        ),
      )
      .execute();

    for (const n of [0, 1, 2]) {
      // Both processes (two pools) race: twelve claims of up to three.
      const claims = await Promise.all(
        Array.from({ length: 12 }, (_, i) => claimDeliveries(i % 2 ? other : db, { limit: 3, leaseMs: 60_000, lease: randomUUID() })),
      );
      const claimed = claims.flat();
      expect(claimed.map((d) => d.id).length).toBe(new Set(claimed.map((d) => d.id)).size);
      expect(claimed).toHaveLength(cases.length);
      const eventIds = (await db.selectFrom('hub_outbox').select(['id', 'event_id']).where('id', 'in', claimed.map((d) => d.id)).execute()).map((r) => r.event_id);
      expect(eventIds.sort()).toEqual(cases.map((c) => `${c}:${n}`).sort());
      // Leased: nobody takes them, nor anything behind them.
      expect(await claimDeliveries(other, { limit: 10, leaseMs: 60_000, lease: randomUUID() })).toEqual([]);
      await Promise.all(claimed.map((d) => settleDelivered(db, d)));
    }
    expect(await outbox()).toEqual([]);
  });
});
