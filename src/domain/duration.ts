/**
 * ISO 8601 durations for SLA policies (processes.md, "SLA clocks").
 *
 * Only fixed-length units are accepted: weeks (`PnW`, on their own), days
 * (24 h), hours, minutes and seconds (the seconds may carry a decimal
 * fraction, e.g. `PT0.5S`). Years and months are refused because their
 * length varies with the calendar. Pure: runs in the workflow sandbox.
 */

export class InvalidDurationError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`invalid duration ${JSON.stringify(input)}: ${reason}`);
    this.name = 'InvalidDurationError';
  }
}

const MS_SECOND = 1000;
const MS_MINUTE = 60 * MS_SECOND;
const MS_HOUR = 60 * MS_MINUTE;
const MS_DAY = 24 * MS_HOUR;
const MS_WEEK = 7 * MS_DAY;

/**
 * Regex source for a JSON Schema `pattern` (ECMA-262, works with or without
 * the `u` flag). It accepts the same grammar as {@link parseDuration}, which
 * stays the authority (e.g. for values too large to be represented).
 */
export const DURATION_PATTERN =
  '^P(?:\\d+W|(?=\\d|T\\d)(?:\\d+D)?(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?)$';

const WEEKS = /^P(\d+)W$/;
const DAY_TIME = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
/** Date part carrying years or months (`P1Y`, `P1M`, `P1Y2M3D`...). */
const YEARS_OR_MONTHS = /^P[^T]*[YM]/;

/** ISO 8601 duration → milliseconds (rounded to whole ms). Throws {@link InvalidDurationError}. */
export function parseDuration(iso: string): number {
  if (typeof iso !== 'string') throw new InvalidDurationError(String(iso), 'not a string');
  const s = iso;
  if (s.startsWith('-')) throw new InvalidDurationError(iso, 'negative durations are not allowed');

  const weeks = WEEKS.exec(s);
  if (weeks) return checked(iso, Number(weeks[1]) * MS_WEEK);

  if (YEARS_OR_MONTHS.test(s)) {
    throw new InvalidDurationError(iso, 'years and months have no fixed length; use days (PnD) or weeks (PnW)');
  }

  const m = DAY_TIME.exec(s);
  if (!m) throw new InvalidDurationError(iso, 'expected PnW or PnDTnHnMnS');
  const [, d, h, min, sec] = m;
  if (d === undefined && h === undefined && min === undefined && sec === undefined) {
    throw new InvalidDurationError(iso, 'no components');
  }
  if (s.includes('T') && h === undefined && min === undefined && sec === undefined) {
    throw new InvalidDurationError(iso, 'time designator T without hours, minutes or seconds');
  }
  const ms =
    Number(d ?? 0) * MS_DAY + Number(h ?? 0) * MS_HOUR + Number(min ?? 0) * MS_MINUTE + Number(sec ?? 0) * MS_SECOND;
  return checked(iso, Math.round(ms));
}

function checked(iso: string, ms: number): number {
  if (!Number.isSafeInteger(ms)) throw new InvalidDurationError(iso, 'too large');
  return ms;
}

export function isValidDuration(iso: string): boolean {
  try {
    parseDuration(iso);
    return true;
  } catch {
    return false;
  }
}
