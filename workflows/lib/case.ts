import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  setHandler,
  TemporalFailure,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { isFinalState, type CaseState, type CaseType } from '../../src/domain/case';
import { CASE_CANCELLER_ROLES, hasAnyRole, SYSTEM_ACTOR, type Role } from '../../src/domain/roles';
import { CASE_STAGE, CASE_STATE } from '../../src/temporal/search-attributes';
import { activities } from './activities';
import {
  cancelCaseUpdate,
  caseStatusQuery,
  completeTaskUpdate,
  REFUSAL,
  type CancelCaseRequest,
  type CaseSnapshot,
  type CaseStart,
  type CaseStatus,
} from './messages';
import type { SlaClock } from './sla';
import { TaskBoard } from './tasks';

export interface Move {
  /** Fields merged into the case's `data` in the read model. */
  data?: Record<string, unknown>;
  /** Why the case is in this state: a rejection's reason code, a denial's text, a hold's cause. */
  reason?: string;
  /** Who moved it, when a person did. */
  actor?: string;
  detail?: Record<string, unknown>;
}

export interface CaseProcess {
  /** The process itself; returns when the case is finished. */
  body: () => Promise<void>;
  /** Undo what the process holds when the case is cancelled (tasks and clocks are handled here). */
  compensate?: () => Promise<void>;
}

/** The innermost cause's message: for an activity failure, what the activity said. */
function failureReason(err: TemporalFailure): string {
  let cause: Error = err;
  while (cause.cause instanceof Error) cause = cause.cause;
  return cause.message;
}

const refuse = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/**
 * One case, as its workflow sees it: state and stage kept in the read model
 * with an event on every change, the human-task inbox, customer
 * notifications, and the messages every case answers (status, task
 * completion, cancellation until the point of no return).
 */
export class CaseRun {
  readonly id: string;
  readonly type: CaseType;
  readonly tasks = new TaskBoard(this);
  /** Running SLA clocks: paused while the case is pending on the customer. */
  readonly clocks = new Set<SlaClock>();
  private state: CaseState = 'acknowledged';
  private stage = 'received';
  private outcome: string | null = null;
  private stateReason: string | null = null;
  private eventSeq = 0;
  private cancellable = true;
  private cancellation: CancelCaseRequest | undefined;
  private cancellationDone = false;
  private readonly scope = new CancellationScope();

  constructor(readonly start: CaseStart) {
    this.id = start.id;
    this.type = start.type;
    setHandler(caseStatusQuery, () => this.status());
    setHandler(completeTaskUpdate, (req) => this.tasks.find(req.taskId).complete(req), {
      validator: (req) => {
        if (this.finished || this.cancellation) throw refuse(REFUSAL.conflict, 'the case is closed');
        this.tasks.find(req.taskId).validate(req);
      },
    });
    setHandler(cancelCaseUpdate, (req: CancelCaseRequest) => this.cancel(req), {
      validator: (req: CancelCaseRequest) => {
        if (!hasAnyRole(req.actor, CASE_CANCELLER_ROLES)) throw refuse(REFUSAL.forbidden, 'this role may not cancel cases');
        if (this.finished) throw refuse(REFUSAL.conflict, `the case is already ${this.state}`);
        if (this.cancellation) throw refuse(REFUSAL.conflict, 'the case is already being cancelled');
        if (!this.cancellable) throw refuse(REFUSAL.conflict, 'the case is past its point of no return');
      },
    });
  }

  get finished(): boolean {
    return isFinalState(this.state);
  }

  /** Workflow time, RFC 3339. */
  now(): string {
    return new Date().toISOString();
  }

  /** Idempotency key of the next event this run writes; deterministic on replay. */
  eventKey(): string {
    return `wf:${String(++this.eventSeq).padStart(6, '0')}`;
  }

  snapshot(): CaseSnapshot {
    const { id, type, state, stage, outcome, stateReason } = this;
    return { id, type, state, stage, outcome, stateReason };
  }

