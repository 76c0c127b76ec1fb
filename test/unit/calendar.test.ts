import { describe, it, expect } from 'vitest';
import {
  addDuration,
  DEFAULT_TZ_OFFSET_MINUTES,
  elapsedWorking,
  isWorkingDay,
  localDay,
  monthKey,
  type DayOverrides,
} from '../../src/domain/calendar';

const TZ = DEFAULT_TZ_OFFSET_MINUTES;
const H = 3_600_000;
const D = 24 * H;
/** An instant given in Asia/Shanghai local time. */
const sh = (local: string): Date => new Date(`${local}+08:00`);
const working = (start: Date, ms: number, overrides: DayOverrides = {}): string =>
  addDuration(start, ms, 'working', overrides, TZ).toISOString();

// 2026-11-20 Friday, 21 Saturday, 22 Sunday, 23 Monday, 24 Tuesday.
describe('weekdays the tests rely on', () => {
  it('2026-11-20 is a Friday', () => {
    expect(new Date('2026-11-20T00:00:00Z').getUTCDay()).toBe(5);
    expect(new Date('2026-11-23T00:00:00Z').getUTCDay()).toBe(1);
  });
});

describe('localDay / monthKey', () => {
  it('uses the operator zone, not UTC', () => {
    // 2026-11-30T16:30Z is 2026-12-01 00:30 in Shanghai.
    const at = new Date('2026-11-30T16:30:00Z');
    expect(localDay(at, TZ)).toBe('2026-12-01');
    expect(monthKey(at, TZ)).toBe('2026-12');
    expect(localDay(at, 0)).toBe('2026-11-30');
    expect(monthKey(at, 0)).toBe('2026-11');
  });
  it('handles the last moment of a local day', () => {
    expect(localDay(sh('2026-11-20T23:59:59.999'), TZ)).toBe('2026-11-20');
    expect(localDay(sh('2026-11-21T00:00:00'), TZ)).toBe('2026-11-21');
  });
  it('supports negative offsets', () => {
    expect(localDay(new Date('2026-11-21T02:00:00Z'), -300)).toBe('2026-11-20');
  });
});

describe('isWorkingDay', () => {
  it('follows the weekday rule', () => {
    expect(isWorkingDay('2026-11-20', {})).toBe(true); // Friday
    expect(isWorkingDay('2026-11-21', {})).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-22', {})).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-23', {})).toBe(true); // Monday
  });
  it('lets the calendar table override it (holiday, make-up day 调休)', () => {
    const overrides: DayOverrides = { '2026-10-01': false, '2026-10-10': true };
    expect(isWorkingDay('2026-10-01', overrides)).toBe(false); // Thursday, National Day
    expect(isWorkingDay('2026-10-10', overrides)).toBe(true); // Saturday, make-up working day
  });
  it('rejects malformed days', () => {
    expect(() => isWorkingDay('2026-13-01', {})).toThrow(RangeError);
    expect(() => isWorkingDay('20261120', {})).toThrow(RangeError);
    expect(() => isWorkingDay('2026-02-30', {})).toThrow(RangeError);
  });
});

