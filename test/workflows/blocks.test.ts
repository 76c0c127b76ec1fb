import { WorkflowFailedError } from '@temporalio/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertCaseRecord } from '../../src/store/cases';
import { refusalOf } from '../../src/temporal/cases';
import { cancelCaseUpdate, caseStatusQuery, type CaseSnapshot } from '../../workflows/lib/messages';
import { caseStart, decide, eventually, openTask, seedCustomer, staff } from '../support/cases';
import { useTestWorker } from '../support/worker';

const { db, client, worker } = useTestWorker({ workflows: new URL('./fixtures/blocks.ts', import.meta.url) });

beforeAll(async () => {
  await db
    .insertInto('sla_policies')
    .values([
      { key: 'test.case', duration: 'PT2S', calendar: 'continuous', jeopardy_ratio: 0.5, pause_when_pending: true },
      { key: 'test.level', duration: 'PT1S', calendar: 'continuous', jeopardy_ratio: 0.5, pause_when_pending: true },
    ])
    .execute();
});

async function open(workflow: string, fields: object = {}) {
  const start = caseStart('new_install', await seedCustomer(db), fields);
  await insertCaseRecord(db, start);
  const handle = await client.workflow.start(workflow, { workflowId: start.id, taskQueue: worker.taskQueue, args: [start] });
  return { id: start.id, handle };
}

const refusal = (p: Promise<unknown>) => p.then(() => undefined, (err) => refusalOf(err)?.refusal);
const events = (id: string) => db.selectFrom('case_events').select(['kind', 'detail', 'actor']).where('case_id', '=', id).orderBy('id').execute();
const caseRow = (id: string) => db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const tech = staff('tech-1', 'technician');
const supervisor = staff('sup-1', 'supervisor');
const agent = staff('agent-1', 'agent');
const signed = { reference: 'SIG-1', signerName: '张三' };

async function book(id: string, startInMinutes: number) {
  const task = await openTask(db, id, 'book_appointment');
  const slot = { start: inMinutes(startInMinutes), end: inMinutes(startInMinutes + 60) };
  await decide(client, id, task.id, tech, 'booked', { slot, contactedAt: new Date().toISOString(), technicianId: 'tech-1' });
  return slot;
}

describe('appointment and visit blocks', () => {
  it('books within the contact clock, rebooks after absence and reschedule, holds on failure, records off-time arrival and the customer signature', async () => {
    const { id, handle } = await open('visitProbe');
    const first = await openTask(db, id, 'book_appointment');
    expect(first).toMatchObject({ role: 'technician', due_at: expect.any(Date) });
    const past = { start: inMinutes(-5), end: inMinutes(55) };
    expect(await refusal(decide(client, id, first.id, tech, 'booked', { slot: past, contactedAt: new Date().toISOString() }))).toBe('Unprocessable');

    // The company moves the visit with notice, before the slot starts.
    await book(id, 60);
    let visit = await openTask(db, id, 'record_visit');
    expect(visit).toMatchObject({ assignee: 'tech-1', state: 'claimed' });
    await decide(client, id, visit.id, tech, 'company_reschedule', { reason: 'van broke down' });

    // Once the slot has started it is too late to reschedule; the customer is not home.
    const slot = await book(id, 0.02);
    visit = await openTask(db, id, 'record_visit');
    await eventually('the slot to start', async () => (Date.now() > Date.parse(slot.start) ? true : undefined));
    expect(await refusal(decide(client, id, visit.id, tech, 'company_reschedule', { reason: 'late' }))).toBe('Unprocessable');
    await decide(client, id, visit.id, tech, 'customer_absent', { arrivedAt: new Date().toISOString() });

    // A technical failure holds the case until a supervisor orders another visit.
    await book(id, 60);
    visit = await openTask(db, id, 'record_visit');
    await decide(client, id, visit.id, tech, 'technical_failure', { fault: 'no signal at the ONU' });
    await eventually('the hold', async () => ((await caseRow(id)).state === 'held' ? true : undefined));
    expect((await caseRow(id)).state_reason).toBe('technical_failure');
    const resolve = await openTask(db, id, 'resolve_technical_failure');
    await decide(client, id, resolve.id, supervisor, 'revisit', { note: 'port swapped' });

    // The visit: the technician may not sign, every checklist item is needed, text must be storable.
    await book(id, 25);
    visit = await openTask(db, id, 'record_visit');
    const done = { arrivedAt: new Date().toISOString(), checklist: { dropLineLaid: true, activationTestPassed: true }, signature: signed };
    expect(await refusal(decide(client, id, visit.id, tech, 'installed', { ...done, signature: { reference: 'S', signerName: 'tech-1' } }))).toBe('Unprocessable');
    expect(await refusal(decide(client, id, visit.id, tech, 'installed', { ...done, checklist: { dropLineLaid: true } }))).toBe('Unprocessable');
    expect(await refusal(decide(client, id, visit.id, tech, 'installed', { ...done, note: 'nul \u0000' }))).toBe('Unprocessable');
    await decide(client, id, visit.id, tech, 'installed', done);

    const result: CaseSnapshot = await handle.result();
    expect(result).toMatchObject({ state: 'completed', outcome: 'installed' });
    const timeline = await events(id);
    const kinds = timeline.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'appointment_booked')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'appointment_rebooked')).toHaveLength(3);
    expect(timeline.filter((e) => e.kind === 'appointment_rebooked').map((e) => e.detail.after)).toEqual([
      'company_reschedule',
      'customer_absent',
      'technical_failure',
    ]);
    // 25 minutes before the slot is outside the ±10 minutes of seed 002 L77.
    expect(timeline.find((e) => e.kind === 'visit_off_time')?.detail).toMatchObject({ attempt: 4 });
    const row = await caseRow(id);
    expect(row.data.visits).toHaveLength(4);
    expect(row.data).toMatchObject({ lateArrival: true, signedBy: '张三' });
  });
});

