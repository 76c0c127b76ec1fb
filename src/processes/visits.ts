/**
 * Forms of the appointment and visit blocks (workflows/lib/visit.ts), shared
 * by new install, relocation, fault repair and cancellation's dismantle
 * visit. A process picks the outcomes that finish its visit and their data
 * (a checklist, a finding); rebooking and failure are the same everywhere.
 */
import { Type, type TLiteral, type TObject } from 'typebox';
import { taskForm, type TaskForm } from './forms';
import { ID_PATTERN, Text, Timestamp } from './schema';

export const Slot = Type.Object(
  { start: Timestamp('Start of the visit window'), end: Timestamp('End of the visit window') },
  { additionalProperties: false },
);

/** The customer's own signature (seed 002 L89): never the technician's. */
export const CustomerSignature = Type.Object(
  {
    reference: Text(200, 'Reference of the signature captured on the pad or paper form'),
    signerName: Text(100, 'The name the customer signed with'),
  },
  { additionalProperties: false },
);

/** Agreeing a slot with the customer. */
export const appointmentForm = taskForm('book_appointment', {
  booked: Type.Object(
    {
      slot: Slot,
      contactedAt: Timestamp('When the customer was reached'),
      technicianId: Type.Optional(Type.String({ pattern: ID_PATTERN, description: 'Staff id of the technician who will visit: the visit task is assigned to them' })),
    },
    { additionalProperties: false },
  ),
});
export type AppointmentForm = typeof appointmentForm;

/** A finished visit: when the technician arrived, every checklist item done, the customer's signature. */
export function finishedVisit<const Items extends readonly string[]>(items: Items) {
  const checklist = Object.fromEntries(items.map((item) => [item, Type.Literal(true)])) as { [K in Items[number]]: TLiteral<true> };
  return Type.Object(
    {
      arrivedAt: Timestamp('When the technician arrived'),
      checklist: Type.Object(checklist, { additionalProperties: false, description: 'Every item must be done' }),
      signature: CustomerSignature,
      note: Type.Optional(Text(2000)),
    },
    { additionalProperties: false },
  );
}

export const CustomerAbsent = Type.Object(
  { arrivedAt: Timestamp('When the technician arrived'), note: Type.Optional(Text(2000)) },
  { additionalProperties: false },
);
export const CompanyReschedule = Type.Object({ reason: Text(2000, 'Why the company moves the visit') }, { additionalProperties: false });
export const VisitFailure = Type.Object(
  { arrivedAt: Type.Optional(Timestamp('When the technician arrived')), fault: Text(2000, 'What went wrong') },
  { additionalProperties: false },
);

/** Outcomes of every visit besides those that finish it: rebooking, and the process's failure outcome. */
export type VisitOutcomes<Done extends Record<string, TObject>, Failure extends string> = Done & {
  customer_absent: typeof CustomerAbsent;
  company_reschedule: typeof CompanyReschedule;
} & Record<Failure, typeof VisitFailure>;

export interface VisitForm<Done extends Record<string, TObject> = Record<string, TObject>, Failure extends string = string>
  extends TaskForm<VisitOutcomes<Done, Failure>> {
  /** The outcome that holds the case for a supervisor (`technical_failure`, `needs_escalation`). */
  readonly failure: Failure;
}

export function visitForm<Done extends Record<string, TObject>, Failure extends string>(kind: string, done: Done, failure: Failure): VisitForm<Done, Failure> {
  const outcomes = { ...done, customer_absent: CustomerAbsent, company_reschedule: CompanyReschedule, [failure]: VisitFailure } as VisitOutcomes<Done, Failure>;
  return { ...taskForm(kind, outcomes), failure };
}

/** A supervisor decides what follows a failed visit: another visit, or giving the order up. */
export function visitFailureForm(kind: string) {
  return taskForm(kind, {
    revisit: Type.Object({ note: Text(2000, 'What was done so the next visit can succeed') }, { additionalProperties: false }),
    abandon: Type.Object({ reason: Text(2000) }, { additionalProperties: false }),
  });
}
export type VisitFailureForm = ReturnType<typeof visitFailureForm>;
