import { beforeAll, describe, expect, test } from 'vitest';
import {
  eventually,
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
let supA: string;
let supB: string;

beforeAll(async () => {
  clerk = await stack.api.token('clerk-tasks', ['frontoffice']);
  supA = await stack.api.token('sup-a', ['supervisor']);
  supB = await stack.api.token('sup-b', ['supervisor']);
});

/** A fresh refund waiting for its supervisor approval. */
async function refundAwaitingApproval(): Promise<{ orderId: string; task: any }> {
  const customerId = await putCustomer(stack.api);
  const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const task = await waitForTask(stack.api, supA, r.body.id, 'approve_refund');
  return { orderId: r.body.id, task };
}

const post = (path: string, token: string, json?: unknown) =>
  fetchJson(`${stack.api.url}${path}`, { method: 'POST', token, ...(json === undefined ? {} : { json }) });

describe('tasks', () => {
  test('the task item carries what a client needs to render it', async () => {
    const { orderId, task } = await refundAwaitingApproval();
    expect(task).toMatchObject({
      id: expect.stringMatching(/^tsk_/),
      caseId: orderId,
      caseType: 'refund',
      kind: 'approve_refund',
      role: 'supervisor',
      assignee: null,
      state: 'open',
      createdAt: expect.any(String),
      outcomes: expect.arrayContaining(['approve', 'deny']),
      form: { deny: expect.objectContaining({ required: ['reason'] }) },
      data: expect.any(Object),
    });
    const one = await fetchJson(`${stack.api.url}/v1/tasks/${task.id}`, { token: supA });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(task);
    // Default inbox: a supervisor sees it, a technician does not (and may not read it).
    const inbox = await fetchJson(`${stack.api.url}/v1/tasks?limit=200`, { token: supA });
    expect(inbox.body.items.every((t: any) => t.role === 'supervisor' && ['open', 'claimed'].includes(t.state))).toBe(true);
    const tech = await stack.api.token('tech-1', ['technician']);
    const techInbox = await fetchJson(`${stack.api.url}/v1/tasks?caseId=${orderId}`, { token: tech });
    expect(techInbox.body.items).toEqual([]);
    expect((await fetchJson(`${stack.api.url}/v1/tasks/${task.id}`, { token: tech })).status).toBe(404);
  });

  test('claim conflict: B cannot take what A holds; A releases; B claims', async () => {
    const { task } = await refundAwaitingApproval();
    const a = await post(`/v1/tasks/${task.id}/claim`, supA);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ state: 'claimed', assignee: 'sup-a' });
    expect((await post(`/v1/tasks/${task.id}/claim`, supA)).status).toBe(200); // A again: idempotent

    const b = await post(`/v1/tasks/${task.id}/claim`, supB);
    expect(b.status).toBe(409);
    expect(b.contentType).toMatch(/^application\/problem\+json/);
    expect((await post(`/v1/tasks/${task.id}/release`, supB)).status).toBe(409);
    const bComplete = await post(`/v1/tasks/${task.id}/complete`, supB, { outcome: 'approve' });
    expect(bComplete.status).toBe(409);

    const mine = await fetchJson(`${stack.api.url}/v1/tasks?assignee=me`, { token: supA });
    expect(mine.body.items.map((t: any) => t.id)).toContain(task.id);

    const released = await post(`/v1/tasks/${task.id}/release`, supA);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ state: 'open', assignee: null });
    const bAgain = await post(`/v1/tasks/${task.id}/claim`, supB);
    expect(bAgain.status).toBe(200);
    expect(bAgain.body.assignee).toBe('sup-b');
  });

  test('claiming needs the task role (403)', async () => {
    const { task } = await refundAwaitingApproval();
    const leader = await stack.api.token('bl-1', ['branch_leader']);
    expect((await post(`/v1/tasks/${task.id}/claim`, leader)).status).toBe(403);
  });

  test('completion refusals: wrong role 403, admin on money 403, bad outcome 422, deny without reason 422', async () => {
    const { orderId, task } = await refundAwaitingApproval();
    const gm = await stack.api.token('gm-1', ['general_manager']);
    const wrongRole = await post(`/v1/tasks/${task.id}/complete`, gm, { outcome: 'approve' });
    expect(wrongRole.status).toBe(403);
    const admin = await stack.api.token('admin-1', ['admin', 'supervisor']);
    expect((await post(`/v1/tasks/${task.id}/complete`, admin, { outcome: 'approve' })).status).toBe(403);

    const badOutcome = await post(`/v1/tasks/${task.id}/complete`, supA, { outcome: 'maybe' });
    expect(badOutcome.status).toBe(422);
    expect(badOutcome.body.errors).toContainEqual({ path: 'body/outcome', message: expect.any(String) });

    const noReason = await post(`/v1/tasks/${task.id}/complete`, supA, { outcome: 'deny' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toContainEqual({ path: 'body/data/reason', message: 'is required' });
    const emptyReason = await post(`/v1/tasks/${task.id}/complete`, supA, { outcome: 'deny', data: { reason: '' } });
    expect(emptyReason.status).toBe(422);
    const unknownBodyField = await post(`/v1/tasks/${task.id}/complete`, supA, { outcome: 'deny', reason: 'x' });
    expect(unknownBodyField.status).toBe(400);

    // Nothing was decided: the task is still open.
    const still = await fetchJson(`${stack.api.url}/v1/tasks/${task.id}`, { token: supA });
    expect(still.body.state).toBe('open');

    const denied = await post(`/v1/tasks/${task.id}/complete`, supA, { outcome: 'deny', data: { reason: 'not our fault' }, comment: 'checked the bill' });
    expect(denied.status, JSON.stringify(denied.body)).toBe(200);
    expect(denied.body.task).toMatchObject({ id: task.id, state: 'completed', outcome: 'deny', completedBy: 'sup-a' });
    expect(denied.body.case).toMatchObject({ id: orderId });
    const order = await waitForOrder(stack.api, clerk, orderId, (o) => o.outcome === 'denied');
    expect(order.pendingTasks).toEqual([]);

    const late = await post(`/v1/tasks/${task.id}/complete`, supB, { outcome: 'approve' });
    expect(late.status).toBe(409);
  });

  test('approving completes the order with outcome refunded; the task shows completed in lists', async () => {
    const { orderId, task } = await refundAwaitingApproval();
    const r = await post(`/v1/tasks/${task.id}/complete`, supA, { outcome: 'approve' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.task).toMatchObject({ id: task.id, state: 'completed', outcome: 'approve' });
    expect(r.body.case).toMatchObject({ id: orderId, state: expect.any(String), stage: expect.any(String) });

    const done = await eventually(
      'the completed task in the list',
      async () => {
        const l = await fetchJson(`${stack.api.url}/v1/tasks?caseId=${orderId}&state=completed`, { token: supA });
        return l.body.items.find((t: any) => t.id === task.id);
      },
      1000,
    );
    expect(done).toMatchObject({ state: 'completed', outcome: 'approve', completedBy: 'sup-a' });

    const order = await waitForOrder(stack.api, clerk, orderId, (o) => o.state === 'completed');
    expect(order.outcome).toBe('refunded');
    const paid = await testDb().selectFrom('payments').selectAll().where('case_id', '=', orderId).execute();
    expect(paid).toHaveLength(1);
  });

  test('two people completing one task at once: one 200, one 409', async () => {
    const { task } = await refundAwaitingApproval();
    const [a, b] = await Promise.all([
      post(`/v1/tasks/${task.id}/complete`, supA, { outcome: 'approve' }),
      post(`/v1/tasks/${task.id}/complete`, supB, { outcome: 'deny', data: { reason: 'too much' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.contentType).toMatch(/^application\/problem\+json/);
  });

  test('an unknown task is 404', async () => {
    expect((await fetchJson(`${stack.api.url}/v1/tasks/tsk_nope`, { token: supA })).status).toBe(404);
    expect((await post(`/v1/tasks/tsk_nope/claim`, supA)).status).toBe(404);
    expect((await post(`/v1/tasks/tsk_nope/complete`, supA, { outcome: 'approve' })).status).toBe(404);
  });
});

describe('department tasks', () => {
  test('only a supervisor of the named department sees, claims and completes a co-approval', async () => {
    const customerId = await putCustomer(stack.api);
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId, { cause: 'billing_error' }) });
    const itSupervisor = await stack.api.token('sup-it', ['supervisor'], { dept: 'it_centre' });
    const co = await waitForTask(stack.api, itSupervisor, r.body.id, 'co_approve_refund');
    expect(co).toMatchObject({ role: 'supervisor', department: 'it_centre' });

    const inboxOf = async (token: string) =>
      (await fetchJson(`${stack.api.url}/v1/tasks?limit=200&kind=co_approve_refund`, { token })).body.items.map((t: any) => t.id);
    expect(await inboxOf(itSupervisor)).toContain(co.id);
    expect(await inboxOf(supA)).not.toContain(co.id);
    const marketing = await stack.api.token('sup-mkt', ['supervisor'], { dept: 'marketing' });
    expect(await inboxOf(marketing)).not.toContain(co.id);

    expect((await post(`/v1/tasks/${co.id}/claim`, supA)).status).toBe(403);
    const refused = await post(`/v1/tasks/${co.id}/complete`, marketing, { outcome: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/department it_centre/);
    expect((await post(`/v1/tasks/${co.id}/complete`, itSupervisor, { outcome: 'approve' })).status).toBe(200);
    await waitForTask(stack.api, supA, r.body.id, 'approve_refund');
  });
});

describe('inbox order and filters', () => {
  test('soonest deadline first with sort=dueAt, pages by cursor, and filters by kind and case type', async () => {
    const sup = await stack.api.token('sup-order', ['supervisor']);
    for (let i = 0; i < 3; i++) await refundAwaitingApproval();
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await fetchJson(`${stack.api.url}/v1/tasks?sort=dueAt&limit=2&caseType=refund&kind=approve_refund${cursor ? `&cursor=${cursor}` : ''}`, { token: sup });
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen.map((t) => t.id)).size).toBe(seen.length);
    expect(seen.every((t) => t.kind === 'approve_refund' && t.caseType === 'refund')).toBe(true);
    const due = seen.map((t) => Date.parse(t.dueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect((await fetchJson(`${stack.api.url}/v1/tasks?caseType=complaint`, { token: sup })).body.items).toEqual([]);
    expect((await fetchJson(`${stack.api.url}/v1/tasks?sort=soonest`, { token: sup })).status).toBe(400);
  });
});
