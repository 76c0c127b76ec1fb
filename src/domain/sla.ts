/**
 * SLA clocks (processes.md, "SLA clocks"): due time and jeopardy point from
 * a policy, and extension after a pause. Pure: runs in the workflow sandbox.
 */
import {
  addDuration,
  DEFAULT_TZ_OFFSET_MINUTES,
  type CalendarKind,
  type DayOverrides,
} from './calendar';
import { InvalidDurationError, parseDuration } from './duration';

export interface SlaPolicy {
  key: string;
  /** ISO 8601 duration (see duration.ts). */
  duration: string;
  calendar: CalendarKind;
  /** Fraction of the duration after which the clock is in jeopardy, in (0, 1). */
  jeopardyRatio: number;
}

/** RFC 3339 UTC instants (Date#toISOString). */
export interface Deadline {
  startedAt: string;
  dueAt: string;
  jeopardyAt: string;
}

export const DEFAULT_JEOPARDY_RATIO = 0.75;
export const SLA_CALENDARS: readonly CalendarKind[] = ['continuous', 'working'];

/**
 * Due time and jeopardy point of a clock started at `start`. Both are counted
 * on the policy's calendar: jeopardyAt = start + round(duration × ratio).
 * Throws InvalidDurationError / RangeError on an invalid policy (policies are
 * validated when written, see {@link validateSlaPolicy}).
 */
export function computeDeadline(
  policy: SlaPolicy,
  start: Date,
  overrides: DayOverrides,
  tzOffsetMinutes: number = DEFAULT_TZ_OFFSET_MINUTES,
): Deadline {
  const problems = validateSlaPolicy(policy);
  if (problems.length > 0) {
    throw new RangeError(`SLA policy ${JSON.stringify(policy.key)} is invalid: ${problems.join('; ')}`);
  }
  const durationMs = parseDuration(policy.duration);
  const jeopardyMs = Math.round(durationMs * policy.jeopardyRatio);
  return {
    startedAt: start.toISOString(),
    dueAt: addDuration(start, durationMs, policy.calendar, overrides, tzOffsetMinutes).toISOString(),
    jeopardyAt: addDuration(start, jeopardyMs, policy.calendar, overrides, tzOffsetMinutes).toISOString(),
  };
}

/**
 * Push a deadline back after the clock was paused (e.g. `pending` on the
 * customer). `startedAt` is kept; dueAt and jeopardyAt both move:
 *
 * - `continuous`: by `pausedMs` of wall-clock time.
 * - `working`: by `pausedMs` of *working* time, counted from each point with
 *   addDuration. The caller should pass the working time the pause consumed,
 *   i.e. `elapsedWorking(pausedAt, resumedAt, …)`, so a pause over a weekend
 *   costs the clock nothing.
 *
 * Both points move even if jeopardy has already passed; whether to raise it
 * again is the caller's business.
 */
export function extendDeadline(
  deadline: Deadline,
  pausedMs: number,
  calendar: CalendarKind,
  overrides: DayOverrides,
  tzOffsetMinutes: number = DEFAULT_TZ_OFFSET_MINUTES,
): Deadline {
  if (!Number.isFinite(pausedMs) || pausedMs < 0) {
    throw new RangeError(`extendDeadline: pausedMs must be a non-negative number, got ${pausedMs}`);
  }
  if (pausedMs === 0) return { ...deadline };
  const shift = (iso: string): string =>
    addDuration(new Date(iso), pausedMs, calendar, overrides, tzOffsetMinutes).toISOString();
  return { startedAt: deadline.startedAt, dueAt: shift(deadline.dueAt), jeopardyAt: shift(deadline.jeopardyAt) };
}

/**
 * Problems with an SLA policy as a person would write it (empty = valid).
 * `calendar` and `jeopardyRatio` may be left out (defaults apply).
 */
export function validateSlaPolicy(p: { duration: string; calendar?: string; jeopardyRatio?: number }): string[] {
  const problems: string[] = [];
  if (typeof p.duration !== 'string') {
    problems.push('duration must be an ISO 8601 duration string such as PT4H or P2D');
  } else {
    try {
      if (parseDuration(p.duration) <= 0) problems.push(`duration ${p.duration} must be longer than zero`);
    } catch (err) {
      problems.push(err instanceof InvalidDurationError ? err.message : `invalid duration ${JSON.stringify(p.duration)}`);
    }
  }
  if (p.calendar !== undefined && !(SLA_CALENDARS as readonly string[]).includes(p.calendar)) {
    problems.push(`calendar must be one of ${SLA_CALENDARS.join(', ')}, got ${JSON.stringify(p.calendar)}`);
  }
  if (p.jeopardyRatio !== undefined) {
    const r = p.jeopardyRatio;
    if (typeof r !== 'number' || !Number.isFinite(r) || r <= 0 || r >= 1) {
      problems.push(`jeopardyRatio must be a number strictly between 0 and 1, got ${JSON.stringify(r)}`);
    }
  }
  return problems;
}
