import { ApplicationFailure, condition, uuid4 } from '@temporalio/workflow';
import { mayActOnTask, type Actor } from '../../src/domain/roles';
import { missingRequired, type TaskDecision, type TaskRecord, type TaskSpec } from '../../src/domain/tasks';
import { activities } from './activities';
import type { CaseRun } from './case';
import { REFUSAL, type CompleteTaskRequest, type CompleteTaskResult } from './messages';
import { SlaClock } from './sla';

/** A person's decision on a task, as the workflow received it. */
export interface Decision extends TaskDecision {
  actor: Actor;
  at: string;
}

const refuse = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/**
 * A step a person must do: created in the inbox, completed through the
 * `completeTask` update, its decision handed back to the process.
 */
export class HumanTask {
  /** A completion is being recorded: a second one is refused. */
  completing = false;
  private decision: Decision | undefined;
  /** The process has taken the decision (the update answers after that). */
  taken = false;

  constructor(
    private readonly run: CaseRun,
    readonly record: TaskRecord,
    private readonly clock: SlaClock | undefined,
  ) {}

  get id(): string {
    return this.record.id;
  }

  /** Waits for the person's decision. */
  async decided(): Promise<Decision> {
    await condition(() => this.decision !== undefined);
    this.taken = true;
    await this.clock?.stop();
    return this.decision!;
  }

  /** Waits for the decision, or for the task's SLA clock to breach, whichever is first. */
  async decidedOrOverdue(): Promise<Decision | 'overdue'> {
    if (!this.clock) return this.decided();
    const first = await Promise.race([this.decided(), this.clock.breached().then(() => 'overdue' as const)]);
    // A completion already under way wins over the clock.
    return first === 'overdue' && this.completing ? this.decided() : first;
  }

  /** Closes the task without a decision (escalated to another role, or the case was cancelled). */
  async withdraw(state: 'escalated' | 'cancelled'): Promise<void> {
    this.run.tasks.forget(this);
    await this.clock?.stop();
    await activities.closeTask({
      taskId: this.id,
      caseId: this.run.id,
      state,
      at: this.run.now(),
      actor: 'switchboard',
      eventKey: this.run.eventKey(),
    });
  }

  /** Validator of the `completeTask` update: role, state and data, before anything is written. */
  validate(req: CompleteTaskRequest): void {
    if (this.completing) throw refuse(REFUSAL.conflict, 'the task is already completed');
    if (!mayActOnTask(req.actor, { role: this.record.role, approvesMoney: this.record.approvesMoney ?? false })) {
      throw refuse(REFUSAL.forbidden, `the task needs the role ${this.record.role}${this.record.approvesMoney ? ' and approves money' : ''}`);
    }
    if (!this.record.outcomes.includes(req.outcome)) {
      throw refuse(REFUSAL.unprocessable, `outcome must be one of: ${this.record.outcomes.join(', ')}`);
    }
    const missing = missingRequired(this.record.form[req.outcome], req.data);
    if (missing.length) throw refuse(REFUSAL.unprocessable, `outcome ${req.outcome} needs: ${missing.join(', ')}`);
  }

  /** Handler of the `completeTask` update: record the completion, hand the decision to the process. */
  async complete(req: CompleteTaskRequest): Promise<CompleteTaskResult> {
    this.completing = true;
    const at = this.run.now();
    this.run.tasks.forget(this);
    await activities.closeTask({
      taskId: this.id,
      caseId: this.run.id,
      state: 'completed',
      at,
      actor: req.actor.sub,
      eventKey: this.run.eventKey(),
      outcome: req.outcome,
      comment: req.comment,
      result: req.data,
    });
    this.decision = { outcome: req.outcome, comment: req.comment, data: req.data ?? {}, actor: req.actor, at };
    // Answer with the case as the decision left it.
    await condition(() => this.taken || this.run.finished);
    return {
      task: { id: this.id, kind: this.record.kind, outcome: req.outcome, completedBy: req.actor.sub, completedAt: at },
      case: this.run.snapshot(),
    };
  }
}

/** The case's open tasks. */
export class TaskBoard {
  private readonly open = new Map<string, HumanTask>();
  private readonly closed = new Set<string>();

  constructor(private readonly run: CaseRun) {}

  /** Puts a task in the inbox; with `spec.slaKey` its due time comes from that SLA policy. */
  async create(spec: TaskSpec): Promise<HumanTask> {
    const id = `tsk_${uuid4().replace(/-/g, '')}`;
    const clock = spec.slaKey ? await SlaClock.start(this.run, spec.slaKey, `${spec.slaKey}#${id}`) : undefined;
    const record: TaskRecord = {
      ...spec,
      id,
      caseId: this.run.id,
      caseType: this.run.type,
      state: spec.assignee ? 'claimed' : 'open',
      createdAt: this.run.now(),
      dueAt: clock?.dueAt ?? null,
      outcomes: Object.keys(spec.form),
    };
    const task = new HumanTask(this.run, record, clock);
    this.open.set(id, task);
    await activities.openTask(record, this.run.eventKey());
    return task;
  }

  /** The open task a completion names, or the refusal to give. */
  find(taskId: string): HumanTask {
    const task = this.open.get(taskId);
    if (task) return task;
    if (this.closed.has(taskId)) throw refuse(REFUSAL.conflict, 'the task is no longer open');
    throw refuse(REFUSAL.notFound, `no task ${taskId} on this case`);
  }

  forget(task: HumanTask): void {
    this.open.delete(task.id);
    this.closed.add(task.id);
  }

  pending(): TaskRecord[] {
    return [...this.open.values()].filter((t) => !t.completing).map((t) => t.record);
  }

  async withdrawAll(): Promise<void> {
    for (const task of [...this.open.values()]) if (!task.completing) await task.withdraw('cancelled');
  }
}
