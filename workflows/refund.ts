/**
 * Refund approval (补退费), processes.md §5: apply → approve → operate →
 * review → audit → analyse (seed 002 L356).
 */
import type { ClaimStanding } from '../activities/billing';
import type { AccountFacts } from '../src/adapters/bss';
import {
  approvalRole,
  coApprovalDepartments,
  formatYuan,
  needsAudit,
  needsFinanceProof,
  nextApprover,
  refundGate,
  type ApproverRole,
  type RefundApprovalPolicy,
  type RefundCause,
} from '../src/domain/refund';
import { NO_DATA, plainOutcomes, REASON_REQUIRED } from '../src/domain/tasks';
import { activities } from './lib/activities';
import { CaseRun } from './lib/case';
import type { CaseSnapshot, CaseStart } from './lib/messages';
import type { Decision } from './lib/tasks';

export interface RefundFields {
  amountFen: number;
  cause: RefundCause;
  description: string;
  invoice: { provided: boolean; number?: string };
  evidence?: string[];
  rectification?: string;
}

export async function refundOrder(start: CaseStart<RefundFields>): Promise<CaseSnapshot> {
  const order = new CaseRun(start);
  const refund = start.fields;
  let filed = false;

  return order.run({
    async body() {
      const account = await activities.accountFacts(start.customerId);
      const refused = refundGate(refund, account, new Date());
      if (refused) return order.finish('rejected', 'rejected', { reason: refused.reason, detail: { detail: refused.detail } });

      // 1. Apply: a lost invoice needs finance to prove the charge (seed 000 L295).
      await order.moveTo('inProgress', 'apply');
      if (needsFinanceProof(refund.invoice)) {
        const proof = await (await order.tasks.create(financeProofTask(refund, account))).decided();
        if (proof.outcome === 'not_proven') return deny(proof);
      }

      // 2. Approve: the level follows the account's month-to-date refunds, this one included.
      const standing = await activities.fileRefundClaim({
        caseId: order.id,
        customerId: start.customerId,
        amountFen: refund.amountFen,
        filedAt: start.createdAt,
      });
      filed = true;
      const policy = await activities.readPolicy<RefundApprovalPolicy>('refund.approval_levels');
      const approver = approvalRole(standing.cumulativeFen, refund.cause, policy);
      await order.moveTo('inProgress', 'approve', { data: { approval: { ...standing, level: approver } } });
      for (const department of coApprovalDepartments(refund.cause)) {
        const coApproval = await approve('co_approve_refund', 'supervisor', standing, { department });
        if (coApproval.outcome === 'deny') return deny(coApproval);
      }
      const approval = await approve('approve_refund', approver, standing);
      if (approval.outcome === 'deny') return deny(approval);
      await activities.settleRefundClaim(order.id, 'approved');

      // 3. Operate: pay back through the original payment method, once (the case id is the key).
      order.passPointOfNoReturn();
      await order.moveTo('inProgress', 'operate');
      const receipt = await activities.payRefund({
        idempotencyKey: order.id,
        caseId: order.id,
        customerId: start.customerId,
        amountFen: refund.amountFen,
        method: account.paymentMethod ?? 'original',
      });
      await activities.settleRefundClaim(order.id, 'paid');

      // 4. Review: reconcile what was paid with what was approved.
      await order.moveTo('inProgress', 'review', { data: { payment: receipt } });
      if (receipt.amountFen !== refund.amountFen) {
        await order.moveTo('held', 'review', { reason: 'payment_mismatch' });
        await (await order.tasks.create(reconcileTask(refund, receipt.amountFen))).decided();
      }

      // 5. Audit: an account refunded too often this month gets a manual audit.
      const threshold = await activities.readPolicy<number>('refund.audit_threshold');
      if (needsAudit(standing.monthCount, threshold)) {
        await order.moveTo('inProgress', 'audit', { data: { auditFlag: true } });
        const audit = await (await order.tasks.create(auditTask(refund, standing, threshold))).decided();
        await order.moveTo('inProgress', 'audit', { data: { audit: { outcome: audit.outcome, ...audit.data } } });
      }

      // 6. Analyse: record the cause for reporting.
      await order.moveTo('inProgress', 'analyse');
      await activities.recordRefundAnalysis({
        caseId: order.id,
        customerId: start.customerId,
        cause: refund.cause,
        amountFen: refund.amountFen,
        at: order.now(),
      });
      await order.finish('completed', 'refunded');
      await order.notifyCustomer('refunded', 'refund_paid', { amountYuan: formatYuan(refund.amountFen) });
    },

    async compensate() {
      if (filed) await activities.settleRefundClaim(order.id, 'cancelled');
    },
  });

  /**
   * An approval task, due after `refund.approval`; overdue, it moves one
   * level up the chain and the approver who let it lapse is told.
   */
  async function approve(
    kind: string,
    firstRole: ApproverRole,
    standing: ClaimStanding,
    extra: Record<string, unknown> = {},
  ): Promise<Decision> {
    for (let role = firstRole; ; ) {
      const task = await order.tasks.create({
        kind,
        role,
        slaKey: 'refund.approval',
        approvesMoney: true,
        form: { approve: NO_DATA, deny: REASON_REQUIRED },
        data: { ...refundContext(refund), ...extra, monthToDateFen: standing.cumulativeFen },
      });
      const decision = await task.decidedOrOverdue();
      if (decision !== 'overdue') return decision;
      const next = nextApprover(role);
      if (!next) return task.decided();
      await task.withdraw('escalated');
      await order.notifyStaff(`overdue:${task.id}`, role, 'approval_overdue', { taskId: task.id, movedTo: next });
      role = next;
    }
  }

  async function deny(decision: Decision): Promise<void> {
    const reason = String(decision.data?.reason ?? 'denied');
    if (filed) await activities.settleRefundClaim(order.id, 'denied');
    await order.finish('completed', 'denied', { reason, actor: decision.actor.sub });
    await order.notifyCustomer('denied', 'refund_denied', { reason });
  }
}

function refundContext(refund: RefundFields) {
  return {
    amountFen: refund.amountFen,
    cause: refund.cause,
    description: refund.description,
    invoice: refund.invoice,
    evidence: refund.evidence ?? [],
    rectification: refund.rectification ?? null,
  };
}

function financeProofTask(refund: RefundFields, account: AccountFacts) {
  return {
    kind: 'finance_proof',
    role: 'supervisor' as const,
    form: {
      proven: {
        type: 'object',
        required: ['proofReference'],
        additionalProperties: false,
        properties: { proofReference: { type: 'string', minLength: 1, maxLength: 200 } },
      },
      not_proven: REASON_REQUIRED,
    },
    data: { ...refundContext(refund), paymentMethod: account.paymentMethod },
  };
}

function reconcileTask(refund: RefundFields, paidFen: number) {
  return {
    kind: 'reconcile_refund',
    role: 'supervisor' as const,
    form: plainOutcomes('reconciled'),
    data: { ...refundContext(refund), paidFen },
  };
}

function auditTask(refund: RefundFields, standing: ClaimStanding, threshold: number) {
  return {
    kind: 'refund_audit',
    role: 'supervisor' as const,
    form: {
      cleared: NO_DATA,
      flagged: {
        type: 'object',
        required: ['finding'],
        additionalProperties: false,
        properties: { finding: { type: 'string', minLength: 1, maxLength: 2000 } },
      },
    },
    data: { ...refundContext(refund), refundsThisMonth: standing.monthCount, threshold },
  };
}
