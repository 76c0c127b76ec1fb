import { describe, expect, it } from 'vitest';
import { builtInBilling } from '../../src/adapters/billing';
import type { OwnershipTransferInput } from '../../src/processes/ownership-transfer';
import { refusalOf } from '../../src/temporal/cases';
import { ownershipTransferFields } from '../fixtures/ownership-transfer';
import { seedCompany, seedService } from '../support/bss';
import { failsOnceAfterwards } from '../support/flaky';
import { balanceOf, decide, eventually, openCase, openTask, seedCustomer, staff, withPolicy, withSla } from '../support/cases';
import { startTestWorker, useTestWorker } from '../support/worker';

const { db, client, worker } = useTestWorker();

const clerk = staff('clerk-1', 'frontoffice');
const supervisor = staff('sup-1', 'supervisor');
const idCard = { document: 'resident_id' };
const sealedLetter = { document: 'business_licence', introductionLetter: { reference: 'LTR-2026-01', sealed: true } };

/** The current owner's line, transferred as `overrides` say (by default to a new identity). */
async function transfer(
  overrides: Partial<OwnershipTransferInput> = {},
  { owner, kind = 'fixed_line', taskQueue = worker.taskQueue }: { owner?: string; kind?: string; taskQueue?: string } = {},
) {
  const customerId = owner ?? (await seedCustomer(db));
  const serviceId = await seedService(db, customerId, { kind });
  const start = await openCase(client, db, taskQueue, 'ownership_transfer', customerId, ownershipTransferFields({ serviceId, ...overrides }));
  return { ...start, serviceId, handle: client.workflow.getHandle(start.id) };
}

const caseRow = (id: string) => db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const ownerOf = async (serviceId: string) => (await db.selectFrom('services').select('customer_id').where('id', '=', serviceId).executeTakeFirstOrThrow()).customer_id;
const charges = (id: string) => db.selectFrom('billing_entries').select(['kind', 'amount_fen', 'customer_id', 'idempotency_key']).where('case_id', '=', id).execute();
const refusal = (p: Promise<unknown>) => p.then(() => undefined, (err) => refusalOf(err)?.refusal);

/** The clerk checks both parties' documents. */
async function verifyBoth(id: string, current: Record<string, unknown> = idCard, next: Record<string, unknown> = idCard) {
  for (const [party, data] of [['current_owner', current], ['new_owner', next]] as const) {
    const task = await eventually(`verify_identity of ${party}`, async () => {
      const t = await openTask(db, id, 'verify_identity');
      return t.data.party === party ? t : undefined;
    });
    await decide(client, id, task.id, clerk, 'verified', data);
  }
}

describe('gates', () => {
  it('same_owner and unknown_new_owner are rejected', async () => {
    const owner = await seedCustomer(db);
    const same = await transfer({ newOwner: { customerId: owner } }, { owner });
    expect(await same.handle.result()).toMatchObject({ state: 'rejected', stateReason: 'same_owner' });
    const unknown = await transfer({ newOwner: { customerId: 'cus_nobody' } });
    expect(await unknown.handle.result()).toMatchObject({ state: 'rejected', stateReason: 'unknown_new_owner' });
  });
});

describe('the transfer (seed 000 L223-L228)', () => {
  it('to a new identity: both parties verified, the fixed-line fee charged once, the customer opened, the owner changed, both told', async () => {
    const { id, handle, serviceId, customerId } = await transfer();
    const first = await openTask(db, id, 'verify_identity');
    expect(first).toMatchObject({ role: 'frontoffice', data: { party: 'current_owner', customerType: 'individual' } });
    await verifyBoth(id);
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'transferred' });

    const newOwnerId = `cus_${id.slice(4)}`;
    expect(await ownerOf(serviceId)).toBe(newOwnerId);
    const opened = await db.selectFrom('customers').selectAll().where('id', '=', newOwnerId).executeTakeFirstOrThrow();
    expect(opened).toMatchObject({ name: '王五', type: 'individual', tier: 'standard', phone: '13711112222', id_number: '510107198805056789' });
    expect(await charges(id)).toEqual([{ kind: 'charge', amount_fen: 1000, customer_id: customerId, idempotency_key: `${id}:transfer_fee` }]);
    expect(await balanceOf(db, customerId)).toBe(9000);
    const told = await db.selectFrom('notifications').select(['template', 'recipient']).where('case_id', '=', id).orderBy('id').execute();
    expect(told).toEqual([
      { template: 'ownership_transferred', recipient: '13812345678' },
      { template: 'ownership_received', recipient: '13711112222' },
    ]);
    expect((await caseRow(id)).data).toMatchObject({ newOwnerId, transferFeeFen: 1000, identities: { current_owner: { document: 'resident_id' }, new_owner: { document: 'resident_id' } } });
  });

  it('a mobile line goes to an existing customer free of charge (seed 000 L224)', async () => {
    const newOwner = await seedCustomer(db);
    const { id, handle, serviceId } = await transfer({ newOwner: { customerId: newOwner } }, { kind: 'mobile' });
    await verifyBoth(id);
    expect(await handle.result()).toMatchObject({ outcome: 'transferred' });
    expect(await ownerOf(serviceId)).toBe(newOwner);
    expect(await charges(id)).toEqual([]);
  });

  it('charges the fee from the policy store', async () => {
    const restore = await withPolicy(db, 'ownership_transfer.fee_fen', { mobile: 0, fixed: 2500 });
    try {
      const { id, handle } = await transfer();
      await verifyBoth(id);
      await handle.result();
      expect((await charges(id)).map((c) => c.amount_fen)).toEqual([2500]);
    } finally {
      await restore();
    }
  });

  it('charges the fee once when the billing call fails after charging and is retried', async () => {
    const billing = builtInBilling(db);
    const charge = failsOnceAfterwards(billing.charge, 'timeout after the billing system booked the fee');
    const flaky = await startTestWorker({ adapters: { billing: { ...billing, charge: charge.call } } });
    try {
      const { id, handle, customerId } = await transfer({}, { taskQueue: flaky.taskQueue });
      await verifyBoth(id);
      expect(await handle.result()).toMatchObject({ outcome: 'transferred' });
      expect(charge.calls).toBe(2);
      expect(await charges(id)).toHaveLength(1);
      expect(await balanceOf(db, customerId)).toBe(9000);
    } finally {
      await flaky.stop();
    }
  });
});

