/** Fault repair as the child case of another (a complaint starts one), reporting its result to the parent. */
import { describe, expect, it } from 'vitest';
import { insertCaseRecord } from '../../src/store/cases';
import { faultRepairFields, seedService } from '../fixtures/fault-repair';
import { faultRepairSteps } from '../support/fault-repair';
import { caseStart, eventually, seedCustomer } from '../support/cases';
import { useTestWorker } from '../support/worker';

const { db, client, worker } = useTestWorker({ workflows: new URL('./fixtures/fault-repair-parent.ts', import.meta.url) });

describe('fault repair as a child case', () => {
  it('runs under its parent, for the parent’s customer, and reports its result', async () => {
    const customerId = await seedCustomer(db);
    const serviceId = await seedService(db, customerId, { lineTest: 'needs_visit' });
    // The complaint passes on when the customer first reported the fault.
    const reportedAt = new Date(Date.now() - 3_600_000).toISOString();
    const parent = caseStart('complaint', customerId, faultRepairFields({ serviceId, reportedAt }));
    await insertCaseRecord(db, parent);
    const handle = await client.workflow.start('faultRepairParent', { workflowId: parent.id, taskQueue: worker.taskQueue, args: [parent] });

    const child = await eventually('the repair', () => db.selectFrom('cases').selectAll().where('parent_id', '=', parent.id).executeTakeFirst());
    expect(child).toMatchObject({ type: 'fault_repair', kind: 'order', customer_id: customerId, data: expect.objectContaining({ serviceId, parentCaseId: parent.id }) });
    const steps = faultRepairSteps(client, db);
    await steps.book(child.id);
    await steps.visit(child.id, 'restored');
    await steps.confirm(child.id);
    await steps.survey(child.id);

    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'repair_restored' });
    const parentRow = await db.selectFrom('cases').selectAll().where('id', '=', parent.id).executeTakeFirstOrThrow();
    expect(parentRow.data).toMatchObject({
      childCases: [{ id: child.id, type: 'fault_repair' }],
      repair: { id: child.id, type: 'fault_repair', state: 'completed', outcome: 'restored' },
    });
    // The child's promise runs from the customer's report, not from when the child was opened.
    const clock = await db.selectFrom('sla_clocks').selectAll().where('case_id', '=', child.id).executeTakeFirstOrThrow();
    expect(clock.started_at.toISOString()).toBe(reportedAt);
    expect(child.created_at.getTime()).toBeGreaterThan(Date.parse(reportedAt));
  });
});
