import { describe, expect, it } from 'vitest';
import { builtInPayments } from '../../src/adapters/payments';
import { INSTALL_CHECKLIST, type NewInstallInput } from '../../src/processes/new-install';
import { refusalOf } from '../../src/temporal/cases';
import { CUSTOM_SEARCH_ATTRIBUTES } from '../../src/temporal/search-attributes';
import { AdapterRefusal } from '../../src/adapters/errors';
import { cancelCaseUpdate } from '../../workflows/lib/messages';
import { newInstallFields, nonLocalSme, uniqueAddress } from '../fixtures/new-install';
import { loadPorts, portsOf } from '../support/bss';
import { failsOnceAfterwards } from '../support/flaky';
import { decide, eventually, openCase, openTask, seedCustomer, staff, withSla } from '../support/cases';
import { bookVisit, caller, finishedVisitData, planner, recordVisit, surveyCustomer, technician } from '../support/visits';
import { startTestWorker, useTestWorker } from '../support/worker';

const { db, client, worker } = useTestWorker();

const clerk = staff('clerk-1', 'frontoffice');
const supervisor = staff('sup-1', 'supervisor');

/**
 * Opens a new install at an address of its own with `ports` free ports
 * (none: the resource wait), for a fresh customer unless one is given.
 */
async function install(
  overrides: Partial<NewInstallInput> = {},
  { ports = 1, customerId, taskQueue = worker.taskQueue }: { ports?: number; customerId?: string; taskQueue?: string } = {},
) {
  const installAddress = overrides.installAddress ?? uniqueAddress();
  if (ports > 0) await loadPorts(db, installAddress.text, ports);
  const customer = customerId ?? (await seedCustomer(db));
  const start = await openCase(client, db, taskQueue, 'new_install', customer, newInstallFields({ installAddress, ...overrides }));
  return { ...start, address: installAddress.text, handle: client.workflow.getHandle(start.id) };
}

const caseRow = (id: string) => db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (id: string) => db.selectFrom('case_events').select(['kind', 'detail', 'actor']).where('case_id', '=', id).orderBy('id').execute();
const kinds = async (id: string) => (await events(id)).map((e) => e.kind);
const sent = (id: string) => db.selectFrom('notifications').select(['template', 'recipient']).where('case_id', '=', id).orderBy('id').execute();
const tasksOf = (id: string) => db.selectFrom('tasks').select(['kind', 'role', 'state']).where('case_id', '=', id).orderBy('created_at').execute();
const refusal = (p: Promise<unknown>) => p.then(() => undefined, (err) => refusalOf(err)?.refusal);
const inState = (id: string, state: string, stage?: string) =>
  eventually(`${id} ${state} ${stage ?? ''}`, async () => {
    const row = await caseRow(id);
    return row.state === state && (stage === undefined || row.stage === stage) ? row : undefined;
  });

/** Books, visits on time with the full checklist and the customer's signature. */
async function installOnTime(id: string) {
  const slot = await bookVisit(client, db, id);
  await recordVisit(client, db, id, 'installed', finishedVisitData(INSTALL_CHECKLIST, slot));
  return slot;
}

