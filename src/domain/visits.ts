/**
 * Appointments and visits at the customer's premises (processes.md §1 step
 * 3, seed 002 L77-L78, L89, L124). Pure: runs in the workflow sandbox.
 */

/** A technician arriving more than this many minutes before or after the slot starts is off time (seed 002 L77). */
export const ARRIVAL_TOLERANCE_MINUTES = 10;

export interface Slot {
  start: string;
  end: string;
}

export interface Arrival {
  /** Minutes after the slot's start (negative: early). */
  minutesLate: number;
  onTime: boolean;
}

const MINUTE = 60_000;

export function arrivalAgainstSlot(slot: Slot, arrivedAt: string): Arrival {
  const minutesLate = Math.round((Date.parse(arrivedAt) - Date.parse(slot.start)) / MINUTE);
  return { minutesLate, onTime: Math.abs(minutesLate) <= ARRIVAL_TOLERANCE_MINUTES };
}

/** Why a slot cannot be booked now, or undefined: it must start in the future and end after it starts. */
export function slotProblem(slot: Slot, now: Date): string | undefined {
  const [start, end] = [Date.parse(slot.start), Date.parse(slot.end)];
  if (start <= now.getTime()) return 'the slot must start in the future';
  if (end <= start) return 'the slot must end after it starts';
  return undefined;
}

/** A company reschedule needs notice: only before the slot starts (seed 002 L78). */
export function rescheduleProblem(slot: Slot, now: Date): string | undefined {
  return now.getTime() < Date.parse(slot.start) ? undefined : 'the company may reschedule only before the slot starts; record what happened at the visit instead';
}

/** A visit cannot be recorded as having happened in the future (a few minutes of clock skew are allowed). */
export function arrivalProblem(arrivedAt: string, now: Date): string | undefined {
  return Date.parse(arrivedAt) <= now.getTime() + 5 * MINUTE ? undefined : 'arrivedAt is in the future';
}

const normalise = (s: string) => s.trim().toLowerCase();

/** The customer signs for themselves: the technician may never sign for them (seed 002 L89). */
export function signedByTechnician(signerName: string, technician: { sub: string; name?: string }): boolean {
  const signer = normalise(signerName);
  return signer === normalise(technician.sub) || (technician.name !== undefined && signer === normalise(technician.name));
}
