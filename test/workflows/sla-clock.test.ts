import { beforeAll, describe, expect, it } from 'vitest';
import { insertCaseRecord } from '../../src/store/cases';
import { caseStart, seedCustomer } from '../support/cases';
import { useTestWorker } from '../support/worker';
import type { ClockProbe } from './fixtures/clock-probe';

const { db, client, worker } = useTestWorker({ workflows: new URL('./fixtures/clock-probe.ts', import.meta.url) });

beforeAll(async () => {
  await db
    .insertInto('sla_policies')
    .values([
      { key: 'test.pausing', duration: 'PT3S', calendar: 'continuous', jeopardy_ratio: 0.5, pause_when_pending: true },
      { key: 'test.running', duration: 'PT3S', calendar: 'continuous', jeopardy_ratio: 0.5, pause_when_pending: false },
    ])
    .execute();
});

async function runProbe(policyKey: string) {
  const start = caseStart<ClockProbe>('fault_repair', await seedCustomer(db), { policyKey, runMs: 500, pendingMs: 2000 });
  await insertCaseRecord(db, start);
  await client.workflow.execute('clockProbe', { workflowId: start.id, taskQueue: worker.taskQueue, args: [start] });
  const clock = await db.selectFrom('sla_clocks').selectAll().where('case_id', '=', start.id).executeTakeFirstOrThrow();
  const events = await db.selectFrom('case_events').select(['kind', 'at']).where('case_id', '=', start.id).orderBy('id').execute();
  const at = (kind: string) => events.find((e) => e.kind === kind)?.at.getTime();
  return { clock, events: events.map((e) => e.kind), at, startedAt: clock.started_at.getTime() };
}

describe('SLA clock', () => {
  it('marks jeopardy at the policy ratio and breach at the due time, and gives back time pending on the customer', async () => {
    const { clock, events, at, startedAt } = await runProbe('test.pausing');
    // 3 s of policy time plus the 2 s the case waited on the customer.
    expect(clock.due_at.getTime() - startedAt).toBeGreaterThanOrEqual(4900);
    expect(clock.due_at.getTime() - startedAt).toBeLessThan(6000);
    expect(clock.breached).toBe(true);
    expect(clock.jeopardy).toBe(true);
    expect(events).toEqual(expect.arrayContaining(['sla_jeopardy', 'sla_breached']));
    expect(at('sla_breached')! - startedAt).toBeGreaterThanOrEqual(4900);
    expect(at('sla_jeopardy')!).toBeLessThan(at('sla_breached')!);
  });

  it('keeps running while pending when its policy says so', async () => {
    const { clock, at, startedAt } = await runProbe('test.running');
    expect(clock.due_at.getTime() - startedAt).toBe(3000);
    expect(at('sla_breached')! - startedAt).toBeGreaterThanOrEqual(3000);
    expect(at('sla_breached')! - startedAt).toBeLessThan(4500);
  });
});
