import { describe, expect, it } from 'vitest';
import type { CancellationInput } from '../../src/processes/cancellation';
import { insertCaseRecord } from '../../src/store/cases';
import { refusalOf, startCase } from '../../src/temporal/cases';
import { cancelCaseUpdate, type CaseSnapshot } from '../../workflows/lib/messages';
import { cancellationFields, seedLeavingCustomer, type LeavingCustomer } from '../fixtures/cancellation';
import { portInUse } from '../support/bss';
import { people, workCancellation } from '../support/cancellation';
import { balanceOf, caseStart, decide, eventually, openTask, withSla } from '../support/cases';
import { useTestWorker } from '../support/worker';

const { db, client, worker, restore } = useTestWorker();

const { clerk, supervisor, manager, chief, tech } = people;

/** A cancellation a clerk files for a customer leaving with one broadband line; `createdAt` back-dates the form. */
async function cancellation(customer: LeavingCustomer = {}, fields: Partial<CancellationInput> = {}, createdAt?: string) {
  const { customerId, serviceId } = await seedLeavingCustomer(db, customer);
  const start = { ...caseStart('cancellation', customerId, cancellationFields({ serviceId, ...fields })), ...(createdAt ? { createdAt } : {}) };
  await insertCaseRecord(db, start);
  await startCase(client, worker.taskQueue, start);
  return { id: start.id, customerId, serviceId, handle: client.workflow.getHandle(start.id), work: workCancellation(client, db, start.id) };
}

