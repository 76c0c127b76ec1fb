import { describe, expect, it } from 'vitest';
import { assessSeverity, baseSeverity, canStartRepair, complaintOwner, raisedOneStep, repeatWindowStart, replyClockKey } from '../../src/domain/complaint';
import { staff } from '../support/cases';

describe('complaint severity (processes.md §7)', () => {
  it('is critical with any flag, high for diamond and gold VIPs and group tier A, else normal', () => {
    for (const flag of ['major', 'skip_level', 'appeal', 'media', 'petition'] as const) expect(baseSeverity([flag], 'standard')).toBe('critical');
    for (const tier of ['diamond', 'gold', 'A1', 'A2']) expect(baseSeverity([], tier)).toBe('high');
    for (const tier of ['silver', 'B1', 'B2', 'C', 'standard']) expect(baseSeverity([], tier)).toBe('normal');
  });

  it('a repeat raises it one step, critical stays critical; both are kept', () => {
    expect(raisedOneStep('normal')).toBe('high');
    expect(raisedOneStep('high')).toBe('critical');
    expect(raisedOneStep('critical')).toBe('critical');
    expect(assessSeverity([], 'gold', true)).toEqual({ baseSeverity: 'high', repeat: true, severity: 'critical' });
    expect(assessSeverity([], 'standard', false)).toEqual({ baseSeverity: 'normal', repeat: false, severity: 'normal' });
  });

  it('the repeat window runs back from the new complaint; the reply deadline follows the severity', () => {
    expect(repeatWindowStart('2026-03-31T00:00:00.000Z', 'P30D')).toBe('2026-03-01T00:00:00.000Z');
    expect(replyClockKey('critical')).toBe('complaint.reply.critical');
  });
});

describe('the first responder', () => {
  it('is whoever takes the complaint, in the role they own it in', () => {
    expect(complaintOwner(staff('clerk-1', 'frontoffice'))).toEqual({ id: 'clerk-1', role: 'frontoffice' });
    expect(complaintOwner(staff('cm-1', 'agent', 'supervisor'))).toEqual({ id: 'cm-1', role: 'agent' });
  });

  it('or the one a front-office system (or an admin) names', () => {
    expect(complaintOwner(staff('crm', 'frontoffice'), { id: 'cm-7', role: 'agent' })).toEqual({ id: 'cm-7', role: 'agent' });
    expect(complaintOwner(staff('root', 'admin'), { id: 'cm-7', role: 'agent' })).toEqual({ id: 'cm-7', role: 'agent' });
  });

  it('an agent may not pass a complaint off by naming someone else; an admin alone owns none', () => {
    expect(complaintOwner(staff('cm-1', 'agent'), { id: 'cm-2', role: 'agent' })).toMatch(/whoever takes a complaint owns it/);
    expect(complaintOwner(staff('cm-1', 'agent'), { id: 'cm-1', role: 'agent' })).toEqual({ id: 'cm-1', role: 'agent' });
    expect(complaintOwner(staff('root', 'admin'))).toMatch(/name a firstResponder/);
  });
});

describe('a fault repair from a complaint', () => {
  it('only for network quality about a service', () => {
    expect(canStartRepair('network_quality', 'svc_1')).toBe(true);
    expect(canStartRepair('network_quality', undefined)).toBe(false);
    expect(canStartRepair('tariff', 'svc_1')).toBe(false);
  });
});
