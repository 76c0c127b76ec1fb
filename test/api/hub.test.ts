import pino from 'pino';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig, type HubConfig } from '../../src/config';
import { hubEventType, listenerPath, type HubEventType } from '../../src/domain/hub';
import { startDispatcher, type Dispatcher, type DispatcherOptions } from '../../src/hub/dispatcher';
import { complaintBody } from '../fixtures/complaint';
import { refundBody } from '../fixtures/refund';
import { eventually, fetchJson, putCustomer, useTestApi, waitForOrder, waitForTask } from '../support/api';
import { withSla } from '../support/cases';
import { startReceiver, type Post, type Receiver } from '../support/receiver';
import { testDb } from '../support/stack';

const stack = useTestApi({ worker: true });

let clerk: string;
let otherClerk: string;
let admin: string;
let supervisor: string;

beforeAll(async () => {
  clerk = await stack.api.token('clerk-hub', ['frontoffice']);
  otherClerk = await stack.api.token('clerk-hub-2', ['frontoffice']);
  admin = await stack.api.token('admin-hub', ['admin']);
  supervisor = await stack.api.token('sup-hub', ['supervisor']);
});

const dispatchers: Dispatcher[] = [];
const receivers: Receiver[] = [];

afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.stop()));
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await testDb().deleteFrom('hub_subscribers').execute();
});

const send = (method: string, path: string, token: string, json?: unknown) =>
  fetchJson(`${stack.api.url}${path}`, { method, token, ...(json === undefined ? {} : { json }) });

/** A dispatcher with test-sized waits (retries in tens of milliseconds). */
function dispatcher(config: Partial<HubConfig> = {}, opts: Partial<DispatcherOptions> = {}): Dispatcher {
  const d = startDispatcher({
    db: testDb(),
    config: { ...loadConfig({}).hub, pollMs: 50, retryBaseMs: 50, retryMaxMs: 200, timeoutMs: 2000, ...config },
    log: pino({ level: 'silent' }),
    ...opts,
  });
  dispatchers.push(d);
  return d;
}

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

