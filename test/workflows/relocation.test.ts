import { describe, expect, it } from 'vitest';
import { RELOCATION_CHECKLIST, type RelocationInput } from '../../src/processes/relocation';
import { refusalOf } from '../../src/temporal/cases';
import { cancelCaseUpdate } from '../../workflows/lib/messages';
import { uniqueAddress } from '../fixtures/new-install';
import { relocationFields } from '../fixtures/relocation';
import { loadPorts, portInUse, portsOf, seedService } from '../support/bss';
import { decide, eventually, openCase, openTask, seedCustomer, staff, withSla } from '../support/cases';
import { bookVisit, finishedVisitData, planner, recordVisit, surveyCustomer } from '../support/visits';
import { useTestWorker } from '../support/worker';

const { db, client, worker } = useTestWorker();

const clerk = staff('clerk-1', 'frontoffice');
const supervisor = staff('sup-1', 'supervisor');
const OLD_ADDRESS = '成都市锦江区春熙路1号';

/** A customer's line moving to an address of its own with `ports` free ports. */
async function relocate(
  overrides: Partial<RelocationInput> = {},
  { ports = 1, arrearsFen = 0, numberChangeBlocked = false }: { ports?: number; arrearsFen?: number; numberChangeBlocked?: boolean } = {},
) {
  const customerId = await seedCustomer(db, { arrearsFen });
  const serviceId = await seedService(db, customerId, { address: OLD_ADDRESS, number: '02887654321', numberChangeBlocked });
  const newAddress = overrides.newAddress ?? uniqueAddress();
  if (ports > 0) await loadPorts(db, newAddress.text, ports);
  const start = await openCase(client, db, worker.taskQueue, 'relocation', customerId, relocationFields({ serviceId, newAddress, ...overrides }));
  return { ...start, serviceId, newAddress, handle: client.workflow.getHandle(start.id) };
}

const line = (id: string) => db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const caseRow = (id: string) => db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const kinds = async (id: string) => (await db.selectFrom('case_events').select('kind').where('case_id', '=', id).orderBy('id').execute()).map((e) => e.kind);

async function moveOnTime(id: string) {
  const slot = await bookVisit(client, db, id);
  await recordVisit(client, db, id, 'relocated', finishedVisitData(RELOCATION_CHECKLIST, slot));
}

describe('gates (seed 000 L228-L229)', () => {
  it('arrears_outstanding: a customer in arrears is rejected and nothing is held', async () => {
    const { id, handle } = await relocate({}, { arrearsFen: 500 });
    expect(await handle.result()).toMatchObject({ state: 'rejected', stateReason: 'arrears_outstanding' });
    expect(await portsOf(db, id)).toEqual([]);
  });

  it('number_change_blocked: a line that moved keeping its number cannot take a new one', async () => {
    const { handle } = await relocate({ keepNumber: false }, { numberChangeBlocked: true });
    expect(await handle.result()).toMatchObject({ state: 'rejected', stateReason: 'number_change_blocked' });
  });
});

describe('the move', () => {
  it('keeping the number: the address changes only when the visit succeeds, and the line may never change number', async () => {
    const { id, handle, serviceId, newAddress } = await relocate({ keepNumber: true });
    const oldPort = await portInUse(db, serviceId, OLD_ADDRESS);
    const booking = await openTask(db, id, 'book_appointment');
    expect(booking.data).toMatchObject({ previousAddress: OLD_ADDRESS, newAddress, keepNumber: true });
    const slot = await bookVisit(client, db, id);
    await openTask(db, id, 'record_visit');
    expect(await line(serviceId)).toMatchObject({ address: OLD_ADDRESS, number_change_blocked: false });
    expect(await oldPort()).toBe('in_use');
    await recordVisit(client, db, id, 'relocated', finishedVisitData(RELOCATION_CHECKLIST, slot));
    await surveyCustomer(client, db, id);
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'relocated' });

    expect(await line(serviceId)).toMatchObject({ address: newAddress.text, region: 'urban', number: '02887654321', number_change_blocked: true });
    expect(await portsOf(db, id)).toEqual([{ status: 'in_use', service_id: serviceId }]);
    // The port at the old address is free for the next customer there, only once the line has moved.
    expect(await oldPort()).toBe('released');
    expect((await caseRow(id)).data).toMatchObject({ previousAddress: OLD_ADDRESS, service: { number: '02887654321', numberChangeBlocked: true } });
    expect(await kinds(id)).toEqual(expect.arrayContaining(['port_reserved', 'appointment_booked', 'visit_recorded', 'service_relocated', 'survey_recorded']));
    const told = await db.selectFrom('notifications').select('template').where('case_id', '=', id).orderBy('id').execute();
    expect(told.map((n) => n.template)).toEqual(['appointment_booked', 'service_relocated']);
  });

  it('not keeping the number: a new number is assigned', async () => {
    const { id, handle, serviceId } = await relocate({ keepNumber: false, newAddress: uniqueAddress('rural') });
    await moveOnTime(id);
    await surveyCustomer(client, db, id);
    expect(await handle.result()).toMatchObject({ outcome: 'relocated' });
    const moved = await line(serviceId);
    expect(moved).toMatchObject({ region: 'rural', number_change_blocked: false });
    expect(moved.number).toMatch(/^028\d{8}$/);
    expect(moved.number).not.toBe('02887654321');
    const clocks = await db.selectFrom('sla_clocks').select('policy_key').where('case_id', '=', id).execute();
    expect(clocks.map((c) => c.policy_key)).toContain('relocation.complete.rural');
  });

  it('a technical failure holds the move; the address stays until a visit succeeds', async () => {
    const { id, handle, serviceId } = await relocate();
    await bookVisit(client, db, id);
    await recordVisit(client, db, id, 'technical_failure', { fault: 'no duct at the new address' });
    await decide(client, id, (await openTask(db, id, 'resolve_technical_failure')).id, supervisor, 'revisit', { note: 'duct laid' });
    expect((await line(serviceId)).address).toBe(OLD_ADDRESS);
    await moveOnTime(id);
    await surveyCustomer(client, db, id);
    expect(await handle.result()).toMatchObject({ outcome: 'relocated' });
  });
});