const refusal = (p: Promise<unknown>) => p.then(() => undefined, (err) => refusalOf(err)?.refusal);
const caseRow = (id: string) => db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const tasksOf = (id: string) => db.selectFrom('tasks').selectAll().where('case_id', '=', id).orderBy('created_at').execute();
const entriesOf = (id: string) => db.selectFrom('billing_entries').selectAll().where('case_id', '=', id).orderBy('id').execute();
const clocksOf = (id: string) => db.selectFrom('sla_clocks').selectAll().where('case_id', '=', id).orderBy('clock_id').execute();
const sent = (id: string) => db.selectFrom('notifications').select(['template', 'recipient']).where('case_id', '=', id).orderBy('id').execute();
const serviceStatus = async (id: string) => (await db.selectFrom('services').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const cancel = (id: string, reason = 'the customer changed their mind') =>
  client.workflow.getHandle(id).executeUpdate(cancelCaseUpdate, { args: [{ reason, actor: clerk }] });

describe('the gate (seed 000 L240)', () => {
  it('rejects a service inside its agreement period without a task or a clock', async () => {
    const { id, handle, serviceId } = await cancellation({ agreementEndsAt: '2099-01-01T00:00:00Z' });
    expect(await handle.result()).toMatchObject({ state: 'rejected', stateReason: 'in_agreement_period' });
    expect(await tasksOf(id)).toEqual([]);
    expect(await clocksOf(id)).toEqual([]);
    expect(await serviceStatus(serviceId)).toBe('active');
  });
});

describe('retention (seed 002 L393-397)', () => {
  it('retained at the counter: the clerk who filled the form sees exactly the eligible offers; the accepted one is applied once', async () => {
    const { id, handle, serviceId } = await cancellation();
    const counter = await openTask(db, id, 'retention_attempt');
    expect(counter).toMatchObject({ role: 'frontoffice', assignee: clerk.sub, state: 'claimed' });
    expect(counter.data).toMatchObject({ level: 1, reasonCode: 'price', reasonText: 'a competitor offers the same speed for less', serviceId });
    expect(counter.data.offers).toEqual([
      { code: 'loyalty_credit', commitmentMonths: 24, maxMonthlyCreditFen: 120_000 },
      { code: 'fee_discount', commitmentMonths: 12, discountPercent: 20, monthlyDiscountFen: 4_000 },
      { code: 'speed_upgrade', commitmentMonths: 12, speedMbps: 500 },
    ]);

    await decide(client, id, counter.id, clerk, 'retained', { offer: 'loyalty_credit', monthlyCreditFen: 100_000 });
    const result: CaseSnapshot = await handle.result();
    expect(result).toMatchObject({ state: 'completed', outcome: 'retained' });
    const entries = await entriesOf(id);
    expect(entries).toEqual([expect.objectContaining({ kind: 'offer', amount_fen: 100_000, idempotency_key: `${id}:offer`, service_id: serviceId })]);
    expect((await caseRow(id)).data).toMatchObject({ retention: { level: 1, offer: { code: 'loyalty_credit' }, monthlyValueFen: 100_000 } });
    expect(await sent(id)).toEqual([expect.objectContaining({ template: 'retention_renew' })]);
    expect((await tasksOf(id)).map((t) => t.kind)).toEqual(['retention_attempt']);
    expect((await clocksOf(id)).every((c) => c.stopped_at !== null && !c.breached)).toBe(true);
  });

  it('retained by the customer manager the grid supervisor assigns; the contact clock stops when they reach the customer', async () => {
    const { id, handle, work } = await cancellation();
    await work.answer('retention_attempt', clerk, 'not_retained', { reason: 'price is too high' });
    const dispatch = await openTask(db, id, 'dispatch_retention');
    expect(dispatch).toMatchObject({ role: 'supervisor', assignee: null });
    expect(dispatch.data).toMatchObject({ counterReason: 'price is too high' });
    await decide(client, id, dispatch.id, supervisor, 'assigned', { customerManagerId: manager.sub });

    const second = await openTask(db, id, 'retention_attempt');
    expect(second).toMatchObject({ role: 'agent', assignee: manager.sub, state: 'claimed' });
    expect(second.data).toMatchObject({ level: 2 });
    await decide(client, id, second.id, manager, 'retained', { offer: 'fee_discount' });
    expect(await handle.result()).toMatchObject({ outcome: 'retained' });

    expect(await entriesOf(id)).toEqual([expect.objectContaining({ kind: 'offer', amount_fen: 4_000 })]);
    const contact = (await clocksOf(id)).find((c) => c.clock_id === 'cancellation.contact')!;
    expect(contact).toMatchObject({ breached: false, stopped_at: expect.any(Date) });
    expect((await caseRow(id)).data.retentionAttempts).toMatchObject([
      { level: 1, outcome: 'not_retained', by: clerk.sub },
      { level: 2, outcome: 'retained', by: manager.sub, offer: 'fee_discount' },
    ]);
  });

  it('a group customer of tier A goes to the chief group customer manager, and the supervisor is told (seed 004 L68)', async () => {
    const { id, handle, work } = await cancellation({ type: 'group', tier: 'A1' });
    await work.answer('retention_attempt', clerk, 'not_retained', { reason: 'head office is consolidating lines' });
    const second = await openTask(db, id, 'retention_attempt');
    expect(second.data).toMatchObject({ level: 2 });
    expect(second).toMatchObject({ role: 'branch_leader', assignee: null });
    expect((await tasksOf(id)).map((t) => t.kind)).not.toContain('dispatch_retention');
    expect(await refusal(decide(client, id, second.id, manager, 'retained', { offer: 'speed_upgrade' }))).toBe('Forbidden');
    await decide(client, id, second.id, chief, 'retained', { offer: 'speed_upgrade' });
    expect(await handle.result()).toMatchObject({ outcome: 'retained' });
    expect(await sent(id)).toEqual([
      { template: 'retention_by_chief_manager', recipient: 'role:supervisor' },
      expect.objectContaining({ template: 'retention_renew' }),
    ]);
    expect(await entriesOf(id)).toEqual([expect.objectContaining({ kind: 'offer', amount_fen: 0, detail: expect.objectContaining({ speedMbps: 1000 }) })]);
  });

  it('refuses (422) an offer the task does not list and a loyalty credit above 10 % of the monthly revenue', async () => {
    const below = await cancellation({ monthlyRevenueFen: 999_999 });
    const task = await openTask(db, below.id, 'retention_attempt');
    expect((task.data.offers as Array<{ code: string }>).map((o) => o.code)).toEqual(['fee_discount', 'speed_upgrade']);
    expect(await refusal(decide(client, below.id, task.id, clerk, 'retained', { offer: 'loyalty_credit' }))).toBe('Unprocessable');

    const atThreshold = await cancellation({ monthlyRevenueFen: 1_000_000 });
    const eligible = await openTask(db, atThreshold.id, 'retention_attempt');
    expect((eligible.data.offers as unknown[])[0]).toEqual({ code: 'loyalty_credit', commitmentMonths: 24, maxMonthlyCreditFen: 100_000 });
    expect(await refusal(decide(client, atThreshold.id, eligible.id, clerk, 'retained', { offer: 'loyalty_credit', monthlyCreditFen: 100_001 }))).toBe('Unprocessable');
    await decide(client, atThreshold.id, eligible.id, clerk, 'retained', { offer: 'loyalty_credit', monthlyCreditFen: 100_000 });
    expect(await atThreshold.handle.result()).toMatchObject({ outcome: 'retained' });

    // Nothing was applied for the refused acceptance; the task stayed open until a valid one.
    await decide(client, below.id, task.id, clerk, 'retained', { offer: 'fee_discount' });
    expect(await below.handle.result()).toMatchObject({ outcome: 'retained' });
    expect(await entriesOf(below.id)).toEqual([expect.objectContaining({ kind: 'offer', amount_fen: 4_000 })]);
  });
});

describe('not retained: settle, recover, dismantle, terminate, file for win-back (seed 000 L241-243, seed 002 L396-398)', () => {
  it('the supervisor may send the order round again; the balance is refunded by an approved child refund; points redeemed; dismantled', async () => {
    const { id, handle, customerId, serviceId, work } = await cancellation({ points: 800 }, { redeemPoints: true });
    const port = await portInUse(db, serviceId, '成都市武侯区某路1号');
    await work.answer('retention_attempt', clerk, 'not_retained', { reason: 'price is too high' });
    await work.answer('dispatch_retention', supervisor, 'assigned', { customerManagerId: manager.sub });
    await work.answer('retention_attempt', manager, 'not_retained', { reason: 'first call: wants a lower fee' });
    await work.answer('verify_retention_return', supervisor, 'retry_retention', { instructions: 'offer the fee discount again' });
    const retry = await eventually('the second round', async () =>
      (await tasksOf(id)).find((t) => t.kind === 'retention_attempt' && t.state === 'claimed' && t.data.instructions),
    );
    expect(retry).toMatchObject({ assignee: manager.sub, data: expect.objectContaining({ instructions: 'offer the fee discount again' }) });
    await decide(client, id, retry.id, manager, 'not_retained', { reason: 'moving abroad' });
    await work.answer('verify_retention_return', supervisor, 'confirmed');

    // The balance refund follows every rule of refund approval, as a case of its own.
    const refund = await work.balanceRefund();
    expect(refund).toMatchObject({ type: 'refund', customer_id: customerId, data: expect.objectContaining({ amountFen: 10_000, cause: 'cancellation_balance' }) });
    await work.answer('approve_refund', supervisor, 'approve', {}, refund.id);
    expect(await client.workflow.getHandle(refund.id).result()).toMatchObject({ outcome: 'refunded' });

    await work.recoverAndDismantle();
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'dismantled' });

    expect(await serviceStatus(serviceId)).toBe('terminated');
    expect(await port()).toBe('released');
    expect((await entriesOf(id)).map((e) => [e.kind, e.idempotency_key, e.amount_fen])).toEqual([
      ['final_bill', `${id}:final_bill`, 0],
      ['charge', `${id}:balance_paid_out`, 10_000],
      ['points', `${id}:points`, 0],
    ]);
    // Paid out in cash, the balance has left the account.
    expect(await balanceOf(db, customerId)).toBe(0);
    expect((await db.selectFrom('accounts').select('points').where('customer_id', '=', customerId).executeTakeFirstOrThrow()).points).toBe(0);
    expect(await db.selectFrom('payments').select('amount_fen').where('case_id', '=', refund.id).execute()).toEqual([{ amount_fen: 10_000 }]);
    const row = await caseRow(id);
    expect(row.data).toMatchObject({
      finalBill: { balanceFen: 10_000, refundableFen: 10_000 },
      balanceRefund: { caseId: refund.id, outcome: 'refunded', amountFen: 10_000 },
      pointsRedeemed: 800,
      equipment: { outcome: 'recovered', items: ['ONU modem'] },
      dismantled: { by: tech.sub, signatureReference: 'SIG-9' },
    });
    // The name the customer signed with stays on the signature, out of the case's data.
    expect(JSON.stringify(row.data)).not.toContain('张三');
    const churn = await db.selectFrom('churn_records').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(churn).toMatchObject({
      customer_id: customerId,
      service_id: serviceId,
      reason_code: 'price',
      analysis: 'moving abroad',
      tier: 'gold',
      offers_declined: ['loyalty_credit', 'fee_discount', 'speed_upgrade'],
    });
    expect((await sent(id)).map((n) => n.template)).toContain('cancellation_dismantled');
    const stages = (await db.selectFrom('case_events').select('detail').where('case_id', '=', id).where('kind', '=', 'state_changed').orderBy('id').execute()).map(
      (e) => e.detail.stage,
    );
    expect(stages).toEqual([
      'counter_retention',
      'dispatch_retention',
      'manager_retention',
      'verify_return',
      'manager_retention',
      'verify_return',
      'settlement',
      'balance_refund',
      'equipment_recovery',
      'awaiting_appointment',
      'dismantle',
      'termination',
      'done',
    ]);
    // Finished: no one can withdraw it any more.
    expect(await cancel(id).catch((err) => err)).toBeInstanceOf(Error);
  });

  it('a denied balance refund does not stop the cancellation; the denial stands on the order', async () => {
    const { id, handle, serviceId, work } = await cancellation();
    await work.notRetained();
    const refund = await work.balanceRefund();
    await work.answer('approve_refund', supervisor, 'deny', { reason: 'the balance is a promotional credit' }, refund.id);
    await work.recoverAndDismantle();
    expect(await handle.result()).toMatchObject({ outcome: 'dismantled' });
    expect((await caseRow(id)).data).toMatchObject({ balanceRefund: { outcome: 'denied', reason: 'the balance is a promotional credit' } });
    expect(await db.selectFrom('payments').select('id').where('case_id', '=', refund.id).execute()).toEqual([]);
    expect(await serviceStatus(serviceId)).toBe('terminated');
  });

  it('without a balance to refund there is no refund case, and points are left alone when not asked', async () => {
    const { id, handle, customerId, work } = await cancellation({ balanceFen: 0, points: 300 });
    await work.notRetained();
    await work.recoverAndDismantle();
    expect(await handle.result()).toMatchObject({ outcome: 'dismantled' });
    expect(await db.selectFrom('cases').select('id').where('parent_id', '=', id).execute()).toEqual([]);
    expect((await entriesOf(id)).map((e) => e.kind)).toEqual(['final_bill']);
    expect((await db.selectFrom('accounts').select('points').where('customer_id', '=', customerId).executeTakeFirstOrThrow()).points).toBe(300);
    expect((await caseRow(id)).data).toMatchObject({ finalBill: { refundableFen: 0 } });
  });
});

