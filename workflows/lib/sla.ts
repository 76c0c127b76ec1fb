import { condition } from '@temporalio/workflow';
import type { ClockDeadline } from '../../activities/sla';
import { activities } from './activities';
import type { CaseRun } from './case';

const never = () => new Promise<never>(() => undefined);

/**
 * An SLA clock on a case: due and jeopardy times come from the policy store
 * (continuous or working calendar), jeopardy and breach are recorded on the
 * case, and time the case spends pending on the customer is given back
 * (the case pauses its clocks; a policy can say not to).
 */
export class SlaClock {
  private stopped = false;
  private jeopardyMarked = false;
  private pausedAt: number | undefined;
  /** Bumped whenever the deadline moves, to wake the watcher. */
  private version = 0;

  private constructor(
    private readonly run: CaseRun,
    readonly clockId: string,
    private deadline: ClockDeadline,
  ) {}

  static async start(run: CaseRun, policyKey: string, clockId = policyKey): Promise<SlaClock> {
    const deadline = await activities.startClock({ caseId: run.id, clockId, policyKey, startedAt: run.now() });
    const clock = new SlaClock(run, clockId, deadline);
    run.clocks.add(clock);
    return clock;
  }

  get dueAt(): string {
    return this.deadline.dueAt;
  }

  /** The case waits on the customer: the clock stands still, unless its policy says otherwise. */
  pause(): void {
    if (this.deadline.pausesWhenPending && !this.stopped) this.pausedAt ??= Date.now();
  }

  async resume(): Promise<void> {
    if (this.pausedAt === undefined) return;
    const pausedAt = new Date(this.pausedAt).toISOString();
    this.pausedAt = undefined;
    this.deadline = await activities.extendClock({ ...this.ref(), pausedAt, resumedAt: this.run.now() });
    this.version++;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.run.clocks.delete(this);
    await activities.markClock({ ...this.ref(), mark: 'stopped', at: this.run.now(), eventKey: this.run.eventKey() });
  }

  /** Resolves when the clock breaches, recording jeopardy on the way; never, if stopped first. */
  async breached(): Promise<void> {
    for (;;) {
      if (this.stopped) return never();
      if (this.pausedAt !== undefined) {
        await condition(() => this.pausedAt === undefined || this.stopped);
        continue;
      }
      const now = Date.now();
      const jeopardyAt = Date.parse(this.deadline.jeopardyAt);
      const dueAt = Date.parse(this.deadline.dueAt);
      if (!this.jeopardyMarked && now >= jeopardyAt) {
        this.jeopardyMarked = true;
        await this.mark('jeopardy');
        continue;
      }
      if (now >= dueAt) {
        await this.mark('breached');
        return;
      }
      const version = this.version;
      const wakeAt = this.jeopardyMarked ? dueAt : jeopardyAt;
      await condition(
        () => this.stopped || this.pausedAt !== undefined || this.version !== version,
        Math.max(1, wakeAt - now),
      );
    }
  }

  private ref() {
    return { caseId: this.run.id, clockId: this.clockId };
  }

  private async mark(mark: 'jeopardy' | 'breached'): Promise<void> {
    await activities.markClock({ ...this.ref(), mark, at: this.run.now(), eventKey: this.run.eventKey() });
  }
}
