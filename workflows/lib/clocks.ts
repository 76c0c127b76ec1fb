import { condition } from '@temporalio/workflow';
import type { ClockDeadline } from '../../activities/sla';
import { records } from './activities';
import type { CaseContext } from './context';

/** What runs when a clock reaches jeopardy or breaches. */
export interface ClockActions {
  onJeopardy?: () => Promise<void>;
  onBreach?: () => Promise<void>;
}

export interface ClockOptions extends ClockActions {
  /** The instant the clock runs from (RFC 3339), when not now: fault repair's promise runs from the customer's report. */
  startedAt?: string;
}

/** Runs work beside the process; the case fails if it fails. */
export type Beside = (work: () => Promise<void>) => void;

/**
 * An SLA clock (the updatable timer of Temporal's timer examples): due and
 * jeopardy times come from the policy store on the continuous or working
 * calendar; a watcher beside the process records jeopardy and breach on the
 * case as they happen; time the case spends pending on the customer is given
 * back when its policy says so.
 */
export class Clock {
  private stopped = false;
  private jeopardyMarked = false;
  private breachMarked = false;
  private pausedAt: number | undefined;
  /** Bumped whenever the deadline moves, to wake the watcher. */
  private version = 0;

  constructor(
    private readonly ctx: CaseContext,
    readonly clockId: string,
    private deadline: ClockDeadline,
    private readonly onStopped: (clock: Clock) => void,
  ) {}

  get dueAt(): string {
    return this.deadline.dueAt;
  }

  get isBreached(): boolean {
    return this.breachMarked;
  }

  /** Resolves when the clock has breached; never, if it is stopped first. */
  breached(): Promise<void> {
    return condition(() => this.breachMarked);
  }

  pause(): void {
    if (this.deadline.pausesWhenPending && !this.stopped) this.pausedAt ??= Date.now();
  }

  /** Runs on; `giveBack`: the deadline moves later by the time paused. */
  async resume(giveBack = true): Promise<void> {
    if (this.pausedAt === undefined) return;
    const pausedAt = new Date(this.pausedAt).toISOString();
    this.pausedAt = undefined;
    if (giveBack) this.deadline = await records.extendClock({ ...this.ref(), pausedAt, resumedAt: this.ctx.now() });
    this.version++;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.onStopped(this);
    await records.markClock({ ...this.ref(), mark: 'stopped', at: this.ctx.now(), eventKey: this.ctx.eventKey() });
  }

  /** The watcher: records jeopardy and breach when they come, running the actions; ends when the clock stops or breaches. */
  async watch({ onJeopardy, onBreach }: ClockActions): Promise<void> {
    for (;;) {
      if (this.stopped) return;
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
        await onJeopardy?.();
        continue;
      }
      if (now >= dueAt) {
        await this.mark('breached');
        this.breachMarked = true;
        await onBreach?.();
        return;
      }
      const version = this.version;
      const wakeAt = this.jeopardyMarked ? dueAt : jeopardyAt;
      await condition(() => this.stopped || this.pausedAt !== undefined || this.version !== version, Math.max(1, wakeAt - now));
    }
  }

  private ref() {
    return { caseId: this.ctx.id, clockId: this.clockId };
  }

  private async mark(mark: 'jeopardy' | 'breached'): Promise<void> {
    await records.markClock({ ...this.ref(), mark, at: this.ctx.now(), eventKey: this.ctx.eventKey() });
  }
}

/** The case's running clocks: each watched beside the process, all paused while the case waits on the customer. */
export class ClockSet {
  private readonly running = new Set<Clock>();
  private paused = false;
  private waitCounts = false;

  constructor(
    private readonly ctx: CaseContext,
    private readonly beside: Beside,
  ) {}

  /** Starts a clock on `policyKey`; `clockId` tells apart several clocks on one policy. A clock started in the past may be in jeopardy or breached at once. */
  async start(policyKey: string, clockId = policyKey, { startedAt = this.ctx.now(), ...actions }: ClockOptions = {}): Promise<Clock> {
    const deadline = await records.startClock({ caseId: this.ctx.id, clockId, policyKey, startedAt });
    const clock = new Clock(this.ctx, clockId, deadline, (c) => this.running.delete(c));
    this.running.add(clock);
    if (this.paused) clock.pause();
    this.beside(() => clock.watch(actions));
    return clock;
  }

  pauseAll(): void {
    this.paused = true;
    for (const clock of this.running) clock.pause();
  }

  /** The present wait on the customer is not given back when the clocks resume: it turned out not to be theirs. */
  countWait(): void {
    if (this.paused) this.waitCounts = true;
  }

  async resumeAll(): Promise<void> {
    const giveBack = !this.waitCounts;
    this.paused = false;
    this.waitCounts = false;
    await Promise.all([...this.running].map((clock) => clock.resume(giveBack)));
  }

  async stopAll(): Promise<void> {
    for (const clock of [...this.running]) await clock.stop();
  }
}
