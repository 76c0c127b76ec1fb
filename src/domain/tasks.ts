import type { Role } from './roles';

/** JSON Schema (draft 2020-12 subset) of the data a person records with an outcome. */
export type JsonSchema = Record<string, unknown>;

export const TASK_STATES = ['open', 'claimed', 'completed', 'escalated', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** A step a person must do, as the workflow defines it. */
export interface TaskSpec {
  kind: string;
  role: Role;
  /** Outcome name → schema of the data that outcome needs. */
  form: Record<string, JsonSchema>;
  /** Context the person needs (amount, customer, offers...). No secrets. */
  data: Record<string, unknown>;
  /** Policy key of the clock that sets `dueAt`; none → no due time. */
  slaKey?: string;
  /** Approves money: an admin may not complete it. */
  approvesMoney?: boolean;
  assignee?: string;
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

/** A form outcome that records nothing beyond the optional comment. */
export const NO_DATA: JsonSchema = { type: 'object', additionalProperties: false, properties: {} };

/** A form whose outcomes need no data. */
export function plainOutcomes(...outcomes: string[]): Record<string, JsonSchema> {
  return Object.fromEntries(outcomes.map((o) => [o, NO_DATA]));
}

/** A form outcome that needs a non-empty reason. */
export const REASON_REQUIRED: JsonSchema = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } },
};

/**
 * Fields a form outcome requires that the data lacks (absent, null or
 * blank). The API validates the full schema; the workflow's validator, which
 * has no schema engine, checks this much itself.
 */
export function missingRequired(schema: JsonSchema | undefined, data: Record<string, unknown> = {}): string[] {
  const required = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
  return required.filter((field) => {
    const value = data[field];
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  });
}
