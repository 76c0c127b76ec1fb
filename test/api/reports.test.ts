import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, fetchJson, putCustomer, useTestApi, waitForOrder, waitForTask } from '../support/api';
import { refundBody } from '../fixtures/refund';
import { withSla } from '../support/cases';
import { testDb } from '../support/stack';

const stack = useTestApi({ worker: true });

let clerk: string;
let supervisor: string;
let operator: string;
const restore: Array<() => Promise<void>> = [];

beforeAll(async () => {
  clerk = await stack.api.token('clerk-reports', ['frontoffice']);
  supervisor = await stack.api.token('sup-reports', ['supervisor']);
  operator = await stack.api.token('ops-reports', ['operator']);
});
afterAll(async () => {
  for (const undo of restore.reverse()) await undo();
});

const overview = async () => {
  const r = await fetchJson(`${stack.api.url}/v1/reports/overview`, { token: operator });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const countOf = (o: any, type: string, state: string) => o.cases.find((c: any) => c.kind === 'order' && c.type === type && c.state === state)?.count ?? 0;
const causeOf = (o: any, cause: string) => o.refundsByCause.find((c: any) => c.cause === cause) ?? { count: 0, amountFen: 0 };

async function openRefund(overrides: Record<string, unknown> = {}): Promise<string> {
  const customerId = await putCustomer(stack.api);
  const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId, overrides) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

describe('GET /v1/reports/overview', () => {
  test('counts cases by type and state, and this month\'s refunds by cause', async () => {
    const before = await overview();
    expect(before.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(before.month).toBe(before.day.slice(0, 7));

    const id = await openRefund({ amountFen: 12345, cause: 'roaming_deposit' });
    const task = await waitForTask(stack.api, supervisor, id, 'approve_refund');
    expect(countOf(await overview(), 'refund', 'inProgress')).toBe(countOf(before, 'refund', 'inProgress') + 1);

    const done = await fetchJson(`${stack.api.url}/v1/tasks/${task.id}/complete`, { method: 'POST', token: supervisor, json: { outcome: 'approve' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    await waitForOrder(stack.api, operator, id, (o) => o.outcome === 'refunded');

    const after = await overview();
    expect(countOf(after, 'refund', 'completed')).toBe(countOf(before, 'refund', 'completed') + 1);
    expect(causeOf(after, 'roaming_deposit')).toEqual({
      cause: 'roaming_deposit',
      count: causeOf(before, 'roaming_deposit').count + 1,
      amountFen: causeOf(before, 'roaming_deposit').amountFen + 12345,
    });
  });

  test("today's jeopardies and breaches, and the breached filter on orders", async () => {
    restore.push(await withSla(testDb(), 'refund.approval', 'PT2S'));
    const before = await overview();
    const id = await openRefund();
    // The supervisor's approval lapses (jeopardy, then breach) and moves up to a branch leader.
    await eventually('the approval to breach', async () => {
      const o = await fetchJson(`${stack.api.url}/v1/orders/${id}`, { token: operator });
      return o.body.sla?.some((c: any) => c.breached) ? o.body : undefined;
    });
    const after = await overview();
    expect(after.today.breaches).toBeGreaterThan(before.today.breaches);
    expect(after.today.jeopardies).toBeGreaterThan(before.today.jeopardies);
    expect(after.openBreached).toBeGreaterThan(0);
    expect(after.today.events).toContainEqual({
      caseId: id,
      caseKind: 'order',
      caseType: 'refund',
      mark: 'breached',
      policyKey: 'refund.approval',
      at: expect.any(String),
    });

    const breached = await fetchJson(`${stack.api.url}/v1/orders?breached=true&type=refund&limit=200`, { token: operator });
    expect(breached.body.items.map((o: any) => o.id)).toContain(id);
    const clean = await fetchJson(`${stack.api.url}/v1/orders?breached=false&limit=200`, { token: operator });
    expect(clean.body.items.map((o: any) => o.id)).not.toContain(id);
    expect((await fetchJson(`${stack.api.url}/v1/orders?breached=maybe`, { token: operator })).status).toBe(400);

    // Done with it: no escalation chain left running for later tests.
    const cancel = await fetchJson(`${stack.api.url}/v1/orders/${id}/cancel`, { method: 'POST', token: clerk, json: { reason: 'test over' } });
    expect(cancel.status).toBe(202);
  });

  test('only roles that read every case may see it', async () => {
    for (const roles of [['frontoffice'], ['technician'], ['agent']]) {
      const token = await stack.api.token('someone', roles);
      expect((await fetchJson(`${stack.api.url}/v1/reports/overview`, { token })).status, roles.join()).toBe(403);
    }
    expect((await fetchJson(`${stack.api.url}/v1/reports/overview`)).status).toBe(401);
  });
});
