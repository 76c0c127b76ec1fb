/** What a person's roles let them see and do in the console (the API enforces the same). */
import type { Role } from './api/types';
import type { Staff } from './session';

export const ALL_ROLES: Role[] = ['frontoffice', 'agent', 'technician', 'supervisor', 'branch_leader', 'general_manager', 'operator', 'admin'];
/** Roles that read every case: the dashboard is theirs. */
export const READ_ALL_ROLES: Role[] = ['operator', 'supervisor', 'branch_leader', 'general_manager', 'admin'];

/** A role the task names, and never an admin on a task that approves money. */
export function mayActOn(staff: Staff | null, task: { role: string; approvesMoney: boolean }): boolean {
  if (!staff) return false;
  if (task.approvesMoney && staff.roles.includes('admin')) return false;
  return staff.roles.some((r) => r === task.role);
}
