/**
 * Task forms: what a person may decide on a task and what each outcome
 * records. Defined once per process in TypeBox, so the workflow gets the
 * decision's type and the wire gets JSON Schema (`form[outcome]` in the
 * inbox). Pure (imported by workflow code).
 */
import { Type, type Static, type TObject } from 'typebox';
import { Text } from './schema';

export interface TaskForm<Outcomes extends Record<string, TObject> = Record<string, TObject>> {
  readonly kind: string;
  readonly outcomes: Outcomes;
}

export function taskForm<Outcomes extends Record<string, TObject>>(kind: string, outcomes: Outcomes): TaskForm<Outcomes> {
  return { kind, outcomes };
}

export type OutcomeOf<F extends TaskForm> = keyof F['outcomes'] & string;
export type DataOf<F extends TaskForm, O extends OutcomeOf<F>> = Static<F['outcomes'][O]>;

/** An outcome that records nothing beyond the optional comment. */
export const NoData = Type.Object({}, { additionalProperties: false });

/** An outcome that needs a reason in words. */
export const Reason = Type.Object({ reason: Text(2000, 'Why, in words') }, { additionalProperties: false });

/** A form whose outcomes record nothing. */
export function plainOutcomes<const O extends string>(...outcomes: O[]): Record<O, typeof NoData> {
  return Object.fromEntries(outcomes.map((o) => [o, NoData])) as Record<O, typeof NoData>;
}
