import {
  allHandlersFinished,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  ParentClosePolicy,
  setHandler,
  startChild,
  TemporalFailure,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import { caseIdPrefix, isFinalState, type CaseState, type CaseType } from '../../src/domain/case';
import { CASE_CANCELLER_ROLES, hasAnyRole, SYSTEM_ACTOR, type Actor, type Role } from '../../src/domain/roles';
import type { TaskForm } from '../../src/processes/forms';
import { CASE_STAGE, CASE_STATE, CASE_TYPE } from '../../src/temporal/search-attributes';
import { records } from './activities';
import { ClockSet, type Clock, type ClockOptions } from './clocks';
import type { CaseContext } from './context';
import { escalate, type Escalated, type EscalationSpec } from './escalation';
import {
  cancelCaseUpdate,
  caseIntakeUpdate,
  caseStatusQuery,
  childPastPointOfNoReturnSignal,
  completeTaskUpdate,
  REFUSAL,
  refuse,
  type CancelCaseRequest,
  type CaseSnapshot,
  type CaseStart,
  type CaseStatus,
} from './messages';
import { Notices } from './notices';
import { TASK_WITHDRAWN, TaskBoard } from './tasks';

/** What a change of the case records beside its state. */
export interface Change {
  /** Fields merged into the case's `data` in the read model. */
  data?: Record<string, unknown>;
  /** Why the case is in this state: a rejection's reason code, a denial's text, a hold's cause. */
  reason?: string;
  /** Who made the change, when a person did. */
  actor?: string;
  detail?: Record<string, unknown>;
}

/** A case this one started and waits for. */
export interface ChildCase {
  id: string;
  type: CaseType;
  result(): Promise<CaseSnapshot>;
}

type CaseWorkflow<Fields extends object> = (start: CaseStart<Fields>) => Promise<CaseSnapshot>;

/** The innermost cause's message: for an activity failure, what the activity said. */
function failureReason(err: TemporalFailure): string {
  let cause: Error = err;
  while (cause.cause instanceof Error) cause = cause.cause;
  return cause.message;
}

const isWithdrawn = (err: unknown) => err instanceof TemporalFailure && (err as { type?: string }).type === TASK_WITHDRAWN;

/**
 * One case, as its process sees it: business verbs (`stage`, `hold`,
 * `awaitCustomer`, `record`, `complete`, `reject`, …) over the read model
 * and its timeline, the human-task board, SLA clocks, customer and staff
 * notices, compensation registered step by step, child cases, and the
 * messages every case answers (status, task completion, cancellation until
 * the point of no return).
 */
export class Case<Stage extends string = string> implements CaseContext {
  readonly id: string;
  readonly type: CaseType;
  readonly customerId: string;
  readonly clocks: ClockSet;
  readonly tasks: TaskBoard;
  readonly notify: Notices;
  private state: CaseState = 'acknowledged';
  private currentStage = 'received';
  private outcome: string | null = null;
  private stateReason: string | null = null;
  private eventSeq = 0;
  private cancellable = true;
  private takenIn = false;
  private cancellation: CancelCaseRequest | undefined;
  private cancellationDone = false;
  /** Undo steps, newest first (the saga pattern). */
  private readonly undos: Array<() => Promise<void>> = [];
  private scope: CancellationScope | undefined;
  private sideActions = 0;
  private sideError: unknown;
  private readonly children: Array<{ id: string; type: CaseType }> = [];
  /** Children still running, and those of them past their point of no return (they keep this case from being cancelled). */
  private readonly runningChildren = new Set<string>();
  private readonly committedChildren = new Set<string>();

  constructor(readonly start: CaseStart) {
    this.id = start.id;
    this.type = start.type;
    this.customerId = start.customerId;
    this.clocks = new ClockSet(this, (work) => this.beside(work));
    this.tasks = new TaskBoard(this, this.clocks);
    this.notify = new Notices(this);
    setHandler(caseStatusQuery, () => this.status());
    setHandler(caseIntakeUpdate, async () => {
      await condition(() => this.takenIn || this.finished);
      return this.snapshot();
    });
    setHandler(completeTaskUpdate, (req) => this.tasks.find(req.taskId).complete(req), {
      validator: (req) => {
        if (this.finished || this.cancellation) throw refuse(REFUSAL.conflict, 'the case is closed');
        this.tasks.find(req.taskId).validate(req);
      },
    });
    setHandler(cancelCaseUpdate, (req) => this.requestCancellation(req), {
      validator: (req) => {
        if (!hasAnyRole(req.actor, CASE_CANCELLER_ROLES)) throw refuse(REFUSAL.forbidden, 'this role may not cancel cases');
        if (this.finished) throw refuse(REFUSAL.conflict, `the case is already ${this.state}`);
        if (this.cancellation) throw refuse(REFUSAL.conflict, 'the case is already being cancelled');
        if (!this.cancellable) throw refuse(REFUSAL.conflict, 'the case is past its point of no return');
        const [committed] = this.committedChildren;
        if (committed) throw refuse(REFUSAL.conflict, `the case ${committed} it started is past its point of no return; ask again once it has ended`);
      },
    });
    setHandler(childPastPointOfNoReturnSignal, (childId) => {
      if (this.runningChildren.has(childId)) this.committedChildren.add(childId);
    });
  }

  // ---------------------------------------------------------------- context for the blocks

  get finished(): boolean {
    return isFinalState(this.state);
  }

  now(): string {
    return new Date().toISOString();
  }

  key(step: string): string {
    return `${this.id}:${step}`;
  }

  eventKey(): string {
    return `wf:${String(++this.eventSeq).padStart(6, '0')}`;
  }

  snapshot(): CaseSnapshot {
    return { id: this.id, type: this.type, state: this.state, stage: this.currentStage, outcome: this.outcome, stateReason: this.stateReason };
  }

  // ---------------------------------------------------------------- the verbs of a process

  /** The process moves on to `stage`. */
  stage(stage: Stage, change?: Change): Promise<void> {
    return this.move('inProgress', stage, change);
  }

  /** Waiting on the operator (no resource, a technical problem). */
  hold(stage: Stage, reason: string, change?: Change): Promise<void> {
    return this.move('held', stage, { ...change, reason });
  }

  /** Waiting on the customer: the case's clocks stand still meanwhile (unless a policy says otherwise). */
  awaitCustomer(stage: Stage, change?: Change): Promise<void> {
    return this.move('pending', stage, change);
  }

  /** A complaint's answer is given; the customer's acceptance is awaited. */
  resolve(stage: Stage, change?: Change): Promise<void> {
    return this.move('resolved', stage, change);
  }

  /** The case is taken in: what the opening request is answered with is on record (`caseIntake` answers). */
  intakeDone(): void {
    this.takenIn = true;
  }

  /** Facts recorded on the case without a change of state (an audit finding, a visit's lateness, a credit). */
  async record(data: Record<string, unknown>, event: { kind: string; detail?: Record<string, unknown>; actor?: string } = { kind: 'case_updated' }): Promise<void> {
    await records.updateCase({
      caseId: this.id,
      data,
      event: { eventKey: this.eventKey(), at: this.now(), actor: event.actor ?? SYSTEM_ACTOR.sub, kind: event.kind, detail: event.detail ?? { fields: Object.keys(data) } },
    });
  }

  /** The order is done (`refunded`, `installed`, `retained`, `denied` …). */
  complete(outcome: string, change?: Change): Promise<void> {
    return this.finish('completed', outcome, change);
  }

  /** The complaint is closed. */
  close(outcome: string, change?: Change): Promise<void> {
    return this.finish('closed', outcome, change);
  }

  /** An acceptance gate refused the case: nothing is done, what was held is given back. */
  async reject(reason: string, detail?: string): Promise<void> {
    await this.tasks.withdrawAll();
    await this.undo();
    await this.finish('rejected', 'rejected', { reason, ...(detail ? { detail: { detail } } : {}) });
  }

  /** The process itself gives the case up (a wait ran out): undone and told like a requested cancellation. */
  cancel(reason: string): Promise<void> {
    return this.wrapUpCancellation({ reason, actor: SYSTEM_ACTOR });
  }

  /** Registers how to undo the step that just succeeded; undone newest first if the case does not complete. */
  onCancel(undo: () => Promise<void>): void {
    this.undos.unshift(undo);
  }

  /**
   * From here on the case can no longer be cancelled (money moved, a service
   * was activated). A child case tells its parent, which then cannot be
   * cancelled either until the child ends: its cancellation would wait on a
   * child that no longer stops.
   */
  pointOfNoReturn(): void {
    if (this.cancellable && this.start.parent) {
      // The parent may have ended meanwhile: then there is no one left to tell.
      getExternalWorkflowHandle(this.start.parent.id).signal(childPastPointOfNoReturnSignal, this.id).catch(() => undefined);
    }
    this.cancellable = false;
    this.undos.length = 0;
  }

  /** A task that climbs `chain` when each level's clock breaches. */
  escalate<F extends TaskForm>(
    chain: readonly Role[],
    form: F,
    spec: EscalationSpec,
    onLevel?: (role: Role, level: number) => Promise<void>,
  ): Promise<Escalated<F>> {
    return escalate(this.tasks, this.notify, chain, form, spec, onLevel);
  }

  /**
   * A whole-case clock on `policyKey` with what happens at jeopardy and on
   * breach, running beside the process until the case finishes; from now, or
   * from `startedAt` (an earlier event the promise runs from).
   */
  clock(policyKey: string, { onJeopardy, onBreach, startedAt }: ClockOptions = {}): Promise<Clock> {
    return this.clocks.start(policyKey, policyKey, {
      ...(startedAt ? { startedAt } : {}),
      onJeopardy: onJeopardy && (() => this.sideAction(onJeopardy)),
      onBreach: onBreach && (() => this.sideAction(onBreach)),
    });
  }

  /** Waits until the clock actions under way are done (a breach being explained): call before `complete` when they must be. */
  async clockActionsDone(): Promise<void> {
    await condition(() => this.sideActions === 0 || this.sideError !== undefined);
  }

  /** Starts another case as a child of this one (the child reports its final snapshot). */
  async startCase<Fields extends object>(workflow: CaseWorkflow<Fields>, type: CaseType, fields: Fields): Promise<ChildCase> {
    const id = `${caseIdPrefix(type)}${uuid4().replace(/-/g, '').slice(0, 24)}`;
    const start: CaseStart<Fields> = {
      id,
      type,
      customerId: this.customerId,
      createdBy: this.start.createdBy,
      createdAt: this.now(),
      fields,
      parent: { id: this.id, type: this.type },
    };
    const handle = await startChild(workflow, {
      workflowId: id,
      args: [start],
      // Should this case end first, the child is asked to cancel (it decides, as any case does past its point of no return).
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
      typedSearchAttributes: [
        { key: CASE_TYPE, value: type },
        { key: CASE_STATE, value: 'acknowledged' },
        { key: CASE_STAGE, value: 'received' },
      ],
    });
    this.children.push({ id, type });
    this.runningChildren.add(id);
    const ended = () => {
      this.runningChildren.delete(id);
      this.committedChildren.delete(id);
    };
    const result = handle.result();
    result.then(ended, ended);
    await this.record({ childCases: this.children }, { kind: 'child_case_started', detail: { caseId: id, type } });
    return { id, type, result: () => result };
  }

  // ---------------------------------------------------------------- running the case

  /**
   * Runs the process. Cancellation (asked through the API, or by a parent
   * case) interrupts it wherever it waits until the point of no return; the
   * open tasks are withdrawn, the registered steps undone, the customer told.
   * A step that fails for good leaves the case `failed` with the reason.
   */
  async run(body: () => Promise<void>): Promise<CaseSnapshot> {
    const root = CancellationScope.current();
    await CancellationScope.nonCancellable(async () => {
      // The process runs in a scope of its own: cancelled by a request we accept, never by Temporal directly.
      const scope = (this.scope = new CancellationScope());
      root.cancelRequested.catch(() => this.cancelledFromOutside());
      if (this.cancellation) scope.cancel();
      try {
        await scope.run(async () => {
          await records.openCase(this.start, {
            eventKey: this.eventKey(),
            at: this.start.createdAt,
            actor: this.start.createdBy.sub,
            kind: 'case_created',
            detail: { type: this.type, ...(this.start.parent ? { parentCaseId: this.start.parent.id } : {}) },
          });
          await Promise.race([body(), condition(() => this.sideError !== undefined)]);
          await condition(() => this.sideActions === 0 || this.sideError !== undefined);
          if (this.sideError !== undefined) throw this.sideError;
        });
      } catch (err) {
        if (!(this.cancellation && isCancellation(err))) {
          // A step failed for good (a non-retryable activity error): the read model says so before the workflow fails.
          if (err instanceof TemporalFailure && !this.finished) {
            await this.undo();
            await this.finish('failed', 'failed', { reason: failureReason(err) });
          }
          throw err;
        }
        await this.wrapUpCancellation(this.cancellation);
      }
      // Still outside Temporal's cancellation: a cancelled case ends as a completed workflow with its snapshot.
      await condition(allHandlersFinished);
    });
    return this.snapshot();
  }

  private async move(state: CaseState, stage: string, change: Change = {}): Promise<void> {
    const wasPending = this.state === 'pending';
    if (state === 'pending' && !wasPending) this.clocks.pauseAll();
    if (wasPending && state !== 'pending') await this.clocks.resumeAll();
    this.state = state;
    this.currentStage = stage;
    this.stateReason = change.reason ?? null;
    upsertSearchAttributes([
      { key: CASE_STATE, value: state },
      { key: CASE_STAGE, value: stage },
    ]);
    await records.updateCase({
      caseId: this.id,
      set: { state, stage, outcome: this.outcome, stateReason: this.stateReason },
      data: change.data,
      event: {
        eventKey: this.eventKey(),
        at: this.now(),
        actor: change.actor ?? SYSTEM_ACTOR.sub,
        kind: 'state_changed',
        detail: { state, stage, ...(change.reason ? { reason: change.reason } : {}), ...change.detail },
      },
    });
  }

  private async finish(state: CaseState, outcome: string, change: Change = {}): Promise<void> {
    this.outcome = outcome;
    this.cancellable = false;
    await this.tasks.withdrawAll();
    await this.clocks.stopAll();
    await this.move(state, 'done', { ...change, detail: { outcome, ...change.detail } });
  }

  private async undo(): Promise<void> {
    for (const undo of this.undos.splice(0)) await undo();
  }

  /** Work that runs beside the process (clock watchers); a failure there fails the case. */
  private beside(work: () => Promise<void>): void {
    work().catch((err) => {
      if (!isCancellation(err)) this.sideError ??= err;
    });
  }

  private async sideAction(action: () => Promise<void>): Promise<void> {
    if (this.finished) return;
    this.sideActions++;
    try {
      await action();
    } catch (err) {
      // A task the action waited on was withdrawn because the case finished: nothing is left to do.
      if (!isWithdrawn(err)) throw err;
    } finally {
      this.sideActions--;
    }
  }

  private status(): CaseStatus {
    return {
      ...this.snapshot(),
      cancellable: this.cancellable && !this.finished && !this.cancellation && this.committedChildren.size === 0,
      pendingTasks: this.tasks.pending().map(({ id, kind, role, dueAt }) => ({ id, kind, role, dueAt })),
    };
  }

  private async requestCancellation(req: CancelCaseRequest): Promise<CaseSnapshot> {
    this.cancellation = req;
    this.scope?.cancel();
    await condition(() => this.cancellationDone);
    return this.snapshot();
  }

  /** Temporal asked to cancel the workflow (a parent case was cancelled): a cancellation like any other, until the point of no return. */
  private cancelledFromOutside(): void {
    if (this.finished || this.cancellation || !this.cancellable) return;
    const actor: Actor = SYSTEM_ACTOR;
    this.cancellation = { reason: this.start.parent ? `the case ${this.start.parent.id} was cancelled` : 'cancelled through Temporal', actor };
    this.scope?.cancel();
  }

  private async wrapUpCancellation({ reason, actor }: CancelCaseRequest): Promise<void> {
    await this.tasks.withdrawAll();
    await this.undo();
    await this.finish('cancelled', 'cancelled', { reason, actor: actor.sub });
    await this.notify.customer('cancelled', 'case_cancelled', { reason });
    this.cancellationDone = true;
  }
}
