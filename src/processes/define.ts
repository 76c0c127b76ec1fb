/**
 * A process's entry in the registry: the case type it runs, its workflow, its
 * input schema, and the defaults of the policies it reads. Pure.
 */
import type { Static, TObject } from 'typebox';
import type { CalendarKind } from '../domain/calendar';
import type { CaseType } from '../domain/case';
import type { TaskForm } from './forms';
import type * as workflows from '../../workflows/index';

export type WorkflowType = keyof typeof workflows;

/** The default of an SLA policy; an operator changes it through the policies API. */
export interface SlaDefault {
  duration: string;
  calendar: CalendarKind;
  jeopardyRatio?: number;
  /** false: the clock runs on while the case waits on the customer. */
  pauseWhenPending?: boolean;
}

export interface ProcessDefinition<Input extends TObject = TObject> {
  type: CaseType;
  /** Orders answer at /v1/orders, complaints at /v1/complaints. */
  kind: 'order' | 'complaint';
  workflowType: WorkflowType;
  /** The fields a client sends beside `type` and `customerId`. */
  input: Input;
  /** SLA policies the process starts clocks on (policy key → default). */
  slas: Record<string, SlaDefault>;
  /** The stages its cases pass through (`stage`), besides every case's `received` and `done`. */
  stages: readonly string[];
  /** Every task its workflow may open: each is completed from its form, and the console labels its kind, outcomes and fields. */
  taskForms: readonly TaskForm[];
  /** How its cases may end (`outcome`). */
  outcomes: readonly string[];
  /** The codes it records: why a case is rejected, held or cancelled, and the coded reasons its input carries. */
  reasons: readonly string[];
  /** Other policies it reads (policy key → default value). */
  policies?: Record<string, unknown>;
  /**
   * Rules on the input its schema cannot say (a time not in the future): the
   * API answers 422 with these problems before opening the case, so the
   * workflow trusts them. Pure; `path` is the field's name.
   */
  check?(input: Static<Input>, now: Date): InputProblem[];
}

export interface InputProblem {
  path: string;
  message: string;
}

export function defineProcess<Input extends TObject>(definition: ProcessDefinition<Input>): ProcessDefinition<Input> {
  return definition;
}