describe('appointment cancelled with the case', () => {
  it('records the cancelled appointment and tells the technician who was to come', async () => {
    const { id, handle } = await open('visitProbe');
    const slot = await book(id, 60);
    await openTask(db, id, 'record_visit');
    await handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'customer moved', actor: staff('clerk-1', 'frontoffice') }] });
    expect((await events(id)).find((e) => e.kind === 'appointment_cancelled')?.detail).toMatchObject({ slot, attempt: 1 });
    expect((await caseRow(id)).data).toMatchObject({ appointment: { slot, status: 'cancelled', technicianId: 'tech-1' } });
    const told = await db.selectFrom('notifications').select(['template', 'recipient']).where('case_id', '=', id).where('channel', '=', 'staff').execute();
    expect(told).toEqual([{ template: 'appointment_cancelled', recipient: 'staff:tech-1' }]);
  });

  it('is not cancelled once the visit took place', async () => {
    const { id, handle } = await open('visitProbe');
    await book(id, 60);
    await decide(client, id, (await openTask(db, id, 'record_visit')).id, tech, 'technical_failure', { fault: 'no signal' });
    await openTask(db, id, 'resolve_technical_failure');
    await handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'customer moved', actor: staff('clerk-1', 'frontoffice') }] });
    expect((await events(id)).map((e) => e.kind)).not.toContain('appointment_cancelled');
  });
});

describe('resource wait', () => {
  it('asks the planner again, due by the same wait, until the resource is free', async () => {
    const { id, handle } = await open('resourceProbe', { waitKey: 'new_install.resource_wait', freeAfter: 2 });
    const first = await openTask(db, id, 'plan_resource');
    expect(await caseRow(id)).toMatchObject({ state: 'held', stage: 'awaiting_resource', state_reason: 'no_resource' });
    await decide(client, id, first.id, supervisor, 'resource_added', {});
    const second = await eventually('another planner task', () =>
      db.selectFrom('tasks').selectAll().where('case_id', '=', id).where('state', '=', 'open').where('id', '!=', first.id).executeTakeFirst(),
    );
    expect(second.due_at).toEqual(first.due_at);
    await decide(client, id, second.id, supervisor, 'resource_added', { note: 'splitter added' });
    expect(await handle.result()).toMatchObject({ outcome: 'reserved' });
    expect((await caseRow(id)).data).toMatchObject({ result: { reservation: { port: 3 } } });
  });

  it('ends when the wait runs out, withdrawing the planner task', async () => {
    const { id, handle } = await open('resourceProbe', { waitKey: 'test.level', freeAfter: 99 });
    expect(await handle.result()).toMatchObject({ outcome: 'wait_expired' });
    expect(await db.selectFrom('tasks').select(['kind', 'state']).where('case_id', '=', id).execute()).toEqual([{ kind: 'plan_resource', state: 'cancelled' }]);
  });

  it('ends when the planner says none will come', async () => {
    const { id, handle } = await open('resourceProbe', { waitKey: 'new_install.resource_wait', freeAfter: 99 });
    await decide(client, id, (await openTask(db, id, 'plan_resource')).id, supervisor, 'no_resource', { reason: 'street closed to works' });
    expect(await handle.result()).toMatchObject({ outcome: 'no_resource' });
  });
});

