/**
 * What our records can hold, checked on every input at the API edge: text
 * (./text.ts) at any depth of a request, keys included, JSON no deeper than
 * Postgres parses, and dates PostgreSQL can store (it refuses offsets
 * beyond ±15:59 and years far out). Such input accepted would fail only
 * later, in an activity that then retries for ever. Pure.
 */
import { isStorableText } from './text';

/** JSON nested deeper than this is refused: nothing we accept needs it, and Postgres's JSON parser has a stack limit. */
export const MAX_JSON_DEPTH = 32;

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/** One key of a JSON pointer (RFC 6901); what cannot be stored shows as U+FFFD, so the path itself can be. */
function pointerKey(key: string): string {
  const shown = isStorableText(key) ? key : Array.from(key, (ch) => (isStorableText(ch) ? ch : '\uFFFD')).join('');
  return shown.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * The first place in `value` (a parsed JSON value, query object or header
 * map) that cannot be stored: `{ path, message }` with `path` a JSON
 * pointer ('' for the value itself), or undefined when all of it can.
 * Object keys count as text too. Iterative, so hostile nesting cannot
 * exhaust the stack.
 */
export function findUnstorable(value: unknown): { path: string; message: string } | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return { path, message: UNSTORABLE_TEXT_MESSAGE };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { path, message: `is nested deeper than ${MAX_JSON_DEPTH} levels` };
    const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((item, i) => [String(i), item]) : Object.entries(v);
    // Pushed in reverse so the first offending entry in document order is reported.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      const itemPath = `${path}/${pointerKey(key)}`;
      if (!isStorableText(key)) return { path: itemPath, message: `is a key that ${UNSTORABLE_TEXT_MESSAGE}` };
      stack.push({ value: item, path: itemPath, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Years a date we accept may fall in: wide enough for any agreement or due date, well inside PostgreSQL's range. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2999;
/** Real UTC offsets run from −12:00 to +14:00; PostgreSQL refuses beyond ±15:59. */
const MAX_OFFSET_HOURS = 14;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function isSaneDate(y: number, m: number, d: number): boolean {
  if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** `yyyy-mm-dd`, a real calendar day within YEAR_MIN..YEAR_MAX. */
export function isSaneDay(s: string): boolean {
  const m = DAY.exec(s);
  return m !== null && isSaneDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

// RFC 3339 date-time (with 'T', 't' or a space, as PostgreSQL prints it); offset `Z`, `±hh`, `±hhmm` or `±hh:mm`.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2})(?::?(\d{2}))?)$/;

/**
 * An RFC 3339 timestamp with an offset, a real date within
 * YEAR_MIN..YEAR_MAX, seconds 00–59 and an offset of at most ±14:59.
 */
export function isSaneTimestamp(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m) return false;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  const offsetHours = m[7] === undefined ? 0 : Number(m[7]);
  const offsetMinutes = m[8] === undefined ? 0 : Number(m[8]);
  return (
    isSaneDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= MAX_OFFSET_HOURS &&
    offsetMinutes <= 59
  );
}
