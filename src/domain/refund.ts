/**
 * Refund approval rules (processes.md §5, 补退费). Pure: runs in the workflow
 * sandbox and in the API. Money is integer fen.
 */
import { insideAgreementPeriod } from './account';
import type { Role } from './roles';

export const REFUND_CAUSES = [
  'billing_error',
  'line_fault',
  'one_time_fee',
  'billing_dispute',
  'service_problem',
  'cancellation_balance',
  'prepayment',
  'roaming_deposit',
  'late_fee_waiver',
  'other',
] as const;
export type RefundCause = (typeof REFUND_CAUSES)[number];

export function isRefundCause(value: unknown): value is RefundCause {
  return typeof value === 'string' && (REFUND_CAUSES as readonly string[]).includes(value);
}

/** The escalation chain, lowest first (seed 002 L358; overdue approvals move one step up). */
export const APPROVAL_CHAIN = ['supervisor', 'branch_leader', 'general_manager'] as const satisfies readonly Role[];
export type ApproverRole = (typeof APPROVAL_CHAIN)[number];

export interface ApprovalLevel {
  /** Applies when the month-to-date cumulative amount is strictly below this (fen). Absent on the last level. */
  belowFen?: number;
  role: ApproverRole;
}

/** Policy `refund.approval_levels`. */
export interface RefundApprovalPolicy {
  levels: ApprovalLevel[];
}

/** < 200 元 supervisor; 200 元 ≤ x < 500 元 branch leader; ≥ 500 元 general manager. */
export const DEFAULT_REFUND_APPROVAL_POLICY: RefundApprovalPolicy = {
  levels: [
    { belowFen: 20000, role: 'supervisor' },
    { belowFen: 50000, role: 'branch_leader' },
    { role: 'general_manager' },
  ],
};

/** Default of policy `refund.audit_threshold`. */
export const DEFAULT_REFUND_AUDIT_THRESHOLD = 3;

function isApproverRole(value: unknown): value is ApproverRole {
  return typeof value === 'string' && (APPROVAL_CHAIN as readonly string[]).includes(value);
}

/**
 * Problems with an approval policy (empty = valid). Defensive about shape,
 * since the value comes from the policies API as JSON.
 */
export function validateApprovalPolicy(p: RefundApprovalPolicy): string[] {
  const problems: string[] = [];
  const levels: unknown = (p as { levels?: unknown } | null | undefined)?.levels;
  if (!Array.isArray(levels) || levels.length === 0) {
    return ['levels must be a non-empty list'];
  }
  let previousBelow = 0;
  let previousRank = -1;
  levels.forEach((raw: unknown, i) => {
    const at = `levels[${i}]`;
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`${at} must be an object with a role`);
      return;
    }
    const level = raw as { belowFen?: unknown; role?: unknown };
    const isLast = i === levels.length - 1;
    if (isLast) {
      if (level.belowFen !== undefined) {
        problems.push(`${at} is the last level and must not have belowFen (it covers every larger amount)`);
      }
    } else if (level.belowFen === undefined) {
      problems.push(`${at} needs belowFen; only the last level may leave it out`);
    } else if (typeof level.belowFen !== 'number' || !Number.isSafeInteger(level.belowFen) || level.belowFen <= 0) {
      problems.push(`${at}.belowFen must be a positive integer (fen), got ${JSON.stringify(level.belowFen)}`);
    } else {
      if (level.belowFen <= previousBelow) {
        problems.push(`${at}.belowFen must be greater than the previous level's (${previousBelow})`);
      }
      previousBelow = Math.max(previousBelow, level.belowFen);
    }
    if (!isApproverRole(level.role)) {
      problems.push(`${at}.role must be one of ${APPROVAL_CHAIN.join(', ')}, got ${JSON.stringify(level.role)}`);
    } else {
      const rank = APPROVAL_CHAIN.indexOf(level.role);
      if (rank < previousRank) {
        problems.push(`${at}.role ${level.role} is lower in the chain than a level for smaller amounts`);
      }
      previousRank = Math.max(previousRank, rank);
    }
  });
  return problems;
}

/**
 * Who approves, from the account's month-to-date cumulative refunds (fen,
 * this one included): the first level whose belowFen is strictly greater.
 * `late_fee_waiver` always needs the general manager (seed 000 L308). If no
 * level matches (a malformed policy), the top of the chain approves.
 */
export function approvalRole(cumulativeFen: number, cause: RefundCause, policy: RefundApprovalPolicy): ApproverRole {
  if (!Number.isSafeInteger(cumulativeFen) || cumulativeFen < 0) {
    throw new RangeError(`cumulativeFen must be a non-negative integer, got ${cumulativeFen}`);
  }
  if (cause === 'late_fee_waiver') return 'general_manager';
  for (const level of policy.levels) {
    if (level.belowFen === undefined || cumulativeFen < level.belowFen) return level.role;
  }
  return 'general_manager';
}

/** The next role up the chain for an overdue approval; null at the top. */
export function nextApprover(role: ApproverRole): ApproverRole | null {
  const i = APPROVAL_CHAIN.indexOf(role);
  return i >= 0 && i < APPROVAL_CHAIN.length - 1 ? APPROVAL_CHAIN[i + 1]! : null;
}

/** Departments that co-approve by cause (seed 002 L360), before the level approver. */
export function coApprovalDepartments(cause: RefundCause): string[] {
  switch (cause) {
    case 'billing_error':
      return ['it_centre'];
    case 'line_fault':
      return ['maintenance'];
    case 'one_time_fee':
    case 'billing_dispute':
    case 'service_problem':
      return ['functional_department', 'marketing'];
    default:
      return [];
  }
}

export interface RefundGateRefusal {
  reason: 'in_agreement_period';
  detail: string;
}

/**
 * Acceptance gate: a prepayment refund for an account still inside its
 * agreement period is refused (seed 000 L296). The period ends at
 * `agreementEndsAt` (an instant); at or after it the refund is allowed.
 * A lost invoice does not refuse (see {@link needsFinanceProof}).
 */
export function refundGate(
  input: { cause: RefundCause; amountFen: number },
  account: { agreementEndsAt: string | null },
  now: Date,
): RefundGateRefusal | null {
  if (input.cause !== 'prepayment' || !insideAgreementPeriod(account, now)) return null;
  return {
    reason: 'in_agreement_period',
    detail: `a prepayment cannot be refunded inside the agreement period, which ends at ${account.agreementEndsAt}`,
  };
}

/** A lost invoice adds a finance proof step (seed 000 L295). */
export function needsFinanceProof(invoice: { provided: boolean }): boolean {
  return !invoice.provided;
}

/** More than `threshold` refunds for the account this month (count includes this one) → manual audit. */
export function needsAudit(monthCount: number, threshold: number): boolean {
  return monthCount > threshold;
}

export type RefundCategory = 'billing' | 'network' | 'service' | 'account' | 'other';

/** Reporting category for the analyse stage. */
export function analysisCategory(cause: RefundCause): RefundCategory {
  switch (cause) {
    case 'billing_error':
    case 'one_time_fee':
    case 'billing_dispute':
    case 'late_fee_waiver':
      return 'billing';
    case 'line_fault':
      return 'network';
    case 'service_problem':
      return 'service';
    case 'cancellation_balance':
    case 'prepayment':
    case 'roaming_deposit':
      return 'account';
    default:
      return 'other';
  }
}

/** Integer fen → yuan with two decimals: 19999 → '199.99', -5 → '-0.05'. No Intl (sandbox). */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be an integer, got ${fen}`);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${yuan}.${cents}`;
}