describe('clocks (seed 002 L390)', () => {
  it('both breach: each is recorded and asks for an explanation, and the order waits for them before it closes', async () => {
    restore.push(await withSla(db, 'cancellation.contact', 'PT1S'), await withSla(db, 'cancellation.complete', 'PT2S'));
    const { id, handle, work } = await cancellation();
    const explanations = await eventually('two explain_delay tasks', async () => {
      const open = (await tasksOf(id)).filter((t) => t.kind === 'explain_delay');
      return open.length === 2 ? open : undefined;
    });
    expect(explanations.map((t) => [t.role, t.data.clock])).toEqual([
      ['supervisor', 'cancellation.contact'],
      ['supervisor', 'cancellation.complete'],
    ]);
    await work.answer('retention_attempt', clerk, 'retained', { offer: 'speed_upgrade' });
    // The offer is on the account, but the order does not close unexplained.
    await eventually('the offer', async () => ((await entriesOf(id)).length === 1 ? true : undefined));
    expect((await caseRow(id)).state).toBe('inProgress');

    await decide(client, id, explanations[0]!.id, supervisor, 'customer_side', { explanation: 'the customer could not be reached by phone' });
    await decide(client, id, explanations[1]!.id, supervisor, 'company_side', { explanation: 'the grid was short of staff' });
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'retained' });
    expect((await clocksOf(id)).map((c) => c.breached)).toEqual([true, true]);
    const kinds = (await db.selectFrom('case_events').select('kind').where('case_id', '=', id).execute()).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'sla_breached')).toHaveLength(2);
    expect((await caseRow(id)).data.delays).toEqual([
      { clock: 'cancellation.contact', side: 'customer_side', explanation: 'the customer could not be reached by phone', by: supervisor.sub },
      { clock: 'cancellation.complete', side: 'company_side', explanation: 'the grid was short of staff', by: supervisor.sub },
    ]);
  });

  it.each([
    ['Friday 2026-02-13 (the make-up Saturday counts, the Spring Festival does not)', '2026-02-13T10:00:00+08:00', '2026-02-24T10:00:00+08:00'],
    ['Friday 2026-09-18 (the make-up Sunday 2026-09-20 counts)', '2026-09-18T10:00:00+08:00', '2026-09-21T10:00:00+08:00'],
  ])('a form filled on %s: the case clocks count from the form, on the seeded calendar', async (_, filed, due) => {
    const { id } = await cancellation({}, {}, new Date(filed).toISOString());
    await eventually('both clocks and their breach', async () => {
      const clocks = await clocksOf(id);
      return clocks.length === 2 && clocks.every((c) => c.breached) ? clocks : undefined;
    });
    const clocks = await clocksOf(id);
    expect(clocks.map((c) => [c.clock_id, c.started_at.toISOString(), c.due_at.toISOString()])).toEqual([
      ['cancellation.complete', new Date(filed).toISOString(), new Date(due).toISOString()],
      ['cancellation.contact', new Date(filed).toISOString(), new Date(Date.parse(filed) + 4 * 3_600_000).toISOString()],
    ]);
    await eventually('the explanations asked for', async () => ((await tasksOf(id)).filter((t) => t.kind === 'explain_delay').length === 2 ? true : undefined));
    await cancel(id, 'test done');
  });
});

