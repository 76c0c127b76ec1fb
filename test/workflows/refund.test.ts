import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { builtInPayments } from '../../src/adapters/payments';
import type { Actor } from '../../src/domain/roles';
import { refusalOf } from '../../src/temporal/cases';
import { cancelCaseUpdate, type CaseSnapshot } from '../../workflows/lib/messages';
import type { RefundInput } from '../../src/processes/refund';
import { refundFields } from '../fixtures/refund';
import { decide as decideTask, openRefund, openTask, seedCustomer, staff, withPolicy, withSla } from '../support/cases';
import { startTestWorker, useTestWorker } from '../support/worker';

const { db, client, worker, restore } = useTestWorker();

const supervisor = staff('sup-1', 'supervisor');
const branchLeader = staff('bl-1', 'branch_leader');
const gm = staff('gm-1', 'general_manager');
/** A co-approval is completed by a supervisor of the department it names. */
const coApprover = (department: string) => ({ ...supervisor, dept: department });

async function refund(fields: Partial<RefundInput> = {}, customerId?: string, taskQueue = worker.taskQueue) {
  const customer = customerId ?? (await seedCustomer(db));
  const start = await openRefund(client, db, taskQueue, customer, refundFields(fields));
  return { ...start, handle: client.workflow.getHandle(start.id) };
}

const decide = (caseId: string, taskId: string, actor: Actor, outcome: string, data: Record<string, unknown> = {}) =>
  decideTask(client, caseId, taskId, actor, outcome, data);

async function approveNext(caseId: string, kind: string, actor: Actor) {
  const task = await openTask(db, caseId, kind);
  expect(actor.roles).toContain(task.role);
  return decide(caseId, task.id, actor, 'approve');
}

const caseRow = (id: string) => db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (id: string) => db.selectFrom('case_events').select(['kind', 'detail']).where('case_id', '=', id).orderBy('id').execute();
const paymentsOf = (id: string) => db.selectFrom('payments').selectAll().where('case_id', '=', id).execute();

describe('refund approval levels', () => {
  it.each([
    [5000, 'supervisor', supervisor],
    [20000, 'branch_leader', branchLeader],
    [50000, 'general_manager', gm],
  ] as const)('a refund of %i fen is approved by %s, paid once and closed as refunded', async (amountFen, role, approver) => {
    const { id, handle } = await refund({ amountFen });
    const task = await openTask(db, id, 'approve_refund');
    expect(task).toMatchObject({ role, approves_money: true, outcomes: ['approve', 'deny'] });
    expect(task.data).toMatchObject({ amountFen, monthToDateFen: amountFen });
    expect(task.due_at).not.toBeNull();

    const answer = await decide(id, task.id, approver, 'approve');
    expect(answer.task).toMatchObject({ id: task.id, outcome: 'approve', completedBy: approver.sub });

    const result: CaseSnapshot = await handle.result();
    expect(result).toMatchObject({ state: 'completed', outcome: 'refunded' });
    expect(await caseRow(id)).toMatchObject({ state: 'completed', stage: 'done', outcome: 'refunded' });
    expect(await paymentsOf(id)).toEqual([expect.objectContaining({ amount_fen: amountFen, method: 'alipay', idempotency_key: `${id}:refund_payment` })]);
    const analysis = await db.selectFrom('refund_analysis').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(analysis).toMatchObject({ cause: 'other', category: 'other', amount_fen: amountFen });

    const timeline = (await events(id)).map((e) => e.kind);
    expect(timeline[0]).toBe('case_created');
    expect(timeline).toEqual(expect.arrayContaining(['task_created', 'task_completed', 'state_changed', 'notification_sent']));
    const stages = (await events(id)).filter((e) => e.kind === 'state_changed').map((e) => e.detail.stage);
    expect(stages).toEqual(['apply', 'approve', 'operate', 'review', 'analyse', 'done']);
  });

  it('counts the month-to-date refunds of the account: a second refund crosses into the next level', async () => {
    const customer = await seedCustomer(db);
    const first = await refund({ amountFen: 15000 }, customer);
    await approveNext(first.id, 'approve_refund', supervisor);
    await first.handle.result();

    const second = await refund({ amountFen: 6000 }, customer);
    const task = await openTask(db, second.id, 'approve_refund');
    expect(task.role).toBe('branch_leader');
    expect(task.data).toMatchObject({ monthToDateFen: 21000 });
  });

  it('a late-fee waiver always goes to the general manager', async () => {
    const { id } = await refund({ amountFen: 100, cause: 'late_fee_waiver' });
    expect((await openTask(db, id, 'approve_refund')).role).toBe('general_manager');
  });

  it('two refunds filed at once for one account both count (per-account lock)', async () => {
    const customer = await seedCustomer(db);
    const [a, b] = await Promise.all([refund({ amountFen: 15000 }, customer), refund({ amountFen: 15000 }, customer)]);
    const roles = [(await openTask(db, a.id, 'approve_refund')).role, (await openTask(db, b.id, 'approve_refund')).role];
    expect(roles.sort()).toEqual(['branch_leader', 'supervisor']);
  });
});

