/** Fault repair's paths (processes.md §6) on the real dev server; the promise and its rent credit are in fault-repair-credit.test.ts. */
import { describe, expect, it } from 'vitest';
import { eventually, seedCustomer, withSla } from '../support/cases';
import { useFaultRepairs } from '../support/fault-repair';

const h = useFaultRepairs();

const caseRow = (id: string) => h.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (id: string) => h.db.selectFrom('case_events').select(['kind', 'detail', 'actor']).where('case_id', '=', id).orderBy('id').execute();
const stagesOf = async (id: string) => (await events(id)).filter((e) => e.kind === 'state_changed').map((e) => e.detail.stage);
const tasksOf = (id: string) => h.db.selectFrom('tasks').select(['kind', 'role', 'state', 'outcome']).where('case_id', '=', id).orderBy('created_at').execute();
const creditsOf = (id: string) => h.db.selectFrom('billing_entries').selectAll().where('case_id', '=', id).execute();
const noticesOf = (id: string) => h.db.selectFrom('notifications').select(['template', 'recipient']).where('case_id', '=', id).orderBy('id').execute();

describe('remote diagnosis', () => {
  it('cleared by the network: the customer confirms, the callback, completed — no visit, no credit; a rural line runs on the 72-hour promise', async () => {
    const { id, handle, createdAt } = await h.report({ lineTest: 'cleared', region: 'rural' });
    await h.steps.confirm(id);
    await h.steps.survey(id);
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'restored' });

    expect(await stagesOf(id)).toEqual(['remote_diagnosis', 'confirming_restoration', 'callback', 'done']);
    expect((await tasksOf(id)).map((t) => t.kind)).toEqual(['confirm_restoration', 'callback_survey']);
    const row = await caseRow(id);
    expect(row.data).toMatchObject({
      region: 'rural',
      reportedAt: createdAt,
      diagnosis: { by: 'network', result: 'cleared' },
      restoration: { by: 'remote', actor: 'network' },
      survey: { outcome: 'surveyed', satisfaction: 5 },
    });
    expect(row.data.rentCredit).toBeUndefined();
    expect(await creditsOf(id)).toEqual([]);

    const clock = await h.db.selectFrom('sla_clocks').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(clock).toMatchObject({ policy_key: 'fault_repair.resolve.rural', breached: false, stopped_at: expect.any(Date) });
    expect(clock.started_at.toISOString()).toBe(createdAt);
    expect(clock.due_at.getTime() - clock.started_at.getTime()).toBe(72 * 3_600_000);
  });

  it('undecided by the network: a technician tests the line and clears it', async () => {
    const { id, handle } = await h.report();
    await h.steps.diagnose(id, 'cleared');
    await h.steps.confirm(id);
    await h.steps.survey(id, 'unreachable');
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'restored' });
    const row = await caseRow(id);
    expect(row.data).toMatchObject({ diagnosis: { by: 'tech-1', result: 'cleared' }, restoration: { by: 'remote', actor: 'tech-1' } });
    expect((await tasksOf(id))[0]).toMatchObject({ kind: 'remote_diagnosis', role: 'technician', outcome: 'cleared' });
  });

  it('the customer says it is still down: a visit after all', async () => {
    const { id, handle } = await h.report({ lineTest: 'cleared' });
    await h.steps.confirm(id, 'still_faulty', { symptom: 'still no sync' });
    await h.steps.book(id);
    await h.steps.visit(id, 'restored');
    await h.steps.confirm(id);
    await h.steps.survey(id);
    expect(await handle.result()).toMatchObject({ outcome: 'restored' });
    expect(await stagesOf(id)).toEqual(['remote_diagnosis', 'confirming_restoration', 'awaiting_appointment', 'visit', 'confirming_restoration', 'callback', 'done']);
    expect((await events(id)).find((e) => e.kind === 'restoration_disputed')?.detail).toEqual({ symptom: 'still no sync' });
    expect((await caseRow(id)).data).toMatchObject({ restoration: { by: 'visit', actor: 'tech-1' } });
  });
});

