/** Complaints with first-responder responsibility (processes.md §7) on a real Temporal dev server and PostgreSQL. */
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../src/temporal/cases';
import { answer } from '../fixtures/complaint';
import { seedService } from '../fixtures/fault-repair';
import { decide, eventually, openTask, seedCustomer, staff, withPolicy, withSla } from '../support/cases';
import { clerk, complaintSteps, fileComplaint, levels } from '../support/complaints';
import { faultRepairSteps } from '../support/fault-repair';
import { useTestWorker } from '../support/worker';

const { db, client, worker, restore } = useTestWorker();
const steps = complaintSteps(client, db);
const file = (fields: Parameters<typeof fileComplaint>[3] = {}, customerId?: string) => fileComplaint(client, db, worker.taskQueue, fields, customerId);
const caseRow = (id: string) => db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const noticesOf = async (id: string) => (await db.selectFrom('notifications').select(['step', 'template']).where('case_id', '=', id).orderBy('id').execute()).map((n) => n.step);
const tasksOf = (id: string, kind: string) => db.selectFrom('tasks').selectAll().where('case_id', '=', id).where('kind', '=', kind).orderBy('created_at').execute();
const refusal = (p: Promise<unknown>) => p.then(() => undefined, (err) => refusalOf(err)?.refusal);
const data = async (id: string) => (await caseRow(id)).data as Record<string, any>;
const reachStatus = (id: string, state: string, stage?: string) =>
  eventually(`${id} ${state} ${stage ?? ''}`, async () => {
    const row = await caseRow(id);
    return row.state === state && (stage === undefined || row.stage === stage) ? row : undefined;
  });

describe('resolved on the spot', () => {
  it('records the answer, takes the customer’s acceptance at the counter and closes at once', async () => {
    const { id, handle } = await file({ resolvedOnSpot: answer('the fee was explained') });
    expect(await handle.result()).toMatchObject({ state: 'closed', outcome: 'resolved_on_spot' });
    const row = await caseRow(id);
    expect(row.data).toMatchObject({
      owner: 'clerk-1',
      severity: 'normal',
      repeat: false,
      resolution: { answer: 'the fee was explained', rootCause: expect.any(String), improvement: expect.any(String), acceptance: 'accepted_at_counter' },
    });
    expect(await db.selectFrom('tasks').select('id').where('case_id', '=', id).execute()).toEqual([]);
    expect(await noticesOf(id)).toEqual(['closed']);
  });
});

describe('the owner resolves, the customer accepts', () => {
  it('the reply deadline is told at acceptance; only the owner may act; accepted → closed with root cause and improvement', async () => {
    const { id, handle } = await file();
    const task = await openTask(db, id, 'resolve_complaint');
    expect(task).toMatchObject({ role: 'frontoffice', owner: 'clerk-1', assignee: 'clerk-1', state: 'claimed' });
    expect(task.outcomes).toEqual(['resolved', 'hand_off']);
    const row = await reachStatus(id, 'inProgress', 'investigating');
    const clock = await db.selectFrom('sla_clocks').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(clock.policy_key).toBe('complaint.reply.normal');
    expect(row.data).toMatchObject({ owner: 'clerk-1', ownerRole: 'frontoffice', severity: 'normal', escalationLevel: 0, replyDueAt: clock.due_at.toISOString() });
    expect(task.due_at?.toISOString()).toBe(clock.due_at.toISOString());
    expect(await noticesOf(id)).toEqual(['accepted']);
    const told = await db.selectFrom('notifications').select('payload').where('case_id', '=', id).where('step', '=', 'accepted').executeTakeFirstOrThrow();
    expect(told.payload).toMatchObject({ replyDueAt: clock.due_at.toISOString(), severity: 'normal' });

    // Nobody takes the case over: another clerk, a supervisor, an admin are refused (403).
    for (const other of [staff('clerk-2', 'frontoffice'), staff('sup-1', 'supervisor', 'frontoffice'), staff('root', 'admin', 'frontoffice')]) {
      expect(await refusal(decide(client, id, task.id, other, 'resolved', answer()))).toBe('Forbidden');
    }

    await steps.resolve(id);
    await reachStatus(id, 'resolved', 'customer_acceptance');
    const acceptance = await openTask(db, id, 'customer_acceptance');
    expect(acceptance).toMatchObject({ owner: 'clerk-1', role: 'frontoffice' });
    await steps.accept(id);
    expect(await handle.result()).toMatchObject({ state: 'closed', outcome: 'accepted' });
    expect((await data(id)).resolution).toMatchObject({ ...answer(), level: 0, by: 'clerk-1', acceptance: 'accepted' });
    expect((await db.selectFrom('sla_clocks').select(['breached', 'stopped_at']).where('case_id', '=', id).where('policy_key', '=', 'complaint.reply.normal').executeTakeFirstOrThrow()).breached).toBe(false);
    expect(await noticesOf(id)).toEqual(['accepted', 'answer:1', 'closed']);
  });

  it('closing needs the root cause and the improvement: an answer without them is refused and the complaint stays open', async () => {
    const { id, handle } = await file();
    const task = await openTask(db, id, 'resolve_complaint');
    expect(await refusal(decide(client, id, task.id, clerk, 'resolved', { answer: 'refunded' }))).toBe('Unprocessable');
    expect(await refusal(decide(client, id, task.id, clerk, 'resolved', { answer: 'refunded', rootCause: 'a repeated billing run' }))).toBe('Unprocessable');
    expect(await caseRow(id)).toMatchObject({ state: 'inProgress', stage: 'investigating' });
    expect((await openTask(db, id, 'resolve_complaint')).id).toBe(task.id);
    await decide(client, id, task.id, clerk, 'resolved', answer());
    await steps.accept(id);
    expect(await handle.result()).toMatchObject({ outcome: 'accepted' });
  });
});

