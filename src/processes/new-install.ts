/**
 * New install (新装), processes.md §1: the contract — input, stages, task
 * forms, policies. The workflow is workflows/new-install.ts; the rules are
 * src/domain/new-install.ts.
 */
import { Type, type Static } from 'typebox';
import { ACCESS_TYPES } from '../domain/inventory';
import { APPLICANT_KINDS, DEFAULT_PREPAYMENT_MONTHS, ID_DOCUMENT_TYPES, PRODUCTS } from '../domain/new-install';
import { defineProcess } from './define';
import { taskForm } from './forms';
import { Address, Fen, Phone, Text } from './schema';
import { callbackSurveyForm } from './callback';
import { expediteOrderForm } from './overdue';
import { planResourceForm } from './resources';
import { appointmentForm, finishedVisit, visitFailureForm, visitForm } from './visits';

const documentNumber = (description: string) => Type.Object({ number: Text(64) }, { additionalProperties: false, description });

export const NewInstallInput = Type.Object(
  {
    product: Type.Enum([...PRODUCTS]),
    accessType: Type.Enum([...ACCESS_TYPES], { description: 'How the line reaches the premises' }),
    installAddress: Address,
    /** The applicant's contact, as the system records it (seed 000 L217). */
    contact: Type.Object(
      {
        name: Text(100),
        phone: Phone,
        email: Type.Optional(Type.String({ maxLength: 200, pattern: '^[^@\\s]+@[^@\\s]+$' })),
        address: Type.Optional(Text(500, 'Mailing address')),
        postcode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
      },
      { additionalProperties: false },
    ),
    identity: Type.Object(
      {
        applicant: Type.Enum([...APPLICANT_KINDS], { description: 'individual; sme (中小企业); corporate (政企)' }),
        idDocument: Type.Object(
          {
            type: Type.Enum([...ID_DOCUMENT_TYPES]),
            number: Text(64),
            local: Type.Boolean({ description: 'Issued in this city (false: a non-local ID, 外地身份证)' }),
          },
          { additionalProperties: false, description: "The applicant's personal ID, or the company handler's (经办人)" },
        ),
        businessLicence: Type.Optional(documentNumber('营业执照, the business licence')),
        namePreApprovalNotice: Type.Optional(documentNumber('企业名称预先核准通知书, for a company whose licence is not yet issued')),
      },
      { additionalProperties: false },
    ),
    monthlyFeeFen: Fen('Monthly fee of the package (fen)'),
    billing: Type.Optional(Type.Enum(['postpaid', 'prepaid'], { description: 'Default postpaid' })),
    prepayment: Type.Optional(
      Type.Object(
        { amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }), reference: Text(100, 'Receipt of the payment taken at the counter') },
        { additionalProperties: false, description: 'Package fees prestored at the counter (预存); refunded if the order does not complete' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type NewInstallInput = Static<typeof NewInstallInput>;

export const NEW_INSTALL_STAGES = [
  'awaiting_resource',
  'awaiting_appointment',
  'visit',
  'technical_hold',
  'activation',
  'callback',
  'awaiting_identity_record',
] as const;
export type NewInstallStage = (typeof NEW_INSTALL_STAGES)[number];

/** What the technician does at an install (seed 002 L89, L124; seed 003 L9); the customer signs for it. */
export const INSTALL_CHECKLIST = ['dropLineLaid', 'cpeInstalled', 'activationTestPassed', 'customerGuided', 'serviceCardLeft'] as const;

export const newInstallForms = {
  visit: visitForm('record_visit', { installed: finishedVisit(INSTALL_CHECKLIST) }, 'technical_failure'),
  technicalFailure: visitFailureForm('resolve_technical_failure'),
  /** A company accepted on its name pre-approval notice brings its licence (seed 000 L218). */
  completeIdentity: taskForm('complete_identity_record', {
    completed: Type.Object({ businessLicenceNumber: Text(64) }, { additionalProperties: false }),
  }),
};

export const newInstallProcess = defineProcess({
  type: 'new_install',
  kind: 'order',
  workflowType: 'newInstallOrder',
  input: NewInstallInput,
  stages: NEW_INSTALL_STAGES,
  taskForms: [planResourceForm, appointmentForm, ...Object.values(newInstallForms), callbackSurveyForm, expediteOrderForm],
  outcomes: ['installed', 'survey_missed'],
  reasons: ['arrears_outstanding', 'business_licence_required', 'prepayment_required', 'no_resource', 'resource_wait_expired', 'technical_failure'],
  slas: {
    'new_install.resource_wait': { duration: 'P14D', calendar: 'continuous' },
    'new_install.contact': { duration: 'PT4H', calendar: 'continuous' },
    'new_install.callback': { duration: 'P3D', calendar: 'continuous' },
    'new_install.complete.urban': { duration: 'P3D', calendar: 'working' },
    'new_install.complete.rural': { duration: 'P5D', calendar: 'working' },
  },
  policies: { 'new_install.prepayment_months': DEFAULT_PREPAYMENT_MONTHS },
});
