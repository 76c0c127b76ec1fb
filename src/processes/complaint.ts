/**
 * Complaint with first-responder responsibility (首问负责制), processes.md §7:
 * the contract — input, stages, task forms, policies. The workflow is
 * workflows/complaint.ts; the rules are src/domain/complaint.ts.
 */
import { Type, type Static } from 'typebox';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_FLAGS,
  COMPLAINT_OWNER_ROLES,
  COMPLAINT_SUBJECTS,
  HANDOFF_DEPARTMENTS,
} from '../domain/complaint';
import { defineProcess } from './define';
import { NoData, Reason, taskForm } from './forms';
import { Id, Text } from './schema';

/** The answer given to the customer, with what closing needs: the root cause and the improvement (seed 002 L115). */
export const Answer = Type.Object(
  {
    answer: Text(2000, 'What the customer is told'),
    rootCause: Text(2000, 'Why it happened (found after the fix)'),
    improvement: Text(2000, 'What changes so it does not happen again'),
  },
  { additionalProperties: false },
);
export type Answer = Static<typeof Answer>;

export const ComplaintInput = Type.Object(
  {
    channel: Type.Enum([...COMPLAINT_CHANNELS]),
    category: Type.Enum([...COMPLAINT_CATEGORIES]),
    subject: Type.Enum([...COMPLAINT_SUBJECTS]),
    description: Text(4000, 'What the customer says'),
    flags: Type.Optional(
      Type.Array(Type.Enum([...COMPLAINT_FLAGS]), { uniqueItems: true, maxItems: COMPLAINT_FLAGS.length, description: 'Any flag makes the complaint critical' }),
    ),
    serviceId: Type.Optional(Id),
    orderId: Type.Optional(Id),
    firstResponder: Type.Optional(
      Type.Object(
        {
          id: Id,
          role: Type.Enum([...COMPLAINT_OWNER_ROLES], { description: 'The role the first responder owns the complaint in' }),
        },
        { additionalProperties: false, description: 'Named by a front-office system: the staff member who took the complaint and owns it until it is closed' },
      ),
    ),
    resolvedOnSpot: Type.Optional(
      Type.Object(
        { answer: Answer.properties.answer, rootCause: Type.Optional(Answer.properties.rootCause), improvement: Type.Optional(Answer.properties.improvement) },
        {
          additionalProperties: false,
          description:
            'Resolved on the spot (the contract\'s `{ answer }`): the customer accepted at the counter and the complaint closes at once; the root cause and improvement are recorded when given',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ComplaintInput = Static<typeof ComplaintInput>;

export const COMPLAINT_STAGES = ['investigating', 'handed_off', 'awaiting_repair', 'escalated', 'customer_acceptance'] as const;
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];

/** The owner's resolution: an answer, a hand-off to a department, or (network quality) a fault repair. */
const resolveOutcomes = {
  resolved: Answer,
  hand_off: Type.Object(
    { department: Type.Enum([...HANDOFF_DEPARTMENTS]), request: Text(2000, 'What the department is asked to do or find out') },
    { additionalProperties: false },
  ),
};
const StartRepair = Type.Object({ symptom: Text(2000, 'The fault the technicians look for') }, { additionalProperties: false });
const resolveWithRepair = taskForm('resolve_complaint', { ...resolveOutcomes, start_repair: StartRepair });

export const complaintForms = {
  /**
   * The owner's task. Only a network-quality complaint about a service may
   * start a fault repair; the others' form has no `start_repair`, so that
   * decision never comes (the type covers both).
   */
  resolve: (canRepair: boolean): typeof resolveWithRepair => (canRepair ? resolveWithRepair : (taskForm('resolve_complaint', resolveOutcomes) as typeof resolveWithRepair)),
  /** A department's part, handed back to the owner. */
  handOff: taskForm('complaint_handoff', {
    returned: Type.Object({ findings: Text(2000, 'What the department found or did') }, { additionalProperties: false }),
  }),
  /** An escalation level's answer (首问负责工单), returned through the owner. */
  escalation: taskForm('complaint_escalation', {
    answered: Type.Object({ answer: Text(2000, 'The answer, or what the owner is to do') }, { additionalProperties: false }),
  }),
  /** The owner asks the customer whether the answer settles the complaint. */
  acceptance: taskForm('customer_acceptance', { accepted: NoData, rejected: Reason }),
};

export const complaintProcess = defineProcess({
  type: 'complaint',
  kind: 'complaint',
  workflowType: 'complaintCase',
  input: ComplaintInput,
  stages: COMPLAINT_STAGES,
  taskForms: [complaintForms.resolve(true), complaintForms.handOff, complaintForms.escalation, complaintForms.acceptance],
  outcomes: ['resolved_on_spot', 'accepted', 'acceptance_timed_out', 'rejected_at_top'],
  reasons: ['no_owner'],
  slas: {
    'complaint.reply.critical': { duration: 'PT4H', calendar: 'continuous' },
    'complaint.reply.high': { duration: 'PT24H', calendar: 'continuous' },
    'complaint.reply.normal': { duration: 'PT48H', calendar: 'continuous' },
    'complaint.acceptance_wait': { duration: 'P3D', calendar: 'continuous' },
    'complaint.escalation': { duration: 'PT24H', calendar: 'continuous' },
  },
  policies: { 'complaint.repeat_window': 'P30D' },
});