describe('severity and repeats', () => {
  it('flags make it critical and a gold VIP high; the reply deadline follows', async () => {
    const critical = await file({ flags: ['media'] });
    await reachStatus(critical.id, 'inProgress');
    expect(await data(critical.id)).toMatchObject({ severity: 'critical', baseSeverity: 'critical' });
    const vip = await seedCustomer(db);
    await db.updateTable('customers').set({ tier: 'gold' }).where('id', '=', vip).execute();
    const high = await file({}, vip);
    await reachStatus(high.id, 'inProgress');
    expect(await data(high.id)).toMatchObject({ severity: 'high', baseSeverity: 'high', repeat: false });
    const key = async (id: string) => (await db.selectFrom('sla_clocks').select('policy_key').where('case_id', '=', id).executeTakeFirstOrThrow()).policy_key;
    expect([await key(critical.id), await key(high.id)]).toEqual(['complaint.reply.critical', 'complaint.reply.high']);
  });

  it('the same customer on the same subject within complaint.repeat_window is a repeat, raised one step; another subject is not', async () => {
    const customer = await seedCustomer(db);
    const first = await file({}, customer);
    await reachStatus(first.id, 'inProgress');
    const again = await file({}, customer);
    await reachStatus(again.id, 'inProgress');
    expect(await data(again.id)).toMatchObject({ repeat: true, repeatOf: [first.id], baseSeverity: 'normal', severity: 'high' });
    const other = await file({ subject: 'tariff' }, customer);
    await reachStatus(other.id, 'inProgress');
    expect(await data(other.id)).toMatchObject({ repeat: false, severity: 'normal' });

    // Outside the window (half a second here) it is not a repeat.
    restore.push(await withPolicy(db, 'complaint.repeat_window', 'PT0.5S'));
    await new Promise((r) => setTimeout(r, 1000));
    const later = await file({}, customer);
    await reachStatus(later.id, 'inProgress');
    expect(await data(later.id)).toMatchObject({ repeat: false, severity: 'normal' });
  });
});