describe('co-approval by cause', () => {
  it('a billing error is co-approved by the IT centre before the level approver', async () => {
    const { id, handle } = await refund({ cause: 'billing_error' });
    const co = await openTask(db, id, 'co_approve_refund');
    expect(co).toMatchObject({ role: 'supervisor', data: expect.objectContaining({ department: 'it_centre' }) });
    expect(await db.selectFrom('tasks').select('id').where('case_id', '=', id).where('kind', '=', 'approve_refund').execute()).toEqual([]);
    await decide(id, co.id, coApprover(String(co.data.department)), 'approve');
    await approveNext(id, 'approve_refund', supervisor);
    expect(await handle.result()).toMatchObject({ outcome: 'refunded' });
  });

  it('a one-time fee needs the functional department and marketing', async () => {
    const { id, handle } = await refund({ cause: 'one_time_fee' });
    const departments: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const co = await openTask(db, id, 'co_approve_refund');
      departments.push(co.data.department);
      await decide(id, co.id, coApprover(String(co.data.department)), 'approve');
    }
    expect(departments).toEqual(['functional_department', 'marketing']);
    await approveNext(id, 'approve_refund', supervisor);
    expect(await handle.result()).toMatchObject({ outcome: 'refunded' });
  });

  it('a co-approver who denies ends the refund', async () => {
    const { id, handle } = await refund({ cause: 'line_fault' });
    const co = await openTask(db, id, 'co_approve_refund');
    expect(co.data.department).toBe('maintenance');
    await decide(id, co.id, coApprover(String(co.data.department)), 'deny', { reason: 'no fault on record' });
    expect(await handle.result()).toMatchObject({ outcome: 'denied', stateReason: 'no fault on record' });
  });
});

describe('denial', () => {
  it('records the reason, tells the customer, pays nothing and stops counting the claim', async () => {
    const { id, handle } = await refund({ amountFen: 30000 });
    const task = await openTask(db, id, 'approve_refund');
    await decide(id, task.id, branchLeader, 'deny', { reason: 'charge was correct' });
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'denied', stateReason: 'charge was correct' });
    expect(await paymentsOf(id)).toEqual([]);
    const claim = await db.selectFrom('refund_claims').select('status').where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(claim.status).toBe('denied');
    const sent = await db.selectFrom('notifications').select(['template', 'status']).where('case_id', '=', id).execute();
    expect(sent).toEqual([{ template: 'refund_denied', status: 'sent' }]);
  });
});

