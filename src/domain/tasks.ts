import type { JsonSchema } from './forms';
import type { Role } from './roles';

export type { JsonSchema };

export const TASK_STATES = ['open', 'claimed', 'completed', 'escalated', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];
/** States of a task someone may still act on. */
export const OPEN_TASK_STATES = ['open', 'claimed'] as const satisfies readonly TaskState[];

/** A step a person must do, as the workflow defines it. */
export interface TaskSpec {
  kind: string;
  role: Role;
  /** Outcome name → JSON Schema of the data that outcome records. */
  form: Record<string, JsonSchema>;
  /** Context the person needs (amount, customer, offers...). No secrets. */
  data: Record<string, unknown>;
  /** Policy key of the clock that sets `dueAt`; none → no due time. */
  slaKey?: string;
  /** Approves money: an admin may not complete it. */
  approvesMoney?: boolean;
  /** Only a holder of the role whose token names this department (`dept`) may act on it. */
  department?: string;
  assignee?: string;
  /** Only this staff member may act on the task (a complaint's first responder): it is assigned to them for good. */
  owner?: string;
}

export interface TaskRecord extends TaskSpec {
  id: string;
  caseId: string;
  caseType: string;
  state: TaskState;
  createdAt: string;
  dueAt: string | null;
  outcomes: string[];
}

/** What a person submits to finish a task. */
export interface TaskDecision {
  outcome: string;
  comment?: string;
  data?: Record<string, unknown>;
}

export const COMMENT_MAX_LENGTH = 2000;