describe('acceptance gates (seed 000 L217-L219)', () => {
  it('arrears_outstanding: a customer in arrears is rejected; no port is held, no task opened', async () => {
    const { id, handle } = await install({}, { customerId: await seedCustomer(db, { arrearsFen: 3000 }) });
    expect(await handle.result()).toMatchObject({ state: 'rejected', stateReason: 'arrears_outstanding' });
    expect(await portsOf(db, id)).toEqual([]);
    expect(await tasksOf(id)).toEqual([]);
  });

  it('prepayment_required: an SME with only a non-local ID and nothing prestored is rejected', async () => {
    const { handle } = await install({ identity: nonLocalSme });
    expect(await handle.result()).toMatchObject({ state: 'rejected', stateReason: 'prepayment_required' });
  });

  it('an SME with only a non-local ID is accepted with six months of the package fee prestored, or on prepaid service', async () => {
    const short = await install({ identity: nonLocalSme, monthlyFeeFen: 10000, prepayment: { amountFen: 59999, reference: 'RCPT-1' } });
    expect(await short.handle.result()).toMatchObject({ state: 'rejected', stateReason: 'prepayment_required' });
    const prestored = await install({ identity: nonLocalSme, monthlyFeeFen: 10000, prepayment: { amountFen: 60000, reference: 'RCPT-2' } });
    const prepaid = await install({ identity: nonLocalSme, billing: 'prepaid' });
    for (const { id } of [prestored, prepaid]) expect(await openTask(db, id, 'book_appointment')).toMatchObject({ role: 'technician' });
  });

  it('business_licence_required: a company with neither its licence nor the name pre-approval notice is rejected', async () => {
    const { handle } = await install({ identity: { applicant: 'corporate', idDocument: { type: 'resident_id', number: '510107199001011234', local: true } } });
    expect(await handle.result()).toMatchObject({ state: 'rejected', stateReason: 'business_licence_required' });
  });

  it('a company on its name pre-approval notice is installed; the order completes once the licence is on record', async () => {
    const identity = { applicant: 'corporate', idDocument: { type: 'resident_id', number: '510107199001011234', local: true }, namePreApprovalNotice: { number: 'NPA-2026-88' } } as const;
    const { id, handle } = await install({ identity });
    const followUp = await openTask(db, id, 'complete_identity_record');
    expect(followUp).toMatchObject({ role: 'frontoffice', data: { identity } });
    await installOnTime(id);
    await surveyCustomer(client, db, id);
    await inState(id, 'pending', 'awaiting_identity_record');
    await decide(client, id, followUp.id, clerk, 'completed', { businessLicenceNumber: '91510100MA6C000000' });
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'installed' });
    expect((await caseRow(id)).data).toMatchObject({ identityRecord: { businessLicence: '91510100MA6C000000' } });
  });

  it('the licence brought early answers the clerk at once, and the order does not wait for it', async () => {
    const identity = { applicant: 'corporate', idDocument: { type: 'resident_id', number: '510107199001011234', local: true }, namePreApprovalNotice: { number: 'NPA-2026-89' } } as const;
    const { id, handle } = await install({ identity });
    const followUp = await openTask(db, id, 'complete_identity_record');
    await decide(client, id, followUp.id, clerk, 'completed', { businessLicenceNumber: '91510100MA6C000001' });
    await installOnTime(id);
    await surveyCustomer(client, db, id);
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'installed' });
    expect((await events(id)).filter((e) => e.kind === 'state_changed').map((e) => e.detail.stage)).not.toContain('awaiting_identity_record');
  });
});

describe('an install from port to callback', () => {
  it('reserves a port, books within the contact clock, visits, activates the line, starts billing, credits the prestore and surveys', async () => {
    const { id, handle, customerId } = await install({ prepayment: { amountFen: 59400, reference: 'RCPT-9' } });
    const booking = await openTask(db, id, 'book_appointment');
    expect(booking).toMatchObject({ role: 'technician', due_at: expect.any(Date) });
    expect(await portsOf(db, id)).toEqual([{ status: 'reserved', service_id: null }]);
    const slot = await installOnTime(id);
    const survey = await openTask(db, id, 'callback_survey');
    expect(survey).toMatchObject({ role: 'agent', due_at: expect.any(Date) });
    await decide(client, id, survey.id, caller, 'surveyed', { satisfaction: 4, comment: '师傅很专业' });
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'installed' });

    const row = await caseRow(id);
    const serviceId = `svc_${id.slice(4)}`;
    expect(row.data).toMatchObject({
      service: { id: serviceId, number: expect.stringMatching(/^028\d{8}$/) },
      installation: { slot, signedBy: '李四' },
      survey: { outcome: 'surveyed', satisfaction: 4 },
    });
    expect(await portsOf(db, id)).toEqual([{ status: 'in_use', service_id: serviceId }]);
    const line = await db.selectFrom('services').selectAll().where('id', '=', serviceId).executeTakeFirstOrThrow();
    expect(line).toMatchObject({ customer_id: customerId, kind: 'broadband', status: 'active', region: 'urban', monthly_rent_fen: 9900 });
    const provisioning = await db.selectFrom('provisioning_actions').select('action').where('case_id', '=', id).orderBy('at').execute();
    expect(provisioning.map((a) => a.action)).toEqual(['activate', 'start_billing']);
    const credits = await db.selectFrom('billing_entries').select(['kind', 'amount_fen']).where('case_id', '=', id).execute();
    expect(credits).toEqual([{ kind: 'credit', amount_fen: 59400 }]);
    expect(await db.selectFrom('payments').select('id').where('case_id', '=', id).execute()).toEqual([]);

    const stages = (await events(id)).filter((e) => e.kind === 'state_changed').map((e) => e.detail.stage);
    expect(stages).toEqual(['awaiting_appointment', 'visit', 'activation', 'callback', 'done']);
    expect(await kinds(id)).toEqual(expect.arrayContaining(['port_reserved', 'appointment_booked', 'visit_recorded', 'service_activated', 'survey_recorded']));
    expect((await sent(id)).map((n) => n.template)).toEqual(['appointment_booked', 'service_activated']);
    const clock = await db.selectFrom('sla_clocks').selectAll().where('case_id', '=', id).where('clock_id', '=', 'new_install.complete.urban').executeTakeFirstOrThrow();
    expect(clock).toMatchObject({ breached: false, stopped_at: expect.any(Date) });
  });

  it('a rural install runs on the rural whole-order clock; a missed callback closes it as survey_missed', async () => {
    const { id, handle } = await install({ installAddress: uniqueAddress('rural') });
    await installOnTime(id);
    const survey = await openTask(db, id, 'callback_survey');
    await decide(client, id, survey.id, caller, 'unreachable', { attempts: 3 });
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'survey_missed' });
    const clocks = await db.selectFrom('sla_clocks').select('policy_key').where('case_id', '=', id).execute();
    expect(clocks.map((c) => c.policy_key)).toContain('new_install.complete.rural');
  });

  it('a callback not made by new_install.callback is missed', async () => {
    const restore = await withSla(db, 'new_install.callback', 'PT2S');
    try {
      const { id, handle } = await install();
      await installOnTime(id);
      expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'survey_missed' });
      expect((await caseRow(id)).data).toMatchObject({ survey: { outcome: 'survey_missed', why: 'overdue' } });
      expect(await tasksOf(id)).toEqual(expect.arrayContaining([{ kind: 'callback_survey', role: 'agent', state: 'cancelled' }]));
    } finally {
      await restore();
    }
  });
});

