import { describe, expect, it } from 'vitest';
import { needsIdentityFollowUp, newInstallGate, type InstallTerms } from '../../src/domain/new-install';

const person: InstallTerms = { identity: { applicant: 'individual', idDocument: { local: true } }, monthlyFeeFen: 10000 };
const nonLocalSme: InstallTerms = { identity: { applicant: 'sme', idDocument: { local: false } }, monthlyFeeFen: 10000 };
const clear = { arrearsFen: 0 };

describe('newInstallGate (seed 000 L217-L219)', () => {
  it('arrears_outstanding: any arrears refuse the order', () => {
    expect(newInstallGate(person, { arrearsFen: 1 }, 6)).toMatchObject({ reason: 'arrears_outstanding' });
    expect(newInstallGate(person, clear, 6)).toBeUndefined();
  });

  it('prepayment_required: an SME with only a non-local ID prestores the minimum months or takes prepaid service', () => {
    expect(newInstallGate(nonLocalSme, clear, 6)).toMatchObject({ reason: 'prepayment_required', detail: expect.stringContaining('60000 fen') });
    expect(newInstallGate({ ...nonLocalSme, prepayment: { amountFen: 59999 } }, clear, 6)).toMatchObject({ reason: 'prepayment_required' });
    expect(newInstallGate({ ...nonLocalSme, prepayment: { amountFen: 60000 } }, clear, 6)).toBeUndefined();
    expect(newInstallGate({ ...nonLocalSme, prepayment: { amountFen: 60000 } }, clear, 12)).toMatchObject({ reason: 'prepayment_required' });
    expect(newInstallGate({ ...nonLocalSme, billing: 'prepaid' }, clear, 6)).toBeUndefined();
  });

  it('only an SME showing nothing but a non-local ID is asked to prepay', () => {
    expect(newInstallGate({ ...nonLocalSme, identity: { ...nonLocalSme.identity, idDocument: { local: true } } }, clear, 6)).toBeUndefined();
    expect(newInstallGate({ ...nonLocalSme, identity: { ...nonLocalSme.identity, businessLicence: { number: 'BL' } } }, clear, 6)).toBeUndefined();
    expect(newInstallGate({ ...person, identity: { applicant: 'individual', idDocument: { local: false } } }, clear, 6)).toBeUndefined();
  });

  it('business_licence_required: a company shows its licence or the name pre-approval notice', () => {
    const company = (extra: object): InstallTerms => ({ ...person, identity: { applicant: 'corporate', idDocument: { local: true }, ...extra } });
    expect(newInstallGate(company({}), clear, 6)).toMatchObject({ reason: 'business_licence_required' });
    expect(newInstallGate(company({ businessLicence: { number: 'BL' } }), clear, 6)).toBeUndefined();
    expect(newInstallGate(company({ namePreApprovalNotice: { number: 'NPA' } }), clear, 6)).toBeUndefined();
  });
});

describe('needsIdentityFollowUp (seed 000 L218)', () => {
  it('only for a company accepted on its name pre-approval notice', () => {
    expect(needsIdentityFollowUp({ applicant: 'corporate', idDocument: { local: true }, namePreApprovalNotice: { number: 'N' } })).toBe(true);
    expect(needsIdentityFollowUp({ applicant: 'corporate', idDocument: { local: true }, businessLicence: { number: 'B' }, namePreApprovalNotice: { number: 'N' } })).toBe(false);
    expect(needsIdentityFollowUp({ applicant: 'individual', idDocument: { local: true } })).toBe(false);
  });
});
