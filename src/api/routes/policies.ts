/** Policies an operator changes without a deploy: SLA durations, refund approval levels, the working calendar. */
import { isWorkingDay } from '../../domain/calendar';
import { DEFAULT_REFUND_APPROVAL_POLICY, validateApprovalPolicy, type RefundApprovalPolicy as Policy } from '../../domain/refund';
import { READ_ALL_ROLES } from '../../domain/roles';
import { validateSlaPolicy } from '../../domain/sla';
import type { Api, ApiDeps } from '../deps';
import { requireRoles } from '../plugins/auth';
import { HttpProblem } from '../plugins/problems';
import {
  CalendarDayInput,
  CalendarDayView,
  DayParams,
  RefundApprovalPolicy,
  SlaKeyParams,
  SlaPolicyInput,
  SlaPolicyList,
  SlaPolicyView,
} from '../schemas/policies';

const APPROVAL_KEY = 'refund.approval_levels';

function unprocessable(problems: string[], part = 'body'): HttpProblem {
  return new HttpProblem(422, problems.join('; '), { errors: problems.map((message) => ({ path: part, message })) });
}

function realDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) {
    throw new HttpProblem(400, `${day} is not a calendar date`, { errors: [{ path: 'params/day', message: 'is not a real date' }] });
  }
  return day;
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

  app.get(
    '/policies/refund-approval',
    {
      onRequest: readers,
      schema: { tags: ['policies'], summary: 'Refund approval levels', response: { 200: RefundApprovalPolicy } },
    },
    async () => {
      const row = await db.selectFrom('policies').select('value').where('key', '=', APPROVAL_KEY).executeTakeFirst();
      return (row?.value as Policy | undefined) ?? DEFAULT_REFUND_APPROVAL_POLICY;
    },
  );

  app.put(
    '/policies/refund-approval',
    {
      onRequest: writers,
      schema: {
        tags: ['policies'],
        summary: 'Change the refund approval levels',
        body: RefundApprovalPolicy,
        response: { 200: RefundApprovalPolicy },
      },
    },
    async (request) => {
      const policy = request.body as Policy;
      const problems = validateApprovalPolicy(policy);
      if (problems.length > 0) throw unprocessable(problems);
      const value = JSON.stringify({ levels: policy.levels });
      await db
        .insertInto('policies')
        .values({ key: APPROVAL_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() }))
        .execute();
      return { levels: policy.levels };
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
      const day = realDay(request.params.day);
      const row = await db.selectFrom('calendar_days').selectAll().where('day', '=', day).executeTakeFirst();
      if (row) return { day, working: row.working, note: row.note, override: true };
      return { day, working: isWorkingDay(day, {}), note: null, override: false };
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
      const day = realDay(request.params.day);
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