/** Registers the receiver as a subscriber (a front-office system by default). */
async function subscribe(to: Receiver, body: Record<string, unknown> = {}, token = clerk): Promise<any> {
  const r = await send('POST', '/v1/hub', token, { callback: to.url, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  to.secret = (body.secret as string | undefined) ?? r.body.secret;
  return r.body;
}

async function openRefund(): Promise<string> {
  const customerId = await putCustomer(stack.api);
  const r = await send('POST', '/v1/orders', clerk, refundBody(customerId));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

/** The supervisor approves; the refund runs to `completed`. */
async function approve(orderId: string): Promise<void> {
  const task = await waitForTask(stack.api, supervisor, orderId, 'approve_refund');
  const done = await send('POST', `/v1/tasks/${task.id}/complete`, supervisor, { outcome: 'approve' });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  await waitForOrder(stack.api, supervisor, orderId, (o) => o.state === 'completed');
}

/** The events other systems should hear of, from the order's own timeline, in its order. */
async function expectedEvents(orderId: string): Promise<Array<[HubEventType, string]>> {
  const r = await send('GET', `/v1/orders/${orderId}/events`, supervisor);
  return (r.body as Array<{ kind: string; at: string }>).flatMap((e) => {
    const type = hubEventType(e.kind, 'order');
    return type ? [[type, e.at] as [HubEventType, string]] : [];
  });
}

const shape = (posts: Post[]) => posts.map((p) => [p.envelope.eventType, p.envelope.eventTime]);

/** Waits until the receiver has accepted every event of the order, then checks they came in the timeline's order. */
async function receivedInOrder(to: Receiver, orderId: string): Promise<Post[]> {
  const expected = await expectedEvents(orderId);
  expect(expected.length).toBeGreaterThan(5);
  await eventually(`${expected.length} events of ${orderId}`, async () => (to.ofCase(orderId).length >= expected.length ? true : undefined), 30_000);
  const got = to.ofCase(orderId);
  expect(shape(got)).toEqual(expected);
  return got;
}

async function health(id: string, token = clerk): Promise<any> {
  const r = await send('GET', `/v1/hub/${id}`, token);
  expect(r.status).toBe(200);
  return r.body.health;
}

describe('registering subscribers', () => {
  test('201 with a generated secret shown once; the query normalised; health to start with', async () => {
    const r = await send('POST', '/v1/hub', clerk, {
      callback: 'https://bss.example/hub/',
      query: 'caseType=refund & eventType=OrderStateChangeEvent,TaskCreateEvent',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.headers.get('location')).toBe(`/v1/hub/${r.body.id}`);
    expect(r.body).toEqual({
      id: expect.stringMatching(/^hub_[0-9a-f]{24}$/),
      callback: 'https://bss.example/hub',
      query: 'eventType=OrderStateChangeEvent,TaskCreateEvent&caseType=refund',
      personalData: false,
      createdBy: 'clerk-hub',
      createdAt: expect.any(String),
      secret: expect.stringMatching(/^whsec_[0-9a-f]{64}$/),
      health: {
        paused: false,
        pausedAt: null,
        pending: 0,
        delivered: 0,
        failedAttempts: 0,
        consecutiveFailures: 0,
        lastError: null,
        lastErrorAt: null,
        lastDeliveredAt: null,
      },
    });
    const again = await send('GET', `/v1/hub/${r.body.id}`, clerk);
    expect(again.status).toBe(200);
    expect(again.body.secret).toBeUndefined();
    expect(JSON.stringify((await send('GET', '/v1/hub', clerk)).body)).not.toContain(r.body.secret);

    // A secret the subscriber brings is never echoed; no query: every event.
    const own = await send('POST', '/v1/hub', clerk, { callback: 'http://bss.example:8080', secret: 'a-secret-of-our-own-choosing' });
    expect(own.status).toBe(201);
    expect(own.body.secret).toBeUndefined();
    expect(own.body.query).toBeNull();
  });

  test('callbacks and queries are checked: 400 with the field at fault', async () => {
    const refused = async (body: Record<string, unknown>, path: string, message: RegExp) => {
      const r = await send('POST', '/v1/hub', clerk, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.contentType).toMatch(/^application\/problem\+json/);
      expect(r.body.errors).toContainEqual({ path, message: expect.stringMatching(message) });
    };
    await refused({ callback: 'ftp://bss.example/hub' }, 'body/callback', /http or https/);
    await refused({ callback: 'https://user:secret@bss.example/hub' }, 'body/callback', /credentials/);
    await refused({ callback: 'https://bss.example/hub?token=abc' }, 'body/callback', /query string/);
    await refused({ callback: 'bss.example/hub' }, 'body/callback', /absolute URL/);
    await refused({ callback: `https://bss.example/${'x'.repeat(2000)}` }, 'body/callback', /2000/);
    await refused({ callback: 'https://bss.example', query: 'eventType=OrderDeleteEvent' }, 'body/query', /OrderDeleteEvent not known/);
    await refused({ callback: 'https://bss.example', query: 'state=completed' }, 'body/query', /not a query key/);
    await refused({ callback: 'https://bss.example', secret: 'short' }, 'body/secret', /fewer than 16/);
    await refused({ callback: 'https://bss.example', events: ['x'] }, 'body/events', /unknown field/);
    await refused({}, 'body/callback', /required/);
  });

  test('roles: admin and frontoffice register; others 403; personal data unmasked only by an admin', async () => {
    for (const role of ['supervisor', 'agent', 'operator', 'technician']) {
      const token = await stack.api.token(`hub-${role}`, [role]);
      expect((await send('POST', '/v1/hub', token, { callback: 'https://bss.example' })).status, role).toBe(403);
      expect((await send('GET', '/v1/hub', token)).status, role).toBe(403);
    }
    expect((await fetchJson(`${stack.api.url}/v1/hub`)).status).toBe(401);
    const plain = await send('POST', '/v1/hub', clerk, { callback: 'https://bss.example', personalData: true });
    expect(plain.status).toBe(403);
    expect(plain.body.detail).toMatch(/only an admin/);
    const granted = await send('POST', '/v1/hub', admin, { callback: 'https://crm.example', personalData: true });
    expect(granted.status).toBe(201);
    expect(granted.body.personalData).toBe(true);
  });

  test('front-office systems see, resume and delete their own subscribers; admins everyone’s', async () => {
    const mine = (await send('POST', '/v1/hub', clerk, { callback: 'https://one.example' })).body;
    const theirs = (await send('POST', '/v1/hub', otherClerk, { callback: 'https://two.example' })).body;

    const listed = await send('GET', '/v1/hub', clerk);
    expect(listed.body).toEqual({ items: [expect.objectContaining({ id: mine.id })], nextCursor: null });
    expect((await send('GET', `/v1/hub/${theirs.id}`, clerk)).status).toBe(404);
    expect((await send('POST', `/v1/hub/${theirs.id}/resume`, clerk)).status).toBe(404);
    expect((await send('DELETE', `/v1/hub/${theirs.id}`, clerk)).status).toBe(404);

    const all = await send('GET', '/v1/hub?limit=1', admin);
    expect(all.body.items.map((s: any) => s.id)).toEqual([mine.id]);
    const next = await send('GET', `/v1/hub?limit=1&cursor=${encodeURIComponent(all.body.nextCursor)}`, admin);
    expect(next.body).toEqual({ items: [expect.objectContaining({ id: theirs.id, createdBy: 'clerk-hub-2' })], nextCursor: null });

    const gone = await send('DELETE', `/v1/hub/${mine.id}`, clerk);
    expect(gone.status).toBe(204);
    expect(gone.body).toBe('');
    expect((await send('GET', `/v1/hub/${mine.id}`, clerk)).status).toBe(404);
    expect((await send('DELETE', `/v1/hub/${theirs.id}`, admin)).status).toBe(204);
  });

  test('the hub is in the OpenAPI document', async () => {
    const doc = (await fetchJson(`${stack.api.url}/openapi.json`)).body;
    expect(Object.keys(doc.paths['/v1/hub'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/v1/hub/{id}'])).toEqual(expect.arrayContaining(['get', 'delete']));
    expect(Object.keys(doc.paths['/v1/hub/{id}/resume'])).toEqual(['post']);
    expect(doc.paths['/v1/hub'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });
});

describe('delivering events', () => {
  test('a refund from creation to completion: every event, signed, to its TMF listener, in the timeline’s order', async () => {
    const to = await receiver();
    const subscriber = await subscribe(to);
    dispatcher();
    const orderId = await openRefund();
    await approve(orderId);
    const got = await receivedInOrder(to, orderId);

    expect(to.posts.every((p) => p.signedOk)).toBe(true);
    expect(to.posts.every((p) => p.path === listenerPath(p.envelope.eventType as HubEventType))).toBe(true);
    expect(to.posts.length).toBe(got.length); // nothing failed, so nothing twice
    expect(new Set(got.map((p) => p.envelope.eventId)).size).toBe(got.length);
    for (const p of got) expect(Object.keys(p.envelope)).toEqual(['eventId', 'eventTime', 'eventType', 'correlationId', 'event']);
    expect(new Set(got.map((p) => p.envelope.eventType))).toEqual(
      new Set(['OrderCreateEvent', 'OrderStateChangeEvent', 'TaskCreateEvent', 'TaskCompleteEvent']),
    );

    // The order as the API shows it, as it stood after each change.
    const { sla: _sla, pendingTasks: _pending, ...order } = (await send('GET', `/v1/orders/${orderId}`, clerk)).body;
    expect(got[0]!.envelope.event).toEqual({ order: expect.objectContaining({ id: orderId, type: 'refund', state: 'acknowledged' }) });
    expect(got.at(-1)!.envelope.event).toEqual({ order });
    const states = got.filter((p) => p.envelope.eventType === 'OrderStateChangeEvent').map((p) => p.envelope.event.order.stage);
    expect(states).toEqual(['apply', 'approve', 'operate', 'review', 'analyse', 'done']);

    const taskDone = got.find((p) => p.envelope.eventType === 'TaskCompleteEvent')!.envelope.event.task;
    const { form: _form, ...task } = (await send('GET', `/v1/tasks/${taskDone.id}`, supervisor)).body;
    expect(taskDone).toEqual(task);
    expect(task).toMatchObject({ state: 'completed', outcome: 'approve', caseId: orderId });

    await eventually('the delivered count', async () => ((await health(subscriber.id)).delivered === got.length ? true : undefined));
    expect(await health(subscriber.id)).toMatchObject({ pending: 0, failedAttempts: 0, paused: false, lastDeliveredAt: expect.any(String) });
  });

  test('a complaint resolved on the spot: its TMF621 events, with the complaint as GET /v1/complaints shows it', async () => {
    const to = await receiver();
    await subscribe(to, { query: 'caseType=complaint' });
    dispatcher();
    const customerId = await putCustomer(stack.api);
    const opened = await send('POST', '/v1/complaints', clerk, complaintBody(customerId, { resolvedOnSpot: { answer: 'explained the bill' } }));
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.id as string;
    await eventually('the complaint closed, heard', async () =>
      to.ofCase(id).some((p) => p.envelope.eventType === 'ComplaintStatusChangeEvent' && p.envelope.event.complaint.status === 'closed') ? true : undefined,
    );
    const got = to.ofCase(id);
    expect(got.every((p) => p.signedOk && p.path === listenerPath(p.envelope.eventType as HubEventType))).toBe(true);
    expect(got[0]!.envelope).toMatchObject({ eventType: 'ComplaintCreateEvent', event: { complaint: { id, status: 'acknowledged' } } });
    expect(got.slice(1).every((p) => p.envelope.eventType === 'ComplaintStatusChangeEvent' && p.envelope.event.complaint.owner === 'clerk-hub')).toBe(true);
    const { sla: _sla, pendingTasks: _pending, ...complaint } = (await send('GET', `/v1/complaints/${id}`, clerk)).body;
    expect(got.at(-1)!.envelope.event).toEqual({ complaint });
    expect(to.posts.every((p) => p.envelope.correlationId === id)).toBe(true);
  });

  test('each subscriber hears only what its query asks for, SLA jeopardy and breach included', async () => {
    const restore = await withSla(testDb(), 'refund.approval', 'PT2S');
    try {
      const [tasks, sla, installs] = [await receiver(), await receiver(), await receiver()];
      await subscribe(tasks, { query: 'eventType=TaskCreateEvent,TaskCompleteEvent&caseType=refund' });
      await subscribe(sla, { query: 'eventType=SlaJeopardyEvent,SlaBreachEvent' });
      const other = await subscribe(installs, { query: 'caseType=new_install' });
      dispatcher();
      const orderId = await openRefund();

      // The supervisor lets the approval lapse: jeopardy, breach, and the task moves up to a branch leader.
      const breaches = await eventually('a breach', async () => (sla.ofCase(orderId).some((p) => p.envelope.eventType === 'SlaBreachEvent') ? true : undefined));
      expect(breaches).toBe(true);
      const first = sla.ofCase(orderId).slice(0, 2);
      expect(first.map((p) => p.envelope.eventType)).toEqual(['SlaJeopardyEvent', 'SlaBreachEvent']);
      expect(first[1]!.envelope.event).toEqual({
        sla: { clockId: expect.stringContaining('refund.approval'), key: 'refund.approval', dueAt: expect.any(String) },
        order: expect.objectContaining({ id: orderId, stage: 'approve' }),
      });
      const escalated = await eventually('the escalated task', async () =>
        tasks.ofCase(orderId).find((p) => p.envelope.event.task.role === 'branch_leader'),
      );
      expect(escalated.envelope.eventType).toBe('TaskCreateEvent');
      expect((await send('POST', `/v1/orders/${orderId}/cancel`, clerk, { reason: 'customer withdrew' })).status).toBe(202);
      await waitForOrder(stack.api, clerk, orderId, (o) => o.state === 'cancelled');

      expect(tasks.accepted().every((p) => p.envelope.eventType.startsWith('Task'))).toBe(true);
      expect(sla.accepted().every((p) => p.envelope.eventType.startsWith('Sla'))).toBe(true);
      // Every event the query matched was written and has gone out; none matched the other case type.
      await eventually('an empty outbox', async () => ((await testDb().selectFrom('hub_outbox').select('id').execute()).length === 0 ? true : undefined));
      expect(installs.posts).toEqual([]);
      expect((await health(other.id)).delivered).toBe(0);
    } finally {
      await restore();
    }
  });

  test('a receiver that fails the first attempts still gets every event once, in order', async () => {
    const to = await receiver();
    to.answer = (_post, i) => (i < 3 ? 503 : 200);
    const subscriber = await subscribe(to);
    dispatcher();
    const orderId = await openRefund();
    await approve(orderId);
    const got = await receivedInOrder(to, orderId);

    expect(to.posts.filter((p) => p.status === 503)).toHaveLength(3);
    expect(to.posts).toHaveLength(got.length + 3);
    // The failed event was posted again with the same eventId, and only accepted once.
    expect(to.posts[3]!.envelope.eventId).toBe(to.posts[0]!.envelope.eventId);
    await eventually('the delivered count', async () => ((await health(subscriber.id)).delivered === got.length ? true : undefined));
    expect(await health(subscriber.id)).toMatchObject({ failedAttempts: 3, consecutiveFailures: 0, lastError: 'HTTP 503', paused: false, pending: 0 });
  });

  test('a subscriber that keeps failing is paused, visibly, and catches up in order once resumed', async () => {
    const to = await receiver();
    to.answer = () => 503;
    const subscriber = await subscribe(to);
    dispatcher({ pauseAfterFailures: 3 });
    const orderId = await openRefund();

    const paused = await eventually('the pause', async () => {
      const h = await health(subscriber.id);
      return h.paused ? h : undefined;
    });
    expect(paused).toMatchObject({ consecutiveFailures: 3, failedAttempts: 3, lastError: 'HTTP 503', pausedAt: expect.any(String), delivered: 0 });
    // While paused nothing is posted, and the events of the case keep piling up.
    await approve(orderId);
    await new Promise((r) => setTimeout(r, 300));
    expect(to.posts).toHaveLength(3);
    expect((await health(subscriber.id)).pending).toBe((await expectedEvents(orderId)).length);

    to.answer = () => 200;
    to.delayMs = 20;
    const resumed = await send('POST', `/v1/hub/${subscriber.id}/resume`, clerk);
    expect(resumed.status).toBe(200);
    expect(resumed.body.health).toMatchObject({ paused: false, consecutiveFailures: 0 });
    await receivedInOrder(to, orderId);
    expect(to.maxConcurrentPerCase).toBe(1);
    await eventually('an empty backlog', async () => ((await health(subscriber.id)).pending === 0 ? true : undefined));
  });
});

describe('dispatchers', () => {
  test('a restart in the middle of delivery loses nothing and keeps each case in order', async () => {
    const to = await receiver();
    to.delayMs = 100;
    await subscribe(to);
    // A backlog first: every event of two cases due at once.
    const orders = [await openRefund(), await openRefund()];
    await Promise.all(orders.map(approve));
    const first = dispatcher({ concurrency: 4 });
    await eventually('a few deliveries', async () => (to.posts.length >= 4 ? true : undefined));
    await first.stop();
    const before = to.posts.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(to.posts.length).toBe(before); // stopped means stopped

    dispatcher({ concurrency: 4 });
    for (const orderId of orders) await receivedInOrder(to, orderId);
    expect(to.posts.length).toBeGreaterThan(before);
    expect(to.maxConcurrentPerCase).toBe(1);
  });

  test('two dispatchers share the outbox: no event twice, never two of a case at once', async () => {
    const to = await receiver();
    to.delayMs = 20;
    await subscribe(to);
    const orders = await Promise.all([openRefund(), openRefund(), openRefund()]);
    await Promise.all(orders.map(approve));
    // Every event of three cases due at once, and eight posts at a time between the two.
    dispatcher({ concurrency: 4 });
    dispatcher({ concurrency: 4 });
    for (const orderId of orders) await receivedInOrder(to, orderId);
    expect(to.posts.length).toBe(to.accepted().length);
    expect(to.maxConcurrentPerCase).toBe(1);
  });

  test('a dispatcher that died holding events: its lease lapses and another delivers them', async () => {
    const to = await receiver();
    await subscribe(to);
    const orderId = await openRefund();
    await waitForTask(stack.api, supervisor, orderId, 'approve_refund');
    // The dead dispatcher's claim: every row leased for a little while, nobody to post them.
    await testDb()
      .updateTable('hub_outbox')
      .set({ lease: 'dead', leased_until: new Date(Date.now() + 1500) })
      .execute();
    dispatcher();
    await new Promise((r) => setTimeout(r, 500));
    expect(to.posts).toEqual([]);
    await approve(orderId);
    await receivedInOrder(to, orderId);
    expect(to.posts.length).toBe(to.accepted().length);
  });
});
