import { describe, expect, it } from 'vitest';
import {
  DAYS_PER_MONTH,
  faultDays,
  faultRepairGate,
  rentCredit,
  rentCreditDue,
  repairClockKey,
  reportedAtProblem,
  restoredLate,
} from '../../src/domain/fault-repair';

const REPORT = '2026-03-02T08:00:00.000Z';
const after = (hours: number) => new Date(Date.parse(REPORT) + hours * 3_600_000).toISOString();

describe('the repair promise (seed 001 L242)', () => {
  it('runs on the region of the service', () => {
    expect(repairClockKey('urban')).toBe('fault_repair.resolve.urban');
    expect(repairClockKey('rural')).toBe('fault_repair.resolve.rural');
  });

  it('takes a report time up to now, never a later one', () => {
    const now = new Date(REPORT);
    expect(reportedAtProblem(REPORT, now)).toBeUndefined();
    expect(reportedAtProblem(after(-72), now)).toBeUndefined();
    expect(reportedAtProblem(after(0.001), now)).toMatch(/not be later than now/);
    expect(reportedAtProblem('yesterday', now)).toMatch(/RFC 3339/);
  });

  it('lets a customer report faults of their own services only', () => {
    expect(faultRepairGate({ customerId: 'cus_1' }, 'cus_1')).toBeUndefined();
    expect(faultRepairGate({ customerId: 'cus_2' }, 'cus_1')).toMatchObject({ reason: 'service_of_another_customer' });
  });

  it('is kept by a restoration up to its due time, broken by a later one', () => {
    expect(restoredLate(after(48), after(48))).toBe(false);
    expect(restoredLate(after(47), after(48))).toBe(false);
    expect(restoredLate(after(48.01), after(48))).toBe(true);
  });
});

describe('when the rent of the fault period is credited (seed 001 L242-244)', () => {
  const due = after(48);
  it.each([
    ['network', after(50), true],
    ['network', after(40), false],
    ['customer_equipment', after(50), false],
    ['customer_equipment', after(40), false],
  ] as const)('a %s fault restored at %s: %s', (cause, restoredAt, credited) => {
    expect(rentCreditDue({ cause, restoredAt, dueAt: due })).toBe(credited);
  });
});

describe('how the days of a fault period are counted', () => {
  it.each([
    [0, 0],
    [0.01, 1],
    [24, 1],
    [24.01, 2],
    [48, 2],
    [49, 3],
    [72, 3],
    [24 * 31, 31],
  ])('%d hours are %d days (every started 24 hours is a day)', (hours, days) => {
    expect(faultDays({ reportedAt: REPORT, restoredAt: after(hours) })).toBe(days);
  });

  it('never counts a restoration before the report', () => {
    expect(faultDays({ reportedAt: REPORT, restoredAt: after(-1) })).toBe(0);
  });
});

describe('the rent credit, prorated by day', () => {
  it.each([
    // A month is 30 days; the amount is rounded to the fen once, on the total.
    [5000, 20, 1, 167], // 50 元 / 30 = 1.6667 元
    [5000, 40, 2, 333],
    [5000, 60, 3, 500],
    [2999, 1, 1, 100], // 99.97 → 99.967 fen
    [12800, 73, 4, 1707],
    [3000, 24 * 45, 45, 4500], // longer than a month: a month and a half of rent
  ])('a monthly rent of %d fen over %d hours: %d days, %d fen', (monthlyRentFen, hours, days, amountFen) => {
    expect(rentCredit(monthlyRentFen, { reportedAt: REPORT, restoredAt: after(hours) })).toEqual({
      amountFen,
      days,
      monthlyRentFen,
      from: REPORT,
      to: after(hours),
    });
  });

  it('is nothing without rent or without a whole period', () => {
    expect(rentCredit(0, { reportedAt: REPORT, restoredAt: after(50) })).toBeUndefined();
    expect(rentCredit(5000, { reportedAt: REPORT, restoredAt: REPORT })).toBeUndefined();
  });

  it('credits a thirtieth of the rent per day', () => {
    expect(DAYS_PER_MONTH).toBe(30);
    expect(rentCredit(3000, { reportedAt: REPORT, restoredAt: after(24 * 30) })?.amountFen).toBe(3000);
  });
});