  /**
   * Runs the process. Cancellation interrupts it wherever it waits; the
   * open tasks are withdrawn, the process compensates, the customer is told.
   */
  async run(process: CaseProcess): Promise<CaseSnapshot> {
    try {
      await this.scope.run(async () => {
        await activities.openCase(this.start, {
          eventKey: this.eventKey(),
          at: this.start.createdAt,
          actor: this.start.createdBy.sub,
          kind: 'case_created',
          detail: { type: this.type },
        });
        await process.body();
      });
    } catch (err) {
      if (this.cancellation && isCancellation(err)) {
        await CancellationScope.nonCancellable(() => this.wrapUpCancellation(process));
      } else {
        // A step failed for good (a non-retryable activity error): the read model says so before the workflow fails.
        if (err instanceof TemporalFailure) await this.finish('failed', 'failed', { reason: failureReason(err) });
        throw err;
      }
    }
    await condition(allHandlersFinished);
    return this.snapshot();
  }

  /**
   * Moves the case to a state and stage, recording it in the read model and
   * the timeline. Entering `pending` (waiting on the customer) pauses the
   * case's clocks; leaving it gives the paused time back.
   */
  async moveTo(state: CaseState, stage: string, move: Move = {}): Promise<void> {
    const wasPending = this.state === 'pending';
    if (state === 'pending' && !wasPending) for (const clock of this.clocks) clock.pause();
    if (wasPending && state !== 'pending') await Promise.all([...this.clocks].map((clock) => clock.resume()));
    this.state = state;
    this.stage = stage;
    this.stateReason = move.reason ?? null;
    upsertSearchAttributes([
      { key: CASE_STATE, value: state },
      { key: CASE_STAGE, value: stage },
    ]);
    await activities.recordTransition({
      caseId: this.id,
      state,
      stage,
      outcome: this.outcome,
      stateReason: this.stateReason,
      data: move.data,
      event: {
        eventKey: this.eventKey(),
        at: this.now(),
        actor: move.actor ?? SYSTEM_ACTOR.sub,
        kind: 'state_changed',
        detail: { state, stage, ...(move.reason ? { reason: move.reason } : {}), ...move.detail },
      },
    });
  }

  /** Finishes the case with its outcome (`refunded`, `denied`, ...). */
  async finish(state: CaseState, outcome: string, move: Move = {}): Promise<void> {
    this.outcome = outcome;
    this.cancellable = false;
    await this.moveTo(state, 'done', { ...move, detail: { outcome, ...move.detail } });
  }

  /** From here on the case can no longer be cancelled (money moves, a service is activated). */
  passPointOfNoReturn(): void {
    this.cancellable = false;
  }

  async notifyCustomer(step: string, template: string, payload: Record<string, unknown> = {}): Promise<void> {
    await activities.notify({
      caseId: this.id,
      step,
      to: { customerId: this.start.customerId },
      template,
      payload: { caseId: this.id, ...payload },
      at: this.now(),
    });
  }

  async notifyStaff(step: string, role: Role, template: string, payload: Record<string, unknown> = {}): Promise<void> {
    await activities.notify({ caseId: this.id, step, to: { role }, template, payload: { caseId: this.id, ...payload }, at: this.now() });
  }

  private status(): CaseStatus {
    return {
      ...this.snapshot(),
      cancellable: this.cancellable && !this.finished && !this.cancellation,
      pendingTasks: this.tasks.pending().map(({ id, kind, role, dueAt }) => ({ id, kind, role, dueAt })),
    };
  }

  private async cancel(req: CancelCaseRequest): Promise<CaseSnapshot> {
    this.cancellation = req;
    this.scope.cancel();
    await condition(() => this.cancellationDone);
    return this.snapshot();
  }

  private async wrapUpCancellation(process: CaseProcess): Promise<void> {
    const { reason, actor } = this.cancellation!;
    await this.tasks.withdrawAll();
    await process.compensate?.();
    await this.finish('cancelled', 'cancelled', { reason, actor: actor.sub });
    await this.notifyCustomer('cancelled', 'case_cancelled', { reason });
    this.cancellationDone = true;
  }
}
