/** Policies an operator changes without a deploy: values, SLA durations, the working calendar. */
import type { Db } from '../db/index';
import type { DayOverrides } from '../domain/calendar';
import type { SlaPolicy } from '../domain/sla';
import type { ProcessDefinition } from '../processes/define';

export async function policyValue(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('policies').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function slaPolicy(db: Db, key: string): Promise<(SlaPolicy & { pausesWhenPending: boolean }) | undefined> {
  const row = await db.selectFrom('sla_policies').selectAll().where('key', '=', key).executeTakeFirst();
  return row && { key: row.key, duration: row.duration, calendar: row.calendar, jeopardyRatio: row.jeopardy_ratio, pausesWhenPending: row.pause_when_pending };
}

/** The calendar table: a few dozen rows a year (holidays and make-up working days). */
export async function calendarOverrides(db: Db): Promise<DayOverrides> {
  const rows = await db.selectFrom('calendar_days').select(['day', 'working']).execute();
  return Object.fromEntries(rows.map((r) => [r.day, r.working]));
}

/**
 * Every policy the registered processes read, at its default where an
 * operator has not set it yet. Run after the migrations; never overwrites.
 */
export async function ensurePolicyDefaults(db: Db, processes: readonly ProcessDefinition[]): Promise<void> {
  // A key two processes share is seeded once.
  const slas = [...new Map(processes.flatMap((p) => Object.entries(p.slas))).entries()];
  if (slas.length) {
    await db
      .insertInto('sla_policies')
      .values(
        slas.map(([key, d]) => ({
          key,
          duration: d.duration,
          calendar: d.calendar,
          jeopardy_ratio: d.jeopardyRatio ?? 0.75,
          pause_when_pending: d.pauseWhenPending ?? true,
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  const values = [...new Map(processes.flatMap((p) => Object.entries(p.policies ?? {}))).entries()];
  if (values.length) {
    await db
      .insertInto('policies')
      .values(values.map(([key, value]) => ({ key, value: JSON.stringify(value) })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
}