describe('the completeTask update validates before anything is written', () => {
  it('refuses a wrong role, an unknown outcome, missing data and a second completion', async () => {
    const { id } = await refund();
    const task = await openTask(db, id, 'approve_refund');
    const refusal = (p: Promise<unknown>) => p.then(() => undefined, (err) => refusalOf(err)?.refusal);

    expect(await refusal(decide(id, task.id, staff('clerk', 'frontoffice'), 'approve'))).toBe('Forbidden');
    expect(await refusal(decide(id, task.id, staff('root', 'admin'), 'approve'))).toBe('Forbidden');
    expect(await refusal(decide(id, task.id, staff('root', 'admin', 'supervisor'), 'approve'))).toBe('Forbidden');
    expect(await refusal(decide(id, task.id, supervisor, 'maybe'))).toBe('Unprocessable');
    expect(await refusal(decide(id, task.id, supervisor, 'deny', { reason: '  ' }))).toBe('Unprocessable');
    expect(await refusal(decide(id, 'tsk_unknown', supervisor, 'approve'))).toBe('NotFound');

    const both = await Promise.allSettled([decide(id, task.id, supervisor, 'approve'), decide(id, task.id, staff('sup-2', 'supervisor'), 'approve')]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(refusalOf(rejected.reason)?.refusal).toBe('Conflict');
  });
});

describe('overdue approvals', () => {
  it('move one level up and tell the approver who let it lapse', async () => {
    restore.push(await withSla(db, 'refund.approval', 'PT2S'));
    const { id, handle } = await refund({ amountFen: 5000 });
    const first = await openTask(db, id, 'approve_refund');
    expect(first.role).toBe('supervisor');

    const second = await openTask(db, id, 'approve_refund').then(async function wait(t): Promise<typeof t> {
      return t.id === first.id ? wait(await openTask(db, id, 'approve_refund')) : t;
    });
    expect(second.role).toBe('branch_leader');
    await decide(id, second.id, branchLeader, 'approve');
    expect(await handle.result()).toMatchObject({ outcome: 'refunded' });

    const lapsed = await db.selectFrom('tasks').select('state').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(lapsed.state).toBe('escalated');
    const kinds = (await events(id)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['sla_jeopardy', 'sla_breached', 'task_escalated']));
    const told = await db.selectFrom('notifications').selectAll().where('case_id', '=', id).where('template', '=', 'approval_overdue').execute();
    expect(told).toEqual([expect.objectContaining({ channel: 'staff', recipient: 'role:supervisor', status: 'sent' })]);
    expect((await caseRow(id)).outcome).toBe('refunded');
  });
});

describe('failure', () => {
  it('a step that fails for good marks the case failed with the reason', async () => {
    const { id, handle } = await refund({}, 'cus_not_in_bss');
    await expect(handle.result()).rejects.toThrow();
    expect(await caseRow(id)).toMatchObject({ state: 'failed', outcome: 'failed', state_reason: 'unknown customer cus_not_in_bss' });
  });
});

describe('gates and extra steps', () => {
  it('rejects a prepayment refund inside the agreement period without opening a task', async () => {
    const customer = await seedCustomer(db, { agreementEndsAt: '2099-01-01T00:00:00Z' });
    const { id, handle } = await refund({ cause: 'prepayment' }, customer);
    expect(await handle.result()).toMatchObject({ state: 'rejected', stateReason: 'in_agreement_period' });
    expect(await db.selectFrom('tasks').select('id').where('case_id', '=', id).execute()).toEqual([]);
  });

  it('a lost invoice adds a finance proof step before approval', async () => {
    const { id, handle } = await refund({ invoice: { provided: false } });
    const proof = await openTask(db, id, 'finance_proof');
    const refused = await decide(id, proof.id, supervisor, 'proven').catch((err) => refusalOf(err)?.refusal);
    expect(refused).toBe('Unprocessable');
    await decide(id, proof.id, supervisor, 'proven', { proofReference: 'FIN-778' });
    await approveNext(id, 'approve_refund', supervisor);
    expect(await handle.result()).toMatchObject({ outcome: 'refunded' });
  });

  it('an unproven lost invoice denies the refund', async () => {
    const { id, handle } = await refund({ invoice: { provided: false } });
    const proof = await openTask(db, id, 'finance_proof');
    await decide(id, proof.id, supervisor, 'not_proven', { reason: 'no record of the charge' });
    expect(await handle.result()).toMatchObject({ outcome: 'denied', stateReason: 'no record of the charge' });
  });

  it('flags an account refunded more often than the audit threshold for a manual audit', async () => {
    restore.push(await withPolicy(db, 'refund.audit_threshold', 0));
    const { id, handle } = await refund();
    await approveNext(id, 'approve_refund', supervisor);
    const audit = await openTask(db, id, 'refund_audit');
    await decide(id, audit.id, supervisor, 'flagged', { finding: 'pattern of small refunds' });
    expect(await handle.result()).toMatchObject({ outcome: 'refunded' });
    expect((await caseRow(id)).data).toMatchObject({ auditFlag: true, audit: { outcome: 'flagged', finding: 'pattern of small refunds' } });
  });
});

