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

/**
 * Whether the actor may act on a task: they hold the role it names, and an
 * admin never approves money, whatever other roles they hold (admins set the
 * approval policy: separation of duties).
 */
export function mayActOnTask(actor: Pick<Actor, 'roles'>, task: { role: string; approvesMoney: boolean }): boolean {
  if (task.approvesMoney && actor.roles.includes('admin')) return false;
  return actor.roles.some((r) => r === task.role);
}

export function hasAnyRole(actor: Pick<Actor, 'roles'>, allowed: readonly Role[]): boolean {
  return actor.roles.some((r) => allowed.includes(r));
}
