import { describe, expect, it } from 'vitest';
import { relocatedService, relocationGate } from '../../src/domain/relocation';

const active = { status: 'active', numberChangeBlocked: false };

describe('relocationGate (seed 000 L228-L229)', () => {
  it('refuses arrears, a line out of service, and a new number for a line that moved keeping its number', () => {
    expect(relocationGate({ keepNumber: true }, { arrearsFen: 100 }, active)).toMatchObject({ reason: 'arrears_outstanding' });
    expect(relocationGate({ keepNumber: true }, { arrearsFen: 0 }, { ...active, status: 'suspended' })).toMatchObject({ reason: 'service_not_active' });
    expect(relocationGate({ keepNumber: false }, { arrearsFen: 0 }, { ...active, numberChangeBlocked: true })).toMatchObject({ reason: 'number_change_blocked' });
    expect(relocationGate({ keepNumber: true }, { arrearsFen: 0 }, { ...active, numberChangeBlocked: true })).toBeUndefined();
    expect(relocationGate({ keepNumber: false }, { arrearsFen: 0 }, active)).toBeUndefined();
  });
});

describe('relocatedService', () => {
  const newAddress = { text: '成都市高新区天府大道北段1700号', region: 'rural' as const };
  it('keeping the number blocks any later change of number', () => {
    expect(relocatedService({ keepNumber: true, newAddress }, undefined)).toEqual({ address: newAddress.text, region: 'rural', numberChangeBlocked: true });
  });
  it('otherwise the line takes the new number', () => {
    expect(relocatedService({ keepNumber: false, newAddress }, '02860000001')).toEqual({ address: newAddress.text, region: 'rural', number: '02860000001' });
  });
});
