/**
 * Cancellation with retention (拆机挽留), processes.md §4: the contract —
 * input, stages, task forms, policies. The workflow is
 * workflows/cancellation.ts; the rules are src/domain/cancellation.ts and
 * src/domain/retention.ts.
 */
import { Type, type Static } from 'typebox';
import { CANCELLATION_CHANNELS, CANCELLATION_REASONS } from '../domain/cancellation';
import { DEFAULT_RETENTION_OFFERS, OFFER_CODES } from '../domain/retention';
import { defineProcess } from './define';
import { NoData, Reason, taskForm } from './forms';
import { ID_PATTERN, Id, Text } from './schema';
import { appointmentForm, finishedVisit, visitFailureForm, visitForm } from './visits';

export const CancellationInput = Type.Object(
  {
    serviceId: Id,
    reasonCode: Type.Enum([...CANCELLATION_REASONS], { description: 'Why the customer leaves' }),
    reasonText: Text(2000, 'The reason in the customer\'s words: it must be recorded (seed 000 L239)'),
    channel: Type.Enum([...CANCELLATION_CHANNELS], { description: 'Where the customer asked to leave' }),
    redeemPoints: Type.Optional(Type.Boolean({ description: 'The customer asks to redeem the account\'s points (seed 000 L243)' })),
  },
  { additionalProperties: false },
);
export type CancellationInput = Static<typeof CancellationInput>;

export const CANCELLATION_STAGES = [
  'counter_retention',
  'dispatch_retention',
  'manager_retention',
  'verify_return',
  'settlement',
  'balance_refund',
  'equipment_recovery',
  'awaiting_appointment',
  'dismantle',
  'dismantle_hold',
  'termination',
] as const;
export type CancellationStage = (typeof CANCELLATION_STAGES)[number];

/** The explanation a breached clock asks for. */
const Explanation = Type.Object({ explanation: Text(2000, 'What delayed the order') }, { additionalProperties: false });

export const cancellationForms = {
  /** Level 1 at the counter, level 2 by the customer manager (seed 002 L395-396). */
  retentionAttempt: taskForm('retention_attempt', {
    retained: Type.Object(
      {
        offer: Type.Enum([...OFFER_CODES], { description: 'The offer the customer accepted: one of those the task lists' }),
        monthlyCreditFen: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'A loyalty credit below its cap (fen a month); absent: the cap' })),
        note: Type.Optional(Text(2000)),
      },
      { additionalProperties: false },
    ),
    not_retained: Type.Object(
      { reason: Text(2000, 'The true reason the customer leaves, in detail (seed 002 L391)') },
      { additionalProperties: false },
    ),
  }),
  /** The grid supervisor sends the order to a customer manager of the grid. */
  dispatchRetention: taskForm('dispatch_retention', {
    assigned: Type.Object(
      { customerManagerId: Type.String({ pattern: ID_PATTERN, description: 'Staff id of the customer manager who makes the second attempt' }) },
      { additionalProperties: false },
    ),
  }),
  /** The supervisor verifies the manager's return of an order not retained. */
  verifyReturn: taskForm('verify_retention_return', {
    confirmed: NoData,
    retry_retention: Type.Object({ instructions: Text(2000, 'What to try with the customer') }, { additionalProperties: false }),
  }),
  /** The clerk takes back the operator's equipment (seed 002 L396). */
  recoverEquipment: taskForm('recover_equipment', {
    recovered: Type.Object(
      { items: Type.Array(Text(200), { minItems: 1, maxItems: 20, description: 'What was taken back (modem, set-top box…)' }) },
      { additionalProperties: false },
    ),
    nothing_to_recover: Reason,
  }),
  /** The technician's dismantling visit, signed by the customer. */
  dismantle: visitForm('dismantle', { dismantled: finishedVisit(['disconnectedAtCabinet', 'dropLineRemoved']) }, 'technical_failure'),
  dismantleFailure: visitFailureForm('resolve_dismantle_failure'),
  /** A breached clock: the order carries why (seed 002 L390). */
  explainDelay: taskForm('explain_delay', { customer_side: Explanation, company_side: Explanation }),
};

export const cancellationProcess = defineProcess({
  type: 'cancellation',
  kind: 'order',
  workflowType: 'cancellationOrder',
  input: CancellationInput,
  stages: CANCELLATION_STAGES,
  taskForms: [appointmentForm, ...Object.values(cancellationForms)],
  outcomes: ['retained', 'dismantled'],
  reasons: [...CANCELLATION_REASONS, 'in_agreement_period', 'not_the_customers_service', 'already_terminated', 'technical_failure'],
  slas: {
    // Both count from the moment the form was filled (seed 002 L390).
    'cancellation.contact': { duration: 'PT4H', calendar: 'continuous' },
    'cancellation.complete': { duration: 'P2D', calendar: 'working' },
  },
  policies: { 'cancellation.retention_offers': DEFAULT_RETENTION_OFFERS },
});
