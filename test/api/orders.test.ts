import { Client, Connection } from '@temporalio/client';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/api/app';
import {
  fetchJson,
  putCustomer,
  useTestApi,
  waitForOrder,
  waitForTask,
} from '../support/api';
import { refundBody } from '../fixtures/refund';
import { testDb } from '../support/stack';

const stack = useTestApi({ worker: true });

let clerk: string;
let supervisor: string;

beforeAll(async () => {
  clerk = await stack.api.token('clerk-orders', ['frontoffice']);
  supervisor = await stack.api.token('sup-orders', ['supervisor']);
});

describe('orders', () => {
  test('POST /v1/orders opens a refund: 201, Location, the order view', async () => {
    const customerId = await putCustomer(stack.api);
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.id).toMatch(/^ord_/);
    expect(r.headers.get('location')).toBe(`/v1/orders/${r.body.id}`);
    expect(r.body).toMatchObject({
      type: 'refund',
      customerId,
      createdBy: 'clerk-orders',
      outcome: null,
      sla: expect.any(Array),
      pendingTasks: expect.any(Array),
      data: expect.objectContaining({ amountFen: 5000, cause: 'other' }),
    });
    expect(Date.parse(r.body.createdAt)).not.toBeNaN();

    const task = await waitForTask(stack.api, supervisor, r.body.id, 'approve_refund');
    expect(task).toMatchObject({ role: 'supervisor', state: 'open', outcomes: expect.arrayContaining(['approve', 'deny']) });
    const view = await waitForOrder(stack.api, clerk, r.body.id, (o) => o.pendingTasks.length > 0);
    expect(view.pendingTasks[0]).toMatchObject({ id: task.id, kind: 'approve_refund', role: 'supervisor', assignee: null, dueAt: task.dueAt });
    // The page's clocks read as every other time the API gives: RFC 3339 in UTC, to the millisecond.
    expect(view.sla).toEqual([expect.objectContaining({ startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), stoppedAt: null })]);
    expect(Date.parse(view.sla[0].dueAt)).toBeGreaterThan(Date.parse(view.sla[0].startedAt));
    expect(view.state).toBe('inProgress');
  });

  test('Idempotency-Key: same key and body → the same order (200); other body → 409', async () => {
    const customerId = await putCustomer(stack.api);
    const key = `idem-${Date.now()}`;
    const body = refundBody(customerId);
    const first = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);

    // Same body with its keys in another order: still the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: reordered, headers: { 'idempotency-key': key } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('location')).toBe(`/v1/orders/${first.body.id}`);

    const other = await fetchJson(`${stack.api.url}/v1/orders`, {
      token: clerk,
      json: refundBody(customerId, { amountFen: 6000 }),
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(409);
    expect(other.contentType).toMatch(/^application\/problem\+json/);

    // Keys belong to the caller: another clerk's same key is another order.
    const otherClerk = await stack.api.token('clerk-other', ['frontoffice']);
    const theirs = await fetchJson(`${stack.api.url}/v1/orders`, { token: otherClerk, json: body, headers: { 'idempotency-key': key } });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  test('concurrent requests with one Idempotency-Key open one order', async () => {
    const customerId = await putCustomer(stack.api);
    const key = `idem-race-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId), headers: { 'idempotency-key': key } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  test('Temporal unreachable: 503 with Retry-After; the retry with the same key opens that order', async () => {
    const customerId = await putCustomer(stack.api);
    const key = `idem-outage-${Date.now()}`;
    // The same database, no Temporal behind it (no retry interceptor: the call fails at once).
    const connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: '1s', interceptors: [] });
    const cut = await buildApp({ config: { ...stack.api.config, logLevel: 'silent' }, db: testDb(), temporal: new Client({ connection }), logger: false });
    try {
      const r = await cut.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json', 'idempotency-key': key },
        payload: refundBody(customerId),
      });
      expect(r.statusCode, r.body).toBe(503);
      expect(r.headers['retry-after']).toBe('1');
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await cut.close();
      await connection.close().catch(() => undefined);
    }
    const retried = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId), headers: { 'idempotency-key': key } });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    await waitForTask(stack.api, supervisor, retried.body.id, 'approve_refund');
    const cases = await testDb().selectFrom('cases').select('id').where('customer_id', '=', customerId).execute();
    expect(cases.map((c) => c.id)).toEqual([retried.body.id]);
  });

  test('pagination walks every order exactly once, newest first', async () => {
    const customerId = await putCustomer(stack.api);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId, { amountFen: 100 + i }) });
      expect(r.status).toBe(201);
      created.push(r.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = `customerId=${customerId}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await fetchJson(`${stack.api.url}/v1/orders?${qs}`, { token: clerk });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((o: any) => o.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());

    const filtered = await fetchJson(`${stack.api.url}/v1/orders?customerId=${customerId}&type=refund&state=completed`, { token: clerk });
    expect(filtered.body).toEqual({ items: [], nextCursor: null });
  });

  test('visibility: another clerk cannot see the order (404); readers-of-all can', async () => {
    const customerId = await putCustomer(stack.api);
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId) });
    const stranger = await stack.api.token('clerk-stranger', ['frontoffice']);
    expect((await fetchJson(`${stack.api.url}/v1/orders/${r.body.id}`, { token: stranger })).status).toBe(404);
    expect((await fetchJson(`${stack.api.url}/v1/orders/${r.body.id}/events`, { token: stranger })).status).toBe(404);
    const list = await fetchJson(`${stack.api.url}/v1/orders?customerId=${customerId}`, { token: stranger });
    expect(list.body.items).toEqual([]);
    const ops = await stack.api.token('ops-1', ['operator']);
    expect((await fetchJson(`${stack.api.url}/v1/orders/${r.body.id}`, { token: ops })).status).toBe(200);
    expect((await fetchJson(`${stack.api.url}/v1/orders/ord_nonexistent`, { token: ops })).status).toBe(404);
  });

  test('events: the timeline oldest first, with creation and task events', async () => {
    const customerId = await putCustomer(stack.api);
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId) });
    const task = await waitForTask(stack.api, supervisor, r.body.id, 'approve_refund');
    const claim = await fetchJson(`${stack.api.url}/v1/tasks/${task.id}/claim`, { method: 'POST', token: supervisor });
    expect(claim.status).toBe(200);
    const done = await fetchJson(`${stack.api.url}/v1/tasks/${task.id}/complete`, { token: supervisor, json: { outcome: 'approve' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    await waitForOrder(stack.api, clerk, r.body.id, (o) => o.state === 'completed');

    const events = await fetchJson(`${stack.api.url}/v1/orders/${r.body.id}/events`, { token: clerk });
    expect(events.status).toBe(200);
    expect(Array.isArray(events.body)).toBe(true);
    const at = events.body.map((e: any) => Date.parse(e.at));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (const e of events.body) expect(e).toEqual({ at: expect.any(String), actor: expect.any(String), kind: expect.any(String), detail: expect.any(Object) });
    const kinds: string[] = events.body.map((e: any) => e.kind);
    const claimed = kinds.indexOf('task_claimed');
    expect(claimed).toBeGreaterThan(0);
    expect(events.body[claimed]).toMatchObject({ actor: 'sup-orders', detail: { taskId: task.id } });
    expect(kinds[0]).toBe('case_created');
    expect(events.body[0]).toMatchObject({ actor: 'clerk-orders' });
    expect(kinds.indexOf('task_created')).toBeGreaterThan(0);
    expect(kinds.indexOf('task_created')).toBeLessThan(claimed);
    expect(kinds.indexOf('task_completed')).toBeGreaterThan(claimed);
    expect(events.body[kinds.indexOf('task_completed')]).toMatchObject({ actor: 'sup-orders', detail: { outcome: 'approve' } });
    // The last change of state is the completion (the customer's SMS may be logged after it).
    expect(events.body.findLast((e: any) => e.kind === 'state_changed')).toMatchObject({ detail: { state: 'completed', outcome: 'refunded' } });
  });

  test('cancel: 202 while cancellable, 409 once finished', async () => {
    const customerId = await putCustomer(stack.api);
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId) });
    await waitForTask(stack.api, supervisor, r.body.id, 'approve_refund');
    const ops = await stack.api.token('ops-1', ['operator']);
    const readOnly = await fetchJson(`${stack.api.url}/v1/orders/${r.body.id}/cancel`, { token: ops, json: { reason: 'x' } });
    expect(readOnly.status).toBe(403);
    const missing = await fetchJson(`${stack.api.url}/v1/orders/${r.body.id}/cancel`, { token: clerk, json: {} });
    expect(missing.status).toBe(400);
    const cancel = await fetchJson(`${stack.api.url}/v1/orders/${r.body.id}/cancel`, { token: clerk, json: { reason: 'customer changed their mind' } });
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(202);
    expect(cancel.body).toMatchObject({ id: r.body.id, type: 'refund' });
    await waitForOrder(stack.api, clerk, r.body.id, (o) => o.state === 'cancelled');
    const again = await fetchJson(`${stack.api.url}/v1/orders/${r.body.id}/cancel`, { token: clerk, json: { reason: 'again' } });
    expect(again.status).toBe(409);
    expect(again.contentType).toMatch(/^application\/problem\+json/);
  });
});
