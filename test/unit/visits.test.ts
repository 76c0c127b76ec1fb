import { describe, expect, it } from 'vitest';
import { arrivalAgainstSlot, arrivalProblem, rescheduleProblem, signedByTechnician, slotProblem } from '../../src/domain/visits';

const slot = { start: '2026-11-24T09:00:00Z', end: '2026-11-24T11:00:00Z' };

describe('arrival against the slot (seed 002 L77: within ±10 minutes)', () => {
  it.each([
    ['2026-11-24T09:10:00Z', 10, true],
    ['2026-11-24T09:11:00Z', 11, false],
    ['2026-11-24T08:50:00Z', -10, true],
    ['2026-11-24T08:49:00Z', -11, false],
  ])('arriving at %s is %i minutes late, on time: %s', (arrivedAt, minutesLate, onTime) => {
    expect(arrivalAgainstSlot(slot, arrivedAt)).toEqual({ minutesLate, onTime });
  });

  it('cannot be recorded in the future', () => {
    const now = new Date('2026-11-24T09:00:00Z');
    expect(arrivalProblem('2026-11-24T09:04:00Z', now)).toBeUndefined();
    expect(arrivalProblem('2026-11-24T09:06:00Z', now)).toBe('arrivedAt is in the future');
  });
});

describe('booking and rescheduling', () => {
  it('books only a slot that starts in the future and ends after it starts', () => {
    expect(slotProblem(slot, new Date('2026-11-24T08:59:59Z'))).toBeUndefined();
    expect(slotProblem(slot, new Date('2026-11-24T09:00:00Z'))).toBe('the slot must start in the future');
    expect(slotProblem({ start: slot.start, end: slot.start }, new Date('2026-11-23T00:00:00Z'))).toBe('the slot must end after it starts');
  });

  it('lets the company reschedule only before the slot starts (seed 002 L78)', () => {
    expect(rescheduleProblem(slot, new Date('2026-11-24T08:59:00Z'))).toBeUndefined();
    expect(rescheduleProblem(slot, new Date('2026-11-24T09:00:00Z'))).toMatch(/only before the slot starts/);
  });
});

describe('the customer signs for themselves (seed 002 L89)', () => {
  it('refuses a signature in the technician name or id', () => {
    expect(signedByTechnician('张三', { sub: 'tech-1', name: '李四' })).toBe(false);
    expect(signedByTechnician(' 李四 ', { sub: 'tech-1', name: '李四' })).toBe(true);
    expect(signedByTechnician('TECH-1', { sub: 'tech-1' })).toBe(true);
  });
});
