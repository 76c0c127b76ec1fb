import { ApplicationFailure, condition, uuid4 } from '@temporalio/workflow';
import { formProblems } from '../../src/domain/forms';
import { mayActOnTask, taskRefusal, type Actor, type Role } from '../../src/domain/roles';
import { isStorableText } from '../../src/domain/text';
import { COMMENT_MAX_LENGTH, type TaskRecord } from '../../src/domain/tasks';
import type { DataOf, OutcomeOf, TaskForm } from '../../src/processes/forms';
import { records } from './activities';
import type { Clock, ClockSet } from './clocks';
import type { CaseContext } from './context';
import { REFUSAL, refuse, type CompleteTaskRequest, type CompleteTaskResult } from './messages';

/** Who gets a task, with what context and deadline. The kind and outcomes come from its form. */
export interface TaskAssignment {
  role: Role;
  /** Context the person needs (amount, customer, offers...). No secrets. */
  data: Record<string, unknown>;
  /** Policy key of the clock that sets the task's due time. */
  slaKey?: string;
  /**
   * A clock the caller started and keeps (a wait that several tasks share in
   * turn): the task is due when it is, and never stops it.
   */
  dueBy?: Clock;
  assignee?: string;
  /** The one staff member who may act on it (a complaint's owner): assigned to them, never claimed by anyone else (403). */
  owner?: string;
  department?: string;
  approvesMoney?: boolean;
  /**
   * A rule the form's schema cannot say (a slot in the future, a signature
   * that is not the technician's): returns why the completion is refused
   * (422), checked in the update's validator before anything is written.
   */
  check?: (completion: CompleteTaskRequest) => string | undefined;
}

/** A person's decision on a task: the outcome with the data its form records. */
export type Decision<F extends TaskForm = TaskForm> = {
  [O in OutcomeOf<F>]: { outcome: O; data: DataOf<F, O>; comment?: string; actor: Actor; at: string };
}[OutcomeOf<F>];

/** Thrown to a process waiting on a task that was withdrawn (the case finished or moved the task on). */
export const TASK_WITHDRAWN = 'TaskWithdrawn';

/** What the board needs of each of its tasks, whatever their form. */
export interface BoardTask {
  readonly id: string;
  readonly record: TaskRecord;
  readonly isCompleting: boolean;
  withdraw(state: 'escalated' | 'cancelled'): Promise<void>;
  validate(req: CompleteTaskRequest): void;
  complete(req: CompleteTaskRequest): Promise<CompleteTaskResult>;
}

/**
 * A step a person must do: created in the inbox, completed through the
 * `completeTask` update, its decision handed back to the process.
 */
export class HumanTask<F extends TaskForm = TaskForm> implements BoardTask {
  /** A completion is being recorded: a second one is refused. */
  private completing = false;
  private decision: Decision<F> | undefined;
  private withdrawn = false;
  /** The process has taken the decision (the update answers after that). */
  private taken = false;

  constructor(
    private readonly ctx: CaseContext,
    private readonly board: TaskBoard,
    readonly record: TaskRecord,
    readonly clock: Clock | undefined,
    /** The task started its clock and stops it when it closes; a borrowed clock (`dueBy`) is the caller's. */
    private readonly ownsClock: boolean,
    private readonly check: TaskAssignment['check'],
  ) {}

  get id(): string {
    return this.record.id;
  }

  get isCompleting(): boolean {
    return this.completing;
  }

  /** Waits for the person's decision. */
  async decided(): Promise<Decision<F>> {
    await condition(() => this.decision !== undefined || this.withdrawn);
    if (!this.decision) throw ApplicationFailure.create({ type: TASK_WITHDRAWN, message: `task ${this.id} was withdrawn`, nonRetryable: true });
    this.taken = true;
    await this.stopClock();
    return this.decision;
  }

  /** The person has decided (the process may not have asked yet). */
  get isDecided(): boolean {
    return this.decision !== undefined;
  }

  /**
   * The process goes on without waiting for this task (a follow-up that may
   * take weeks): the decision is taken the moment it is made, so the person
   * is answered at once, and kept for when the process asks `decided()`.
   */
  runBeside(): this {
    // Withdrawn when the case ends first: nothing waits on it then.
    this.decided().catch(() => undefined);
    return this;
  }

  /** Waits for the decision, or for the task's clock to breach, whichever is first. */
  async decidedOrOverdue(): Promise<Decision<F> | 'overdue'> {
    if (!this.clock) return this.decided();
    const decided = this.decided();
    // Once overdue the task may be withdrawn, which rejects this waiter: nobody awaits it then.
    decided.catch(() => undefined);
    const first = await Promise.race([decided, this.clock.breached().then(() => 'overdue' as const)]);
    // A completion already under way wins over the clock.
    return first === 'overdue' && this.completing ? this.decided() : first;
  }

  /** Closes the task without a decision (moved up the chain, or the case finished). */
  async withdraw(state: 'escalated' | 'cancelled'): Promise<void> {
    if (this.completing || this.withdrawn) return;
    this.withdrawn = true;
    this.board.forget(this);
    await this.stopClock();
    await records.closeTask({ taskId: this.id, caseId: this.ctx.id, state, at: this.ctx.now(), actor: 'switchboard', eventKey: this.ctx.eventKey() });
  }