describe('appointment and visit', () => {
  it('restored at the visit: confirmed, the callback, completed', async () => {
    const { id, handle } = await h.report({ lineTest: 'needs_visit' });
    await h.steps.book(id);
    await eventually('the visit stage', async () => ((await caseRow(id)).stage === 'visit' ? true : undefined));
    await h.steps.visit(id, 'restored');
    await h.steps.confirm(id);
    await h.steps.survey(id, { satisfaction: 2, comment: 'took two days' });
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'restored' });

    expect(await stagesOf(id)).toEqual(['remote_diagnosis', 'awaiting_appointment', 'visit', 'confirming_restoration', 'callback', 'done']);
    const row = await caseRow(id);
    expect(row.data).toMatchObject({
      diagnosis: { by: 'network', result: 'needs_visit' },
      appointment: { attempt: 1, technicianId: 'tech-1' },
      visits: [{ attempt: 1, outcome: 'restored', technician: 'tech-1' }],
      restoration: { by: 'visit', actor: 'tech-1' },
      survey: { outcome: 'surveyed', satisfaction: 2, comment: 'took two days' },
    });
    // The address goes to the technician; the phone number never does.
    const visit = await h.db.selectFrom('tasks').select('data').where('case_id', '=', id).where('kind', '=', 'repair_visit').executeTakeFirstOrThrow();
    expect(visit.data).toMatchObject({ address: '8 Jiefang Rd', symptom: expect.any(String) });
    expect(JSON.stringify(visit.data)).not.toContain('138');
    expect((await noticesOf(id)).map((n) => n.template)).toEqual(['appointment_booked']);
  });

  it('the customer was absent: booked again, then restored', async () => {
    const { id, handle } = await h.report({ lineTest: 'needs_visit' });
    await h.steps.book(id);
    await h.steps.visit(id, 'customer_absent', { arrivedAt: new Date().toISOString() });
    await h.steps.book(id);
    await h.steps.visit(id, 'restored');
    await h.steps.confirm(id);
    await h.steps.survey(id);
    expect(await handle.result()).toMatchObject({ outcome: 'restored' });
    const timeline = await events(id);
    expect(timeline.find((e) => e.kind === 'appointment_rebooked')?.detail).toMatchObject({ attempt: 2, after: 'customer_absent' });
    expect((await caseRow(id)).data.visits).toMatchObject([{ outcome: 'customer_absent' }, { outcome: 'restored' }]);
    expect((await noticesOf(id)).map((n) => n.template)).toEqual(['appointment_booked', 'visit_customer_absent', 'appointment_booked']);
  });

  it('needs escalation: held for a supervisor, who sends another visit', async () => {
    const { id, handle } = await h.report({ lineTest: 'needs_visit' });
    await h.steps.book(id);
    await h.steps.visit(id, 'needs_escalation', { arrivedAt: new Date().toISOString(), fault: 'cable cut in the duct' });
    await eventually('the hold', async () => ((await caseRow(id)).state === 'held' ? true : undefined));
    expect(await caseRow(id)).toMatchObject({ stage: 'escalated', state_reason: 'needs_escalation' });
    const tasks = await tasksOf(id);
    expect(tasks[tasks.length - 1]).toMatchObject({ kind: 'resolve_escalated_fault', role: 'supervisor', state: 'open' });

    await h.steps.escalation(id, 'revisit', { note: 'duct crew repaired the cable' });
    await h.steps.book(id);
    await h.steps.visit(id, 'restored');
    await h.steps.confirm(id);
    await h.steps.survey(id);
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'restored' });
  });

  it('a supervisor may give the repair up: cancelled, the customer told', async () => {
    const { id, handle } = await h.report({ lineTest: 'needs_visit' });
    await h.steps.book(id);
    await h.steps.visit(id, 'needs_escalation', { fault: 'the building forbids access' });
    await h.steps.escalation(id, 'abandon', { reason: 'no access to the building' });
    expect(await handle.result()).toMatchObject({ state: 'cancelled', stateReason: 'no access to the building' });
    expect((await noticesOf(id)).map((n) => n.template)).toContain('case_cancelled');
    // Given up within the promise: nothing to credit.
    expect(await creditsOf(id)).toEqual([]);
  });
});

describe('the gate', () => {
  it('rejects a report on another customer’s service', async () => {
    const { id, handle } = await h.report({}, {}, await seedCustomer(h.db));
    expect(await handle.result()).toMatchObject({ state: 'rejected', stateReason: 'service_of_another_customer' });
    expect(await tasksOf(id)).toEqual([]);
  });
});

describe('jeopardy', () => {
  it('tells the supervisor while the repair is still under way', async () => {
    h.restore.push(await withSla(h.db, 'fault_repair.resolve.urban', 'PT4S'));
    const { id } = await h.report();
    const told = await eventually('the supervisor told', async () => (await noticesOf(id)).find((n) => n.template === 'fault_repair_in_jeopardy'));
    expect(told.recipient).toBe('role:supervisor');
    expect((await events(id)).map((e) => e.kind)).toContain('sla_jeopardy');
    expect((await caseRow(id)).stage).toBe('remote_diagnosis');
  });
});