describe('no resource at the address (§1 step 1)', () => {
  it('holds the order awaiting_resource for a planner; capacity added, it goes on', async () => {
    const { id, address } = await install({}, { ports: 0 });
    const plan = await openTask(db, id, 'plan_resource');
    expect(plan).toMatchObject({ role: 'supervisor', due_at: expect.any(Date) });
    expect(await caseRow(id)).toMatchObject({ state: 'held', stage: 'awaiting_resource', state_reason: 'no_resource' });

    // Added nothing yet: the planner is asked again, due by the same wait.
    await decide(client, id, plan.id, planner, 'resource_added', {});
    const again = await eventually('a second planner task', () =>
      db.selectFrom('tasks').selectAll().where('case_id', '=', id).where('kind', '=', 'plan_resource').where('state', '=', 'open').executeTakeFirst(),
    );
    expect(again.id).not.toBe(plan.id);
    expect(again.due_at).toEqual(plan.due_at);
    await loadPorts(db, address, 2);
    await decide(client, id, again.id, planner, 'resource_added', { note: 'splitter added' });
    expect(await openTask(db, id, 'book_appointment')).toBeDefined();
    expect(await portsOf(db, id)).toEqual([{ status: 'reserved', service_id: null }]);
    const wait = await db.selectFrom('sla_clocks').selectAll().where('case_id', '=', id).where('policy_key', '=', 'new_install.resource_wait').executeTakeFirstOrThrow();
    expect(wait).toMatchObject({ breached: false, stopped_at: expect.any(Date) });
  });

  it('the planner finds none: the order is cancelled, the prestore paid back and the customer told', async () => {
    const { id, handle } = await install({ prepayment: { amountFen: 10000, reference: 'RCPT-3' } }, { ports: 0 });
    await decide(client, id, (await openTask(db, id, 'plan_resource')).id, planner, 'no_resource', { reason: 'no fibre in this street until 2027' });
    expect(await handle.result()).toMatchObject({ state: 'cancelled', stateReason: 'no_resource' });
    expect(await db.selectFrom('payments').select(['amount_fen', 'idempotency_key']).where('case_id', '=', id).execute()).toEqual([
      { amount_fen: 10000, idempotency_key: `${id}:prepayment_refund` },
    ]);
    expect(await sent(id)).toEqual([{ template: 'case_cancelled', recipient: '13812345678' }]);
  });

  it('gives up after new_install.resource_wait: cancelled, the planner task withdrawn, the customer told', async () => {
    const restore = await withSla(db, 'new_install.resource_wait', 'PT2S');
    try {
      const { id, handle } = await install({}, { ports: 0 });
      expect(await handle.result()).toMatchObject({ state: 'cancelled', stateReason: 'resource_wait_expired' });
      expect(await tasksOf(id)).toEqual([{ kind: 'plan_resource', role: 'supervisor', state: 'cancelled' }]);
      expect(await kinds(id)).toEqual(expect.arrayContaining(['sla_jeopardy', 'sla_breached', 'notification_sent']));
      expect((await sent(id)).map((n) => n.template)).toEqual(['case_cancelled']);
      expect(await portsOf(db, id)).toEqual([]);
    } finally {
      await restore();
    }
  });
});

