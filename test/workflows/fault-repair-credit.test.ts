/**
 * Fault repair's promise (seed 001 L242-244) on the real dev server, with
 * the policy in seconds: the customer told of the breach, the rent of the
 * fault period credited once, never for the customer's own equipment.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInBilling, type BillingAdapter } from '../../src/adapters/billing';
import { balanceOf, eventually, openTask, withPolicy, withSla } from '../support/cases';
import { reportFault, useFaultRepairs } from '../support/fault-repair';
import { startTestWorker } from '../support/worker';

const h = useFaultRepairs();
// Every promise in this file is two seconds long.
beforeAll(async () => {
  await withSla(h.db, 'fault_repair.resolve.urban', 'PT2S');
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const caseRow = (id: string) => h.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (id: string) => h.db.selectFrom('case_events').select(['kind', 'detail']).where('case_id', '=', id).orderBy('id').execute();
const creditsOf = (id: string) => h.db.selectFrom('billing_entries').selectAll().where('case_id', '=', id).execute();
const noticesOf = (id: string) => h.db.selectFrom('notifications').select(['template', 'channel', 'recipient', 'payload']).where('case_id', '=', id).orderBy('id').execute();
/** The promise breached and the customer was told. */
const breached = async (id: string) => {
  await eventually('the customer told of the breach', async () => ((await noticesOf(id)).some((n) => n.template === 'fault_repair_overdue') ? true : undefined));
  expect((await events(id)).map((e) => e.kind)).toContain('sla_breached');
};

describe('a late repair', () => {
  it('tells the supervisor at jeopardy and the customer at the breach, then credits a day of rent at the restoration', async () => {
    const { id, handle, customerId } = await h.report();
    await breached(id);
    expect((await noticesOf(id)).map((n) => [n.template, n.channel])).toEqual([
      ['fault_repair_in_jeopardy', 'staff'],
      ['fault_repair_overdue', 'sms'],
    ]);
    expect((await noticesOf(id))[0]!.recipient).toBe('role:supervisor');
    await h.steps.diagnose(id, 'needs_visit');
    await h.steps.book(id);
    await h.steps.visit(id, 'restored');
    await h.steps.confirm(id);
    await h.steps.survey(id);
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'restored' });

    // 5000 fen a month, a day of it: 166.67 → 167 fen.
    const row = await caseRow(id);
    expect(row.data.rentCredit).toMatchObject({ amountFen: 167, days: 1, monthlyRentFen: 5000, rentSource: 'bss', from: row.created_at.toISOString() });
    expect(row.data.rentCredit).toMatchObject({ to: (row.data.restoration as { at: string }).at });
    const [credit] = await creditsOf(id);
    expect(credit).toMatchObject({ kind: 'credit', amount_fen: 167, idempotency_key: `${id}:rent_credit`, customer_id: customerId });
    expect(await balanceOf(h.db, customerId)).toBe(10000 + 167);
    expect((await events(id)).find((e) => e.kind === 'rent_credited')?.detail).toMatchObject({ amountFen: 167, days: 1, entryId: `bil_${credit!.id}` });
    expect((await noticesOf(id)).at(-1)).toMatchObject({ template: 'fault_rent_credited', payload: expect.objectContaining({ amountYuan: '1.67', days: 1 }) });
  });

  it.each([
    [20, 1, 167],
    [44, 2, 333],
    [68, 3, 500],
  ])('reported %d hours ago: %d days of rent, %d fen', async (hours, days, amountFen) => {
    const { id, handle, customerId } = await h.report({ lineTest: 'cleared' }, { reportedAt: hoursAgo(hours) });
    await h.steps.confirm(id);
    await h.steps.survey(id);
    await handle.result();
    expect((await caseRow(id)).data.rentCredit).toMatchObject({ amountFen, days });
    expect((await creditsOf(id)).map((c) => c.amount_fen)).toEqual([amountFen]);
    expect(await balanceOf(h.db, customerId)).toBe(10000 + amountFen);
  });

  it('prorates the policy’s monthly rent when the BSS has none', async () => {
    h.restore.push(await withPolicy(h.db, 'fault_repair.default_monthly_rent_fen', 9000));
    const { id, handle } = await h.report({ lineTest: 'cleared', monthlyRentFen: null }, { reportedAt: hoursAgo(30) });
    await h.steps.confirm(id);
    await h.steps.survey(id);
    await handle.result();
    expect((await caseRow(id)).data.rentCredit).toMatchObject({ amountFen: 600, days: 2, monthlyRentFen: 9000, rentSource: 'policy' });
  });

  it('credits up to the moment a supervisor gives the repair up', async () => {
    const { id, handle } = await h.report({ lineTest: 'needs_visit' }, { reportedAt: hoursAgo(30) });
    await h.steps.book(id);
    await h.steps.visit(id, 'needs_escalation', { fault: 'the building forbids access' });
    await h.steps.escalation(id, 'abandon', { reason: 'no access to the building' });
    expect(await handle.result()).toMatchObject({ state: 'cancelled' });
    expect((await creditsOf(id)).map((c) => c.amount_fen)).toEqual([333]);
  });
});

