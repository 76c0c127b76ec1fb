import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../src/db/index';
import { DEFAULT_TZ_OFFSET_MINUTES, elapsedWorking, type DayOverrides } from '../src/domain/calendar';
import { computeDeadline, extendDeadline, type Deadline, type SlaPolicy } from '../src/domain/sla';
import { appendCaseEvent } from '../src/store/cases';

export interface ClockRef {
  caseId: string;
  clockId: string;
}

/** A clock's deadline, and whether its policy stops it while the case waits on the customer. */
export interface ClockDeadline extends Deadline {
  pausesWhenPending: boolean;
}

export interface ClockMark extends ClockRef {
  mark: 'jeopardy' | 'breached' | 'stopped';
  at: string;
  eventKey: string;
}

/** SLA clocks: due times from the policy store on the continuous or working calendar. */
export function slaActivities(db: Db) {
  async function policy(key: string): Promise<SlaPolicy & { pausesWhenPending: boolean }> {
    const row = await db.selectFrom('sla_policies').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row) throw ApplicationFailure.nonRetryable(`no SLA policy ${key}`, 'MissingPolicy');
    return {
      key: row.key,
      duration: row.duration,
      calendar: row.calendar,
      jeopardyRatio: row.jeopardy_ratio,
      pausesWhenPending: row.pause_when_pending,
    };
  }

  async function calendarOverrides(): Promise<DayOverrides> {
    // A few dozen rows a year: holidays and make-up working days.
    const rows = await db.selectFrom('calendar_days').select(['day', 'working']).execute();
    return Object.fromEntries(rows.map((r) => [r.day, r.working]));
  }

  async function storedDeadline(ref: ClockRef): Promise<Deadline & { policyKey: string }> {
    const row = await db
      .selectFrom('sla_clocks')
      .selectAll()
      .where('case_id', '=', ref.caseId)
      .where('clock_id', '=', ref.clockId)
      .executeTakeFirstOrThrow();
    return {
      policyKey: row.policy_key,
      startedAt: row.started_at.toISOString(),
      dueAt: row.due_at.toISOString(),
      jeopardyAt: row.jeopardy_at.toISOString(),
    };
  }

  return {
    /** Starts a clock once; a retry returns the deadline fixed the first time. */
    async startClock(ref: ClockRef & { policyKey: string; startedAt: string }): Promise<ClockDeadline> {
      const rule = await policy(ref.policyKey);
      const deadline = computeDeadline(
        rule,
        new Date(ref.startedAt),
        await calendarOverrides(),
        DEFAULT_TZ_OFFSET_MINUTES,
      );
      await db
        .insertInto('sla_clocks')
        .values({
          case_id: ref.caseId,
          clock_id: ref.clockId,
          policy_key: ref.policyKey,
          started_at: deadline.startedAt,
          due_at: deadline.dueAt,
          jeopardy_at: deadline.jeopardyAt,
          stopped_at: null,
        })
        .onConflict((oc) => oc.columns(['case_id', 'clock_id']).doNothing())
        .execute();
      const { policyKey: _, ...stored } = await storedDeadline(ref);
      return { ...stored, pausesWhenPending: rule.pausesWhenPending };
    },

    /** Moves the due time on by the time the case was paused (pending on the customer). */
    async extendClock(ref: ClockRef & { pausedAt: string; resumedAt: string }): Promise<ClockDeadline> {
      const { policyKey, ...current } = await storedDeadline(ref);
      const { calendar, pausesWhenPending } = await policy(policyKey);
      const overrides = await calendarOverrides();
      const [from, to] = [new Date(ref.pausedAt), new Date(ref.resumedAt)];
      // On a working clock only the working time the pause used up is given back.
      const pausedMs =
        calendar === 'working' ? elapsedWorking(from, to, overrides, DEFAULT_TZ_OFFSET_MINUTES) : to.getTime() - from.getTime();
      const next = extendDeadline(current, pausedMs, calendar, overrides, DEFAULT_TZ_OFFSET_MINUTES);
      await db
        .updateTable('sla_clocks')
        .set({ due_at: next.dueAt, jeopardy_at: next.jeopardyAt })
        .where('case_id', '=', ref.caseId)
        .where('clock_id', '=', ref.clockId)
        .execute();
      return { ...next, pausesWhenPending };
    },

    async markClock(m: ClockMark): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const clock = await tx
          .updateTable('sla_clocks')
          .set(m.mark === 'stopped' ? { stopped_at: m.at } : { [m.mark]: true })
          .where('case_id', '=', m.caseId)
          .where('clock_id', '=', m.clockId)
          .returning(['policy_key', 'due_at'])
          .executeTakeFirstOrThrow();
        if (m.mark === 'stopped') return;
        await appendCaseEvent(tx, {
          caseId: m.caseId,
          eventKey: m.eventKey,
          at: m.at,
          actor: 'switchboard',
          kind: m.mark === 'jeopardy' ? 'sla_jeopardy' : 'sla_breached',
          detail: { clock: m.clockId, policyKey: clock.policy_key, dueAt: clock.due_at.toISOString() },
        });
      });
    },
  };
}
