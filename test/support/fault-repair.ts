/**
 * Fault repair cases for workflow tests and replay scenarios: a customer's
 * report opened the way the API does, and the people of the process doing
 * their tasks through the case's `completeTask` update.
 */
import type { Client } from '@temporalio/client';
import type { Db } from '../../src/db/index';
import type { Actor } from '../../src/domain/roles';
import type { FaultRepairInput } from '../../src/processes/fault-repair';
import { faultRepairFields, restoredVisit, seedService, type ServiceSeed } from '../fixtures/fault-repair';
import { decide, openCase, openTask, seedCustomer, staff } from './cases';
import { useTestWorker } from './worker';

/** A customer reports a fault on their service (or, with `serviceOwner`, on another customer's). */
export async function reportFault(client: Client, db: Db, taskQueue: string, seed: ServiceSeed = {}, fields: Partial<FaultRepairInput> = {}, serviceOwner?: string) {
  const customerId = await seedCustomer(db);
  const serviceId = await seedService(db, serviceOwner ?? customerId, seed);
  const start = await openCase(client, db, taskQueue, 'fault_repair', customerId, faultRepairFields({ serviceId, ...fields }));
  return { ...start, serviceId, handle: client.workflow.getHandle(start.id) };
}

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const technician = staff('tech-1', 'technician');
const agent = staff('agent-1', 'agent');
const supervisor = staff('sup-1', 'supervisor');

/** The people of a fault repair doing their tasks, through the case's `completeTask` update. */
export function faultRepairSteps(client: Client, db: Db) {
  const act = async (caseId: string, kind: string, actor: Actor, outcome: string, data: Record<string, unknown> = {}) =>
    decide(client, caseId, (await openTask(db, caseId, kind)).id, actor, outcome, data);
  return {
    /** The technician tests the line when the network's test could not decide. */
    diagnose: (caseId: string, outcome: 'cleared' | 'needs_visit') => act(caseId, 'remote_diagnosis', technician, outcome, { finding: `line test: ${outcome}` }),
    /** A slot a minute from now, with tech-1. */
    book: (caseId: string) =>
      act(caseId, 'book_appointment', technician, 'booked', { slot: { start: inMinutes(1), end: inMinutes(61) }, contactedAt: new Date().toISOString(), technicianId: technician.sub }),
    visit: (caseId: string, outcome: string, data: Record<string, unknown> = restoredVisit()) => act(caseId, 'repair_visit', technician, outcome, data),
    escalation: (caseId: string, outcome: 'revisit' | 'abandon', data: Record<string, unknown>) => act(caseId, 'resolve_escalated_fault', supervisor, outcome, data),
    confirm: (caseId: string, outcome: 'confirmed' | 'still_faulty' = 'confirmed', data: Record<string, unknown> = {}) => act(caseId, 'confirm_restoration', agent, outcome, data),
    /** The callback survey: a rating 1–5 (and the customer's words), or `unreachable`. */
    survey: (caseId: string, answer: { satisfaction: number; comment?: string } | 'unreachable' = { satisfaction: 5 }) =>
      answer === 'unreachable' ? act(caseId, 'callback_survey', agent, 'unreachable', { attempts: 3 }) : act(caseId, 'callback_survey', agent, 'surveyed', answer),
  };
}

export interface FaultRepairHarness {
  db: Db;
  client: Client;
  worker: { taskQueue: string };
  steps: ReturnType<typeof faultRepairSteps>;
  /** Undo functions (withSla, withPolicy) run after each test. */
  restore: Array<() => Promise<void>>;
  report(seed?: ServiceSeed, fields?: Partial<FaultRepairInput>, serviceOwner?: string): ReturnType<typeof reportFault>;
}

/** A test file's worker, its people and its reports; hooks registered, policies put back after each test. */
export function useFaultRepairs(): FaultRepairHarness {
  const { db, client, worker, restore } = useTestWorker();
  return { db, client, worker, restore, steps: faultRepairSteps(client, db), report: (seed, fields, owner) => reportFault(client, db, worker.taskQueue, seed, fields, owner) };
}
