/** Complaints over HTTP (processes.md §7, api-contract.md "Complaints"): the first responder, someone trying to take over, the levels and the customer. */
import { beforeAll, describe, expect, test } from 'vitest';
import { answer, complaintBody } from '../fixtures/complaint';
import { fetchJson, putCustomer, useTestApi, waitForComplaint, waitForTask } from '../support/api';

const stack = useTestApi({ worker: true });

let clerk: string;
let otherClerk: string;
let supervisor: string;
let crm: string;
let agent: string;
let admin: string;
let operator: string;

beforeAll(async () => {
  clerk = await stack.api.token('clerk-cmp', ['frontoffice']);
  otherClerk = await stack.api.token('clerk-other', ['frontoffice']);
  supervisor = await stack.api.token('sup-cmp', ['supervisor']);
  crm = await stack.api.token('crm-system', ['frontoffice']);
  agent = await stack.api.token('cm-owner', ['agent']);
  admin = await stack.api.token('admin-cmp', ['admin']);
  operator = await stack.api.token('op-cmp', ['operator']);
});

const url = (path: string) => `${stack.api.url}/v1${path}`;
const post = (path: string, token: string, json: unknown, headers: Record<string, string> = {}) => fetchJson(url(path), { token, json, headers });
const complete = (token: string, taskId: string, outcome: string, data: Record<string, unknown> = {}) => post(`/tasks/${taskId}/complete`, token, { outcome, data });

