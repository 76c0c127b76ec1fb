/**
 * Refund approval (补退费), processes.md §5: apply → approve → operate →
 * review → audit → analyse (seed 002 L356).
 */
import type { ClaimStanding } from '../activities/refunds';
import {
  APPROVAL_CHAIN,
  approvalRole,
  coApprovalDepartments,
  formatYuan,
  needsAudit,
  needsFinanceProof,
  refundGate,
  type RefundApprovalPolicy,
} from '../src/domain/refund';
import { refundForms, type RefundInput, type RefundStage } from '../src/processes/refund';
import { records, systems } from './lib/activities';
import { Case } from './lib/case';
import type { CaseSnapshot, CaseStart } from './lib/messages';
import type { Decision } from './lib/tasks';

export async function refundOrder(start: CaseStart<RefundInput>): Promise<CaseSnapshot> {
  const order = new Case<RefundStage>(start);
  const refund = start.fields;
  const context = refundContext(refund);

  return order.run(async () => {
    const account = await systems.accountFacts(start.customerId);
    const refused = refundGate(refund, account, new Date());
    if (refused) return order.reject(refused.reason, refused.detail);

    // 1. Apply: a lost invoice needs finance to prove the charge (seed 000 L295).
    await order.stage('apply');
    if (needsFinanceProof(refund.invoice)) {
      const proof = await order.tasks.ask(refundForms.financeProof, {
        role: 'supervisor',
        data: { ...context, paymentMethod: account.paymentMethod },
      });
      if (proof.outcome === 'not_proven') return deny(proof);
    }

    // 2. Approve: the level follows the account's month-to-date refunds, this one included (seed 002 L358).
    const standing = await records.fileRefundClaim({ caseId: order.id, customerId: start.customerId, amountFen: refund.amountFen, filedAt: start.createdAt });
    order.onCancel(() => records.settleRefundClaim(order.id, 'cancelled'));
    const policy = await records.readPolicy<RefundApprovalPolicy>('refund.approval_levels');
    const approver = approvalRole(standing.cumulativeFen, refund.cause, policy);
    await order.stage('approve', { data: { approval: { ...standing, level: approver } } });
    for (const department of coApprovalDepartments(refund.cause)) {
      const coApproval = await approve(refundForms.coApprove, 'supervisor', standing, department);
      if (coApproval.outcome === 'deny') return deny(coApproval);
    }
    const approval = await approve(refundForms.approve, approver, standing);
    if (approval.outcome === 'deny') return deny(approval);
    await records.settleRefundClaim(order.id, 'approved');

    // 3. Operate: pay back through the original payment method, once (seed 000 L296).
    order.pointOfNoReturn();
    await order.stage('operate');
    const receipt = await systems.payRefund({
      idempotencyKey: order.key('refund_payment'),
      caseId: order.id,
      customerId: start.customerId,
      amountFen: refund.amountFen,
      method: account.paymentMethod ?? 'original',
    });
    await records.settleRefundClaim(order.id, 'paid');

    // 4. Review: reconcile what was paid with what was approved.
    await order.stage('review', { data: { payment: receipt } });
    if (receipt.amountFen !== refund.amountFen) {
      await order.hold('review', 'payment_mismatch');
      await order.tasks.ask(refundForms.reconcile, { role: 'supervisor', data: { ...context, paidFen: receipt.amountFen } });
    }

    // 5. Audit: an account refunded too often this month gets a manual audit.
    const threshold = await records.readPolicy<number>('refund.audit_threshold');
    if (needsAudit(standing.monthCount, threshold)) {
      await order.stage('audit', { data: { auditFlag: true } });
      const audit = await order.tasks.ask(refundForms.audit, {
        role: 'supervisor',
        data: { ...context, refundsThisMonth: standing.monthCount, threshold },
      });
      await order.record({ audit: { outcome: audit.outcome, ...audit.data } }, { kind: 'audit_recorded', actor: audit.actor.sub });
    }

    // 6. Analyse: record the cause for reporting.
    await order.stage('analyse');
    await records.recordRefundAnalysis({ caseId: order.id, customerId: start.customerId, cause: refund.cause, amountFen: refund.amountFen, at: order.now() });
    await order.complete('refunded');
    await order.notify.customer('refunded', 'refund_paid', { amountYuan: formatYuan(refund.amountFen) });
  });

  /** An approval, due after `refund.approval`; overdue, it moves up the chain and the lapsed approver is told. */
  function approve<F extends typeof refundForms.approve>(form: F, firstRole: (typeof APPROVAL_CHAIN)[number], standing: ClaimStanding, department?: string) {
    return order.escalate(APPROVAL_CHAIN.slice(APPROVAL_CHAIN.indexOf(firstRole)), form, {
      slaKey: 'refund.approval',
      approvesMoney: true,
      overdueTemplate: 'approval_overdue',
      ...(department ? { department } : {}),
      data: { ...context, ...(department ? { department } : {}), monthToDateFen: standing.cumulativeFen },
    });
  }

  async function deny(decision: Decision<typeof refundForms.approve> | Decision<typeof refundForms.financeProof>): Promise<void> {
    const reason = 'reason' in decision.data ? decision.data.reason : 'denied';
    await records.settleRefundClaim(order.id, 'denied');
    await order.complete('denied', { reason, actor: decision.actor.sub });
    await order.notify.customer('denied', 'refund_denied', { reason });
  }
}

/** What an approver needs to see of the refund. */
function refundContext(refund: RefundInput) {
  return {
    amountFen: refund.amountFen,
    cause: refund.cause,
    description: refund.description,
    invoice: refund.invoice,
    evidence: refund.evidence ?? [],
    rectification: refund.rectification ?? null,
  };
}
