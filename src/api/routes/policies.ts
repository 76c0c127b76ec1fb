/** Policies an operator changes without a deploy: SLA durations, refund approval levels, retention offers, the working calendar. */
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { isWorkingDay } from '../../domain/calendar';
import { DEFAULT_REFUND_APPROVAL_POLICY, validateApprovalPolicy } from '../../domain/refund';
import { DEFAULT_RETENTION_OFFERS, validateRetentionOffers } from '../../domain/retention';
import { READ_ALL_ROLES } from '../../domain/roles';
import { validateSlaPolicy } from '../../domain/sla';
import { policyValue } from '../../store/policies';
import type { Db } from '../../db/index';
import type { Api, ApiDeps } from '../deps';
import { requireRoles } from '../plugins/auth';
import { HttpProblem } from '../plugins/problems';
import {
  CalendarDayInput,
  CalendarDayList,
  CalendarDayView,
  CalendarRangeQuery,
  DayParams,
  MAX_CALENDAR_RANGE_DAYS,
  RefundApprovalPolicy,
  RetentionOfferPolicy,
  SlaKeyParams,
  SlaPolicyInput,
  SlaPolicyList,
  SlaPolicyView,
} from '../schemas/policies';

function unprocessable(problems: string[], part = 'body'): HttpProblem {
  return new HttpProblem(422, problems.join('; '), { errors: problems.map((message) => ({ path: part, message })) });
}

/** A day as the calendar has it: its override, or the weekday rule. */
function dayView(day: string, row: { working: boolean; note: string | null } | undefined) {
  return row ? { day, working: row.working, note: row.note, override: true } : { day, working: isWorkingDay(day, {}), note: null, override: false };
}

