/**
 * Fault repair (障碍申告/修障), processes.md §6: the contract — input,
 * stages, task forms, policies. The workflow is workflows/fault-repair.ts;
 * the rules are src/domain/fault-repair.ts. A complaint starts one as a child
 * case with `order.startCase(faultRepairOrder, 'fault_repair', fields)`.
 */
import { Type, type Static } from 'typebox';
import { DEFAULT_MONTHLY_RENT_FEN, reportedAtProblem } from '../domain/fault-repair';
import { defineProcess } from './define';
import { callbackSurveyForm } from './callback';
import { NoData, taskForm } from './forms';
import { Id, Text, Timestamp } from './schema';
import { appointmentForm, CustomerSignature, finishedVisit, visitFailureForm, visitForm } from './visits';

export const FaultRepairInput = Type.Object(
  {
    serviceId: Id,
    symptom: Text(2000, 'What the customer reports: no dial tone, no sync, slow…'),
    reportedAt: Type.Optional(
      Timestamp('When the customer reported the fault (RFC 3339; not later than now). The repair promise runs from it; default: when the order is opened'),
    ),
  },
  { additionalProperties: false },
);
export type FaultRepairInput = Static<typeof FaultRepairInput>;

export const FAULT_REPAIR_STAGES = ['remote_diagnosis', 'awaiting_appointment', 'visit', 'escalated', 'confirming_restoration', 'callback'] as const;
export type FaultRepairStage = (typeof FAULT_REPAIR_STAGES)[number];

const Finding = Type.Object({ finding: Text(2000, 'What the test showed, what was done') }, { additionalProperties: false });

/** The customer's own equipment (router, handset, in-home wiring) is at fault: the customer signs the finding. */
const CustomerEquipmentFault = Type.Object(
  {
    arrivedAt: Timestamp('When the technician arrived'),
    equipment: Text(200, "The customer's equipment at fault"),
    finding: Text(2000),
    signature: CustomerSignature,
  },
  { additionalProperties: false },
);

export const faultRepairForms = {
  /** The network's remote test could not decide: a technician tests the line from the exchange. */
  remoteDiagnosis: taskForm('remote_diagnosis', { cleared: Finding, needs_visit: Finding }),
  appointment: appointmentForm,
  visit: visitForm(
    'repair_visit',
    { restored: finishedVisit(['faultRepaired', 'serviceTested']), customer_equipment_fault: CustomerEquipmentFault },
    'needs_escalation',
  ),
  /** The visit could not repair the fault: a supervisor sends another visit or gives the repair up. */
  escalation: visitFailureForm('resolve_escalated_fault'),
  /** The customer says whether the service works again. */
  confirmRestoration: taskForm('confirm_restoration', {
    confirmed: NoData,
    still_faulty: Type.Object({ symptom: Text(2000, 'What the customer still sees') }, { additionalProperties: false }),
  }),
};

export const faultRepairProcess = defineProcess({
  type: 'fault_repair',
  kind: 'order',
  workflowType: 'faultRepairOrder',
  input: FaultRepairInput,
  stages: FAULT_REPAIR_STAGES,
  taskForms: [...Object.values(faultRepairForms), callbackSurveyForm],
  outcomes: ['restored', 'customer_equipment_fault'],
  reasons: ['service_of_another_customer', 'needs_escalation'],
  slas: {
    'fault_repair.resolve.urban': { duration: 'PT48H', calendar: 'continuous' },
    'fault_repair.resolve.rural': { duration: 'PT72H', calendar: 'continuous' },
    'fault_repair.callback': { duration: 'P3D', calendar: 'continuous' },
  },
  policies: { 'fault_repair.default_monthly_rent_fen': DEFAULT_MONTHLY_RENT_FEN },
  check(input, now) {
    const problem = input.reportedAt === undefined ? undefined : reportedAtProblem(input.reportedAt, now);
    return problem ? [{ path: 'reportedAt', message: problem }] : [];
  },
});
