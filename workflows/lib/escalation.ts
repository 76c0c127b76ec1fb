import type { Role } from '../../src/domain/roles';
import type { TaskForm } from '../../src/processes/forms';
import type { Notices } from './notices';
import type { Decision, TaskAssignment, TaskBoard } from './tasks';

export interface EscalationSpec extends Omit<TaskAssignment, 'role'> {
  /** Each level's task is due after this policy; overdue, it moves one level up. */
  slaKey: string;
  /** The template that tells the role that let a level lapse (default `task_overdue`). */
  overdueTemplate?: string;
}

/** The decision, and the level of the chain that took it (1 = the first). */
export type Escalated<F extends TaskForm> = Decision<F> & { role: Role; level: number };

/**
 * A task that climbs a chain of roles (refund approvers, complaint
 * escalation levels): asked of the first role; when its clock breaches, it is
 * withdrawn, the role that let it lapse is told, and the next role is asked.
 * At the top it waits. `onLevel` runs as each level is asked (a complaint
 * keeps the customer informed).
 */
export async function escalate<F extends TaskForm>(
  tasks: TaskBoard,
  notices: Notices,
  chain: readonly Role[],
  form: F,
  spec: EscalationSpec,
  onLevel?: (role: Role, level: number) => Promise<void>,
): Promise<Escalated<F>> {
  if (chain.length === 0) throw new Error('an escalation chain needs at least one role');
  const { overdueTemplate = 'task_overdue', ...assignment } = spec;
  for (let level = 1; ; level++) {
    const role = chain[level - 1]!;
    await onLevel?.(role, level);
    const task = await tasks.open(form, { ...assignment, role });
    const decision = await task.decidedOrOverdue();
    if (decision !== 'overdue') return { ...decision, role, level };
    // At the top there is no one to move to: the breach stands on the case, and the task waits.
    if (level === chain.length) return { ...(await task.decided()), role, level };
    await task.withdraw('escalated');
    await notices.staff(`overdue:${task.id}`, role, overdueTemplate, { taskId: task.id, movedTo: chain[level] });
  }
}