describe('no resource at the new address', () => {
  it('waits for a planner and gives up after relocation.resource_wait; the line stays where it was', async () => {
    const restore = await withSla(db, 'relocation.resource_wait', 'PT2S');
    try {
      const { id, handle, serviceId } = await relocate({}, { ports: 0 });
      expect(await openTask(db, id, 'plan_resource')).toMatchObject({ role: 'supervisor' });
      expect(await handle.result()).toMatchObject({ state: 'cancelled', stateReason: 'resource_wait_expired' });
      expect((await line(serviceId)).address).toBe(OLD_ADDRESS);
    } finally {
      await restore();
    }
  });

  it('goes on once the planner has added capacity', async () => {
    const { id, newAddress } = await relocate({}, { ports: 0 });
    const plan = await openTask(db, id, 'plan_resource');
    await loadPorts(db, newAddress.text, 1);
    await decide(client, id, plan.id, planner, 'resource_added', {});
    expect(await openTask(db, id, 'book_appointment')).toBeDefined();
    await client.workflow.getHandle(id).executeUpdate(cancelCaseUpdate, { args: [{ reason: 'test over', actor: clerk }] });
  });
});

describe('cancellation', () => {
  it('before the move cancels the appointment and releases the port; the line is untouched', async () => {
    const { id, handle, serviceId } = await relocate();
    await bookVisit(client, db, id);
    await openTask(db, id, 'record_visit');
    await handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'staying after all', actor: clerk }] });
    expect(await handle.result()).toMatchObject({ state: 'cancelled' });
    expect(await portsOf(db, id)).toEqual([{ status: 'released', service_id: null }]);
    expect(await kinds(id)).toContain('appointment_cancelled');
    expect(await line(serviceId)).toMatchObject({ address: OLD_ADDRESS, number: '02887654321', number_change_blocked: false });
  });

  it('after the move is refused (409)', async () => {
    const { id, handle } = await relocate();
    await moveOnTime(id);
    await openTask(db, id, 'callback_survey');
    const refused = await handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'too late', actor: clerk }] }).then(
      () => undefined,
      (err) => refusalOf(err)?.refusal,
    );
    expect(refused).toBe('Conflict');
    await surveyCustomer(client, db, id);
    expect(await handle.result()).toMatchObject({ outcome: 'relocated' });
  });
});

describe('whole-order clock relocation.complete', () => {
  it('records jeopardy and breach and asks a supervisor to expedite', async () => {
    await db.updateTable('sla_policies').set({ duration: 'PT2S', calendar: 'continuous' }).where('key', '=', 'relocation.complete.urban').execute();
    try {
      const { id, handle } = await relocate();
      const expedite = await eventually('the expedite task', () =>
        db.selectFrom('tasks').selectAll().where('case_id', '=', id).where('kind', '=', 'expedite_order').executeTakeFirst(),
      );
      expect(expedite.role).toBe('supervisor');
      expect(await kinds(id)).toEqual(expect.arrayContaining(['sla_jeopardy', 'sla_breached']));
      await handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'test over', actor: clerk }] });
      // The order ended first: the expedite task is withdrawn with it.
      expect((await db.selectFrom('tasks').select('state').where('id', '=', expedite.id).executeTakeFirstOrThrow()).state).toBe('cancelled');
    } finally {
      await db.updateTable('sla_policies').set({ duration: 'P3D', calendar: 'working' }).where('key', '=', 'relocation.complete.urban').execute();
    }
  });
});