describe('appointment and visit (seed 002 L77-L78, L89)', () => {
  it('rebooks after the customer was absent and after a company reschedule, records an off-time arrival, holds on a technical failure', async () => {
    const { id, handle } = await install();
    // Absent: the customer is contacted, and the slot booked again.
    let slot = await bookVisit(client, db, id);
    await recordVisit(client, db, id, 'customer_absent', { arrivedAt: slot.start });
    // The company moves the visit with notice, before the slot starts.
    await bookVisit(client, db, id, 60);
    await recordVisit(client, db, id, 'company_reschedule', { reason: 'the van broke down' });
    // A slot that has begun cannot be rescheduled by the company.
    slot = await bookVisit(client, db, id, 0.02);
    await eventually('the slot to start', async () => (Date.now() > Date.parse(slot.start) ? true : undefined));
    const started = await openTask(db, id, 'record_visit');
    expect(await refusal(decide(client, id, started.id, technician, 'company_reschedule', { reason: 'too late' }))).toBe('Unprocessable');
    // A technical failure holds the order for a supervisor, who sends the technician again.
    await decide(client, id, started.id, technician, 'technical_failure', { arrivedAt: new Date().toISOString(), fault: 'no light at the ONU' });
    await inState(id, 'held', 'technical_hold');
    expect((await caseRow(id)).state_reason).toBe('technical_failure');
    await decide(client, id, (await openTask(db, id, 'resolve_technical_failure')).id, supervisor, 'revisit', { note: 'drop cable replaced' });
    // Arriving 25 minutes before the slot is outside ±10 minutes: recorded on the visit and the order.
    slot = await bookVisit(client, db, id, 25);
    const visit = await openTask(db, id, 'record_visit');
    const done = { ...finishedVisitData(INSTALL_CHECKLIST, slot), arrivedAt: new Date().toISOString() };
    expect(await refusal(decide(client, id, visit.id, technician, 'installed', { ...done, signature: { reference: 'S', signerName: technician.sub } }))).toBe('Unprocessable');
    await decide(client, id, visit.id, technician, 'installed', done);
    await surveyCustomer(client, db, id);
    expect(await handle.result()).toMatchObject({ outcome: 'installed' });

    const timeline = await events(id);
    expect(timeline.filter((e) => e.kind === 'appointment_rebooked').map((e) => e.detail.after)).toEqual(['customer_absent', 'company_reschedule', 'technical_failure']);
    expect(timeline.find((e) => e.kind === 'visit_off_time')?.detail).toMatchObject({ attempt: 4, minutesLate: expect.any(Number) });
    const row = await caseRow(id);
    expect(row.data).toMatchObject({ lateArrival: true });
    expect((row.data.visits as unknown[]).length).toBe(4);
    expect((await sent(id)).map((n) => n.template)).toEqual(expect.arrayContaining(['visit_customer_absent', 'visit_company_reschedule']));
  });

  it('a supervisor who gives the order up after a failed visit cancels it and releases the port', async () => {
    const { id, handle } = await install();
    await bookVisit(client, db, id);
    await recordVisit(client, db, id, 'technical_failure', { fault: 'the building forbids new cables' });
    await decide(client, id, (await openTask(db, id, 'resolve_technical_failure')).id, supervisor, 'abandon', { reason: 'no way into the building' });
    expect(await handle.result()).toMatchObject({ state: 'cancelled', stateReason: 'no way into the building' });
    expect(await portsOf(db, id)).toEqual([{ status: 'released', service_id: null }]);
  });
});

