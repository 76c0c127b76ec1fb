/**
 * The messages every case workflow answers. The API imports these
 * definitions; the workflow building blocks install their handlers.
 */
import { ApplicationFailure, defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../src/domain/roles';
import type { CaseState, CaseType } from '../../src/domain/case';
import type { TaskDecision, TaskRecord } from '../../src/domain/tasks';

/** What every process receives when its case is opened. */
export interface CaseStart<Fields extends object = object> {
  id: string;
  type: CaseType;
  customerId: string;
  createdBy: Actor;
  /** RFC 3339; the moment the request was accepted. */
  createdAt: string;
  fields: Fields;
  /** Set when another case started this one (a complaint's fault repair, a cancellation's balance refund). */
  parent?: { id: string; type: CaseType };
}

export interface CaseSnapshot {
  id: string;
  type: CaseType;
  state: CaseState;
  stage: string;
  outcome: string | null;
  stateReason: string | null;
}

export interface CaseStatus extends CaseSnapshot {
  pendingTasks: Array<Pick<TaskRecord, 'id' | 'kind' | 'role' | 'dueAt'>>;
  cancellable: boolean;
}

export interface CompleteTaskRequest extends TaskDecision {
  taskId: string;
  actor: Actor;
}

export interface CompleteTaskResult {
  task: { id: string; kind: string; outcome: string; completedBy: string; completedAt: string };
  case: CaseSnapshot;
}

export interface CancelCaseRequest {
  reason: string;
  actor: Actor;
}

/**
 * Why an update was refused. The validator throws an ApplicationFailure
 * whose `type` is one of these; the API maps them to HTTP statuses.
 */
export const REFUSAL = {
  notFound: 'NotFound', // 404
  forbidden: 'Forbidden', // 403
  conflict: 'Conflict', // 409
  unprocessable: 'Unprocessable', // 422
} as const;
export type Refusal = (typeof REFUSAL)[keyof typeof REFUSAL];

/** A refusal an update validator throws: final, and mapped to an HTTP status by the API. */
export function refuse(type: Refusal, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}

export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskRequest]>('completeTask');
export const cancelCaseUpdate = defineUpdate<CaseSnapshot, [CancelCaseRequest]>('cancelCase');
export const caseStatusQuery = defineQuery<CaseStatus>('caseStatus');
/**
 * Answers once the process has taken the case in (`Case.intakeDone()`: a
 * complaint's owner, severity and reply deadline are on record), or once the
 * case has finished (a complaint resolved on the spot): the API waits on it
 * to answer the opening request with what the case became.
 */
export const caseIntakeUpdate = defineUpdate<CaseSnapshot>('caseIntake');
/** A child case tells its parent it has passed its point of no return (its id). */
export const childPastPointOfNoReturnSignal = defineSignal<[string]>('childPastPointOfNoReturn');