describe('callback survey', () => {
  it('records the satisfaction; a survey overdue is missed', async () => {
    const answered = await open('callbackProbe', { slaKey: 'new_install.callback' });
    const task = await openTask(db, answered.id, 'callback_survey');
    expect(await refusal(decide(client, answered.id, task.id, agent, 'surveyed', { satisfaction: 6 }))).toBe('Unprocessable');
    await decide(client, answered.id, task.id, agent, 'surveyed', { satisfaction: 4 });
    expect(await answered.handle.result()).toMatchObject({ outcome: 'surveyed' });
    expect((await caseRow(answered.id)).data).toMatchObject({ survey: { outcome: 'surveyed', satisfaction: 4 } });

    const overdue = await open('callbackProbe', { slaKey: 'test.level' });
    expect(await overdue.handle.result()).toMatchObject({ outcome: 'survey_missed' });
    expect((await caseRow(overdue.id)).data).toMatchObject({ survey: { outcome: 'survey_missed', why: 'overdue' } });
  });
});

describe('a task beside the process', () => {
  it('answers its person at once and hands its decision over when the process asks', async () => {
    const { id, handle } = await open('besideProbe');
    const followUp = await openTask(db, id, 'note');
    await openTask(db, id, 'answer');
    const answered = await Promise.race([
      decide(client, id, followUp.id, staff('clerk-1', 'frontoffice'), 'done', { text: 'licence 9151' }).then(() => 'answered'),
      new Promise((r) => setTimeout(() => r('still waiting'), 10_000)),
    ]);
    expect(answered).toBe('answered');
    await decide(client, id, (await openTask(db, id, 'answer')).id, agent, 'answered');
    expect(await handle.result()).toMatchObject({ outcome: 'done' });
    expect((await caseRow(id)).data).toMatchObject({ decidedEarly: true, text: 'licence 9151' });
  });
});

describe('whole-case clocks', () => {
  it('act beside the process: jeopardy tells the supervisor, breach asks for an explanation', async () => {
    const { id, handle } = await open('clockActionsProbe', { policyKey: 'test.case' });
    const explain = await eventually('the breach task', () =>
      db.selectFrom('tasks').selectAll().where('case_id', '=', id).where('role', '=', 'supervisor').where('state', '=', 'open').executeTakeFirst(),
    );
    const told = await db.selectFrom('notifications').select(['template', 'recipient']).where('case_id', '=', id).execute();
    expect(told).toEqual([{ template: 'case_in_jeopardy', recipient: 'role:supervisor' }]);
    await decide(client, id, explain.id, supervisor, 'done', { text: 'storm' });
    await decide(client, id, (await openTask(db, id, 'note')).id, agent, 'done', { text: 'fixed' });
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'done' });
    expect((await caseRow(id)).data).toMatchObject({ explanation: 'storm' });
    const clock = await db.selectFrom('sla_clocks').selectAll().where('case_id', '=', id).where('clock_id', '=', 'test.case').executeTakeFirstOrThrow();
    expect(clock).toMatchObject({ jeopardy: true, breached: true, stopped_at: expect.any(Date) });
  });
});

describe('a clock started at an earlier instant', () => {
  it('counts from that instant: one whose time ran out before the case opened breaches at once', async () => {
    const startedAt = new Date(Date.now() - 3_600_000).toISOString();
    const { id, handle } = await open('backdatedClockProbe', { policyKey: 'test.case', startedAt });
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'breached' });
    const clock = await db.selectFrom('sla_clocks').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(clock).toMatchObject({ jeopardy: true, breached: true });
    expect(clock.started_at.toISOString()).toBe(startedAt);
    expect(clock.due_at.getTime()).toBe(Date.parse(startedAt) + 2000);
    expect((await caseRow(id)).data).toMatchObject({ breachSeen: true, dueAt: clock.due_at.toISOString() });
    expect((await events(id)).map((e) => e.kind)).toEqual(expect.arrayContaining(['sla_jeopardy', 'sla_breached', 'breach_seen']));
  });
});

describe('escalation chain', () => {
  it('moves up one level each time a level lapses, tells the lapsed holder, and waits at the top', async () => {
    const { id, handle } = await open('escalationProbe', { slaKey: 'test.level' });
    const top = await eventually('the top level', () =>
      db.selectFrom('tasks').selectAll().where('case_id', '=', id).where('role', '=', 'general_manager').where('state', '=', 'open').executeTakeFirst(),
    );
    const tasks = await db.selectFrom('tasks').select(['role', 'state']).where('case_id', '=', id).orderBy('created_at').execute();
    expect(tasks).toEqual([
      { role: 'supervisor', state: 'escalated' },
      { role: 'branch_leader', state: 'escalated' },
      { role: 'general_manager', state: 'open' },
    ]);
    const told = await db.selectFrom('notifications').select(['template', 'recipient']).where('case_id', '=', id).orderBy('id').execute();
    expect(told).toEqual([
      { template: 'task_overdue', recipient: 'role:supervisor' },
      { template: 'task_overdue', recipient: 'role:branch_leader' },
    ]);
    await decide(client, id, top.id, staff('gm-1', 'general_manager'), 'answered');
    await handle.result();
    expect((await caseRow(id)).data).toMatchObject({ answeredAt: 3, by: 'general_manager', levels: ['supervisor', 'branch_leader', 'general_manager'] });
  });
});

