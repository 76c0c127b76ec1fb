/**
 * The planner's task while an order waits for network resources at the
 * customer's address (processes.md §1 step 1; relocation's new address).
 * Pure (imported by workflow code).
 */
import { Type } from 'typebox';
import { Reason, taskForm } from './forms';
import { Text } from './schema';

/** The planner adds capacity (then the order tries again) or says none will come (the order is given up). */
export const planResourceForm = taskForm('plan_resource', {
  resource_added: Type.Object({ note: Type.Optional(Text(2000, 'What was added, e.g. a new splitter')) }, { additionalProperties: false }),
  no_resource: Reason,
});
export type PlanResourceForm = typeof planResourceForm;
