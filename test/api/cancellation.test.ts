import { beforeAll, describe, expect, test } from 'vitest';
import { cancellationBody } from '../fixtures/cancellation';
import { eventually, fetchJson, putCustomer, useTestApi, waitForOrder, waitForTask } from '../support/api';

const stack = useTestApi({ worker: true });

let clerk: string;
let supervisor: string;
let manager: string;
let technician: string;
let operator: string;
let admin: string;

beforeAll(async () => {
  clerk = await stack.api.token('clerk-api', ['frontoffice']);
  supervisor = await stack.api.token('sup-api', ['supervisor']);
  manager = await stack.api.token('cm-api', ['agent']);
  technician = await stack.api.token('tech-api', ['technician']);
  operator = await stack.api.token('ops-api', ['operator']);
  admin = await stack.api.token('admin-api', ['admin']);
});

const url = (path: string) => `${stack.api.url}/v1${path}`;
const complete = (token: string, taskId: string, outcome: string, data: Record<string, unknown> = {}) =>
  fetchJson(url(`/tasks/${taskId}/complete`), { token, json: { outcome, data } });
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** A gold customer with 100 元 on the account, 12 000 元 a month, and one broadband line of 200 元 a month, written through the API. */
async function leavingCustomer(): Promise<{ customerId: string; serviceId: string }> {
  const serviceId = `svc_${Math.random().toString(16).slice(2, 14)}`;
  const customerId = await putCustomer(stack.api, {
    tier: 'gold',
    account: { arrearsFen: 0, balanceFen: 10_000, monthlyRevenueFen: 1_200_000, noArrearsSinceMonths: 12, paymentMethod: 'alipay', points: 600 },
    services: [{ id: serviceId, kind: 'broadband', address: '8 Jiefang Rd', region: 'urban', status: 'active', monthlyRentFen: 20_000 }],
  });
  return { customerId, serviceId };
}

