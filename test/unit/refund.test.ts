import { describe, it, expect } from 'vitest';
import {
  analysisCategory,
  APPROVAL_CHAIN,
  approvalRole,
  coApprovalDepartments,
  DEFAULT_REFUND_APPROVAL_POLICY,
  formatYuan,
  isRefundCause,
  needsAudit,
  needsFinanceProof,
  nextApprover,
  REFUND_CAUSES,
  refundGate,
  validateApprovalPolicy,
  type RefundApprovalPolicy,
  type RefundCause,
} from '../../src/domain/refund';

const P = DEFAULT_REFUND_APPROVAL_POLICY;

describe('approvalRole (month-to-date cumulative, this refund included)', () => {
  it.each([
    [0, 'supervisor'],
    [1, 'supervisor'],
    [19999, 'supervisor'], // 199.99 元
    [20000, 'branch_leader'], // 200 元
    [49999, 'branch_leader'], // 499.99 元
    [50000, 'general_manager'], // 500 元
    [10_000_000, 'general_manager'],
  ])('%d fen → %s', (fen, role) => {
    expect(approvalRole(fen, 'billing_error', P)).toBe(role);
  });

  it('late_fee_waiver always needs the general manager', () => {
    expect(approvalRole(1, 'late_fee_waiver', P)).toBe('general_manager');
    expect(approvalRole(19999, 'late_fee_waiver', P)).toBe('general_manager');
    expect(approvalRole(20000, 'late_fee_waiver', P)).toBe('general_manager');
  });

  it('follows a custom policy', () => {
    const policy: RefundApprovalPolicy = { levels: [{ belowFen: 10000, role: 'supervisor' }, { role: 'branch_leader' }] };
    expect(approvalRole(9999, 'other', policy)).toBe('supervisor');
    expect(approvalRole(10000, 'other', policy)).toBe('branch_leader');
    expect(approvalRole(10_000_000, 'other', policy)).toBe('branch_leader');
  });

  it('falls back to the top of the chain when a malformed policy has no catch-all level', () => {
    expect(approvalRole(30000, 'other', { levels: [{ belowFen: 20000, role: 'supervisor' }] })).toBe('general_manager');
  });

  it('refuses negative or fractional amounts', () => {
    expect(() => approvalRole(-1, 'other', P)).toThrow(RangeError);
    expect(() => approvalRole(1.5, 'other', P)).toThrow(RangeError);
  });
});

describe('validateApprovalPolicy', () => {
  it('accepts the default', () => {
    expect(validateApprovalPolicy(P)).toEqual([]);
    expect(validateApprovalPolicy({ levels: [{ role: 'general_manager' }] })).toEqual([]);
  });

  it('requires levels', () => {
    expect(validateApprovalPolicy({ levels: [] })).toEqual([expect.stringMatching(/non-empty/)]);
    expect(validateApprovalPolicy({} as RefundApprovalPolicy)).toEqual([expect.stringMatching(/non-empty/)]);
  });

  it('requires strictly increasing positive integer thresholds', () => {
    const problems = validateApprovalPolicy({
      levels: [
        { belowFen: 50000, role: 'supervisor' },
        { belowFen: 50000, role: 'branch_leader' },
        { role: 'general_manager' },
      ],
    });
    expect(problems).toEqual([expect.stringMatching(/levels\[1\]\.belowFen must be greater/)]);
    expect(
      validateApprovalPolicy({ levels: [{ belowFen: 0, role: 'supervisor' }, { role: 'general_manager' }] }),
    ).toEqual([expect.stringMatching(/positive integer/)]);
    expect(
      validateApprovalPolicy({ levels: [{ belowFen: 199.5, role: 'supervisor' }, { role: 'general_manager' }] }),
    ).toEqual([expect.stringMatching(/positive integer/)]);
  });

  it('requires exactly the last level to have no belowFen', () => {
    expect(validateApprovalPolicy({ levels: [{ belowFen: 20000, role: 'supervisor' }] })).toEqual([
      expect.stringMatching(/last level and must not have belowFen/),
    ]);
    expect(validateApprovalPolicy({ levels: [{ role: 'supervisor' }, { role: 'general_manager' }] })).toEqual([
      expect.stringMatching(/levels\[0\] needs belowFen/),
    ]);
  });

  it('requires roles from the escalation chain, not stepping down', () => {
    expect(
      validateApprovalPolicy({
        levels: [{ belowFen: 100, role: 'agent' as never }, { role: 'general_manager' }],
      }),
    ).toEqual([expect.stringMatching(/role must be one of supervisor, branch_leader, general_manager/)]);
    expect(
      validateApprovalPolicy({ levels: [{ belowFen: 100, role: 'branch_leader' }, { role: 'supervisor' }] }),
    ).toEqual([expect.stringMatching(/lower in the chain/)]);
  });
});

