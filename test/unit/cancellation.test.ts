import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { calendarDays2026 } from '../../migrations/2026112302_calendar_2026';
import { balanceRefund, cancellationGate, counterClerk, secondAttemptBy } from '../../src/domain/cancellation';
import { unsupportedKeywords } from '../../src/domain/forms';
import { computeDeadline } from '../../src/domain/sla';
import { cancellationForms, cancellationProcess } from '../../src/processes/cancellation';
import { RefundInput } from '../../src/processes/refund';

const now = new Date('2026-11-23T04:00:00Z');
const service = { id: 'svc_1', customerId: 'cus_1', status: 'active' };

describe('the gate (seed 000 L240)', () => {
  it('refuses a service inside its agreement period, lets one whose period ended through', () => {
    expect(cancellationGate('cus_1', { agreementEndsAt: '2027-01-01T00:00:00Z' }, service, now)).toMatchObject({ reason: 'in_agreement_period' });
    expect(cancellationGate('cus_1', { agreementEndsAt: now.toISOString() }, service, now)).toBeNull();
    expect(cancellationGate('cus_1', { agreementEndsAt: null }, service, now)).toBeNull();
  });

  it('refuses another customer\'s service and one already terminated', () => {
    expect(cancellationGate('cus_2', { agreementEndsAt: null }, service, now)).toMatchObject({ reason: 'not_the_customers_service' });
    expect(cancellationGate('cus_1', { agreementEndsAt: null }, { ...service, status: 'terminated' }, now)).toMatchObject({ reason: 'already_terminated' });
  });
});

describe('who tries to keep the customer (seed 002 L395-396, seed 004 L68)', () => {
  it('the counter attempt is assigned to the clerk who filled the form, else open to any clerk', () => {
    expect(counterClerk({ sub: 'clerk-9', roles: ['frontoffice'] })).toBe('clerk-9');
    expect(counterClerk({ sub: 'cm-1', roles: ['agent'] })).toBeUndefined();
  });

  it.each([
    ['group', 'A1', 'branch_leader', false],
    ['group', 'A2', 'branch_leader', false],
    ['group', 'B1', 'agent', true],
    ['individual', 'A1', 'agent', true],
    ['individual', 'diamond', 'agent', true],
  ])('a %s customer of tier %s: the second attempt is for %s (assigned by the supervisor: %s)', (customerType, tier, role, assignedBySupervisor) => {
    expect(secondAttemptBy({ customerType, tier })).toEqual({ role, assignedBySupervisor });
  });
});

describe('the balance refund (seed 000 L242)', () => {
  it('is a refund case of cause cancellation_balance that fits the refund contract', () => {
    const fields = balanceRefund('svc_1', 12_345, 'bil_77');
    expect(Value.Check(RefundInput, fields)).toBe(true);
    expect(fields).toMatchObject({ amountFen: 12_345, cause: 'cancellation_balance', invoice: { provided: true, number: 'bil_77' } });
    expect(fields.description).toContain('123.45 yuan');
  });
});

describe('task forms', () => {
  it('use only keywords the in-workflow check knows', () => {
    for (const form of Object.values(cancellationForms)) {
      for (const [outcome, schema] of Object.entries(form.outcomes)) {
        expect(unsupportedKeywords(schema as unknown as Record<string, unknown>), `${form.kind}.${outcome}`).toEqual([]);
      }
    }
  });
});

describe('cancellation.complete: P2D on the working calendar from the form (seed 002 L390), with the seeded 2026 calendar', () => {
  const overrides = Object.fromEntries(calendarDays2026().map((d) => [d.day, d.working]));
  const policy = { key: 'cancellation.complete', ...cancellationProcess.slas['cancellation.complete'], jeopardyRatio: 0.75 };
  const due = (filed: string) => computeDeadline(policy, new Date(filed), overrides).dueAt;

  it('filed Friday 2026-02-13: the make-up Saturday counts, the Spring Festival does not; due Tuesday 2026-02-24', () => {
    expect(due('2026-02-13T10:00:00+08:00')).toBe(new Date('2026-02-24T10:00:00+08:00').toISOString());
  });

  it('filed Friday 2026-09-18: the make-up Sunday 2026-09-20 counts; due Monday 2026-09-21', () => {
    expect(due('2026-09-18T10:00:00+08:00')).toBe(new Date('2026-09-21T10:00:00+08:00').toISOString());
  });

  it('without the make-up days the same forms would be due later (the calendar rows matter)', () => {
    const plain = (filed: string) => computeDeadline(policy, new Date(filed), {}).dueAt;
    expect(plain('2026-02-13T10:00:00+08:00')).toBe(new Date('2026-02-17T10:00:00+08:00').toISOString());
    expect(plain('2026-09-18T10:00:00+08:00')).toBe(new Date('2026-09-22T10:00:00+08:00').toISOString());
  });
});