async function completeOk(token: string, taskId: string, outcome: string, data: Record<string, unknown> = {}) {
  const r = await complete(token, taskId, outcome, data);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe('complaints over HTTP', () => {
  test('the first responder answers; another clerk cannot take over; the customer rejects; the supervisor answers through the owner; accepted', async () => {
    const customerId = await putCustomer(stack.api);
    const key = `cmp-${customerId}`;
    const opened = await post('/complaints', clerk, complaintBody(customerId), { 'idempotency-key': key });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id: string = opened.body.id;
    expect(id).toMatch(/^cmp_/);
    expect(opened.headers.get('location')).toBe(`/v1/complaints/${id}`);
    // The answer to the opening request already carries the owner, severity and reply deadline.
    expect(opened.body).toMatchObject({ status: 'inProgress', stage: 'investigating', owner: 'clerk-cmp', severity: 'normal', baseSeverity: 'normal', repeat: false, escalationLevel: 0 });
    expect(opened.body.state).toBeUndefined();
    expect(Date.parse(opened.body.replyDueAt)).toBeGreaterThan(Date.now() + 47 * 3_600_000);
    expect(opened.body.sla).toEqual([expect.objectContaining({ key: 'complaint.reply.normal', dueAt: opened.body.replyDueAt })]);

    // Same key, same body: the same complaint; same key, another body: 409.
    const again = await post('/complaints', clerk, complaintBody(customerId), { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
    const reused = await post('/complaints', clerk, complaintBody(customerId, { description: 'something else' }), { 'idempotency-key': key });
    expect(reused.status).toBe(409);
    expect(reused.contentType).toMatch(/application\/problem\+json/);

    // My open complaints with their deadlines, one request away.
    const mine = await fetchJson(url('/complaints?owner=me&open=true'), { token: clerk });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id, owner: 'clerk-cmp', replyDueAt: opened.body.replyDueAt, status: 'inProgress' })]);

    // Another clerk may not take the case over: not claim, not complete (403, problem+json); the owner may not give it away.
    const task = await waitForTask(stack.api, clerk, id, 'resolve_complaint');
    expect(task).toMatchObject({ owner: 'clerk-cmp', assignee: 'clerk-cmp', state: 'claimed', role: 'frontoffice' });
    for (const action of ['claim', 'complete'] as const) {
      const r = action === 'claim' ? await post(`/tasks/${task.id}/claim`, otherClerk, {}) : await complete(otherClerk, task.id, 'resolved', answer());
      expect(r.status, JSON.stringify(r.body)).toBe(403);
      expect(r.contentType).toMatch(/application\/problem\+json/);
      expect(r.body.detail).toMatch(/ownership never moves/);
    }
    expect((await post(`/tasks/${task.id}/release`, clerk, {})).status).toBe(403);
    // A supervisor, who reads every case, is refused too.
    expect((await complete(supervisor, task.id, 'resolved', answer())).status).toBe(403);
    // Closing needs the root cause and the improvement.
    const bare = await complete(clerk, task.id, 'resolved', { answer: 'refunded' });
    expect(bare.status).toBe(422);
    expect(bare.body.errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(['body/data/rootCause', 'body/data/improvement']));

    await completeOk(clerk, task.id, 'resolved', answer());
    const resolved = await waitForComplaint(stack.api, clerk, id, (c) => c.status === 'resolved');
    expect(resolved.stage).toBe('customer_acceptance');

    // The customer rejects the answer (the owner records it): level 1, the supervisor.
    const acceptance = await waitForTask(stack.api, clerk, id, 'customer_acceptance');
    await completeOk(clerk, acceptance.id, 'rejected', { reason: 'I was charged again' });
    const escalated = await waitForComplaint(stack.api, supervisor, id, (c) => c.escalationLevel === 1);
    expect(escalated).toMatchObject({ status: 'inProgress', stage: 'escalated' });
    const level = await waitForTask(stack.api, supervisor, id, 'complaint_escalation');
    expect(level).toMatchObject({ role: 'supervisor', owner: null });
    await completeOk(supervisor, level.id, 'answered', { answer: 'refund both charges and waive next month' });

    // The answer returns through the owner, who replies and asks again; the customer accepts.
    const reply = await waitForTask(stack.api, clerk, id, 'resolve_complaint');
    expect(reply.data.escalation).toMatchObject({ level: 1, role: 'supervisor', answer: 'refund both charges and waive next month' });
    await completeOk(clerk, reply.id, 'resolved', answer('both charges refunded, next month waived'));
    const second = await waitForTask(stack.api, clerk, id, 'customer_acceptance');
    await completeOk(clerk, second.id, 'accepted');
    const closed = await waitForComplaint(stack.api, clerk, id, (c) => c.status === 'closed');
    expect(closed).toMatchObject({ outcome: 'accepted', escalationLevel: 1, pendingTasks: [] });
    expect(closed.data.resolution).toMatchObject({ answer: 'both charges refunded, next month waived', rootCause: expect.any(String), improvement: expect.any(String) });

    const events = await fetchJson(url(`/complaints/${id}/events`), { token: clerk });
    expect(events.status).toBe(200);
    const kinds = events.body.map((e: any) => e.kind);
    expect(kinds[0]).toBe('case_created');
    expect(kinds).toEqual(expect.arrayContaining(['state_changed', 'task_created', 'task_completed', 'notification_sent', 'customer_answered']));
    expect((await fetchJson(url('/complaints?owner=me&open=true'), { token: clerk })).body.items).toEqual([]);
    expect((await fetchJson(url(`/orders/${id}`), { token: clerk })).status).toBe(404);
  });

  test('resolved on the spot closes in one round trip, with the contract\'s `{ answer }` alone', async () => {
    const customerId = await putCustomer(stack.api);
    const r = await post('/complaints', clerk, complaintBody(customerId, { category: 'inquiry', resolvedOnSpot: { answer: 'explained the bill' } }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'closed', outcome: 'resolved_on_spot', owner: 'clerk-cmp', replyDueAt: null, pendingTasks: [] });
    expect(r.body.data.resolution).toMatchObject({ answer: 'explained the bill', acceptance: 'accepted_at_counter' });
  });

  test('a front-office system names the first responder; only staff who own complaints may be named; an agent may not pass one off', async () => {
    const customerId = await putCustomer(stack.api, { tier: 'gold' });
    const named = await post('/complaints', crm, complaintBody(customerId, { channel: 'online', firstResponder: { id: 'cm-owner', role: 'agent' } }));
    expect(named.status, JSON.stringify(named.body)).toBe(201);
    expect(named.body).toMatchObject({ owner: 'cm-owner', severity: 'high', createdBy: 'crm-system' });
    // The first responder sees it and its deadline among their own.
    const mine = await fetchJson(url('/complaints?owner=me'), { token: agent });
    expect(mine.body.items.map((c: any) => c.id)).toContain(named.body.id);
    expect((await fetchJson(url(`/complaints/${named.body.id}`), { token: agent })).status).toBe(200);

    const notStaff = await post('/complaints', crm, complaintBody(customerId, { firstResponder: { id: 'x', role: 'supervisor' } }));
    expect(notStaff.status).toBe(400);
    const passedOff = await post('/complaints', agent, complaintBody(customerId, { firstResponder: { id: 'cm-else', role: 'agent' } }));
    expect(passedOff.status).toBe(422);
    expect(passedOff.body.errors).toEqual([expect.objectContaining({ path: 'body/firstResponder' })]);
    const adminAlone = await post('/complaints', admin, complaintBody(customerId));
    expect(adminAlone.status).toBe(422);
    expect((await post('/complaints', operator, complaintBody(customerId))).status).toBe(403);
  });

  test('the list filters by status, owner, severity, customer and breach; others’ complaints stay hidden from a clerk', async () => {
    const customerId = await putCustomer(stack.api);
    const critical = await post('/complaints', clerk, complaintBody(customerId, { flags: ['media'], subject: 'service_attitude' }));
    const normal = await post('/complaints', clerk, complaintBody(customerId, { subject: 'tariff' }));
    expect([critical.status, normal.status]).toEqual([201, 201]);
    const list = async (query: string, token = supervisor) => {
      const r = await fetchJson(url(`/complaints?customerId=${customerId}&${query}`), { token });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.items.map((c: any) => c.id).sort();
    };
    expect(await list('severity=critical')).toEqual([critical.body.id]);
    expect(await list('severity=normal')).toEqual([normal.body.id]);
    expect(await list('owner=clerk-cmp')).toEqual([critical.body.id, normal.body.id].sort());
    expect(await list('owner=someone-else')).toEqual([]);
    expect(await list('status=inProgress')).toEqual([critical.body.id, normal.body.id].sort());
    expect(await list('status=closed')).toEqual([]);
    expect(await list('breached=true')).toEqual([]);
    expect(await list('breached=false')).toEqual([critical.body.id, normal.body.id].sort());
    expect((await fetchJson(url('/complaints?severity=urgent'), { token: supervisor })).status).toBe(400);
    expect((await fetchJson(url(`/complaints/${critical.body.id}`), { token: otherClerk })).status).toBe(404);
    const seen = await fetchJson(url(`/complaints/${critical.body.id}`), { token: operator });
    expect(seen.body).toMatchObject({ severity: 'critical', owner: 'clerk-cmp' });
  });
});
