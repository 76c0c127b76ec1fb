/** Staff roles carried in the token's `roles` claim (processes.md, Shared concepts). */
export const ROLES = [
  'frontoffice',
  'agent',
  'technician',
  'supervisor',
  'branch_leader',
  'general_manager',
  'operator',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: the authenticated staff member or front-office system. */
export interface Actor {
  sub: string;
  name?: string;
  roles: Role[];
  /** The department the person works in (token claim `dept`): see README, "Departments". */
  dept?: string;
}

/** The system itself, for steps no person performs (timers, escalations). */
export const SYSTEM_ACTOR: Actor = { sub: 'switchboard', name: 'Switchboard', roles: [] };

/** Roles that may read every case. */
export const READ_ALL_ROLES: readonly Role[] = ['operator', 'supervisor', 'branch_leader', 'general_manager', 'admin'];
/** Roles that may open orders and complaints. */
export const CASE_CREATOR_ROLES: readonly Role[] = ['frontoffice', 'agent', 'admin'];
/** Roles that serve the customer and so see phone and identity numbers unmasked. */
export const CUSTOMER_SERVING_ROLES: readonly Role[] = ['frontoffice', 'agent', 'technician', 'admin'];

/** Roles that may cancel a case that is still cancellable (operators only read; technicians work visits). */
export const CASE_CANCELLER_ROLES: readonly Role[] = ['frontoffice', 'agent', 'admin', 'supervisor', 'branch_leader', 'general_manager'];

/** What decides who may act on a task. */
export interface TaskAuthority {
  role: string;
  approvesMoney: boolean;
  /** Set: only holders of the role from this department. */
  department?: string | null;
  /** Set: only this staff member (a complaint's first responder); the task is theirs and cannot be taken over. */
  owner?: string | null;
}

/**
 * Whether the actor may act on a task: they hold the role it names (from
 * the department it names, if any), and an admin never approves money,
 * whatever other roles they hold (admins set the approval policy:
 * separation of duties).
 */
export function mayActOnTask(actor: Pick<Actor, 'roles' | 'dept'> & { sub?: string }, task: TaskAuthority): boolean {
  if (task.approvesMoney && actor.roles.includes('admin')) return false;
  if (task.owner && actor.sub !== task.owner) return false;
  if (task.department && actor.dept !== task.department) return false;
  return actor.roles.some((r) => r === task.role);
}

/** Why the actor may not act on the task, in words (for a 403). */
export function taskRefusal(actor: Pick<Actor, 'roles' | 'dept'> & { sub?: string }, task: TaskAuthority, what = 'complete'): string {
  if (task.approvesMoney && actor.roles.includes('admin')) return `an admin may not ${what} a task that approves money`;
  if (task.owner && actor.sub !== task.owner) return `only its owner ${task.owner} may ${what} this task: ownership never moves`;
  const from = task.department ? ` from department ${task.department}` : '';
  return `only ${task.role}${from} may ${what} this task`;
}

export function hasAnyRole(actor: Pick<Actor, 'roles'>, allowed: readonly Role[]): boolean {
  return actor.roles.some((r) => allowed.includes(r));
}
