/**
 * Working-calendar arithmetic (processes.md, "SLA clocks").
 *
 * Days are taken in the operator's zone, given as a fixed UTC offset in
 * minutes (Asia/Shanghai = +480; China has no DST, so a fixed offset is
 * exact). A day is working by the weekday rule (Mon–Fri working, Sat/Sun
 * not) unless the calendar table overrides it: public holidays (false) and
 * the make-up working days 调休 (true).
 *
 * On the `working` calendar time elapses only on working days, and a working
 * day counts all 24 hours of its local day (there are no office hours).
 *
 * Pure: no clock, no Intl, no I/O — runs inside Temporal workflows.
 */

/** The calendar table: yyyy-mm-dd (operator's zone) → working. */
export type DayOverrides = Record<string, boolean>;

export type CalendarKind = 'continuous' | 'working';

/** Asia/Shanghai. */
export const DEFAULT_TZ_OFFSET_MINUTES = 480;

const MS_MINUTE = 60_000;
const MS_DAY = 86_400_000;
/** Safety bound for the day walk (~100 years of days). */
const MAX_DAYS_WALKED = 36_600;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function instant(at: Date, what: string): number {
  const t = at instanceof Date ? at.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${what}: invalid date`);
  return t;
}

function offsetMs(tzOffsetMinutes: number): number {
  if (!Number.isFinite(tzOffsetMinutes) || Math.abs(tzOffsetMinutes) > 18 * 60) {
    throw new RangeError(`invalid UTC offset ${tzOffsetMinutes} minutes`);
  }
  return tzOffsetMinutes * MS_MINUTE;
}

/** yyyy-mm-dd of the local day containing `at`. */
export function localDay(at: Date, tzOffsetMinutes: number): string {
  return new Date(instant(at, 'localDay') + offsetMs(tzOffsetMinutes)).toISOString().slice(0, 10);
}

/** yyyy-mm of the local month containing `at` (e.g. for month-to-date refund totals). */
export function monthKey(at: Date, tzOffsetMinutes: number): string {
  return localDay(at, tzOffsetMinutes).slice(0, 7);
}

/** Day of the week of a yyyy-mm-dd date: 0 = Sunday … 6 = Saturday. */
function weekday(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`invalid day ${JSON.stringify(day)}, expected yyyy-mm-dd`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`invalid day ${JSON.stringify(day)}`);
  }
  return date.getUTCDay();
}

/** Is `day` (yyyy-mm-dd) a working day? The calendar table wins over the weekday rule. */
export function isWorkingDay(day: string, overrides: DayOverrides): boolean {
  const wd = weekday(day);
  if (Object.prototype.hasOwnProperty.call(overrides, day) && typeof overrides[day] === 'boolean') {
    return overrides[day];
  }
  return wd !== 0 && wd !== 6;
}

/** The local day containing instant `t`: its yyyy-mm-dd and its [start, end) in UTC ms. */
function dayAround(t: number, off: number): { day: string; start: number; end: number } {
  const localStart = Math.floor((t + off) / MS_DAY) * MS_DAY;
  return {
    day: new Date(localStart).toISOString().slice(0, 10),
    start: localStart - off,
    end: localStart - off + MS_DAY,
  };
}

/**
 * `start` + `durationMs` on the given calendar.
 *
 * - `continuous`: plain addition.
 * - `working`: only time on working days counts. A start on a non-working
 *   day counts from the beginning of the next working day. A duration that
 *   ends exactly at the end of a working day returns that midnight (e.g.
 *   Friday 24:00 = Saturday 00:00), not the start of the next working day.
 *   A zero duration returns `start` unchanged.
 */
export function addDuration(
  start: Date,
  durationMs: number,
  calendar: CalendarKind,
  overrides: DayOverrides,
  tzOffsetMinutes: number,
): Date {
  const t0 = instant(start, 'addDuration');
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`addDuration: duration must be a non-negative number of ms, got ${durationMs}`);
  }
  if (calendar === 'continuous') return new Date(t0 + durationMs);
  if (calendar !== 'working') throw new RangeError(`unknown calendar ${JSON.stringify(calendar)}`);
  if (durationMs === 0) return new Date(t0);

  const off = offsetMs(tzOffsetMinutes);
  let t = t0;
  let remaining = durationMs;
  for (let i = 0; i < MAX_DAYS_WALKED + Math.ceil(durationMs / MS_DAY); i++) {
    const { day, end } = dayAround(t, off);
    if (isWorkingDay(day, overrides)) {
      const available = end - t;
      if (remaining <= available) return new Date(t + remaining);
      remaining -= available;
    }
    t = end;
  }
  throw new RangeError('addDuration: no working days found in the calendar');
}

/**
 * Working time in ms between two instants: the sum of the parts of
 * [from, to) that fall on working days. The inverse of
 * `addDuration(from, d, 'working', …)`: `elapsedWorking(from, addDuration(from, d)) === d`.
 * Negative when `to` is before `from`.
 */
export function elapsedWorking(from: Date, to: Date, overrides: DayOverrides, tzOffsetMinutes: number): number {
  const a = instant(from, 'elapsedWorking');
  const b = instant(to, 'elapsedWorking');
  if (b < a) return -elapsedWorking(to, from, overrides, tzOffsetMinutes);
  const off = offsetMs(tzOffsetMinutes);
  let total = 0;
  let t = a;
  while (t < b) {
    const { day, end } = dayAround(t, off);
    const segmentEnd = Math.min(end, b);
    if (isWorkingDay(day, overrides)) total += segmentEnd - t;
    t = segmentEnd;
  }
  return total;
}