/** Every yyyy-mm-dd from `from` to `to`, inclusive. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export async function policyRoutes(app: Api, { db }: ApiDeps): Promise<void> {
  const readers = requireRoles(...READ_ALL_ROLES, 'admin');
  const writers = requireRoles('admin');

  app.get(
    '/policies/sla',
    { onRequest: readers, schema: { tags: ['policies'], summary: 'SLA policies', response: { 200: SlaPolicyList } } },
    async () => {
      const rows = await db.selectFrom('sla_policies').selectAll().orderBy('key').execute();
      return rows.map((r) => ({ key: r.key, duration: r.duration, calendar: r.calendar, jeopardyRatio: r.jeopardy_ratio }));
    },
  );

  app.put(
    '/policies/sla/:key',
    {
      onRequest: writers,
      schema: {
        tags: ['policies'],
        summary: 'Change an SLA policy (applies to clocks started after the change); keys are fixed',
        params: SlaKeyParams,
        body: SlaPolicyInput,
        response: { 200: SlaPolicyView },
      },
    },
    async (request) => {
      const { key } = request.params;
      const current = await db.selectFrom('sla_policies').selectAll().where('key', '=', key).executeTakeFirst();
      if (!current) throw new HttpProblem(404, `no SLA policy ${key}`);
      const next = {
        duration: request.body.duration,
        calendar: request.body.calendar ?? current.calendar,
        jeopardyRatio: request.body.jeopardyRatio ?? current.jeopardy_ratio,
      };
      const problems = validateSlaPolicy(next);
      if (problems.length > 0) throw unprocessable(problems);
      const row = await db
        .updateTable('sla_policies')
        .set({ duration: next.duration, calendar: next.calendar, jeopardy_ratio: next.jeopardyRatio, updated_at: new Date() })
        .where('key', '=', key)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { key: row.key, duration: row.duration, calendar: row.calendar, jeopardyRatio: row.jeopardy_ratio };
    },
  );

  valuePolicyRoutes(app, db, {
    path: '/policies/refund-approval',
    key: 'refund.approval_levels',
    what: 'the refund approval levels',
    schema: RefundApprovalPolicy,
    fallback: DEFAULT_REFUND_APPROVAL_POLICY,
    validate: validateApprovalPolicy,
  });

  valuePolicyRoutes(app, db, {
    path: '/policies/retention-offers',
    key: 'cancellation.retention_offers',
    what: 'the retention offers of a cancellation and who may receive them',
    schema: RetentionOfferPolicy,
    fallback: DEFAULT_RETENTION_OFFERS,
    validate: validateRetentionOffers,
  });

  app.get(
    '/calendar',
    {
      onRequest: readers,
      schema: {
        tags: ['policies'],
        summary: 'The working calendar for a range of days (overrides and the weekday rule)',
        querystring: CalendarRangeQuery,
        response: { 200: CalendarDayList },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const days = daysBetween(from, to);
      if (days.length === 0 || days.length > MAX_CALENDAR_RANGE_DAYS) {
        throw new HttpProblem(400, `from must not be after to, and the range at most ${MAX_CALENDAR_RANGE_DAYS} days`, {
          errors: [{ path: 'querystring/to', message: 'is out of range' }],
        });
      }
      const rows = await db.selectFrom('calendar_days').selectAll().where('day', '>=', from).where('day', '<=', to).execute();
      const overrides = new Map(rows.map((r) => [r.day, r]));
      return days.map((day) => dayView(day, overrides.get(day)));
    },
  );

  app.get(
    '/calendar/:day',
    {
      onRequest: readers,
      schema: {
        tags: ['policies'],
        summary: 'Whether a day is a working day (the override, or the weekday rule)',
        params: DayParams,
        response: { 200: CalendarDayView },
      },
    },
    async (request) => {
      const { day } = request.params;
      return dayView(day, await db.selectFrom('calendar_days').selectAll().where('day', '=', day).executeTakeFirst());
    },
  );

  app.put(
    '/calendar/:day',
    {
      onRequest: writers,
      schema: {
        tags: ['policies'],
        summary: 'Override the weekday rule for a day (public holiday, make-up working day)',
        params: DayParams,
        body: CalendarDayInput,
        response: { 200: CalendarDayView },
      },
    },
    async (request) => {
      const { day } = request.params;
      const note = request.body.note ?? null;
      await db
        .insertInto('calendar_days')
        .values({ day, working: request.body.working, note })
        .onConflict((oc) => oc.column('day').doUpdateSet({ working: request.body.working, note }))
        .execute();
      return { day, working: request.body.working, note, override: true };
    },
  );
}

/** A policy kept as one JSON value: read by every reader, written by admins, checked by its rules before it is stored. */
interface ValuePolicy {
  path: string;
  key: string;
  /** What it is, for the API docs. */
  what: string;
  /** Validates the body and documents both directions. */
  schema: TSchema;
  /** Answered while no value is stored. */
  fallback: unknown;
  /** Problems the schema cannot see (empty = valid); it receives a body that fits the schema. */
  validate: (value: never) => string[];
}

function valuePolicyRoutes(api: Api, db: Db, p: ValuePolicy): void {
  // One helper for several schemas: the routes are typed by their schema at run time, not by the type provider.
  const app = api as unknown as FastifyInstance;
  app.get(
    p.path,
    {
      onRequest: requireRoles(...READ_ALL_ROLES, 'admin'),
      schema: { tags: ['policies'], summary: `${p.what[0]!.toUpperCase()}${p.what.slice(1)}`, response: { 200: p.schema } },
    },
    async () => (await policyValue(db, p.key)) ?? p.fallback,
  );

  app.put(
    p.path,
    {
      onRequest: requireRoles('admin'),
      schema: { tags: ['policies'], summary: `Change ${p.what}`, body: p.schema, response: { 200: p.schema } },
    },
    async (request) => {
      const problems = p.validate(request.body as never);
      if (problems.length > 0) throw unprocessable(problems);
      const value = JSON.stringify(request.body);
      await db
        .insertInto('policies')
        .values({ key: p.key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() }))
        .execute();
      return request.body;
    },
  );
}
