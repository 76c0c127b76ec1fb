/**
 * The hub (TMF630 pattern, api-contract.md "Events to other systems"): which
 * timeline entries other systems hear of and as what, the subscriber's query
 * grammar, the callback rules and the retry schedule. Pure.
 */
import { CASE_TYPES, type CaseType } from './case';

export const HUB_EVENT_TYPES = [
  'OrderCreateEvent',
  'OrderStateChangeEvent',
  'ComplaintCreateEvent',
  'ComplaintStatusChangeEvent',
  'TaskCreateEvent',
  'TaskCompleteEvent',
  'SlaJeopardyEvent',
  'SlaBreachEvent',
] as const;
export type HubEventType = (typeof HUB_EVENT_TYPES)[number];

type CaseKind = 'order' | 'complaint';

/** Timeline kinds (case_events.kind) published to the hub, by the kind of case they happen to. */
const PUBLISHED: Record<string, Record<CaseKind, HubEventType>> = {
  case_created: { order: 'OrderCreateEvent', complaint: 'ComplaintCreateEvent' },
  state_changed: { order: 'OrderStateChangeEvent', complaint: 'ComplaintStatusChangeEvent' },
  task_created: { order: 'TaskCreateEvent', complaint: 'TaskCreateEvent' },
  task_completed: { order: 'TaskCompleteEvent', complaint: 'TaskCompleteEvent' },
  sla_jeopardy: { order: 'SlaJeopardyEvent', complaint: 'SlaJeopardyEvent' },
  sla_breached: { order: 'SlaBreachEvent', complaint: 'SlaBreachEvent' },
};

/** Whether other systems hear of a timeline entry of this kind at all. */
export function isPublished(timelineKind: string): boolean {
  return Object.hasOwn(PUBLISHED, timelineKind);
}

/** The event a timeline entry becomes for the hub; undefined for entries other systems do not hear of. */
export function hubEventType(timelineKind: string, caseKind: CaseKind): HubEventType | undefined {
  return isPublished(timelineKind) ? PUBLISHED[timelineKind]![caseKind] : undefined;
}

/** TMF listener naming: `OrderStateChangeEvent` is posted to `{callback}/listener/orderStateChangeEvent`. */
export function listenerPath(type: HubEventType): string {
  return `/listener/${type.charAt(0).toLowerCase()}${type.slice(1)}`;
}

// ---------------------------------------------------------------- the query

/** What a subscriber wants to hear of; an absent list means "all". */
export interface HubQuery {
  eventTypes?: HubEventType[];
  caseTypes?: CaseType[];
}

const QUERY_KEYS = { eventType: HUB_EVENT_TYPES, caseType: CASE_TYPES } as const;
type QueryKey = keyof typeof QUERY_KEYS;
const FIELD: Record<QueryKey, keyof HubQuery> = { eventType: 'eventTypes', caseType: 'caseTypes' };

/**
 * Parses a subscriber's query: `eventType=A,B&caseType=c` (TMF style), each
 * key at most once, values from the known lists, spaces around `=`, `,` and
 * `&` ignored. Empty: every event.
 */
export function parseHubQuery(text: string): { query: HubQuery } | { problems: string[] } {
  const query: HubQuery = {};
  const problems: string[] = [];
  const clauses = text.trim() === '' ? [] : text.split('&');
  for (const clause of clauses) {
    const eq = clause.indexOf('=');
    const key = (eq < 0 ? clause : clause.slice(0, eq)).trim();
    if (!Object.hasOwn(QUERY_KEYS, key)) {
      problems.push(`${JSON.stringify(key)} is not a query key (known: ${Object.keys(QUERY_KEYS).join(', ')})`);
      continue;
    }
    const field = FIELD[key as QueryKey];
    if (query[field]) {
      problems.push(`${key} is given twice; list its values once, comma-separated`);
      continue;
    }
    const values = eq < 0 ? [] : clause.slice(eq + 1).split(',').map((v) => v.trim());
    const known: readonly string[] = QUERY_KEYS[key as QueryKey];
    if (values.length === 0 || values.some((v) => v === '')) {
      problems.push(`${key} needs one or more values, comma-separated`);
      continue;
    }
    const unknown = values.filter((v) => !known.includes(v));
    if (unknown.length > 0) {
      problems.push(`${key}: ${unknown.join(', ')} not known (known: ${known.join(', ')})`);
      continue;
    }
    (query as Record<string, string[]>)[field] = [...new Set(values)];
  }
  return problems.length > 0 ? { problems } : { query };
}

/** The query as a subscriber reads it back (keys in a fixed order); null for "every event". */
export function formatHubQuery(query: HubQuery): string | null {
  const clauses = (Object.keys(QUERY_KEYS) as QueryKey[]).flatMap((key) => {
    const values = query[FIELD[key]];
    return values ? [`${key}=${values.join(',')}`] : [];
  });
  return clauses.length > 0 ? clauses.join('&') : null;
}

export function queryMatches(query: HubQuery, event: { eventType: HubEventType; caseType: string }): boolean {
  return (
    (!query.eventTypes || query.eventTypes.includes(event.eventType)) &&
    (!query.caseTypes || (query.caseTypes as readonly string[]).includes(event.caseType))
  );
}

// ---------------------------------------------------------------- the callback

export const CALLBACK_MAX_LENGTH = 2000;

/**
 * A callback the hub may post to: an absolute http(s) URL without
 * credentials, query or fragment (events go to `{callback}/listener/…`).
 * Returns it without trailing slashes, or what is wrong with it.
 */
export function checkCallback(text: string): { callback: string } | { problems: string[] } {
  if (text.length > CALLBACK_MAX_LENGTH) return { problems: [`is longer than ${CALLBACK_MAX_LENGTH} characters`] };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problems: ['is not an absolute URL'] };
  }
  const problems: string[] = [];
  if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`must be http or https, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username !== '' || url.password !== '') problems.push('must not carry credentials (the hub signs every event instead)');
  if (url.hostname === '') problems.push('needs a host');
  if (url.search !== '' || text.includes('?')) problems.push('must not have a query string (events go to {callback}/listener/{eventName})');
  if (url.hash !== '' || text.includes('#')) problems.push('must not have a fragment');
  if (problems.length > 0) return { problems };
  return { callback: url.href.replace(/\/+$/, '') };
}

// ---------------------------------------------------------------- retries

export interface RetrySchedule {
  /** The wait after the first failed attempt. */
  baseMs: number;
  /** The longest wait between attempts. */
  maxMs: number;
}

/**
 * The wait before the next attempt after `failedAttempts` failures:
 * exponential (base, 2×base, 4×base … up to max) with "equal jitter" — half
 * the step fixed, half random (`random` in [0, 1)) — so receivers that come
 * back are not hit by every dispatcher at once.
 */
export function retryDelayMs(failedAttempts: number, schedule: RetrySchedule, random: number): number {
  const step = Math.min(schedule.maxMs, schedule.baseMs * 2 ** Math.max(0, Math.min(failedAttempts - 1, 40)));
  return Math.round(step / 2 + (step / 2) * random);
}
