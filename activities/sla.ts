import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../src/db/index';
import { DEFAULT_TZ_OFFSET_MINUTES, elapsedWorking } from '../src/domain/calendar';
import { computeDeadline, extendDeadline, type Deadline } from '../src/domain/sla';
import { insertClock, markClockRow, moveDeadline, storedDeadline, type ClockRef } from '../src/store/clocks';
import { appendCaseEvent } from '../src/store/events';
import { calendarOverrides, slaPolicy } from '../src/store/policies';

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
  async function policy(key: string) {
    const found = await slaPolicy(db, key);
    if (!found) throw ApplicationFailure.nonRetryable(`no SLA policy ${key}`, 'MissingPolicy');
    return found;
  }

  return {
    /** Starts a clock once; a retry returns the deadline fixed the first time. */
    async startClock(ref: ClockRef & { policyKey: string; startedAt: string }): Promise<ClockDeadline> {
      const rule = await policy(ref.policyKey);
      await insertClock(db, ref, computeDeadline(rule, new Date(ref.startedAt), await calendarOverrides(db), DEFAULT_TZ_OFFSET_MINUTES));
      const { policyKey: _, ...stored } = await storedDeadline(db, ref);
      return { ...stored, pausesWhenPending: rule.pausesWhenPending };
    },

    /** Moves the due time on by the time the case was paused (pending on the customer). */
    async extendClock(ref: ClockRef & { pausedAt: string; resumedAt: string }): Promise<ClockDeadline> {
      const { policyKey, ...current } = await storedDeadline(db, ref);
      const { calendar, pausesWhenPending } = await policy(policyKey);
      const overrides = await calendarOverrides(db);
      const [from, to] = [new Date(ref.pausedAt), new Date(ref.resumedAt)];
      // On a working clock only the working time the pause used up is given back.
      const pausedMs = calendar === 'working' ? elapsedWorking(from, to, overrides, DEFAULT_TZ_OFFSET_MINUTES) : to.getTime() - from.getTime();
      const next = extendDeadline(current, pausedMs, calendar, overrides, DEFAULT_TZ_OFFSET_MINUTES);
      await moveDeadline(db, ref, next);
      return { ...next, pausesWhenPending };
    },

    async markClock(m: ClockMark): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const clock = await markClockRow(tx, m, m.mark, m.at);
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
