import { expediteOrderForm } from '../../src/processes/overdue';
import type { TaskBoard } from './tasks';

/** What the block uses of the case. */
export interface OverdueHost {
  readonly tasks: TaskBoard;
  record(data: Record<string, unknown>, event: { kind: string; detail?: Record<string, unknown>; actor?: string }): Promise<void>;
}

/**
 * The breach action of a whole-order clock (new install, relocation): a
 * supervisor is asked to expedite the order; what they did is recorded.
 * Runs beside the process; withdrawn if the order finishes first.
 */
export async function expediteOverdueOrder(host: OverdueHost, data: Record<string, unknown>): Promise<void> {
  const decision = await host.tasks.ask(expediteOrderForm, { role: 'supervisor', data });
  await host.record({ expedited: { action: decision.data.action, by: decision.actor.sub, at: decision.at } }, { kind: 'order_expedited', actor: decision.actor.sub });
}