describe('review', () => {
  it('holds the case for reconciliation when the payment differs from the approved amount', async () => {
    const payments = builtInPayments(db);
    const shortPaying = await startTestWorker({
      adapters: { payments: { refund: async (req) => ({ ...(await payments.refund(req)), amountFen: req.amountFen - 100 }) } },
    });
    try {
      const { id, handle } = await refund({ amountFen: 5000 }, undefined, shortPaying.taskQueue);
      await approveNext(id, 'approve_refund', supervisor);
      const reconcile = await openTask(db, id, 'reconcile_refund');
      expect(reconcile.data).toMatchObject({ amountFen: 5000, paidFen: 4900 });
      expect(await caseRow(id)).toMatchObject({ state: 'held', stage: 'review', state_reason: 'payment_mismatch' });
      await decide(id, reconcile.id, supervisor, 'reconciled');
      expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'refunded', stateReason: null });
    } finally {
      await shortPaying.stop();
    }
  });
});

describe('exactly once', () => {
  it('a payment activity that fails after paying is retried and pays once', async () => {
    const payments = builtInPayments(db);
    let calls = 0;
    const flaky = await startTestWorker({
      adapters: {
        payments: {
          async refund(req) {
            calls++;
            const receipt = await payments.refund(req);
            if (calls === 1) throw new Error('connection reset after the provider paid');
            return receipt;
          },
        },
      },
    });
    try {
      const { id, handle } = await refund({}, undefined, flaky.taskQueue);
      await approveNext(id, 'approve_refund', supervisor);
      expect(await handle.result()).toMatchObject({ outcome: 'refunded' });
      expect(calls).toBe(2);
      expect(await paymentsOf(id)).toHaveLength(1);
    } finally {
      await flaky.stop();
    }
  });

  it('a worker restart resumes the case where it was', async () => {
    const queueWorker = await startTestWorker();
    const { id, handle } = await refund({}, undefined, queueWorker.taskQueue);
    const task = await openTask(db, id, 'approve_refund');
    await queueWorker.stop();

    const replacement = await startTestWorker({ taskQueue: queueWorker.taskQueue });
    try {
      await decide(id, task.id, supervisor, 'approve');
      expect(await handle.result()).toMatchObject({ outcome: 'refunded' });
      expect(await db.selectFrom('tasks').select('id').where('case_id', '=', id).execute()).toHaveLength(1);
    } finally {
      await replacement.stop();
    }
  });
});

describe('cancellation', () => {
  it('before payment withdraws the open task, releases the claim and tells the customer', async () => {
    const { id, handle } = await refund({ amountFen: 7000 });
    const task = await openTask(db, id, 'approve_refund');
    const snapshot = await handle.executeUpdate(cancelCaseUpdate, { args: [{ reason: 'customer withdrew', actor: staff('clerk-1', 'frontoffice') }] });
    expect(snapshot).toMatchObject({ state: 'cancelled', outcome: 'cancelled', stateReason: 'customer withdrew' });
    expect(await handle.result()).toMatchObject({ state: 'cancelled' });
    expect((await db.selectFrom('tasks').select('state').where('id', '=', task.id).executeTakeFirstOrThrow()).state).toBe('cancelled');
    expect((await db.selectFrom('refund_claims').select('status').where('case_id', '=', id).executeTakeFirstOrThrow()).status).toBe('cancelled');
    const late = await decide(id, task.id, supervisor, 'approve').catch((err) => err);
    expect(late).toBeInstanceOf(Error);
  });

  it('is refused to a role that may not cancel', async () => {
    const { id, handle } = await refund();
    await openTask(db, id, 'approve_refund');
    const refused = await handle
      .executeUpdate(cancelCaseUpdate, { args: [{ reason: 'just looking', actor: staff('op-1', 'operator') }] })
      .catch((err) => refusalOf(err)?.refusal);
    expect(refused).toBe('Forbidden');
    expect((await caseRow(id)).state).toBe('inProgress');
  });

  it('is refused once the case is finished', async () => {
    const { id, handle } = await refund();
    await approveNext(id, 'approve_refund', supervisor);
    await handle.result();
    const refused = await handle
      .executeUpdate(cancelCaseUpdate, { args: [{ reason: 'too late', actor: staff('clerk-1', 'frontoffice') }] })
      .catch((err) => err);
    expect(refused).toBeInstanceOf(Error);
  });
});
