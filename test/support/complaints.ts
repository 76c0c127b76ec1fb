/**
 * Complaints for workflow tests and replay scenarios: taken by a hall clerk
 * (`clerk-1`, the owner unless a firstResponder is named), opened the way
 * the API does, and the people of the process doing their tasks.
 */
import type { Client } from '@temporalio/client';
import type { Db } from '../../src/db/index';
import type { Actor } from '../../src/domain/roles';
import type { ComplaintInput } from '../../src/processes/complaint';
import { answer, complaintFields } from '../fixtures/complaint';
import { decide, openCase, openTask, seedCustomer, staff } from './cases';

export const clerk = staff('clerk-1', 'frontoffice');
export const levels = { supervisor: staff('sup-1', 'supervisor'), branch_leader: staff('bl-1', 'branch_leader'), general_manager: staff('gm-1', 'general_manager') };

/** A complaint of a (new, or given) customer. */
export async function fileComplaint(client: Client, db: Db, taskQueue: string, fields: Partial<ComplaintInput> = {}, customerId?: string) {
  const customer = customerId ?? (await seedCustomer(db));
  const start = await openCase(client, db, taskQueue, 'complaint', customer, complaintFields(fields));
  return { ...start, handle: client.workflow.getHandle(start.id) };
}

/** The people of a complaint doing their tasks, through the case's `completeTask` update. */
export function complaintSteps(client: Client, db: Db) {
  const act = async (caseId: string, kind: string, actor: Actor, outcome: string, data: Record<string, unknown> = {}) =>
    decide(client, caseId, (await openTask(db, caseId, kind)).id, actor, outcome, data);
  return {
    act,
    /** The owner answers, with the root cause and the improvement. */
    resolve: (caseId: string, text?: string, owner: Actor = clerk) => act(caseId, 'resolve_complaint', owner, 'resolved', answer(text)),
    /** The owner records the customer's verdict. */
    accept: (caseId: string, owner: Actor = clerk) => act(caseId, 'customer_acceptance', owner, 'accepted'),
    reject: (caseId: string, reason = 'still charged twice', owner: Actor = clerk) => act(caseId, 'customer_acceptance', owner, 'rejected', { reason }),
    /** An escalation level answers. */
    answerLevel: (caseId: string, role: keyof typeof levels, text = `${role} orders a refund`) => act(caseId, 'complaint_escalation', levels[role], 'answered', { answer: text }),
  };
}