describe('cancellation', () => {
  it('before activation cancels the appointment, releases the port and pays the prestore back once, even when the payment is retried', async () => {
    const refund = failsOnceAfterwards(builtInPayments(db).refund, 'connection reset after the provider paid');
    const flaky = await startTestWorker({ adapters: { payments: { refund: refund.call } } });
    try {
      const { id, handle } = await install({ prepayment: { amountFen: 30000, reference: 'RCPT-4' } }, { taskQueue: flaky.taskQueue });
      const slot = await bookVisit(client, db, id);
      await openTask(db, id, 'record_visit');
      const snapshot = await handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'customer moved away', actor: clerk }] });
      expect(snapshot).toMatchObject({ state: 'cancelled', stateReason: 'customer moved away' });
      expect(await handle.result()).toMatchObject({ state: 'cancelled' });

      expect(await portsOf(db, id)).toEqual([{ status: 'released', service_id: null }]);
      expect(refund.calls).toBe(2);
      expect(await db.selectFrom('payments').select(['amount_fen', 'idempotency_key']).where('case_id', '=', id).execute()).toEqual([
        { amount_fen: 30000, idempotency_key: `${id}:prepayment_refund` },
      ]);
      const timeline = await events(id);
      expect(timeline.find((e) => e.kind === 'appointment_cancelled')?.detail).toMatchObject({ slot, attempt: 1 });
      expect((await caseRow(id)).data).toMatchObject({ appointment: { status: 'cancelled' }, prepaymentRefund: { amountFen: 30000 } });
      expect(await sent(id)).toEqual(
        expect.arrayContaining([
          { template: 'appointment_cancelled', recipient: `staff:${technician.sub}` },
          { template: 'case_cancelled', recipient: '13812345678' },
        ]),
      );
      // Undone newest first: the appointment, then the port, then the money.
      const undone = timeline.map((e) => e.kind).filter((k) => ['appointment_cancelled', 'prepayment_refunded'].includes(k));
      expect(undone).toEqual(['appointment_cancelled', 'prepayment_refunded']);
      expect(await tasksOf(id)).toEqual(expect.arrayContaining([{ kind: 'record_visit', role: 'technician', state: 'cancelled' }]));
    } finally {
      await flaky.stop();
    }
  });

  it('after activation is refused (past the point of no return); the order completes', async () => {
    const { id, handle } = await install();
    await installOnTime(id);
    await openTask(db, id, 'callback_survey');
    const late = handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'changed my mind', actor: clerk }] });
    expect(await refusal(late)).toBe('Conflict');
    await surveyCustomer(client, db, id);
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'installed' });
    expect(await portsOf(db, id)).toEqual([{ status: 'in_use', service_id: `svc_${id.slice(4)}` }]);
  });
});

describe('whole-order clock new_install.complete', () => {
  it('records jeopardy and breach and asks a supervisor to expedite the order', async () => {
    // Seconds on the continuous calendar, so the test does not depend on the day it runs.
    await db.updateTable('sla_policies').set({ duration: 'PT2S', calendar: 'continuous' }).where('key', '=', 'new_install.complete.urban').execute();
    try {
      const { id, handle } = await install();
      const expedite = await openTask(db, id, 'expedite_order');
      expect(expedite).toMatchObject({ role: 'supervisor' });
      expect(await kinds(id)).toEqual(expect.arrayContaining(['sla_jeopardy', 'sla_breached']));
      await decide(client, id, expedite.id, supervisor, 'expedited', { action: 'a second crew sent' });
      await installOnTime(id);
      await surveyCustomer(client, db, id);
      expect(await handle.result()).toMatchObject({ outcome: 'installed' });
      expect((await caseRow(id)).data).toMatchObject({ expedited: { action: 'a second crew sent', by: supervisor.sub } });
      const clock = await db.selectFrom('sla_clocks').selectAll().where('case_id', '=', id).where('clock_id', '=', 'new_install.complete.urban').executeTakeFirstOrThrow();
      expect(clock).toMatchObject({ jeopardy: true, breached: true });
    } finally {
      await db.updateTable('sla_policies').set({ duration: 'P3D', calendar: 'working' }).where('key', '=', 'new_install.complete.urban').execute();
    }
  });
});

describe('a step that fails for good', () => {
  it('fails the order with the reason and releases the port', async () => {
    const refusing = await startTestWorker({
      adapters: {
        notifications: {
          async send(message) {
            if (message.template === 'appointment_booked') throw new AdapterRefusal('sms', 'number barred');
          },
        },
      },
    });
    try {
      const { id, handle } = await install({}, { taskQueue: refusing.taskQueue });
      await bookVisit(client, db, id);
      await expect(handle.result()).rejects.toThrow();
      expect(await caseRow(id)).toMatchObject({ state: 'failed', state_reason: 'sms refused: number barred' });
      expect(await portsOf(db, id)).toEqual([{ status: 'released', service_id: null }]);
    } finally {
      await refusing.stop();
    }
  });
});

describe('personal data', () => {
  it('never reaches the search attributes', async () => {
    const { handle } = await install();
    await openTask(db, handle.workflowId, 'book_appointment');
    const { searchAttributes } = await handle.describe();
    const allowed = CUSTOM_SEARCH_ATTRIBUTES.map((k) => k.name);
    const custom = Object.keys(searchAttributes).filter((k) => !k.startsWith('Temporal') && !['BuildIds', 'BinaryChecksums'].includes(k));
    expect(custom.every((k) => allowed.includes(k))).toBe(true);
    expect(JSON.stringify(searchAttributes)).not.toMatch(/13987654321|510107199001011234|人民南路/);
    await handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'test over', actor: clerk }] });
  });
});
