/**
 * Complaints with first-responder responsibility (首问负责制), processes.md §7:
 * the vocabulary, who owns a complaint, its severity and the repeat rule.
 * Pure (imported by the workflow and the API).
 */
import { parseDuration } from './duration';
import { hasAnyRole, type Actor, type Role } from './roles';

export const COMPLAINT_CHANNELS = ['hall', 'hotline', 'customer_manager', 'online', 'letter', 'visit'] as const;
/** seed 001 L300 */
export const COMPLAINT_CATEGORIES = ['inquiry', 'query', 'complaint', 'business_request'] as const;
/** seed 001 L294 */
export const COMPLAINT_SUBJECTS = [
  'service_attitude',
  'broken_promise',
  'group_service',
  'business_handling',
  'tariff',
  'billing_dispute',
  'network_quality',
  'charging',
  'new_service',
  'other',
] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];
/** Any of these makes a complaint critical. */
export const COMPLAINT_FLAGS = ['major', 'skip_level', 'appeal', 'media', 'petition'] as const;
export type ComplaintFlag = (typeof COMPLAINT_FLAGS)[number];

/** Lowest first: a repeat raises a complaint one step along this list. */
export const SEVERITIES = ['normal', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Back-office departments the owner may hand work to, never the case (seed 001 L288). */
export const HANDOFF_DEPARTMENTS = ['marketing', 'network', 'settlement', 'planning'] as const;
export type HandoffDepartment = (typeof HANDOFF_DEPARTMENTS)[number];

/** 首问负责工单: department, enterprise leader, higher authority (seed 002 L137-138). */
export const ESCALATION_CHAIN = ['supervisor', 'branch_leader', 'general_manager'] as const satisfies readonly Role[];

/** Staff who take complaints from customers: the hall clerk and the customer manager. */
export const COMPLAINT_OWNER_ROLES = ['frontoffice', 'agent'] as const satisfies readonly Role[];
export type ComplaintOwnerRole = (typeof COMPLAINT_OWNER_ROLES)[number];

/** VIP cards diamond and gold, and group tier A (seed 004 L36-42). */
const HIGH_TIERS = ['diamond', 'gold', 'A1', 'A2'];

/** The staff member who owns the complaint until it is closed, and the role they own it in. */
export interface ComplaintOwner {
  id: string;
  role: ComplaintOwnerRole;
}

/** The first responder as a front-office system names them. */
export interface FirstResponder {
  id: string;
  role: ComplaintOwnerRole;
}

/**
 * Who owns a new complaint: the `firstResponder` a front-office system (or an
 * admin) names, else the staff member who took it. A string says why nobody can:
 * an agent may not name someone else (that would pass the complaint off), and
 * the one who took it must hold a role that owns complaints.
 */
export function complaintOwner(taker: Pick<Actor, 'sub' | 'roles'>, firstResponder?: FirstResponder): ComplaintOwner | string {
  if (firstResponder) {
    if (firstResponder.id === taker.sub || hasAnyRole(taker, ['frontoffice', 'admin'])) return { id: firstResponder.id, role: firstResponder.role };
    return 'only a front-office system names another first responder: whoever takes a complaint owns it';
  }
  const role = COMPLAINT_OWNER_ROLES.find((r) => taker.roles.includes(r));
  return role ? { id: taker.sub, role } : `name a firstResponder: a complaint is owned by staff with role ${COMPLAINT_OWNER_ROLES.join(' or ')}`;
}

/** critical if major, media, skip-level, appeal or petition; high for diamond/gold VIPs and group tier A; else normal. */
export function baseSeverity(flags: readonly ComplaintFlag[], tier: string): Severity {
  if (flags.length > 0) return 'critical';
  return HIGH_TIERS.includes(tier) ? 'high' : 'normal';
}

/** One step up; critical stays critical. */
export function raisedOneStep(severity: Severity): Severity {
  return SEVERITIES[Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.length - 1)]!;
}

export interface SeverityAssessment {
  /** From flags and tier alone. */
  baseSeverity: Severity;
  /** The same customer complained of the same subject within the repeat window. */
  repeat: boolean;
  /** What the complaint is handled as: the base severity, one step up for a repeat. */
  severity: Severity;
}

export function assessSeverity(flags: readonly ComplaintFlag[], tier: string, repeat: boolean): SeverityAssessment {
  const base = baseSeverity(flags, tier);
  return { baseSeverity: base, repeat, severity: repeat ? raisedOneStep(base) : base };
}

/** The earliest instant an earlier complaint on the same subject makes this one a repeat (`complaint.repeat_window`, ISO 8601). */
export function repeatWindowStart(createdAt: string, window: string): string {
  return new Date(Date.parse(createdAt) - parseDuration(window)).toISOString();
}

/** The SLA policy of the reply deadline told to the customer. */
export const replyClockKey = (severity: Severity) => `complaint.reply.${severity}`;

/** Only a network-quality complaint about one of the customer's services can start a fault repair. */
export function canStartRepair(subject: ComplaintSubject, serviceId: string | undefined): serviceId is string {
  return subject === 'network_quality' && serviceId !== undefined;
}