  private async stopClock(): Promise<void> {
    if (this.ownsClock) await this.clock?.stop();
  }

  /** Validator of the `completeTask` update: role, state and the data against the whole form, before anything is written. */
  validate(req: CompleteTaskRequest): void {
    if (this.completing) throw refuse(REFUSAL.conflict, 'the task is already completed');
    const authority = { role: this.record.role, approvesMoney: this.record.approvesMoney ?? false, department: this.record.department, owner: this.record.owner };
    if (!mayActOnTask(req.actor, authority)) throw refuse(REFUSAL.forbidden, taskRefusal(req.actor, authority));
    const schema = this.record.form[req.outcome];
    if (!schema) throw refuse(REFUSAL.unprocessable, `outcome must be one of: ${this.record.outcomes.join(', ')}`);
    const problems = formProblems(schema, req.data ?? {}, 'data');
    if (req.comment !== undefined && (typeof req.comment !== 'string' || !isStorableText(req.comment) || req.comment.length > COMMENT_MAX_LENGTH)) {
      problems.push({ path: 'comment', message: `must be text of at most ${COMMENT_MAX_LENGTH} characters` });
    }
    if (problems.length) {
      throw refuse(REFUSAL.unprocessable, `the data does not fit outcome ${req.outcome}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    }
    const refused = this.check?.(req);
    if (refused) throw refuse(REFUSAL.unprocessable, refused);
  }

  /** Handler of the `completeTask` update: record the completion, hand the decision to the process. */
  async complete(req: CompleteTaskRequest): Promise<CompleteTaskResult> {
    this.completing = true;
    const at = this.ctx.now();
    this.board.forget(this);
    try {
      await records.closeTask({
        taskId: this.id,
        caseId: this.ctx.id,
        state: 'completed',
        at,
        actor: req.actor.sub,
        eventKey: this.ctx.eventKey(),
        outcome: req.outcome,
        comment: req.comment,
        result: req.data,
      });
    } catch (err) {
      // The completion could not be written: the task stays open and the person is told.
      this.completing = false;
      this.board.reopen(this);
      throw refuse(REFUSAL.unprocessable, `the completion could not be recorded: ${(err as Error).message}`);
    }
    this.decision = { outcome: req.outcome, comment: req.comment, data: req.data ?? {}, actor: req.actor, at } as Decision<F>;
    // Answer with the case as the decision left it.
    await condition(() => this.taken || this.ctx.finished);
    return {
      task: { id: this.id, kind: this.record.kind, outcome: req.outcome, completedBy: req.actor.sub, completedAt: at },
      case: this.ctx.snapshot(),
    };
  }
}

/** The case's tasks: what is open in the inbox, and what was. */
export class TaskBoard {
  private readonly live = new Map<string, BoardTask>();
  private readonly closed = new Set<string>();

  constructor(
    private readonly ctx: CaseContext,
    private readonly clocks: ClockSet,
  ) {}

  /** Puts a task in the inbox; with `slaKey` its due time comes from that SLA policy, with `dueBy` from a clock the caller keeps. */
  async open<F extends TaskForm>(form: F, { check, dueBy, ...who }: TaskAssignment): Promise<HumanTask<F>> {
    const id = `tsk_${uuid4().replace(/-/g, '')}`;
    const own = who.slaKey ? await this.clocks.start(who.slaKey, `${who.slaKey}#${id}`) : undefined;
    const clock = own ?? dueBy;
    const record: TaskRecord = {
      ...who,
      ...(who.owner ? { assignee: who.owner } : {}),
      kind: form.kind,
      // TypeBox schemas are plain JSON Schema objects.
      form: form.outcomes as unknown as TaskRecord['form'],
      id,
      caseId: this.ctx.id,
      caseType: this.ctx.type,
      state: who.assignee || who.owner ? 'claimed' : 'open',
      createdAt: this.ctx.now(),
      dueAt: clock?.dueAt ?? null,
      outcomes: Object.keys(form.outcomes),
    };
    const task = new HumanTask<F>(this.ctx, this, record, clock, own !== undefined, check);
    this.live.set(id, task);
    await records.openTask(record, this.ctx.eventKey());
    return task;
  }

  /** Puts a task in the inbox and waits for the person's decision. */
  async ask<F extends TaskForm>(form: F, who: TaskAssignment): Promise<Decision<F>> {
    return (await this.open(form, who)).decided();
  }

  /** The open task a completion names, or the refusal to give. */
  find(taskId: string): BoardTask {
    const task = this.live.get(taskId);
    if (task) return task;
    if (this.closed.has(taskId)) throw refuse(REFUSAL.conflict, 'the task is no longer open');
    throw refuse(REFUSAL.notFound, `no task ${taskId} on this case`);
  }

  forget(task: BoardTask): void {
    this.live.delete(task.id);
    this.closed.add(task.id);
  }

  reopen(task: BoardTask): void {
    this.closed.delete(task.id);
    this.live.set(task.id, task);
  }

  pending(): TaskRecord[] {
    return [...this.live.values()].filter((t) => !t.isCompleting).map((t) => t.record);
  }

  /** Withdraws every task no one is completing (the case finished or was cancelled). */
  async withdrawAll(): Promise<void> {
    for (const task of [...this.live.values()]) await task.withdraw('cancelled');
  }
}
