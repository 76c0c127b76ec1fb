/**
 * New install (新装) rules, processes.md §1: the acceptance gates on the
 * applicant's account and identity documents (seed 000 L217-L219). Pure.
 */
import { hasArrears } from './account';
import type { GateRefusal } from './case';

export const PRODUCTS = ['broadband', 'fixed_line', 'bundle'] as const;
export type Product = (typeof PRODUCTS)[number];

/** Who applies: a person, a small or medium enterprise (中小企业), or another company (政企). */
export const APPLICANT_KINDS = ['individual', 'sme', 'corporate'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const ID_DOCUMENT_TYPES = ['resident_id', 'passport', 'mainland_travel_permit', 'other'] as const;

/** What the acceptance gates read of the identity documents. */
export interface IdentityDocuments {
  applicant: ApplicantKind;
  /** The personal ID of the applicant, or of the company's handler (经办人); `local`: issued in this city. */
  idDocument: { local: boolean };
  businessLicence?: unknown;
  /** 企业名称预先核准通知书: a company whose licence is not yet issued. */
  namePreApprovalNotice?: unknown;
}

export interface InstallTerms {
  identity: IdentityDocuments;
  /** The package's monthly fee (fen). */
  monthlyFeeFen: number;
  billing?: 'postpaid' | 'prepaid';
  /** Package fees prestored at the counter (预存). */
  prepayment?: { amountFen: number };
}

export type NewInstallRefusal = GateRefusal<'arrears_outstanding' | 'prepayment_required' | 'business_licence_required'>;

/** Default of policy `new_install.prepayment_months`: the seed's 6–12 months, at least 6. */
export const DEFAULT_PREPAYMENT_MONTHS = 6;

/** An SME that shows only an ID card from another city (seed 000 L219). */
export function onlyNonLocalId(identity: IdentityDocuments): boolean {
  return identity.applicant === 'sme' && !identity.idDocument.local && !identity.businessLicence;
}

/**
 * Acceptance gates: no arrears; an SME with only a non-local ID prestores at
 * least `prepaymentMonths` months of the package fee or takes prepaid
 * service (seed 000 L219); a company shows its business licence or, not yet
 * having one, the name pre-approval notice (seed 000 L218).
 */
export function newInstallGate(terms: InstallTerms, account: { arrearsFen: number }, prepaymentMonths: number): NewInstallRefusal | undefined {
  if (hasArrears(account)) return { reason: 'arrears_outstanding', detail: `the customer owes ${account.arrearsFen} fen` };
  const { identity } = terms;
  if (identity.applicant === 'corporate' && !identity.businessLicence && !identity.namePreApprovalNotice) {
    return { reason: 'business_licence_required', detail: 'a company shows its business licence or the name pre-approval notice' };
  }
  if (onlyNonLocalId(identity) && terms.billing !== 'prepaid') {
    const neededFen = prepaymentMonths * terms.monthlyFeeFen;
    if ((terms.prepayment?.amountFen ?? 0) < neededFen) {
      return {
        reason: 'prepayment_required',
        detail: `an SME with only a non-local ID prestores at least ${prepaymentMonths} months of the package fee (${neededFen} fen) or takes prepaid service`,
      };
    }
  }
  return undefined;
}

/** Accepted on the name pre-approval notice: the identity record is completed once the licence is issued (seed 000 L218). */
export function needsIdentityFollowUp(identity: IdentityDocuments): boolean {
  return identity.applicant === 'corporate' && !identity.businessLicence && Boolean(identity.namePreApprovalNotice);
}