describe('escalation (首问负责工单)', () => {
  it('rejected answers climb level by level; each level answers through the owner; the customer is told at every level', async () => {
    const { id, handle } = await file();
    await steps.resolve(id);
    for (const [level, role] of (['supervisor', 'branch_leader', 'general_manager'] as const).entries()) {
      await steps.reject(id, `not settled after level ${level}`);
      const escalation = await openTask(db, id, 'complaint_escalation');
      expect(escalation).toMatchObject({ role, owner: null });
      expect(escalation.data).toMatchObject({ owner: 'clerk-1', why: 'answer_rejected' });
      expect(await caseRow(id)).toMatchObject({ state: 'inProgress', stage: 'escalated' });
      expect((await data(id)).escalationLevel).toBe(level + 1);
      // The level may not answer the customer itself: its answer returns to the owner, who replies.
      await steps.answerLevel(id, role);
      const reply = await eventually('the owner’s reply task', async () =>
        (await tasksOf(id, 'resolve_complaint')).find((t) => t.state === 'claimed' && (t.data as any).escalation?.level === level + 1),
      );
      expect(reply).toMatchObject({ owner: 'clerk-1', data: expect.objectContaining({ escalation: expect.objectContaining({ role, answer: `${role} orders a refund` }) }) });
      expect(await refusal(decide(client, id, reply.id, levels[role], 'resolved', answer()))).toBe('Forbidden');
      await steps.resolve(id, `answer after ${role}`);
    }
    await steps.accept(id);
    expect(await handle.result()).toMatchObject({ state: 'closed', outcome: 'accepted' });
    expect(await data(id)).toMatchObject({ escalationLevel: 3, resolution: { answer: 'answer after general_manager', level: 3, acceptance: 'accepted' } });
    expect((await data(id)).answers.map((a: any) => a.acceptance)).toEqual(['rejected', 'rejected', 'rejected', 'accepted']);
    expect(await noticesOf(id)).toEqual(['accepted', 'answer:1', 'escalated:1', 'answer:2', 'escalated:2', 'answer:3', 'escalated:3', 'answer:4', 'closed']);
  });

  it('a reply deadline that passes escalates; each overdue level moves up to the general manager', async () => {
    restore.push(await withSla(db, 'complaint.reply.critical', 'PT2S'));
    restore.push(await withSla(db, 'complaint.escalation', 'PT2S'));
    const { id, handle } = await file({ flags: ['petition'] });
    const top = await eventually(
      'the general manager’s escalation',
      async () => (await tasksOf(id, 'complaint_escalation')).find((t) => t.role === 'general_manager'),
      60_000,
    );
    expect((await tasksOf(id, 'resolve_complaint')).map((t) => t.state)).toEqual(['escalated']);
    expect((await tasksOf(id, 'complaint_escalation')).map((t) => [t.role, t.state])).toEqual([
      ['supervisor', 'escalated'],
      ['branch_leader', 'escalated'],
      ['general_manager', 'open'],
    ]);
    expect(top.data).toMatchObject({ why: 'reply_overdue' });
    const reply = await db.selectFrom('sla_clocks').selectAll().where('case_id', '=', id).where('policy_key', '=', 'complaint.reply.critical').executeTakeFirstOrThrow();
    expect(reply.breached).toBe(true);
    await steps.answerLevel(id, 'general_manager');
    await steps.resolve(id, 'the general manager’s answer');
    await steps.accept(id);
    expect(await handle.result()).toMatchObject({ state: 'closed', outcome: 'accepted' });
    expect((await data(id)).escalationLevel).toBe(3);
    const notices = await noticesOf(id);
    expect(notices.filter((s) => s.startsWith('escalated:'))).toEqual(['escalated:1', 'escalated:2', 'escalated:3']);
    expect(notices.filter((s) => s.startsWith('overdue:'))).toHaveLength(2);
  });

  it('a rejected answer at the top closes the complaint with the general manager’s answer on record', async () => {
    const { id, handle } = await file();
    await steps.resolve(id);
    for (const role of ['supervisor', 'branch_leader', 'general_manager'] as const) {
      await steps.reject(id);
      await steps.answerLevel(id, role);
      await steps.resolve(id, `after ${role}`);
    }
    await steps.reject(id);
    expect(await handle.result()).toMatchObject({ state: 'closed', outcome: 'rejected_at_top' });
    expect((await data(id)).resolution).toMatchObject({ answer: 'after general_manager', rootCause: expect.any(String), acceptance: 'rejected' });
  });
});

