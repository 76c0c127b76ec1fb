import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, test } from 'vitest';
import { PRIVATE_LOGGING } from '../../src/logging';
import { INSTALL_CHECKLIST } from '../../src/processes/new-install';
import { newInstallBody, uniqueAddress } from '../fixtures/new-install';
import { fetchJson, putCustomer, useTestApi, waitForOrder, waitForTask } from '../support/api';
import { loadPortsOverHttp, surveyOverHttp, visitOverHttp } from '../support/field-api';

const stack = useTestApi({ worker: true });

let clerk: string;
let operator: string;
let caller: string;
let technician: { sub: string; token: string };

beforeAll(async () => {
  clerk = await stack.api.token('clerk-ni', ['frontoffice']);
  operator = await stack.api.token('ops-ni', ['operator']);
  caller = await stack.api.token('agent-ni', ['agent']);
  technician = { sub: 'tech-ni', token: await stack.api.token('tech-ni', ['technician'], { name: '王师傅' }) };
});

const url = (path: string) => `${stack.api.url}/v1${path}`;

/** A front-office system opens the install at an address with free ports. */
async function openInstall(overrides: Record<string, unknown> = {}, ports = 1) {
  const installAddress = uniqueAddress();
  if (ports > 0) await loadPortsOverHttp(stack.api, installAddress.text, ports);
  const customerId = await putCustomer(stack.api);
  const r = await fetchJson(url('/orders'), { token: clerk, json: newInstallBody(customerId, { installAddress, ...overrides }), headers: { 'idempotency-key': `ni-${randomUUID()}` } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { id: r.body.id as string, customerId, address: installAddress.text, order: r.body };
}

describe('new install over HTTP', () => {
  test('from the front office to the callback: booked, visited, activated, surveyed; the line appears on the customer', async () => {
    const { id, customerId, order } = await openInstall();
    expect(order).toMatchObject({ type: 'new_install', data: { contact: { phone: '13987654321' }, product: 'broadband' } });

    await visitOverHttp(stack.api, technician, id, 'installed', INSTALL_CHECKLIST);
    // The technician sees the order they work on, phone numbers included (they serve the customer).
    const seen = await fetchJson(url(`/orders/${id}`), { token: technician.token });
    expect(seen.status).toBe(200);
    expect(seen.body.data.contact.phone).toBe('13987654321');
    await surveyOverHttp(stack.api, caller, id, 5);

    const done = await waitForOrder(stack.api, clerk, id, (o) => o.state === 'completed');
    expect(done).toMatchObject({ outcome: 'installed', stage: 'done', pendingTasks: [], data: { survey: { satisfaction: 5 }, installation: { signedBy: '李四' } } });
    expect(done.sla.map((c: { key: string }) => c.key)).toEqual(expect.arrayContaining(['new_install.complete.urban', 'new_install.contact', 'new_install.callback']));
    const customer = await fetchJson(url(`/customers/${customerId}`), { token: clerk });
    expect(customer.body.services).toEqual(expect.arrayContaining([expect.objectContaining({ id: `svc_${id.slice(4)}`, kind: 'broadband', status: 'active', monthlyRentFen: 9900 })]));

    const events = await fetchJson(url(`/orders/${id}/events`), { token: clerk });
    const kinds: string[] = events.body.map((e: { kind: string }) => e.kind);
    expect(kinds[0]).toBe('case_created');
    expect(kinds).toEqual(expect.arrayContaining(['port_reserved', 'appointment_booked', 'task_claimed', 'visit_recorded', 'service_activated', 'survey_recorded', 'notification_sent']));
    expect(JSON.stringify(events.body)).not.toMatch(/13987654321|510107199001011234/);
  });

  test('an operator sees phone, identity number and address masked in orders and tasks', async () => {
    const { id, customerId, address } = await openInstall();
    await waitForTask(stack.api, technician.token, id, 'book_appointment');
    const masked = {
      contact: { phone: '139****4321' },
      identity: { idDocument: { number: '510107********1234' } },
      installAddress: { text: expect.stringMatching(/^成都市武侯区人民\*+$/) },
    };
    const one = await fetchJson(url(`/orders/${id}`), { token: operator });
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject(masked);
    expect(one.body.data.installAddress.text).not.toBe(address);
    const list = await fetchJson(url(`/orders?customerId=${customerId}`), { token: operator });
    expect(list.body.items[0].data).toMatchObject(masked);
    const tasks = await fetchJson(url(`/tasks?caseId=${id}`), { token: operator });
    expect(tasks.body.items[0].data.installAddress.text).not.toBe(address);
    expect(JSON.stringify([one.body, list.body, tasks.body])).not.toMatch(/13987654321|510107199001011234/);
    // The clerk who serves the customer sees them whole.
    const clerkView = await fetchJson(url(`/orders/${id}`), { token: clerk });
    expect(clerkView.body.data).toMatchObject({ contact: { phone: '13987654321' }, installAddress: { text: address } });
    await fetchJson(url(`/orders/${id}/cancel`), { token: clerk, json: { reason: 'test over' } });
  });

  test('cancel: 202 before activation (the port is free again), 409 after', async () => {
    const early = await openInstall({}, 1);
    await waitForTask(stack.api, technician.token, early.id, 'book_appointment');
    const cancelled = await fetchJson(url(`/orders/${early.id}/cancel`), { token: clerk, json: { reason: 'customer changed their mind' } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(202);
    expect(cancelled.body).toMatchObject({ state: 'cancelled' });
    const stock = await loadPortsOverHttp(stack.api, early.address, 1);
    expect(stock).toEqual([expect.objectContaining({ capacity: 1, reserved: 0, inUse: 0, free: 1 })]);

    const late = await openInstall();
    await visitOverHttp(stack.api, technician, late.id, 'installed', INSTALL_CHECKLIST);
    await waitForTask(stack.api, caller, late.id, 'callback_survey');
    const refused = await fetchJson(url(`/orders/${late.id}/cancel`), { token: clerk, json: { reason: 'too late' } });
    expect(refused.status).toBe(409);
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
  });

  test('no port at the address: held awaiting_resource with a planner task in the supervisors\' inbox', async () => {
    const { id } = await openInstall({}, 0);
    const supervisor = await stack.api.token('sup-ni', ['supervisor']);
    const plan = await waitForTask(stack.api, supervisor, id, 'plan_resource');
    expect(plan).toMatchObject({ role: 'supervisor', outcomes: ['resource_added', 'no_resource'] });
    const held = await waitForOrder(stack.api, clerk, id, (o) => o.state === 'held');
    expect(held).toMatchObject({ stage: 'awaiting_resource', stateReason: 'no_resource' });
    await fetchJson(url(`/orders/${id}/cancel`), { token: clerk, json: { reason: 'test over' } });
  });

  test('order bodies are validated strictly: an unknown field or a wrong type is a 400', async () => {
    const customerId = await putCustomer(stack.api);
    const post = (body: Record<string, unknown>) => fetchJson(url('/orders'), { token: clerk, json: body });
    const unknown = await post({ ...newInstallBody(customerId), colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.contentType).toMatch(/^application\/problem\+json/);
    expect((await post({ ...newInstallBody(customerId), accessType: 'fibre' })).status).toBe(400);
    expect((await post({ ...newInstallBody(customerId), monthlyFeeFen: '9900' })).status).toBe(400);
    const { contact: _, ...noContact } = newInstallBody(customerId);
    expect((await post(noContact)).status).toBe(400);
  });
});

describe('inventory: port capacity (admin)', () => {
  test('PUT /v1/inventory/ports sets capacity per address and access type, matching however the address is written', async () => {
    const admin = await stack.api.token('admin-inv', ['admin']);
    const put = (body: unknown, token = admin) => fetchJson(url('/inventory/ports'), { method: 'PUT', token, json: body });
    const r = await put({ items: [{ address: '成都市青羊区 东城根街１号', accessType: 'lan', capacity: 3 }, { address: '成都市青羊区东城根街1号', accessType: 'xdsl', capacity: 1 }] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items).toEqual([
      expect.objectContaining({ addressKey: '成都市青羊区东城根街1号', accessType: 'lan', capacity: 3, free: 3 }),
      expect.objectContaining({ addressKey: '成都市青羊区东城根街1号', accessType: 'xdsl', capacity: 1, free: 1 }),
    ]);
    expect((await put({ items: [{ address: 'x', accessType: 'ftth', capacity: 1 }] }, clerk)).status).toBe(403);
    expect((await put({ items: [{ address: 'x', accessType: 'fibre', capacity: 1 }] })).status).toBe(400);
    expect((await put({ items: [{ address: 'x', accessType: 'ftth', capacity: -1 }] })).status).toBe(400);
    expect((await put({ items: [] })).status).toBe(400);
  });

  test('a capacity below the ports taken is refused (422) and nothing changes', async () => {
    const { id, address } = await openInstall({}, 1);
    await waitForTask(stack.api, technician.token, id, 'book_appointment');
    const admin = await stack.api.token('admin-inv', ['admin']);
    const r = await fetchJson(url('/inventory/ports'), { method: 'PUT', token: admin, json: { items: [{ address, accessType: 'ftth', capacity: 0 }] } });
    expect(r.status).toBe(422);
    expect(r.contentType).toMatch(/^application\/problem\+json/);
    expect(await loadPortsOverHttp(stack.api, address, 1)).toEqual([expect.objectContaining({ capacity: 1, reserved: 1, free: 0 })]);
    await fetchJson(url(`/orders/${id}/cancel`), { token: clerk, json: { reason: 'test over' } });
  });

  test('is in the OpenAPI document', async () => {
    const doc = await fetchJson(`${stack.api.url}/openapi.json`);
    expect(doc.body.paths['/v1/inventory/ports']).toHaveProperty('put');
  });
});

describe('request logs', () => {
  test('redact the personal data of every order body', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = pino(PRIVATE_LOGGING, sink);
    log.info({ body: newInstallBody('cus_1') }, 'incoming body');
    log.info({ body: { newAddress: { text: '成都市高新区天府大道北段1700号', region: 'urban' } } }, 'relocation');
    log.info({ body: { newOwner: { customer: { name: '王五', phone: '13711112222', idNumber: '510107198805056789' } } } }, 'transfer');
    log.info({ body: { items: [{ address: '成都市青羊区东城根街1号' }] } }, 'ports');
    const text = lines.join('');
    expect(text).not.toMatch(/13987654321|510107199001011234|人民南路|天府大道|13711112222|510107198805056789|东城根街/);
    expect(text).toContain('139****4321');
  });
});
