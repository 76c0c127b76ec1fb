import type { Kysely } from 'kysely';

/**
 * The official 2026 holidays and make-up working days of mainland China
 * (State Council notice of 2025-11-04), so `working` clocks are right on a
 * fresh install. Admins correct or extend the table with PUT /v1/calendar/{day}.
 */
const BREAKS: Array<{ holiday: string; off: [string, string]; makeUp: string[] }> = [
  { holiday: 'New Year 元旦', off: ['2026-01-01', '2026-01-03'], makeUp: ['2026-01-04'] },
  { holiday: 'Spring Festival 春节', off: ['2026-02-15', '2026-02-23'], makeUp: ['2026-02-14', '2026-02-28'] },
  { holiday: 'Qingming 清明节', off: ['2026-04-04', '2026-04-06'], makeUp: [] },
  { holiday: 'Labour Day 劳动节', off: ['2026-05-01', '2026-05-05'], makeUp: ['2026-05-09'] },
  { holiday: 'Dragon Boat 端午节', off: ['2026-06-19', '2026-06-21'], makeUp: [] },
  { holiday: 'Mid-Autumn 中秋节', off: ['2026-09-25', '2026-09-27'], makeUp: [] },
  { holiday: 'National Day 国庆节', off: ['2026-10-01', '2026-10-07'], makeUp: ['2026-09-20', '2026-10-10'] },
];

function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** The rows this migration seeds (exported so the deadline tests count on the very same days). */
export function calendarDays2026(): Array<{ day: string; working: boolean; note: string }> {
  return BREAKS.flatMap(({ holiday, off, makeUp }) => [
    ...daysFrom(...off).map((day) => ({ day, working: false, note: holiday })),
    ...makeUp.map((day) => ({ day, working: true, note: `${holiday} make-up working day 调休` })),
  ]);
}

export async function up(db: Kysely<any>): Promise<void> {
  // An admin may already have entered some of these days: their entry stands.
  await db.insertInto('calendar_days').values(calendarDays2026()).onConflict((oc) => oc.column('day').doNothing()).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
