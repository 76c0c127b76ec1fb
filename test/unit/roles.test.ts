import { describe, expect, it } from 'vitest';
import { mayActOnTask, taskRefusal } from '../../src/domain/roles';

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

describe('an owned task (a complaint first responder’s)', () => {
  it('only its owner may act on it, whatever roles others hold', () => {
    const may = mayActOnTask;
    const task = { role: 'agent', approvesMoney: false, owner: 'cm-1' };
    expect(may({ sub: 'cm-1', roles: ['agent'] }, task)).toBe(true);
    expect(may({ sub: 'cm-2', roles: ['agent', 'supervisor'] }, task)).toBe(false);
    expect(taskRefusal({ sub: 'cm-2', roles: ['agent'] }, task)).toMatch(/only its owner cm-1 may complete this task/);
  });
});