describe('escalation chain', () => {
  it('moves one level up, null at the top', () => {
    expect(APPROVAL_CHAIN).toEqual(['supervisor', 'branch_leader', 'general_manager']);
    expect(nextApprover('supervisor')).toBe('branch_leader');
    expect(nextApprover('branch_leader')).toBe('general_manager');
    expect(nextApprover('general_manager')).toBeNull();
  });
});

describe('coApprovalDepartments', () => {
  it.each<[RefundCause, string[]]>([
    ['billing_error', ['it_centre']],
    ['line_fault', ['maintenance']],
    ['one_time_fee', ['functional_department', 'marketing']],
    ['billing_dispute', ['functional_department', 'marketing']],
    ['service_problem', ['functional_department', 'marketing']],
    ['cancellation_balance', []],
    ['prepayment', []],
    ['roaming_deposit', []],
    ['late_fee_waiver', []],
    ['other', []],
  ])('%s → %j', (cause, depts) => {
    expect(coApprovalDepartments(cause)).toEqual(depts);
  });
});

describe('refundGate', () => {
  const now = new Date('2026-11-20T02:00:00Z');
  it('refuses a prepayment refund inside the agreement period', () => {
    const r = refundGate({ cause: 'prepayment', amountFen: 10000 }, { agreementEndsAt: '2027-06-30T16:00:00Z' }, now);
    expect(r?.reason).toBe('in_agreement_period');
    expect(r?.detail).toContain('2027-06-30');
  });
  it('allows it after the period, at its end, or without an agreement', () => {
    expect(refundGate({ cause: 'prepayment', amountFen: 1 }, { agreementEndsAt: '2026-01-01T00:00:00Z' }, now)).toBeNull();
    expect(refundGate({ cause: 'prepayment', amountFen: 1 }, { agreementEndsAt: now.toISOString() }, now)).toBeNull();
    expect(refundGate({ cause: 'prepayment', amountFen: 1 }, { agreementEndsAt: null }, now)).toBeNull();
  });
  it('does not gate other causes', () => {
    expect(
      refundGate({ cause: 'billing_error', amountFen: 1 }, { agreementEndsAt: '2027-06-30T16:00:00Z' }, now),
    ).toBeNull();
  });
  it('refuses to guess on an unparseable agreement end', () => {
    expect(() => refundGate({ cause: 'prepayment', amountFen: 1 }, { agreementEndsAt: 'soon' }, now)).toThrow(RangeError);
  });
});

describe('finance proof, audit, analysis', () => {
  it('a lost invoice needs finance proof', () => {
    expect(needsFinanceProof({ provided: false })).toBe(true);
    expect(needsFinanceProof({ provided: true })).toBe(false);
  });
  it('audits more than threshold refunds a month', () => {
    expect(needsAudit(4, 3)).toBe(true);
    expect(needsAudit(3, 3)).toBe(false);
    expect(needsAudit(1, 3)).toBe(false);
  });
  it('categorises every cause', () => {
    const expected: Record<RefundCause, string> = {
      billing_error: 'billing',
      line_fault: 'network',
      one_time_fee: 'billing',
      billing_dispute: 'billing',
      service_problem: 'service',
      cancellation_balance: 'account',
      prepayment: 'account',
      roaming_deposit: 'account',
      late_fee_waiver: 'billing',
      other: 'other',
    };
    for (const cause of REFUND_CAUSES) expect(analysisCategory(cause)).toBe(expected[cause]);
    expect(REFUND_CAUSES).toHaveLength(10);
  });
  it('isRefundCause', () => {
    expect(isRefundCause('line_fault')).toBe(true);
    expect(isRefundCause('bribe')).toBe(false);
    expect(isRefundCause(3)).toBe(false);
  });
});

describe('formatYuan', () => {
  it.each([
    [19999, '199.99'],
    [20000, '200.00'],
    [49999, '499.99'],
    [50000, '500.00'],
    [0, '0.00'],
    [5, '0.05'],
    [-150, '-1.50'],
    [123456789, '1234567.89'],
  ])('%d fen → %s', (fen, s) => {
    expect(formatYuan(fen)).toBe(s);
  });
  it('refuses fractions of a fen', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
  });
});
