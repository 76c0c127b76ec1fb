import { beforeAll, describe, expect, test } from 'vitest';
import { RELOCATION_CHECKLIST } from '../../src/processes/relocation';
import { uniqueAddress } from '../fixtures/new-install';
import { relocationBody } from '../fixtures/relocation';
import { fetchJson, putCustomer, useTestApi, waitForOrder, waitForTask } from '../support/api';
import { loadPortsOverHttp, surveyOverHttp, visitOverHttp } from '../support/field-api';

const stack = useTestApi({ worker: true });

let clerk: string;
let operator: string;
let caller: string;
let technician: { sub: string; token: string };

beforeAll(async () => {
  clerk = await stack.api.token('clerk-rl', ['frontoffice']);
  operator = await stack.api.token('ops-rl', ['operator']);
  caller = await stack.api.token('agent-rl', ['agent']);
  technician = { sub: 'tech-rl', token: await stack.api.token('tech-rl', ['technician']) };
});

const url = (path: string) => `${stack.api.url}/v1${path}`;

describe('relocation over HTTP', () => {
  test('keeping the number: the line moves when the visit succeeds and numberChangeBlocked shows on the customer', async () => {
    const customerId = await putCustomer(stack.api);
    const serviceId = `svc_${customerId}`;
    const newAddress = uniqueAddress();
    await loadPortsOverHttp(stack.api, newAddress.text, 1);
    const r = await fetchJson(url('/orders'), { token: clerk, json: relocationBody(customerId, { serviceId, newAddress, keepNumber: true }) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id;

    await waitForTask(stack.api, technician.token, id, 'book_appointment');
    const before = await fetchJson(url(`/customers/${customerId}`), { token: clerk });
    expect(before.body.services[0]).toMatchObject({ address: '1 Renmin Rd', numberChangeBlocked: false });
    // The operator sees where the line goes only in part.
    const masked = await fetchJson(url(`/orders/${id}`), { token: operator });
    expect(masked.body.data.newAddress.text).toMatch(/^成都市武侯区人民\*+$/);

    await visitOverHttp(stack.api, technician, id, 'relocated', RELOCATION_CHECKLIST);
    await surveyOverHttp(stack.api, caller, id, 4);
    const done = await waitForOrder(stack.api, clerk, id, (o) => o.state === 'completed');
    expect(done).toMatchObject({ outcome: 'relocated', data: { previousAddress: '1 Renmin Rd', service: { numberChangeBlocked: true } } });

    const after = await fetchJson(url(`/customers/${customerId}`), { token: clerk });
    expect(after.body.services[0]).toMatchObject({ id: serviceId, address: newAddress.text, number: '02812345678', numberChangeBlocked: true });
    const operatorView = await fetchJson(url(`/orders/${id}`), { token: operator });
    expect(operatorView.body.data.previousAddress).toBe('1 R********');
  });

  test('a line that is not the customer\'s is refused at once (422); a line in arrears is rejected', async () => {
    const customerId = await putCustomer(stack.api);
    const other = await putCustomer(stack.api);
    const notTheirs = await fetchJson(url('/orders'), { token: clerk, json: relocationBody(customerId, { serviceId: `svc_${other}` }) });
    expect(notTheirs.status).toBe(422);
    expect(notTheirs.body.errors).toEqual([{ path: 'body/serviceId', message: 'not a service of this customer' }]);

    const owing = await putCustomer(stack.api, { account: { arrearsFen: 1200, balanceFen: 0 } });
    const r = await fetchJson(url('/orders'), { token: clerk, json: relocationBody(owing, { serviceId: `svc_${owing}` }) });
    expect(r.status).toBe(201);
    const rejected = await waitForOrder(stack.api, clerk, r.body.id, (o) => o.state === 'rejected');
    expect(rejected).toMatchObject({ stateReason: 'arrears_outstanding', outcome: 'rejected' });
  });

  test('an unknown field or a wrong type is a 400', async () => {
    const customerId = await putCustomer(stack.api);
    const post = (body: Record<string, unknown>) => fetchJson(url('/orders'), { token: clerk, json: body });
    expect((await post({ ...relocationBody(customerId, { serviceId: `svc_${customerId}` }), floor: 3 })).status).toBe(400);
    expect((await post({ ...relocationBody(customerId, { serviceId: `svc_${customerId}` }), keepNumber: 'yes' })).status).toBe(400);
  });
});
