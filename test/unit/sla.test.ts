import { describe, it, expect } from 'vitest';
import { elapsedWorking, type DayOverrides } from '../../src/domain/calendar';
import { computeDeadline, extendDeadline, validateSlaPolicy, type SlaPolicy } from '../../src/domain/sla';

const H = 3_600_000;
const sh = (local: string): Date => new Date(`${local}+08:00`);
const iso = (local: string): string => sh(local).toISOString();

// 2026-11-20 is a Friday.
describe('computeDeadline', () => {
  it('continuous: jeopardy at 75 %', () => {
    const policy: SlaPolicy = { key: 'fault_repair.resolve.urban', duration: 'PT48H', calendar: 'continuous', jeopardyRatio: 0.75 };
    const d = computeDeadline(policy, sh('2026-11-20T10:00:00'), {});
    expect(d).toEqual({
      startedAt: iso('2026-11-20T10:00:00'),
      dueAt: iso('2026-11-22T10:00:00'),
      jeopardyAt: iso('2026-11-21T22:00:00'),
    });
    // 36 h of 48 h.
    expect(Date.parse(d.jeopardyAt) - Date.parse(d.startedAt)).toBe(36 * H);
  });

  it('PT4H continuous: jeopardy after 3 h', () => {
    const d = computeDeadline(
      { key: 'cancellation.contact', duration: 'PT4H', calendar: 'continuous', jeopardyRatio: 0.75 },
      new Date('2026-11-20T02:00:00.000Z'),
      {},
    );
    expect(d.jeopardyAt).toBe('2026-11-20T05:00:00.000Z');
    expect(d.dueAt).toBe('2026-11-20T06:00:00.000Z');
  });

  it('working: both points on the working calendar (75 % of P2D = 36 working hours)', () => {
    const policy: SlaPolicy = { key: 'cancellation.complete', duration: 'P2D', calendar: 'working', jeopardyRatio: 0.75 };
    const start = sh('2026-11-20T15:00:00');
    const d = computeDeadline(policy, start, {});
    expect(d.dueAt).toBe(iso('2026-11-24T15:00:00'));
    // Fri 9 h + Mon 24 h + Tue 3 h = 36 h.
    expect(d.jeopardyAt).toBe(iso('2026-11-24T03:00:00'));
    expect(elapsedWorking(start, new Date(d.jeopardyAt), {}, 480)).toBe(36 * H);
  });

  it('working with a make-up Saturday and a weekday holiday', () => {
    const cal: DayOverrides = { '2026-11-21': true, '2026-11-23': false };
    const policy: SlaPolicy = { key: 'x', duration: 'P2D', calendar: 'working', jeopardyRatio: 0.75 };
    const d = computeDeadline(policy, sh('2026-11-20T15:00:00'), cal);
    // Fri 9 h, Sat 24 h (make-up), Sun off, Mon holiday, Tue 15 h.
    expect(d.dueAt).toBe(iso('2026-11-24T15:00:00'));
    // 36 h: Fri 9 + Sat 24 + Tue 3.
    expect(d.jeopardyAt).toBe(iso('2026-11-24T03:00:00'));
  });

  it('working, started on a Sunday', () => {
    const d = computeDeadline(
      { key: 'x', duration: 'P2D', calendar: 'working', jeopardyRatio: 0.75 },
      sh('2026-11-22T11:00:00'),
      {},
    );
    expect(d.startedAt).toBe(iso('2026-11-22T11:00:00'));
    expect(d.jeopardyAt).toBe(iso('2026-11-24T12:00:00'));
    expect(d.dueAt).toBe(iso('2026-11-25T00:00:00'));
  });

  it('rounds the jeopardy point to whole ms and tolerates float4 ratios', () => {
    const d = computeDeadline(
      { key: 'x', duration: 'PT1S', calendar: 'continuous', jeopardyRatio: Math.fround(0.8) },
      new Date('2026-11-20T00:00:00.000Z'),
      {},
    );
    expect(d.jeopardyAt).toBe('2026-11-20T00:00:00.800Z');
  });

  it('uses the given zone', () => {
    // In UTC, Friday 20:00Z + PT8H working → Monday 04:00Z; in Shanghai that start is Saturday already.
    const policy: SlaPolicy = { key: 'x', duration: 'PT8H', calendar: 'working', jeopardyRatio: 0.5 };
    const start = new Date('2026-11-20T20:00:00Z');
    expect(computeDeadline(policy, start, {}, 0).dueAt).toBe('2026-11-23T04:00:00.000Z');
    expect(computeDeadline(policy, start, {}).dueAt).toBe(iso('2026-11-23T08:00:00'));
  });

  it('refuses an invalid policy', () => {
    expect(() =>
      computeDeadline({ key: 'x', duration: 'P1M', calendar: 'continuous', jeopardyRatio: 0.75 }, new Date(0), {}),
    ).toThrow(/invalid/);
    expect(() =>
      computeDeadline({ key: 'x', duration: 'PT4H', calendar: 'continuous', jeopardyRatio: 1.5 }, new Date(0), {}),
    ).toThrow(RangeError);
  });
});