describe('addDuration', () => {
  it('continuous is plain addition, weekends included', () => {
    expect(addDuration(sh('2026-11-20T15:00:00'), 2 * D, 'continuous', {}, TZ).toISOString()).toBe(
      sh('2026-11-22T15:00:00').toISOString(),
    );
  });

  it('P2D working from Friday 15:00 skips the weekend → Tuesday 15:00', () => {
    expect(working(sh('2026-11-20T15:00:00'), 2 * D)).toBe(sh('2026-11-24T15:00:00').toISOString());
  });

  it('P2D working across a make-up working Saturday → Monday 15:00', () => {
    expect(working(sh('2026-11-20T15:00:00'), 2 * D, { '2026-11-21': true })).toBe(
      sh('2026-11-23T15:00:00').toISOString(),
    );
  });

  it('PT4H working from Friday 22:00 → Monday 02:00', () => {
    expect(working(sh('2026-11-20T22:00:00'), 4 * H)).toBe(sh('2026-11-23T02:00:00').toISOString());
  });

  it('across a public holiday on a weekday', () => {
    // Monday 2026-11-23 declared a holiday: Fri 15:00 + P2D → Wednesday 15:00.
    expect(working(sh('2026-11-20T15:00:00'), 2 * D, { '2026-11-23': false })).toBe(
      sh('2026-11-25T15:00:00').toISOString(),
    );
  });

  it('a start on a weekend counts from the beginning of the next working day', () => {
    expect(working(sh('2026-11-21T10:00:00'), 4 * H)).toBe(sh('2026-11-23T04:00:00').toISOString());
    expect(working(sh('2026-11-22T23:59:00'), 2 * D)).toBe(sh('2026-11-25T00:00:00').toISOString());
  });

  it('a start on a weekend followed by a weekday public holiday', () => {
    // Sunday start, Monday holiday → counting starts Tuesday 00:00.
    expect(working(sh('2026-11-22T09:00:00'), 36 * H, { '2026-11-23': false })).toBe(
      sh('2026-11-25T12:00:00').toISOString(),
    );
  });

  it('a start on a make-up working Saturday counts from the start itself', () => {
    expect(working(sh('2026-11-21T20:00:00'), 6 * H, { '2026-11-21': true })).toBe(
      sh('2026-11-23T02:00:00').toISOString(),
    );
  });

  it('a National Day-style golden week (illustrative table)', () => {
    // Holidays Thu 1 – Wed 7 Oct (weekdays 1, 2, 5, 6, 7 off), make-up working Saturday 10 Oct.
    const cal: DayOverrides = {
      '2026-10-01': false,
      '2026-10-02': false,
      '2026-10-05': false,
      '2026-10-06': false,
      '2026-10-07': false,
      '2026-10-10': true,
    };
    // Wed 30 Sep 12:00 + P2D: 12 h on Wed, then Thu 8 & Fri 9 → Friday 12:00.
    expect(working(sh('2026-09-30T12:00:00'), 2 * D, cal)).toBe(sh('2026-10-09T12:00:00').toISOString());
    // + P3D: 24 h more, 12 h left on Friday, the rest on the make-up Saturday → Saturday 12:00.
    expect(working(sh('2026-09-30T12:00:00'), 3 * D, cal)).toBe(sh('2026-10-10T12:00:00').toISOString());
  });

  it('an end exactly at the end of a working day is that midnight', () => {
    expect(working(sh('2026-11-20T20:00:00'), 4 * H)).toBe(sh('2026-11-21T00:00:00').toISOString());
  });

  it('zero keeps the start; negative durations are refused', () => {
    expect(working(sh('2026-11-21T10:00:00'), 0)).toBe(sh('2026-11-21T10:00:00').toISOString());
    expect(() => working(sh('2026-11-20T10:00:00'), -1)).toThrow(RangeError);
  });

  it('works in another zone', () => {
    // UTC: Friday 2026-11-20 22:00Z + PT4H working → Monday 02:00Z.
    expect(addDuration(new Date('2026-11-20T22:00:00Z'), 4 * H, 'working', {}, 0).toISOString()).toBe(
      '2026-11-23T02:00:00.000Z',
    );
  });
});

describe('elapsedWorking', () => {
  it('counts only working days', () => {
    expect(elapsedWorking(sh('2026-11-20T15:00:00'), sh('2026-11-24T15:00:00'), {}, TZ)).toBe(2 * D);
    expect(elapsedWorking(sh('2026-11-21T00:00:00'), sh('2026-11-23T00:00:00'), {}, TZ)).toBe(0);
    expect(elapsedWorking(sh('2026-11-20T15:00:00'), sh('2026-11-24T15:00:00'), { '2026-11-21': true }, TZ)).toBe(
      3 * D,
    );
    expect(elapsedWorking(sh('2026-11-20T15:00:00'), sh('2026-11-24T15:00:00'), { '2026-11-23': false }, TZ)).toBe(
      D,
    );
  });

  it('is negative when to < from', () => {
    expect(elapsedWorking(sh('2026-11-24T15:00:00'), sh('2026-11-20T15:00:00'), {}, TZ)).toBe(-2 * D);
  });

  it('inverts addDuration on the working calendar', () => {
    const cal: DayOverrides = { '2026-11-21': true, '2026-11-25': false, '2026-11-28': false };
    const starts = ['2026-11-20T15:00:00', '2026-11-21T10:00:00', '2026-11-22T23:00:00', '2026-11-24T23:59:59'];
    const durations = [1, 30 * 60_000, 4 * H, 20 * H, D, 2 * D + 7 * H, 9 * D];
    for (const s of starts) {
      for (const d of durations) {
        const start = sh(s);
        const end = addDuration(start, d, 'working', cal, TZ);
        expect(elapsedWorking(start, end, cal, TZ)).toBe(d);
      }
    }
  });
});
