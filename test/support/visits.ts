/** A technician's app and the caller's phone, for the processes that send someone to the customer. */
import type { Client } from '@temporalio/client';
import type { Db } from '../../src/db/index';
import type { Actor } from '../../src/domain/roles';
import { decide, openTask, staff } from './cases';

export const technician = staff('tech-1', 'technician');
export const planner = staff('sup-plan', 'supervisor');
export const caller = staff('agent-1', 'agent');
/** The customer signs on the technician's pad, with their own name. */
export const customerSignature = { reference: 'SIG-0001', signerName: '李四' };

export const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** The technician agrees a slot `minutes` from now with the customer and takes the visit. */
export async function bookVisit(client: Client, db: Db, caseId: string, minutes = 2, by: Actor = technician) {
  const task = await openTask(db, caseId, 'book_appointment');
  const slot = { start: inMinutes(minutes), end: inMinutes(minutes + 120) };
  await decide(client, caseId, task.id, by, 'booked', { slot, contactedAt: new Date().toISOString(), technicianId: technician.sub });
  return slot;
}

/** The technician records how the visit went. */
export async function recordVisit(client: Client, db: Db, caseId: string, outcome: string, data: Record<string, unknown>) {
  const task = await openTask(db, caseId, 'record_visit');
  return decide(client, caseId, task.id, technician, outcome, data);
}

/** A finished visit: on time, every checklist item done, signed by the customer. */
export function finishedVisitData(checklist: readonly string[], slot: { start: string }) {
  return { arrivedAt: slot.start, checklist: Object.fromEntries(checklist.map((item) => [item, true])), signature: customerSignature };
}

/** The caller reaches the customer after the visit. */
export async function surveyCustomer(client: Client, db: Db, caseId: string, satisfaction = 5) {
  const task = await openTask(db, caseId, 'callback_survey');
  return decide(client, caseId, task.id, caller, 'surveyed', { satisfaction });
}
