import type { Role } from '../../src/domain/roles';
import type { PlanResourceForm } from '../../src/processes/resources';
import type { Change } from './case';
import type { ClockSet } from './clocks';
import type { TaskBoard } from './tasks';

/** What the resource block uses of the case. */
export interface ResourceHost<Stage extends string> {
  readonly tasks: TaskBoard;
  readonly clocks: ClockSet;
  hold(stage: Stage, reason: string, change?: Change): Promise<void>;
}

export interface ResourcePlan<Reservation, Stage extends string> {
  /** Takes the resource (idempotently); null when there is none. */
  reserve(): Promise<Reservation | null>;
  /** Who plans more capacity while the case waits. */
  planner: { form: PlanResourceForm; role: Role };
  /** How long the customer may wait for the resource (e.g. `new_install.resource_wait`). */
  waitKey: string;
  /** The stage the case is held in meanwhile (`awaiting_resource`). */
  stage: Stage;
  /** What the planner needs: address, access type… */
  data: Record<string, unknown>;
}

export type ResourceResult<Reservation> =
  | { outcome: 'reserved'; reservation: Reservation }
  /** The planner said none will come. */
  | { outcome: 'no_resource'; reason: string }
  /** The wait ran out. */
  | { outcome: 'wait_expired' };

/**
 * Reserves the resource, or holds the case for a planner (processes.md §1
 * step 1): each time the planner adds capacity the reservation is tried
 * again; the wait ends when the planner says none will come or its clock
 * runs out — one clock for the whole wait, however many planner tasks.
 */
export async function reserveResource<Reservation, Stage extends string>(
  host: ResourceHost<Stage>,
  plan: ResourcePlan<Reservation, Stage>,
): Promise<ResourceResult<Reservation>> {
  const reservation = await plan.reserve();
  if (reservation) return { outcome: 'reserved', reservation };
  await host.hold(plan.stage, 'no_resource');
  const wait = await host.clocks.start(plan.waitKey);
  for (let attempt = 1; ; attempt++) {
    const task = await host.tasks.open(plan.planner.form, { role: plan.planner.role, data: { ...plan.data, attempt }, dueBy: wait });
    const decision = await task.decidedOrOverdue();
    if (decision === 'overdue') {
      await task.withdraw('cancelled');
      return { outcome: 'wait_expired' };
    }
    if (decision.outcome === 'no_resource') {
      await wait.stop();
      return { outcome: 'no_resource', reason: decision.data.reason };
    }
    const added = await plan.reserve();
    if (added) {
      await wait.stop();
      return { outcome: 'reserved', reservation: added };
    }
  }
}