describe('the customer changes their mind (cancel before the service is terminated)', () => {
  it('while the balance refund awaits approval: the refund case is cancelled with it and the final bill reversed', async () => {
    const { id, handle, serviceId, work } = await cancellation();
    await work.notRetained();
    const refund = await work.balanceRefund();
    const approval = await openTask(db, refund.id, 'approve_refund');
    expect(await cancel(id)).toMatchObject({ state: 'cancelled', stateReason: 'the customer changed their mind' });
    expect(await handle.result()).toMatchObject({ state: 'cancelled' });

    expect(await client.workflow.getHandle(refund.id).result()).toMatchObject({ state: 'cancelled', stateReason: `the case ${id} was cancelled` });
    expect((await db.selectFrom('tasks').select('state').where('id', '=', approval.id).executeTakeFirstOrThrow()).state).toBe('cancelled');
    expect((await db.selectFrom('refund_claims').select('status').where('case_id', '=', refund.id).executeTakeFirstOrThrow()).status).toBe('cancelled');
    expect(await db.selectFrom('payments').select('id').where('case_id', '=', refund.id).execute()).toEqual([]);
    expect((await entriesOf(id)).map((e) => [e.kind, e.detail.reverses ?? null])).toEqual([
      ['final_bill', null],
      ['reversal', `${id}:final_bill`],
    ]);
    expect(await serviceStatus(serviceId)).toBe('active');
    expect((await tasksOf(id)).filter((t) => t.state === 'open' || t.state === 'claimed')).toEqual([]);
  });

  it('while the dismantle is being booked: points come back, the final bill is reversed, the equipment is returned; the paid refund stands', async () => {
    const { id, handle, customerId, serviceId, work } = await cancellation({ points: 500 }, { redeemPoints: true });
    await work.notRetained();
    await work.answer('approve_refund', supervisor, 'approve', {}, (await work.balanceRefund()).id);
    await work.answer('recover_equipment', clerk, 'recovered', { items: ['ONU modem'] });
    await openTask(db, id, 'book_appointment');
    expect(await cancel(id)).toMatchObject({ state: 'cancelled' });
    await handle.result();

    expect((await entriesOf(id)).map((e) => [e.kind, e.detail.reverses ?? null])).toEqual([
      ['final_bill', null],
      ['charge', null],
      ['points', null],
      ['reversal', `${id}:points`],
      ['reversal', `${id}:final_bill`],
    ]);
    // The paid refund stands: the customer stays with the cash, not with the balance as well.
    expect(await balanceOf(db, customerId)).toBe(0);
    expect((await db.selectFrom('accounts').select('points').where('customer_id', '=', customerId).executeTakeFirstOrThrow()).points).toBe(500);
    expect(await sent(id)).toEqual(expect.arrayContaining([{ template: 'return_equipment', recipient: 'role:frontoffice' }]));
    expect((await caseRow(id)).data).toMatchObject({ balanceRefund: { outcome: 'refunded' } });
    expect(await serviceStatus(serviceId)).toBe('active');
    expect(await db.selectFrom('churn_records').select('id').where('case_id', '=', id).execute()).toEqual([]);
  });

  it('a dismantle the supervisor gives up cancels the order the same way', async () => {
    const { id, handle, serviceId, work } = await cancellation({ balanceFen: 0 });
    await work.notRetained();
    await work.answer('recover_equipment', clerk, 'nothing_to_recover', { reason: 'the customer owns the modem' });
    await work.book();
    await work.answer('dismantle', tech, 'technical_failure', { fault: 'the cabinet is locked by the landlord' });
    await work.answer('resolve_dismantle_failure', supervisor, 'abandon', { reason: 'the landlord refuses access' });
    expect(await handle.result()).toMatchObject({ state: 'cancelled', stateReason: 'the landlord refuses access' });
    expect((await entriesOf(id)).map((e) => e.kind)).toEqual(['final_bill', 'reversal']);
    expect(await serviceStatus(serviceId)).toBe('active');
  });
});
