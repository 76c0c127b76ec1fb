import { beforeAll, describe, expect, test } from 'vitest';
import { ownershipTransferBody } from '../fixtures/ownership-transfer';
import { eventually, fetchJson, putCustomer, useTestApi, waitForOrder, waitForTask } from '../support/api';
import { completeOverHttp } from '../support/field-api';

const stack = useTestApi({ worker: true });

let clerk: string;
let operator: string;

beforeAll(async () => {
  clerk = await stack.api.token('clerk-ot', ['frontoffice']);
  operator = await stack.api.token('ops-ot', ['operator']);
});

const url = (path: string) => `${stack.api.url}/v1${path}`;

/** The clerk checks the documents of the party the next verify_identity task names. */
async function verify(id: string, party: string) {
  const task = await waitForTask(stack.api, clerk, id, 'verify_identity');
  expect(task.data.party).toBe(party);
  await completeOverHttp(stack.api, clerk, task.id, 'verified', { document: 'resident_id' });
}

describe('ownership transfer over HTTP', () => {
  test('settle, verify both parties, approve inside the agreement period, charge the fee, change the owner', async () => {
    const owner = await putCustomer(stack.api, { account: { arrearsFen: 2000, balanceFen: 10000, agreementEndsAt: '2099-01-01T00:00:00Z' } });
    const r = await fetchJson(url('/orders'), { token: clerk, json: ownershipTransferBody(owner, { serviceId: `svc_${owner}` }) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id;

    const settle = await waitForTask(stack.api, clerk, id, 'confirm_settlement');
    expect(await waitForOrder(stack.api, clerk, id, (o) => o.state === 'pending')).toMatchObject({ stage: 'awaiting_settlement' });
    await completeOverHttp(stack.api, clerk, settle.id, 'settled', { paymentReference: 'PAY-1', amountFen: 2000 });
    await verify(id, 'current_owner');

    // The operator sees the new owner's phone and identity number masked, in the order and in the task.
    const masked = await fetchJson(url(`/orders/${id}`), { token: operator });
    expect(masked.body.data.newOwner.customer).toMatchObject({ name: '王五', phone: '137****2222', idNumber: '510107********6789' });
    const task = await waitForTask(stack.api, operator, id, 'verify_identity');
    expect(task.data.newOwner.customer).toMatchObject({ phone: '137****2222', idNumber: '510107********6789' });
    await verify(id, 'new_owner');

    const supervisor = await stack.api.token('sup-ot', ['supervisor']);
    const approval = await waitForTask(stack.api, supervisor, id, 'approve_transfer');
    expect((await fetchJson(url(`/tasks/${approval.id}/complete`), { token: clerk, json: { outcome: 'approve' } })).status).toBe(403);
    await completeOverHttp(stack.api, supervisor, approval.id, 'approve');

    const done = await waitForOrder(stack.api, clerk, id, (o) => o.state === 'completed');
    const newOwnerId = `cus_${id.slice(4)}`;
    expect(done).toMatchObject({ outcome: 'transferred', data: { newOwnerId, transferFeeFen: 1000 } });
    const oldOwner = await fetchJson(url(`/customers/${owner}`), { token: clerk });
    expect(oldOwner.body).toMatchObject({ services: [], account: { balanceFen: 9000 } });
    const newOwner = await fetchJson(url(`/customers/${newOwnerId}`), { token: clerk });
    expect(newOwner.body).toMatchObject({ name: '王五', phone: '13711112222', services: [expect.objectContaining({ id: `svc_${owner}` })] });
    // Both parties are told once the line has changed hands.
    const sent = await eventually('both parties told', async () => {
      const events = await fetchJson(url(`/orders/${id}/events`), { token: clerk });
      const templates = events.body.filter((e: { kind: string }) => e.kind === 'notification_sent').map((e: { detail: { template: string } }) => e.detail.template);
      return templates.length >= 2 ? templates : undefined;
    });
    expect(sent).toEqual(['ownership_transferred', 'ownership_received']);
  });

  test('newOwner is one of { customerId } or { customer }; anything else is a 400', async () => {
    const owner = await putCustomer(stack.api);
    const post = (newOwner: unknown) => fetchJson(url('/orders'), { token: clerk, json: { ...ownershipTransferBody(owner, { serviceId: `svc_${owner}` }), newOwner } });
    expect((await post({})).status).toBe(400);
    expect((await post({ customerId: 'cus_x', customer: {} })).status).toBe(400);
    expect((await post({ customer: { name: '王五', type: 'individual', phone: 'call me', idNumber: '1' } })).status).toBe(400);
    const existing = await putCustomer(stack.api);
    expect((await post({ customerId: existing })).status).toBe(201);
  });
});