describe('identity (seed 000 L228)', () => {
  it('a corporate party needs the introduction letter with its seal', async () => {
    const { id, handle } = await transfer({}, { owner: await seedCompany(db) });
    const task = await openTask(db, id, 'verify_identity');
    expect(task.data).toMatchObject({ party: 'current_owner', customerType: 'group' });
    expect(await refusal(decide(client, id, task.id, clerk, 'verified', { document: 'business_licence' }))).toBe('Unprocessable');
    const unsealed = { document: 'business_licence', introductionLetter: { reference: 'LTR-1', sealed: false } };
    expect(await refusal(decide(client, id, task.id, clerk, 'verified', unsealed))).toBe('Unprocessable');
    await verifyBoth(id, sealedLetter);
    expect(await handle.result()).toMatchObject({ outcome: 'transferred' });
  });

  it('a party whose identity does not check out rejects the transfer; nothing is charged or changed', async () => {
    const { id, handle, serviceId, customerId } = await transfer();
    await decide(client, id, (await openTask(db, id, 'verify_identity')).id, clerk, 'not_verified', { reason: 'the ID card has expired' });
    expect(await handle.result()).toMatchObject({ state: 'rejected', stateReason: 'identity_not_verified' });
    expect(await ownerOf(serviceId)).toBe(customerId);
    expect(await charges(id)).toEqual([]);
  });
});

describe('settlement of arrears', () => {
  it('waits pending awaiting_settlement until a clerk confirms the payment', async () => {
    const { id, handle } = await transfer({}, { owner: await seedCustomer(db, { arrearsFen: 3000 }) });
    const settle = await openTask(db, id, 'confirm_settlement');
    expect(settle).toMatchObject({ role: 'frontoffice', due_at: expect.any(Date), data: { arrearsFen: 3000 } });
    expect(await caseRow(id)).toMatchObject({ state: 'pending', stage: 'awaiting_settlement' });
    await decide(client, id, settle.id, clerk, 'settled', { paymentReference: 'PAY-778', amountFen: 3000 });
    await verifyBoth(id);
    expect(await handle.result()).toMatchObject({ outcome: 'transferred' });
    expect((await caseRow(id)).data).toMatchObject({ settlement: { paymentReference: 'PAY-778', amountFen: 3000 } });
  });

  it('cancels the transfer when ownership_transfer.settlement_wait runs out, its clock running while the case is pending', async () => {
    const restore = await withSla(db, 'ownership_transfer.settlement_wait', 'PT2S');
    try {
      const { id, handle, serviceId, customerId } = await transfer({}, { owner: await seedCustomer(db, { arrearsFen: 3000 }) });
      expect(await handle.result()).toMatchObject({ state: 'cancelled', stateReason: 'settlement_not_confirmed' });
      const clock = await db.selectFrom('sla_clocks').selectAll().where('case_id', '=', id).where('policy_key', '=', 'ownership_transfer.settlement_wait').executeTakeFirstOrThrow();
      expect(clock).toMatchObject({ breached: true });
      expect((await db.selectFrom('tasks').select('state').where('case_id', '=', id).executeTakeFirstOrThrow()).state).toBe('cancelled');
      const told = await db.selectFrom('notifications').select('template').where('case_id', '=', id).execute();
      expect(told).toEqual([{ template: 'case_cancelled' }]);
      expect(await ownerOf(serviceId)).toBe(customerId);
    } finally {
      await restore();
    }
  });
});

describe('agreement period', () => {
  it('moves the remaining obligations only with a supervisor approval', async () => {
    const owner = await seedCustomer(db, { agreementEndsAt: '2099-01-01T00:00:00Z' });
    const { id, handle, serviceId } = await transfer({}, { owner });
    await verifyBoth(id);
    const approval = await openTask(db, id, 'approve_transfer');
    expect(approval).toMatchObject({ role: 'supervisor', data: { agreementEndsAt: '2099-01-01T00:00:00.000Z' } });
    expect(await refusal(decide(client, id, approval.id, clerk, 'approve'))).toBe('Forbidden');
    await decide(client, id, approval.id, supervisor, 'approve');
    expect(await handle.result()).toMatchObject({ outcome: 'transferred' });
    expect(await ownerOf(serviceId)).toBe(`cus_${id.slice(4)}`);
  });

  it('a denied approval ends the order as denied; nothing is charged or changed', async () => {
    const owner = await seedCustomer(db, { agreementEndsAt: '2099-01-01T00:00:00Z' });
    const { id, handle, serviceId } = await transfer({}, { owner });
    await verifyBoth(id);
    await decide(client, id, (await openTask(db, id, 'approve_transfer')).id, supervisor, 'deny', { reason: 'the subsidy agreement binds the owner' });
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'denied', stateReason: 'the subsidy agreement binds the owner' });
    expect(await ownerOf(serviceId)).toBe(owner);
    expect(await charges(id)).toEqual([]);
  });
});