describe('extendDeadline', () => {
  it('continuous: both points shift by the pause', () => {
    const d = computeDeadline(
      { key: 'x', duration: 'PT48H', calendar: 'continuous', jeopardyRatio: 0.75 },
      sh('2026-11-20T10:00:00'),
      {},
    );
    const e = extendDeadline(d, 5 * H, 'continuous', {}, 480);
    expect(e.startedAt).toBe(d.startedAt);
    expect(Date.parse(e.dueAt) - Date.parse(d.dueAt)).toBe(5 * H);
    expect(Date.parse(e.jeopardyAt) - Date.parse(d.jeopardyAt)).toBe(5 * H);
  });

  it('working: both points shift by working time, skipping the weekend', () => {
    const d = { startedAt: iso('2026-11-19T10:00:00'), dueAt: iso('2026-11-20T22:00:00'), jeopardyAt: iso('2026-11-20T16:00:00') };
    const e = extendDeadline(d, 4 * H, 'working', {}, 480);
    expect(e.dueAt).toBe(iso('2026-11-23T02:00:00'));
    expect(e.jeopardyAt).toBe(iso('2026-11-20T20:00:00'));
    expect(e.startedAt).toBe(d.startedAt);
  });

  it('zero pause changes nothing; a negative pause is refused', () => {
    const d = { startedAt: iso('2026-11-19T10:00:00'), dueAt: iso('2026-11-20T22:00:00'), jeopardyAt: iso('2026-11-20T16:00:00') };
    expect(extendDeadline(d, 0, 'working', {}, 480)).toEqual(d);
    expect(() => extendDeadline(d, -1, 'continuous', {}, 480)).toThrow(RangeError);
  });
});

describe('validateSlaPolicy', () => {
  it('accepts valid policies', () => {
    expect(validateSlaPolicy({ duration: 'PT4H', calendar: 'continuous', jeopardyRatio: 0.75 })).toEqual([]);
    expect(validateSlaPolicy({ duration: 'P2D', calendar: 'working' })).toEqual([]);
    expect(validateSlaPolicy({ duration: 'P1W' })).toEqual([]);
  });

  it('reports an unparseable duration', () => {
    const problems = validateSlaPolicy({ duration: 'P1M', calendar: 'working', jeopardyRatio: 0.75 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/years and months/);
    expect(validateSlaPolicy({ duration: 'soon' })[0]).toMatch(/invalid duration/);
  });

  it('reports a zero duration', () => {
    expect(validateSlaPolicy({ duration: 'PT0S' })).toEqual([expect.stringMatching(/longer than zero/)]);
  });

  it.each([0, 1, -0.5, 1.5, Number.NaN])('reports jeopardyRatio %s', (r) => {
    expect(validateSlaPolicy({ duration: 'PT4H', jeopardyRatio: r })).toEqual([
      expect.stringMatching(/jeopardyRatio/),
    ]);
  });

  it('reports an unknown calendar', () => {
    expect(validateSlaPolicy({ duration: 'PT4H', calendar: 'business' })).toEqual([expect.stringMatching(/calendar/)]);
  });

  it('reports every problem at once', () => {
    expect(validateSlaPolicy({ duration: 'P', calendar: 'lunar', jeopardyRatio: 2 })).toHaveLength(3);
  });
});
