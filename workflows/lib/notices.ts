import type { Role } from '../../src/domain/roles';
import { systems } from './activities';
import type { CaseContext } from './context';

/**
 * Notifications from a case, each sent once per step however often the
 * activity runs. The customer is named by id: their phone is looked up by
 * the activity and never enters workflow history.
 */
export class Notices {
  constructor(private readonly ctx: CaseContext) {}

  async customer(step: string, template: string, payload: Record<string, unknown> = {}): Promise<void> {
    await this.send(step, { customerId: this.ctx.customerId }, template, payload);
  }

  /** Another customer of the case (ownership transfer tells both parties). */
  async otherCustomer(step: string, customerId: string, template: string, payload: Record<string, unknown> = {}): Promise<void> {
    await this.send(step, { customerId }, template, payload);
  }

  async staff(step: string, to: Role | { staffId: string }, template: string, payload: Record<string, unknown> = {}): Promise<void> {
    await this.send(step, typeof to === 'string' ? { role: to } : to, template, payload);
  }

  private async send(step: string, to: { customerId: string } | { role: Role } | { staffId: string }, template: string, payload: Record<string, unknown>) {
    await systems.notify({ caseId: this.ctx.id, step, to, template, payload: { caseId: this.ctx.id, ...payload }, at: this.ctx.now() });
  }
}