describe('compensation', () => {
  it('undoes the steps newest first when the case is cancelled', async () => {
    const { id, handle } = await open('sagaProbe');
    await openTask(db, id, 'answer');
    await handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'customer changed their mind', actor: staff('clerk-1', 'frontoffice') }] });
    expect(await handle.result()).toMatchObject({ state: 'cancelled', stateReason: 'customer changed their mind' });
    const released = (await events(id)).filter((e) => e.kind === 'released').map((e) => e.detail.step);
    expect(released).toEqual(['prepayment', 'port', 'appointment']);
    expect((await db.selectFrom('tasks').select('state').where('case_id', '=', id).executeTakeFirstOrThrow()).state).toBe('cancelled');
  });
});

describe('a step that cannot succeed', () => {
  it('fails the case at once with the reason instead of retrying for ever', async () => {
    const started = Date.now();
    const { id, handle } = await open('dataErrorProbe');
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await caseRow(id)).toMatchObject({ state: 'failed', outcome: 'failed', state_reason: expect.stringContaining('database refused the data') });
  });
});

describe('child cases', () => {
  it('start under their parent, are visible as such, and report their result', async () => {
    const { id, handle } = await open('parentProbe');
    const child = await eventually('the child', () => db.selectFrom('cases').selectAll().where('parent_id', '=', id).executeTakeFirst());
    expect(child.data).toMatchObject({ parentCaseId: id });
    // The child may write its row before the parent records it: wait for the parent's record.
    await eventually('the parent to record its child', async () => ((await caseRow(id)).data.childCases ? true : undefined));
    expect((await caseRow(id)).data).toMatchObject({ childCases: [{ id: child.id, type: 'fault_repair' }] });
    await decide(client, child.id, (await openTask(db, child.id, 'answer')).id, agent, 'answered');
    expect(await handle.result()).toMatchObject({ outcome: 'child_done' });
    expect((await caseRow(id)).data).toMatchObject({ child: { id: child.id, outcome: 'answered' } });
  });

  it('are cancelled with their parent', async () => {
    const { id, handle } = await open('parentProbe');
    const child = await eventually('the child', () => db.selectFrom('cases').selectAll().where('parent_id', '=', id).executeTakeFirst());
    await openTask(db, child.id, 'answer');
    await handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'withdrawn', actor: staff('clerk-1', 'frontoffice') }] });
    expect(await handle.result()).toMatchObject({ state: 'cancelled' });
    expect(await client.workflow.getHandle(child.id).result()).toMatchObject({ state: 'cancelled', stateReason: `the case ${id} was cancelled` });
  });

  it('past their point of no return keep their parent from being cancelled while they run', async () => {
    const { id, handle } = await open('parentProbe', { committed: true });
    const child = await eventually('the child', () => db.selectFrom('cases').selectAll().where('parent_id', '=', id).executeTakeFirst());
    await eventually('the parent to learn of it', async () => ((await handle.query(caseStatusQuery)).cancellable ? undefined : true));
    const refused = handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'withdrawn', actor: staff('clerk-1', 'frontoffice') }] });
    expect(await refusal(refused)).toBe('Conflict');
    await decide(client, child.id, (await openTask(db, child.id, 'answer')).id, agent, 'answered');
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'child_done' });
  });
});

describe('clock actions before closing', () => {
  it('a process that waits for them closes only once the breach is explained', async () => {
    const { id, handle } = await open('clockActionsDoneProbe', { policyKey: 'test.case' });
    const explain = await openTask(db, id, 'note');
    // The process has long finished its own work; the explanation is all that holds it.
    await eventually('the process to be waiting', async () => ((await events(id)).some((e) => e.kind === 'sla_breached') ? true : undefined));
    await new Promise((r) => setTimeout(r, 3000));
    expect((await caseRow(id)).state).toBe('inProgress');
    await decide(client, id, explain.id, supervisor, 'done', { text: 'storm' });
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'done' });
    expect((await caseRow(id)).data).toMatchObject({ explanation: 'storm' });
  });
});