describe('customer acceptance', () => {
  it('no answer within complaint.acceptance_wait closes the complaint', async () => {
    restore.push(await withSla(db, 'complaint.acceptance_wait', 'PT2S'));
    const { id, handle } = await file();
    await steps.resolve(id);
    expect(await handle.result()).toMatchObject({ state: 'closed', outcome: 'acceptance_timed_out' });
    expect((await tasksOf(id, 'customer_acceptance')).map((t) => t.state)).toEqual(['cancelled']);
    expect((await data(id)).resolution).toMatchObject({ acceptance: 'no_answer', rootCause: expect.any(String), improvement: expect.any(String) });
  });
});

describe('hand-offs and the fault repair', () => {
  it('the owner hands work to a department (never the case): its findings return to the owner', async () => {
    const { id, handle } = await file();
    await steps.act(id, 'resolve_complaint', clerk, 'hand_off', { department: 'settlement', request: 'check the October billing run' });
    const handOff = await openTask(db, id, 'complaint_handoff');
    expect(handOff).toMatchObject({ role: 'supervisor', department: 'settlement', owner: null });
    expect(await caseRow(id)).toMatchObject({ stage: 'handed_off' });
    expect(await refusal(decide(client, id, handOff.id, { ...staff('sup-m', 'supervisor'), dept: 'marketing' }, 'returned', { findings: 'x' }))).toBe('Forbidden');
    await decide(client, id, handOff.id, { ...staff('sup-s', 'supervisor'), dept: 'settlement' }, 'returned', { findings: 'the run was repeated at 02:00' });
    const back = await eventually('the owner’s task again', async () => (await tasksOf(id, 'resolve_complaint')).find((t) => t.state === 'claimed'));
    expect(back).toMatchObject({ owner: 'clerk-1', data: expect.objectContaining({ findings: [expect.objectContaining({ department: 'settlement', findings: 'the run was repeated at 02:00', by: 'sup-s' })] }) });
    await steps.resolve(id);
    await steps.accept(id);
    expect(await handle.result()).toMatchObject({ outcome: 'accepted' });
  });

  it('a network-quality complaint starts a fault repair and continues when it finishes', async () => {
    const customer = await seedCustomer(db);
    const serviceId = await seedService(db, customer, { lineTest: 'cleared' });
    const { id, handle } = await file({ subject: 'network_quality', serviceId, description: 'the line drops every evening' }, customer);
    const task = await openTask(db, id, 'resolve_complaint');
    expect(task.outcomes).toEqual(['resolved', 'hand_off', 'start_repair']);
    await steps.act(id, 'resolve_complaint', clerk, 'start_repair', { symptom: 'drops every evening' });
    await reachStatus(id, 'inProgress', 'awaiting_repair');
    const repairId: string = await eventually('the repair', async () => (await data(id)).childCases?.[0]?.id);
    // The child's own row is written by its first step, a moment after the parent names it.
    const repairRow = await eventually('the repair’s row', () => db.selectFrom('cases').selectAll().where('id', '=', repairId).executeTakeFirst());
    expect(repairRow).toMatchObject({ type: 'fault_repair', parent_id: id });
    const repair = faultRepairSteps(client, db);
    await repair.confirm(repairId);
    await repair.survey(repairId);
    const back = await eventually('the owner’s task after the repair', async () => (await tasksOf(id, 'resolve_complaint')).find((t) => t.state === 'claimed'));
    expect((back.data as any).findings).toEqual([{ repair: { caseId: repairId, state: 'completed', outcome: 'restored', reason: null } }]);
    await steps.resolve(id, 'the line was repaired');
    await steps.accept(id);
    expect(await handle.result()).toMatchObject({ outcome: 'accepted' });
    expect((await data(id)).repair).toMatchObject({ caseId: repairId, outcome: 'restored' });
  });
});

describe('ownership', () => {
  it('a front-office system names the first responder, who alone works the complaint', async () => {
    const { id, handle } = await file({ firstResponder: { id: 'cm-7', role: 'agent' } });
    const task = await openTask(db, id, 'resolve_complaint');
    expect(task).toMatchObject({ role: 'agent', owner: 'cm-7', assignee: 'cm-7' });
    expect(await refusal(decide(client, id, task.id, clerk, 'resolved', answer()))).toBe('Forbidden');
    const cm = staff('cm-7', 'agent');
    await decide(client, id, task.id, cm, 'resolved', answer());
    await steps.accept(id, cm);
    expect(await handle.result()).toMatchObject({ outcome: 'accepted' });
  });
});