describe('a restoration the customer disputes', () => {
  it('counts the wait for their answer against the promise, since the fault was never gone', async () => {
    const { id, handle } = await h.report({ lineTest: 'cleared' });
    await eventually('the confirmation asked', () => openTask(h.db, id, 'confirm_restoration'));
    // The customer answers after longer than the whole promise; the clock stood still meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await events(id)).map((e) => e.kind)).not.toContain('sla_breached');
    await h.steps.confirm(id, 'still_faulty', { symptom: 'still no sync' });
    await breached(id);
    await h.steps.book(id);
    await h.steps.visit(id, 'restored');
    await h.steps.confirm(id);
    await h.steps.survey(id);
    expect(await handle.result()).toMatchObject({ outcome: 'restored' });

    const clock = await h.db.selectFrom('sla_clocks').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(clock.due_at.getTime() - clock.started_at.getTime()).toBe(2000);
    expect((await caseRow(id)).data.rentCredit).toMatchObject({ days: 1 });
    expect((await creditsOf(id)).map((c) => c.amount_fen)).toEqual([167]);
  });
});

describe('the customer’s own equipment at fault', () => {
  it('credits nothing even after a breach', async () => {
    const { id, handle, customerId } = await h.report({ lineTest: 'needs_visit' }, { reportedAt: hoursAgo(50) });
    await breached(id);
    await h.steps.book(id);
    await h.steps.visit(id, 'customer_equipment_fault', {
      arrivedAt: new Date().toISOString(),
      equipment: 'the customer’s own Wi-Fi router',
      finding: 'line tested good to the socket; the router does not boot',
      signature: { reference: 'SIG-9', signerName: '张三' },
    });
    await h.steps.survey(id);
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'customer_equipment_fault' });

    expect(await creditsOf(id)).toEqual([]);
    expect(await balanceOf(h.db, customerId)).toBe(10000);
    const row = await caseRow(id);
    expect(row.data.rentCredit).toBeUndefined();
    expect(row.data.customerEquipment).toMatchObject({ equipment: 'the customer’s own Wi-Fi router' });
    expect((await noticesOf(id)).map((n) => n.template)).toEqual(['fault_repair_in_jeopardy', 'fault_repair_overdue', 'appointment_booked', 'fault_customer_equipment']);
    // No confirmation of a restoration: the network was never at fault.
    const kinds = (await h.db.selectFrom('tasks').select('kind').where('case_id', '=', id).execute()).map((t) => t.kind);
    expect(kinds).not.toContain('confirm_restoration');
  });
});

describe('the credit', () => {
  it('is paid once when its activity fails after paying and is retried', async () => {
    const real = builtInBilling(h.db);
    let calls = 0;
    const failsAfterPaying: BillingAdapter = {
      ...real,
      async credit(req) {
        const receipt = await real.credit(req);
        calls++;
        if (calls === 1) throw new Error('billing timed out after booking the credit');
        return receipt;
      },
    };
    const flaky = await startTestWorker({ adapters: { billing: failsAfterPaying } });
    try {
      const { id, handle, customerId } = await reportFault(h.client, h.db, flaky.taskQueue, { lineTest: 'cleared' }, { reportedAt: hoursAgo(20) });
      await h.steps.confirm(id);
      await h.steps.survey(id);
      expect(await handle.result()).toMatchObject({ outcome: 'restored' });
      expect(calls).toBe(2);
      expect((await creditsOf(id)).map((c) => c.amount_fen)).toEqual([167]);
      expect(await balanceOf(h.db, customerId)).toBe(10000 + 167);
      expect((await events(id)).filter((e) => e.kind === 'rent_credited')).toHaveLength(1);
    } finally {
      await flaky.stop();
    }
  });
});
