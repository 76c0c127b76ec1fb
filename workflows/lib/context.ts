import type { CaseType } from '../../src/domain/case';
import type { CaseSnapshot } from './messages';

/**
 * What a building block knows of the case it works for. Blocks (tasks,
 * clocks, notices, escalation, appointments, visits) see only this, never
 * each other's internals or the case's; the case composes them.
 */
export interface CaseContext {
  readonly id: string;
  readonly type: CaseType;
  readonly customerId: string;
  /** The case has reached a final state. */
  readonly finished: boolean;
  /** Workflow time, RFC 3339. */
  now(): string;
  /**
   * The idempotency key of a side effect (a payment, a credit, a
   * reservation): the case id and the step, so a retried activity repeats
   * nothing and two different steps of one case never share a key.
   */
  key(step: string): string;
  /** The key of the next timeline event this run writes; deterministic on replay. */
  eventKey(): string;
  snapshot(): CaseSnapshot;
}
