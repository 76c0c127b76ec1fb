/**
 * The limit the end-to-end figure is measured against: a refund with one
 * approval as a bare workflow. The same activities as workflows/refund.ts
 * in the same order with the same inputs (local activities for our records,
 * regular ones for other systems), and one update for the approval, without
 * the building blocks (case class, task board, SLA watcher timers,
 * cancellation scope, search attributes).
 */
import { condition, setHandler, uuid4 } from '@temporalio/workflow';
import type { RefundApprovalPolicy } from '../../src/domain/refund';
import { refundForms, type RefundInput } from '../../src/processes/refund';
import { records, systems } from '../../workflows/lib/activities';
import type { CaseStart } from '../../workflows/lib/messages';

import { approveUpdate } from './bare-messages';

export async function bareRefund(start: CaseStart<RefundInput>): Promise<string> {
  const id = start.id;
  const refund = start.fields;
  let seq = 0;
  const event = (kind: string, detail: Record<string, unknown> = {}) => ({ eventKey: `wf:${++seq}`, at: new Date().toISOString(), actor: 'switchboard', kind, detail });
  const stage = (state: string, stage: string, outcome: string | null = null, data?: Record<string, unknown>) =>
    records.updateCase({ caseId: id, set: { state, stage, outcome, stateReason: null }, data, event: event('state_changed', { state, stage }) });

  const taskId = `tsk_${uuid4().replace(/-/g, '')}`;
  let approvedBy: string | undefined;
  setHandler(approveUpdate, async ({ sub }) => {
    await records.closeTask({ taskId, caseId: id, state: 'completed', at: new Date().toISOString(), actor: sub, eventKey: `wf:${++seq}`, outcome: 'approve' });
    approvedBy = sub;
  });

  await records.openCase(start, { ...event('case_created', { type: start.type }), at: start.createdAt, actor: start.createdBy.sub });
  const account = await systems.accountFacts(start.customerId);
  await stage('inProgress', 'apply');
  const standing = await records.fileRefundClaim({ caseId: id, customerId: start.customerId, amountFen: refund.amountFen, filedAt: start.createdAt });
  await records.readPolicy<RefundApprovalPolicy>('refund.approval_levels');
  await stage('inProgress', 'approve', null, { approval: { ...standing, level: 'supervisor' } });
  const clockId = `refund.approval#${taskId}`;
  const deadline = await records.startClock({ caseId: id, clockId, policyKey: 'refund.approval', startedAt: new Date().toISOString() });
  await records.openTask(
    {
      id: taskId,
      caseId: id,
      caseType: start.type,
      kind: refundForms.approve.kind,
      role: 'supervisor',
      form: refundForms.approve.outcomes as never,
      data: { amountFen: refund.amountFen, cause: refund.cause },
      slaKey: 'refund.approval',
      approvesMoney: true,
      state: 'open',
      createdAt: new Date().toISOString(),
      dueAt: deadline.dueAt,
      outcomes: Object.keys(refundForms.approve.outcomes),
    },
    `wf:${++seq}`,
  );
  await condition(() => approvedBy !== undefined);
  await records.markClock({ caseId: id, clockId, mark: 'stopped', at: new Date().toISOString(), eventKey: `wf:${++seq}` });
  await records.settleRefundClaim(id, 'approved');
  await stage('inProgress', 'operate');
  const receipt = await systems.payRefund({ idempotencyKey: `${id}:refund_payment`, caseId: id, customerId: start.customerId, amountFen: refund.amountFen, method: account.paymentMethod ?? 'original' });
  await records.settleRefundClaim(id, 'paid');
  await stage('inProgress', 'review', null, { payment: receipt });
  await records.readPolicy<number>('refund.audit_threshold');
  await stage('inProgress', 'analyse');
  await records.recordRefundAnalysis({ caseId: id, customerId: start.customerId, cause: refund.cause, amountFen: refund.amountFen, at: new Date().toISOString() });
  await stage('completed', 'done', 'refunded');
  await systems.notify({ caseId: id, step: 'refunded', to: { customerId: start.customerId }, template: 'refund_paid', payload: { caseId: id }, at: new Date().toISOString() });
  return 'refunded';
}
