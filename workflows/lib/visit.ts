import type { TObject } from 'typebox';
import type { Role } from '../../src/domain/roles';
import { arrivalAgainstSlot, arrivalProblem, rescheduleProblem, signedByTechnician, slotProblem, type Slot } from '../../src/domain/visits';
import type { AppointmentForm, VisitFailureForm, VisitForm } from '../../src/processes/visits';
import type { Change } from './case';
import type { CompleteTaskRequest } from './messages';
import type { Notices } from './notices';
import type { Decision, TaskBoard } from './tasks';

/** What the visit block uses of the case. */
export interface VisitHost<Stage extends string> {
  readonly tasks: TaskBoard;
  readonly notify: Notices;
  stage(stage: Stage, change?: Change): Promise<void>;
  hold(stage: Stage, reason: string, change?: Change): Promise<void>;
  record(data: Record<string, unknown>, event: { kind: string; detail?: Record<string, unknown>; actor?: string }): Promise<void>;
  onCancel(undo: () => Promise<void>): void;
}

export interface VisitPlan<Done extends Record<string, TObject>, Failure extends string, Stage extends string> {
  /** Who agrees the slot with the customer, and the clock they must reach them within (e.g. `new_install.contact`). */
  booking: { form: AppointmentForm; role: Role; slaKey?: string };
  /** The technician's task at the premises. */
  visit: VisitForm<Done, Failure>;
  /** Who decides what follows a failed visit. */
  failure: { form: VisitFailureForm; role: Role };
  stages: { booking: Stage; visit: Stage; held: Stage };
  /** What the technician needs to know: address, product, symptom… (never a phone number). */
  data: Record<string, unknown>;
}

type DoneDecision<Done extends Record<string, TObject>, Failure extends string> = Extract<
  Decision<VisitForm<Done, Failure>>,
  { outcome: keyof Done }
>;

/** How the visits ended: an outcome that finishes the visit (with the slot it happened in), or the order given up. */
export type VisitResult<Done extends Record<string, TObject>, Failure extends string> =
  | (DoneDecision<Done, Failure> & { slot: Slot })
  | { outcome: 'abandoned'; reason: string };

const now = () => new Date();

/** The technician's visit cannot be recorded as the customer's signature, in the future, or rescheduled once the slot began. */
function visitRule(slot: Slot) {
  return ({ outcome, data = {}, actor }: CompleteTaskRequest): string | undefined => {
    if (outcome === 'company_reschedule') return rescheduleProblem(slot, now());
    const arrived = typeof data.arrivedAt === 'string' ? arrivalProblem(data.arrivedAt, now()) : undefined;
    if (arrived) return arrived;
    const signature = data.signature as { signerName?: string } | undefined;
    if (signature?.signerName && signedByTechnician(signature.signerName, actor)) return 'the customer signs for themselves; a technician may not sign for them';
    return undefined;
  };
}

/**
 * A technician's visit to the customer (the appointment and visit blocks):
 * book a slot in the future with the customer within the contact clock,
 * visit, record the arrival against the slot (off by more than ten minutes:
 * lateness on the visit and the case), and loop — the customer was absent
 * (contact them and book again), the company rescheduled before the slot
 * (book again), or the visit failed (the case is held until a supervisor
 * orders another visit or gives the order up). Every booking and visit is
 * on the timeline. Should the case not complete while a slot is booked, the
 * appointment is cancelled: recorded on the case and the technician told.
 */
export async function visitCustomer<Done extends Record<string, TObject>, Failure extends string, Stage extends string>(
  host: VisitHost<Stage>,
  plan: VisitPlan<Done, Failure, Stage>,
): Promise<VisitResult<Done, Failure>> {
  const visits: Array<Record<string, unknown>> = [];
  let rebooking: string | undefined;
  /** The appointment booked and not yet visited, if any. */
  let booked: { slot: Slot; attempt: number; technicianId: string | null } | undefined;
  host.onCancel(async () => {
    if (!booked) return;
    const { slot, attempt, technicianId } = booked;
    await host.record({ appointment: { ...booked, status: 'cancelled' } }, { kind: 'appointment_cancelled', detail: { slot, attempt } });
    await host.notify.staff(`appointment_cancelled:${attempt}`, technicianId ? { staffId: technicianId } : 'technician', 'appointment_cancelled', { start: slot.start, end: slot.end });
  });
  for (let attempt = 1; ; attempt++) {
    await host.stage(plan.stages.booking);
    const booking = await host.tasks.ask(plan.booking.form, {
      role: plan.booking.role,
      ...(plan.booking.slaKey ? { slaKey: plan.booking.slaKey } : {}),
      data: { ...plan.data, attempt, ...(rebooking ? { rebooking } : {}) },
      check: ({ data }) => slotProblem((data as { slot: Slot }).slot, now()),
    });
    const { slot, technicianId } = booking.data;
    booked = { slot, attempt, technicianId: technicianId ?? null };
    await host.record(
      { appointment: { ...booked, status: 'booked' } },
      { kind: attempt === 1 ? 'appointment_booked' : 'appointment_rebooked', actor: booking.actor.sub, detail: { slot, attempt, ...(rebooking ? { after: rebooking } : {}) } },
    );
    await host.notify.customer(`appointment:${attempt}`, 'appointment_booked', { start: slot.start, end: slot.end });

    await host.stage(plan.stages.visit);
    const visit = await host.tasks.ask(plan.visit, {
      role: 'technician',
      ...(technicianId ? { assignee: technicianId } : {}),
      data: { ...plan.data, slot, attempt },
      check: visitRule(slot),
    });
    booked = undefined;
    const data = visit.data as { arrivedAt?: string };
    const arrival = data.arrivedAt ? arrivalAgainstSlot(slot, data.arrivedAt) : undefined;
    visits.push({ attempt, slot, outcome: visit.outcome, technician: visit.actor.sub, ...(arrival ? { arrivedAt: data.arrivedAt, ...arrival } : {}) });
    await host.record({ visits }, { kind: 'visit_recorded', actor: visit.actor.sub, detail: { attempt, outcome: visit.outcome } });
    if (arrival && !arrival.onTime) {
      await host.record({ lateArrival: true }, { kind: 'visit_off_time', actor: visit.actor.sub, detail: { attempt, minutesLate: arrival.minutesLate } });
    }

    if (visit.outcome === 'customer_absent' || visit.outcome === 'company_reschedule') {
      // The customer is contacted to agree a new slot (seed 002 L78).
      await host.notify.customer(`visit:${attempt}`, `visit_${visit.outcome}`, { start: slot.start });
      rebooking = visit.outcome;
      continue;
    }
    if (visit.outcome === plan.visit.failure) {
      await host.hold(plan.stages.held, plan.visit.failure);
      const resolution = await host.tasks.ask(plan.failure.form, {
        role: plan.failure.role,
        data: { ...plan.data, slot, attempt, fault: (visit.data as { fault: string }).fault },
      });
      if (resolution.outcome === 'abandon') return { outcome: 'abandoned', reason: resolution.data.reason };
      rebooking = plan.visit.failure;
      continue;
    }
    return { ...(visit as unknown as DoneDecision<Done, Failure>), slot };
  }
}
