/** Fault repair over HTTP, the way the hotline, technicians' and agents' apps drive it (processes.md §6). */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { faultRepairBody, restoredVisit } from '../fixtures/fault-repair';
import { fetchJson, putCustomer, useTestApi, waitForOrder, waitForTask } from '../support/api';

const stack = useTestApi({ worker: true });

let hotline: string;
let admin: string;
let technician: string;
let agent: string;

beforeAll(async () => {
  hotline = await stack.api.token('hotline-10000', ['frontoffice']);
  admin = await stack.api.token('admin-1', ['admin']);
  technician = await stack.api.token('tech-api', ['technician']);
  agent = await stack.api.token('agent-api', ['agent']);
});

const url = (path: string) => `${stack.api.url}/v1${path}`;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** A customer with one urban broadband line renting at 60 元 a month. */
async function customerWithLine(): Promise<{ customerId: string; serviceId: string }> {
  const serviceId = `svc_${randomBytes(6).toString('hex')}`;
  const customerId = await putCustomer(stack.api, {
    services: [{ id: serviceId, kind: 'broadband', address: '8 Jiefang Rd', region: 'urban', status: 'active', monthlyRentFen: 6000 }],
  });
  return { customerId, serviceId };
}

async function complete(token: string, taskId: string, outcome: string, data: Record<string, unknown> = {}) {
  const r = await fetchJson(url(`/tasks/${taskId}/complete`), { token, json: { outcome, data } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe('fault repair over HTTP', () => {
  test('from the hotline’s report to completion: a visit, the confirmation, the callback, and the rent of a late repair credited', async () => {
    const { customerId, serviceId } = await customerWithLine();
    // The network's remote test finds a fault a technician must fix on site.
    const set = await fetchJson(url(`/network/line-tests/${serviceId}`), { method: 'PUT', token: admin, json: { result: 'needs_visit', detail: 'LOS on the ONU' } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual({ serviceId, result: 'needs_visit', detail: 'LOS on the ONU' });

    // Reported 50 hours ago: the 48-hour promise is already broken.
    const reportedAt = hoursAgo(50);
    const opened = await fetchJson(url('/orders'), { token: hotline, json: faultRepairBody(customerId, serviceId, { reportedAt }) });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id: string = opened.body.id;
    expect(opened.body).toMatchObject({ type: 'fault_repair', customerId, createdBy: 'hotline-10000', data: expect.objectContaining({ serviceId, reportedAt }) });

    const booking = await waitForTask(stack.api, technician, id, 'book_appointment');
    expect(booking.data).toMatchObject({ serviceId, address: '8 Jiefang Rd', region: 'urban', reportedAt });
    const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    await complete(technician, booking.id, 'booked', { slot: { start: inMinutes(1), end: inMinutes(61) }, contactedAt: new Date().toISOString(), technicianId: 'tech-api' });
    const visit = await waitForTask(stack.api, technician, id, 'repair_visit');
    expect(visit).toMatchObject({ assignee: 'tech-api', outcomes: expect.arrayContaining(['restored', 'customer_equipment_fault', 'customer_absent', 'needs_escalation']) });
    // The technician may not sign for the customer.
    const selfSigned = await fetchJson(url(`/tasks/${visit.id}/complete`), {
      token: technician,
      json: { outcome: 'restored', data: { ...restoredVisit(), signature: { reference: 'S', signerName: 'tech-api' } } },
    });
    expect(selfSigned.status).toBe(422);
    await complete(technician, visit.id, 'restored', restoredVisit());

    const confirm = await waitForTask(stack.api, agent, id, 'confirm_restoration');
    expect((await waitForOrder(stack.api, hotline, id, (o) => o.stage === 'confirming_restoration')).state).toBe('pending');
    await complete(agent, confirm.id, 'confirmed');
    const survey = await waitForTask(stack.api, agent, id, 'callback_survey');
    await complete(agent, survey.id, 'surveyed', { satisfaction: 4 });

    const done = await waitForOrder(stack.api, hotline, id, (o) => o.state === 'completed');
    expect(done).toMatchObject({ outcome: 'restored', pendingTasks: [] });
    expect(done.sla).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'fault_repair.resolve.urban', startedAt: reportedAt, breached: true })]));
    // 50 hours and a little are 3 days: 60 元 × 3 / 30 = 6 元.
    expect(done.data.rentCredit).toMatchObject({ amountFen: 600, days: 3, monthlyRentFen: 6000, rentSource: 'bss', from: reportedAt });

    const events = await fetchJson(url(`/orders/${id}/events`), { token: hotline });
    const kinds = (events.body as Array<{ kind: string }>).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['case_created', 'remote_diagnosis', 'sla_breached', 'appointment_booked', 'visit_recorded', 'service_restored', 'rent_credited', 'survey_recorded']));
    expect(kinds.indexOf('rent_credited')).toBeGreaterThan(kinds.indexOf('service_restored'));
    const customer = await fetchJson(url(`/customers/${customerId}`), { token: admin });
    expect(customer.body.account.balanceFen).toBe(10000 + 600);
  });

  test('a report time later than now is refused (422); so are unknown fields and a missing symptom (400)', async () => {
    const { customerId, serviceId } = await customerWithLine();
    const future = await fetchJson(url('/orders'), { token: hotline, json: faultRepairBody(customerId, serviceId, { reportedAt: new Date(Date.now() + 3_600_000).toISOString() }) });
    expect(future.status).toBe(422);
    expect(future.contentType).toMatch(/^application\/problem\+json/);
    expect(future.body.errors).toEqual([{ path: 'body/reportedAt', message: 'reportedAt must not be later than now' }]);

    const extra = await fetchJson(url('/orders'), { token: hotline, json: faultRepairBody(customerId, serviceId, { priority: 'high' }) });
    expect(extra.status).toBe(400);
    const { symptom: _, ...noSymptom } = faultRepairBody(customerId, serviceId);
    expect((await fetchJson(url('/orders'), { token: hotline, json: noSymptom })).status).toBe(400);
    const badTime = await fetchJson(url('/orders'), { token: hotline, json: faultRepairBody(customerId, serviceId, { reportedAt: 'this morning' }) });
    expect(badTime.status).toBe(400);
  });

  test('only an admin sets what the built-in network answers, for a service that exists', async () => {
    const { serviceId } = await customerWithLine();
    const put = (token: string, id: string, json: unknown) => fetchJson(url(`/network/line-tests/${id}`), { method: 'PUT', token, json });
    expect((await put(hotline, serviceId, { result: 'cleared' })).status).toBe(403);
    expect((await put(admin, 'svc_nope', { result: 'cleared' })).status).toBe(404);
    expect((await put(admin, serviceId, { result: 'fixed' })).status).toBe(400);
    expect((await put(admin, serviceId, { result: 'cleared' })).body).toEqual({ serviceId, result: 'cleared', detail: null });
  });
});
