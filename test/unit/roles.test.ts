import { describe, expect, it } from 'vitest';
import { mayActOnTask } from '../../src/domain/roles';

describe('who may act on a task', () => {
  it('needs the role the task names', () => {
    expect(mayActOnTask({ roles: ['supervisor'] }, { role: 'supervisor', approvesMoney: false })).toBe(true);
    expect(mayActOnTask({ roles: ['agent'] }, { role: 'supervisor', approvesMoney: false })).toBe(false);
  });

  it('never lets an admin approve money, whatever other roles they hold', () => {
    expect(mayActOnTask({ roles: ['admin', 'supervisor'] }, { role: 'supervisor', approvesMoney: true })).toBe(false);
    expect(mayActOnTask({ roles: ['admin', 'supervisor'] }, { role: 'supervisor', approvesMoney: false })).toBe(true);
  });
});
