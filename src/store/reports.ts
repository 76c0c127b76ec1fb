/**
 * Reporting queries for the operators' dashboard: cases by kind, type and
 * state; today's SLA jeopardies and breaches; refunds paid this month by
 * cause. "Today" and "this month" are the operator's (Asia/Shanghai).
 */
import { sql } from 'kysely';
import { DEFAULT_TZ_OFFSET_MINUTES, localDay, monthKey } from '../domain/calendar';
import type { Db } from '../db/index';

export interface CaseCount {
  kind: string;
  type: string;
  state: string;
  count: number;
}

export interface SlaEventToday {
  caseId: string;
  caseKind: string;
  caseType: string;
  mark: 'jeopardy' | 'breached';
  policyKey: string;
  at: string;
}

export interface RefundCauseTotal {
  cause: string;
  count: number;
  amountFen: number;
}

export interface Overview {
  day: string;
  month: string;
  cases: CaseCount[];
  /** Cases not yet finished with at least one breached clock. */
  openBreached: number;
  today: { jeopardies: number; breaches: number; events: SlaEventToday[] };
  refundsByCause: RefundCauseTotal[];
}

const SLA_MARKS = { sla_jeopardy: 'jeopardy', sla_breached: 'breached' } as const;
const FINISHED_STATES = ['completed', 'cancelled', 'rejected', 'failed', 'closed'];
/** Today's SLA events listed on the dashboard (the counts cover them all). */
const LISTED_EVENTS = 50;

/** Start of the local day containing `now`, as an instant. */
function startOfLocalDay(now: Date, tzOffsetMinutes: number): Date {
  return new Date(Date.parse(`${localDay(now, tzOffsetMinutes)}T00:00:00Z`) - tzOffsetMinutes * 60_000);
}

export async function overview(db: Db, now: Date, tzOffsetMinutes = DEFAULT_TZ_OFFSET_MINUTES): Promise<Overview> {
  const dayStart = startOfLocalDay(now, tzOffsetMinutes);
  const month = monthKey(now, tzOffsetMinutes);
  const slaToday = db
    .selectFrom('case_events')
    .innerJoin('cases', 'cases.id', 'case_events.case_id')
    .where('case_events.kind', 'in', Object.keys(SLA_MARKS))
    .where('case_events.at', '>=', dayStart);

  const [cases, openBreached, marks, events, refunds] = await Promise.all([
    db
      .selectFrom('cases')
      .select(['kind', 'type', 'state', sql<number>`count(*)::int`.as('count')])
      .groupBy(['kind', 'type', 'state'])
      .orderBy('kind')
      .orderBy('type')
      .orderBy('state')
      .execute(),
    db
      .selectFrom('cases')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('state', 'not in', FINISHED_STATES)
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('sla_clocks').select(sql`1`.as('one')).whereRef('sla_clocks.case_id', '=', 'cases.id').where('sla_clocks.breached', '=', true)),
      )
      .executeTakeFirstOrThrow(),
    slaToday.select(['case_events.kind', sql<number>`count(*)::int`.as('count')]).groupBy('case_events.kind').execute(),
    slaToday
      .select(['case_events.case_id', 'case_events.kind', 'case_events.at', 'case_events.detail', 'cases.kind as case_kind', 'cases.type as case_type'])
      .orderBy('case_events.at', 'desc')
      .orderBy('case_events.id', 'desc')
      .limit(LISTED_EVENTS)
      .execute(),
    db
      .selectFrom('refund_analysis')
      .select(['cause', sql<number>`count(*)::int`.as('count'), sql<number>`sum(amount_fen)::bigint`.as('amountFen')])
      .where('month', '=', month)
      .groupBy('cause')
      .orderBy('cause')
      .execute(),
  ]);

  const countOf = (kind: keyof typeof SLA_MARKS) => marks.find((m) => m.kind === kind)?.count ?? 0;
  return {
    day: localDay(now, tzOffsetMinutes),
    month,
    cases,
    openBreached: openBreached.count,
    today: {
      jeopardies: countOf('sla_jeopardy'),
      breaches: countOf('sla_breached'),
      events: events.map((e) => ({
        caseId: e.case_id,
        caseKind: e.case_kind,
        caseType: e.case_type,
        mark: SLA_MARKS[e.kind as keyof typeof SLA_MARKS],
        policyKey: String((e.detail as Record<string, unknown>).policyKey ?? ''),
        at: e.at.toISOString(),
      })),
    },
    refundsByCause: refunds.map((r) => ({ cause: r.cause, count: r.count, amountFen: Number(r.amountFen) })),
  };
}