async function fileCancellation(overrides: Record<string, unknown> = {}) {
  const { customerId, serviceId } = await leavingCustomer();
  const r = await fetchJson(url('/orders'), { token: clerk, json: { ...cancellationBody(customerId, serviceId), ...overrides } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { id: r.body.id as string, customerId, serviceId };
}

describe('POST /v1/orders with type cancellation', () => {
  test('the reason is mandatory, and the body is checked strictly (400)', async () => {
    const { customerId, serviceId } = await leavingCustomer();
    const body = cancellationBody(customerId, serviceId);
    const { reasonText: _, ...withoutReason } = body;
    for (const bad of [withoutReason, { ...body, reasonText: '   ' }, { ...body, reasonCode: 'bored' }, { ...body, channel: 'pigeon' }, { ...body, discount: 10 }]) {
      const r = await fetchJson(url('/orders'), { token: clerk, json: bad });
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.contentType).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('a cancellation over HTTP, as the clerk, the supervisor, the customer manager and the technician work it', () => {
  test('not retained: settled with a balance refund, dismantled, terminated, in the churn file', async () => {
    const { id, customerId, serviceId } = await fileCancellation({ redeemPoints: true });

    // The clerk's counter attempt, in their own inbox.
    const counter = await eventually('the counter attempt in the clerk\'s inbox', async () => {
      const inbox = await fetchJson(url('/tasks'), { token: clerk });
      return (inbox.body.items as any[]).find((t) => t.caseId === id && t.kind === 'retention_attempt');
    });
    expect(counter).toMatchObject({ role: 'frontoffice', assignee: 'clerk-api', state: 'claimed' });
    expect(counter.data.offers.map((o: any) => o.code)).toEqual(['loyalty_credit', 'fee_discount', 'speed_upgrade']);
    const tooMuch = await complete(clerk, counter.id, 'retained', { offer: 'loyalty_credit', monthlyCreditFen: 120_001 });
    expect(tooMuch.status, JSON.stringify(tooMuch.body)).toBe(422);
    expect((await complete(supervisor, counter.id, 'not_retained', { reason: 'x' })).status).toBe(403);
    expect((await complete(clerk, counter.id, 'not_retained', { reason: 'price is too high' })).status).toBe(200);

    // The grid supervisor assigns a customer manager, who finds the attempt in their inbox.
    const dispatch = await waitForTask(stack.api, supervisor, id, 'dispatch_retention');
    expect((await complete(supervisor, dispatch.id, 'assigned', { customerManagerId: 'cm-api' })).status).toBe(200);
    const second = await eventually('the second attempt in the manager\'s inbox', async () => {
      const inbox = await fetchJson(url('/tasks'), { token: manager });
      return (inbox.body.items as any[]).find((t) => t.caseId === id && t.kind === 'retention_attempt');
    });
    expect(second).toMatchObject({ role: 'agent', assignee: 'cm-api', data: expect.objectContaining({ level: 2 }) });
    const otherManager = await stack.api.token('cm-other', ['agent']);
    expect((await complete(otherManager, second.id, 'not_retained', { reason: 'x' })).status).toBe(409);
    expect((await complete(manager, second.id, 'not_retained', { reason: 'moving to another city' })).status).toBe(200);

    const verify = await waitForTask(stack.api, supervisor, id, 'verify_retention_return');
    expect((await complete(supervisor, verify.id, 'confirmed')).status).toBe(200);

    // The balance refund is a refund order of its own, approved like any other.
    const withChild = await waitForOrder(stack.api, supervisor, id, (o) => (o.data.childCases ?? []).length === 1);
    const refundId = withChild.data.childCases[0].id;
    // The refund case writes its own row as it starts.
    const refund = { body: await waitForOrder(stack.api, supervisor, refundId, () => true) };
    expect(refund.body).toMatchObject({ type: 'refund', data: expect.objectContaining({ cause: 'cancellation_balance', amountFen: 10_000, parentCaseId: id }) });
    const approval = await waitForTask(stack.api, supervisor, refundId, 'approve_refund');
    expect((await complete(supervisor, approval.id, 'approve')).status).toBe(200);

    // The clerk takes the modem back; a technician books the visit and dismantles with the customer's signature.
    const recover = await waitForTask(stack.api, clerk, id, 'recover_equipment');
    expect((await complete(clerk, recover.id, 'recovered', { items: ['ONU modem', 'set-top box'] })).status).toBe(200);
    const booking = await waitForTask(stack.api, technician, id, 'book_appointment');
    const slot = { start: inMinutes(1), end: inMinutes(61) };
    expect((await complete(technician, booking.id, 'booked', { slot, contactedAt: new Date().toISOString(), technicianId: 'tech-api' })).status).toBe(200);
    const dismantle = await waitForTask(stack.api, technician, id, 'dismantle');
    expect(dismantle).toMatchObject({ assignee: 'tech-api', data: expect.objectContaining({ address: '8 Jiefang Rd' }) });
    const done = { arrivedAt: new Date().toISOString(), checklist: { disconnectedAtCabinet: true, dropLineRemoved: true }, signature: { reference: 'PAD-1', signerName: '张三' } };
    expect((await complete(technician, dismantle.id, 'dismantled', { ...done, checklist: { disconnectedAtCabinet: true } })).status).toBe(422);
    expect((await complete(technician, dismantle.id, 'dismantled', done)).status).toBe(200);

    const order = await waitForOrder(stack.api, clerk, id, (o) => o.state === 'completed');
    expect(order).toMatchObject({ outcome: 'dismantled', pendingTasks: [] });
    expect(order.sla.map((c: any) => c.key).sort()).toEqual(['cancellation.complete', 'cancellation.contact']);
    expect(order.data).toMatchObject({ balanceRefund: { caseId: refundId, outcome: 'refunded' }, pointsRedeemed: 600 });
    const customer = await fetchJson(url(`/customers/${customerId}`), { token: clerk });
    expect(customer.body.services).toEqual([expect.objectContaining({ id: serviceId, status: 'terminated' })]);
    expect(customer.body.account.points).toBe(0);

    // The churn file, for win-back: readers of all cases may query it.
    const churn = await fetchJson(url(`/churn?customerId=${customerId}`), { token: operator });
    expect(churn.status).toBe(200);
    expect(churn.body).toEqual({
      items: [
        expect.objectContaining({ caseId: id, serviceId, reasonCode: 'price', analysis: 'moving to another city', offersDeclined: ['loyalty_credit', 'fee_discount', 'speed_upgrade'] }),
      ],
      nextCursor: null,
    });
    const since = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    expect((await fetchJson(url(`/churn?customerId=${customerId}&reasonCode=price&from=${since}`), { token: supervisor })).body.items).toHaveLength(1);
    expect((await fetchJson(url(`/churn?customerId=${customerId}&reasonCode=quality`), { token: operator })).body.items).toEqual([]);
    expect((await fetchJson(url(`/churn?customerId=${customerId}&to=${since}`), { token: operator })).body.items).toEqual([]);
    expect((await fetchJson(url('/churn?from=yesterday'), { token: operator })).status).toBe(400);
    expect((await fetchJson(url('/churn'), { token: clerk })).status).toBe(403);

    // Terminated: the customer can no longer change their mind.
    expect((await fetchJson(url(`/orders/${id}/cancel`), { token: clerk, json: { reason: 'too late' } })).status).toBe(409);
  });

  test('the customer changes their mind before the service is terminated: 202, cancelled', async () => {
    const { id, serviceId, customerId } = await fileCancellation();
    await waitForTask(stack.api, clerk, id, 'retention_attempt');
    const r = await fetchJson(url(`/orders/${id}/cancel`), { token: clerk, json: { reason: 'the customer stays after all' } });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body).toMatchObject({ state: 'cancelled', stateReason: 'the customer stays after all' });
    const customer = await fetchJson(url(`/customers/${customerId}`), { token: clerk });
    expect(customer.body.services).toEqual([expect.objectContaining({ id: serviceId, status: 'active' })]);
  });
});

describe('GET|PUT /v1/policies/retention-offers', () => {
  test('readers see the catalogue; an admin changes it, validated; new cancellations offer what it says', async () => {
    const before = await fetchJson(url('/policies/retention-offers'), { token: operator });
    expect(before.status).toBe(200);
    expect(before.body.offers.map((o: any) => o.code)).toEqual(['loyalty_credit', 'fee_discount', 'speed_upgrade']);
    expect(before.body.offers[0]).toEqual({ code: 'loyalty_credit', minMonthlyRevenueFen: 1_000_000, arrearsFreeMonths: 3, commitmentMonths: 24, maxCreditPercent: 10 });
    const put = (token: string, json: unknown) => fetchJson(url('/policies/retention-offers'), { method: 'PUT', token, json });
    try {
      const upgradeOnly = { offers: [{ code: 'speed_upgrade', commitmentMonths: 6, mbpsByTier: { gold: 2000 } }] };
      const ok = await put(admin, upgradeOnly);
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body).toEqual(upgradeOnly);
      expect((await fetchJson(url('/policies/retention-offers'), { token: supervisor })).body).toEqual(upgradeOnly);

      const { id } = await fileCancellation();
      const counter = await waitForTask(stack.api, clerk, id, 'retention_attempt');
      expect(counter.data.offers).toEqual([{ code: 'speed_upgrade', commitmentMonths: 6, speedMbps: 2000 }]);
      expect((await complete(clerk, counter.id, 'retained', { offer: 'fee_discount' })).status).toBe(422);
      expect((await complete(clerk, counter.id, 'retained', { offer: 'speed_upgrade' })).status).toBe(200);
      expect(await waitForOrder(stack.api, clerk, id, (o) => o.state === 'completed')).toMatchObject({ outcome: 'retained' });

      const twice = await put(admin, { offers: [upgradeOnly.offers[0], upgradeOnly.offers[0]] });
      expect(twice.status).toBe(422);
      expect(twice.contentType).toMatch(/^application\/problem\+json/);
      expect((await put(admin, { offers: [{ code: 'fee_discount', commitmentMonths: 12, percentByTier: { gold: 120 } }] })).status).toBe(400);
      expect((await put(admin, { offers: [{ code: 'free_lunch' }] })).status).toBe(400);
      expect((await put(operator, upgradeOnly)).status).toBe(403);
      expect((await fetchJson(url('/policies/retention-offers'), { token: clerk })).status).toBe(403);
    } finally {
      expect((await put(admin, before.body)).status).toBe(200);
    }
  });

  test('is in the OpenAPI document, with the churn file', async () => {
    const doc = await fetchJson(`${stack.api.url}/openapi.json`);
    expect(Object.keys(doc.body.paths['/v1/policies/retention-offers'])).toEqual(expect.arrayContaining(['get', 'put']));
    expect(doc.body.paths['/v1/churn'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['customerId', 'reasonCode', 'from', 'to']));
  });
});
