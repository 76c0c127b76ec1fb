/**
 * Relocation (移机), processes.md §2: the contract — input, stages, task
 * forms, policies. The workflow is workflows/relocation.ts; the rules are
 * src/domain/relocation.ts.
 */
import { Type, type Static } from 'typebox';
import { ACCESS_TYPES } from '../domain/inventory';
import { defineProcess } from './define';
import { Address, Id } from './schema';
import { callbackSurveyForm } from './callback';
import { expediteOrderForm } from './overdue';
import { planResourceForm } from './resources';
import { appointmentForm, finishedVisit, visitFailureForm, visitForm } from './visits';

export const RelocationInput = Type.Object(
  {
    serviceId: Id,
    newAddress: Address,
    keepNumber: Type.Boolean({ description: 'true: the line keeps its number and may never change it (seed 000 L229); false: a new number' }),
    accessType: Type.Optional(Type.Enum([...ACCESS_TYPES], { description: 'Access at the new address (default ftth)' })),
  },
  { additionalProperties: false },
);
export type RelocationInput = Static<typeof RelocationInput>;

export const RELOCATION_STAGES = ['awaiting_resource', 'awaiting_appointment', 'visit', 'technical_hold', 'relocation', 'callback'] as const;
export type RelocationStage = (typeof RELOCATION_STAGES)[number];

/** What the technician does on a relocation; the customer signs for it. */
export const RELOCATION_CHECKLIST = ['dismantledAtOldAddress', 'installedAtNewAddress', 'equipmentMoved', 'activationTestPassed'] as const;

export const relocationForms = {
  visit: visitForm('record_visit', { relocated: finishedVisit(RELOCATION_CHECKLIST) }, 'technical_failure'),
  technicalFailure: visitFailureForm('resolve_technical_failure'),
};

export const relocationProcess = defineProcess({
  type: 'relocation',
  kind: 'order',
  workflowType: 'relocationOrder',
  input: RelocationInput,
  stages: RELOCATION_STAGES,
  taskForms: [planResourceForm, appointmentForm, ...Object.values(relocationForms), callbackSurveyForm, expediteOrderForm],
  outcomes: ['relocated', 'survey_missed'],
  reasons: ['arrears_outstanding', 'service_not_active', 'number_change_blocked', 'no_resource', 'resource_wait_expired', 'technical_failure'],
  // As for a new install (processes.md §2).
  slas: {
    'relocation.resource_wait': { duration: 'P14D', calendar: 'continuous' },
    'relocation.contact': { duration: 'PT4H', calendar: 'continuous' },
    'relocation.callback': { duration: 'P3D', calendar: 'continuous' },
    'relocation.complete.urban': { duration: 'P3D', calendar: 'working' },
    'relocation.complete.rural': { duration: 'P5D', calendar: 'working' },
  },
});
