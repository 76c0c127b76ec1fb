/**
 * Refund approval (补退费), processes.md §5: the contract — input, stages,
 * task forms, policies. The workflow is workflows/refund.ts; the rules are
 * src/domain/refund.ts.
 */
import { Type, type Static } from 'typebox';
import { DEFAULT_REFUND_APPROVAL_POLICY, DEFAULT_REFUND_AUDIT_THRESHOLD, REFUND_CAUSES } from '../domain/refund';
import { defineProcess } from './define';
import { NoData, plainOutcomes, Reason, taskForm } from './forms';
import { Text } from './schema';

export const RefundInput = Type.Object(
  {
    amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Amount to refund, integer fen' }),
    cause: Type.Enum([...REFUND_CAUSES]),
    description: Text(2000),
    invoice: Type.Object(
      {
        provided: Type.Boolean({ description: 'false: the invoice is lost, a finance proof step is added' }),
        number: Type.Optional(Text(100)),
      },
      { additionalProperties: false },
    ),
    evidence: Type.Optional(Type.Array(Text(500), { maxItems: 20 })),
    rectification: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type RefundInput = Static<typeof RefundInput>;

/** Six stages (seed 002 L356). */
export const REFUND_STAGES = ['apply', 'approve', 'operate', 'review', 'audit', 'analyse'] as const;
export type RefundStage = (typeof REFUND_STAGES)[number];

export const refundForms = {
  /** A lost invoice: finance proves the charge (seed 000 L295). */
  financeProof: taskForm('finance_proof', {
    proven: Type.Object({ proofReference: Text(200) }, { additionalProperties: false }),
    not_proven: Reason,
  }),
  /** A department co-approves by cause (seed 002 L360). */
  coApprove: taskForm('co_approve_refund', { approve: NoData, deny: Reason }),
  /** The level approver (seed 002 L358). */
  approve: taskForm('approve_refund', { approve: NoData, deny: Reason }),
  /** The paid amount differs from the approved one. */
  reconcile: taskForm('reconcile_refund', plainOutcomes('reconciled')),
  /** An account refunded too often this month. */
  audit: taskForm('refund_audit', {
    cleared: NoData,
    flagged: Type.Object({ finding: Text(2000) }, { additionalProperties: false }),
  }),
};

export const refundProcess = defineProcess({
  type: 'refund',
  kind: 'order',
  workflowType: 'refundOrder',
  input: RefundInput,
  stages: REFUND_STAGES,
  taskForms: Object.values(refundForms),
  outcomes: ['refunded', 'denied'],
  reasons: ['in_agreement_period', 'payment_mismatch'],
  slas: { 'refund.approval': { duration: 'PT24H', calendar: 'continuous' } },
  policies: {
    'refund.approval_levels': DEFAULT_REFUND_APPROVAL_POLICY,
    'refund.audit_threshold': DEFAULT_REFUND_AUDIT_THRESHOLD,
  },
});
