import { describe, expect, it } from 'vitest';
import { hasArrears, insideAgreementPeriod } from '../../src/domain/account';
import { DEFAULT_TRANSFER_FEE_POLICY, introductionLetterProblem, transferFeeFen, transferGate } from '../../src/domain/ownership-transfer';

describe('transferFeeFen (seed 000 L223-L224)', () => {
  it('mobile is free by default; fixed-network lines pay the tariff', () => {
    expect(transferFeeFen('mobile', DEFAULT_TRANSFER_FEE_POLICY)).toBe(0);
    expect(transferFeeFen('fixed_line', DEFAULT_TRANSFER_FEE_POLICY)).toBe(1000);
    expect(transferFeeFen('broadband', { mobile: 0, fixed: 2500 })).toBe(2500);
  });
});

describe('transferGate', () => {
  const active = { status: 'active' };
  it('refuses a line out of service, the same owner, and an unknown new owner', () => {
    expect(transferGate('cus_a', { status: 'suspended' }, {})).toMatchObject({ reason: 'service_not_active' });
    expect(transferGate('cus_a', active, { customerId: 'cus_a', known: true })).toMatchObject({ reason: 'same_owner' });
    expect(transferGate('cus_a', active, { customerId: 'cus_b', known: false })).toMatchObject({ reason: 'unknown_new_owner' });
    expect(transferGate('cus_a', active, { customerId: 'cus_b', known: true })).toBeUndefined();
    expect(transferGate('cus_a', active, {})).toBeUndefined();
  });
});

describe('introductionLetterProblem (seed 000 L228)', () => {
  it('a corporate party needs a sealed letter; a person none', () => {
    expect(introductionLetterProblem('group', undefined)).toMatch(/introduction letter/);
    expect(introductionLetterProblem('group', { sealed: false })).toMatch(/seal/);
    expect(introductionLetterProblem('group', { sealed: true })).toBeUndefined();
    expect(introductionLetterProblem('individual', undefined)).toBeUndefined();
  });
});

describe('account facts', () => {
  const now = new Date('2026-11-23T00:00:00Z');
  it('inside the agreement period until the instant it ends', () => {
    expect(insideAgreementPeriod({ agreementEndsAt: '2026-11-23T00:00:01Z' }, now)).toBe(true);
    expect(insideAgreementPeriod({ agreementEndsAt: '2026-11-23T00:00:00Z' }, now)).toBe(false);
    expect(insideAgreementPeriod({ agreementEndsAt: null }, now)).toBe(false);
    expect(() => insideAgreementPeriod({ agreementEndsAt: 'soon' }, now)).toThrow(RangeError);
  });
  it('arrears are any amount owed', () => {
    expect(hasArrears({ arrearsFen: 0 })).toBe(false);
    expect(hasArrears({ arrearsFen: 1 })).toBe(true);
  });
});
