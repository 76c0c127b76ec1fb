import type { Role } from '../../src/domain/roles';
import { callbackSurveyForm } from '../../src/processes/callback';
import type { TaskBoard } from './tasks';

/** What the callback block uses of the case. */
export interface CallbackHost {
  readonly tasks: TaskBoard;
  record(data: Record<string, unknown>, event: { kind: string; detail?: Record<string, unknown>; actor?: string }): Promise<void>;
}

export type CallbackResult =
  | { outcome: 'surveyed'; satisfaction: number; comment?: string }
  | { outcome: 'survey_missed'; why: 'unreachable' | 'overdue' };

/**
 * The callback survey (回访): the customer rates the work 1–5. Unreachable,
 * or not reached before the task is due (`slaKey`), the survey is missed —
 * the case is not held open for it. The result is recorded on the case.
 */
export async function callbackSurvey(host: CallbackHost, spec: { role: Role; slaKey: string; data: Record<string, unknown> }): Promise<CallbackResult> {
  const task = await host.tasks.open(callbackSurveyForm, spec);
  const decision = await task.decidedOrOverdue();
  if (decision === 'overdue') {
    await task.withdraw('cancelled');
    return recorded(host, { outcome: 'survey_missed', why: 'overdue' });
  }
  if (decision.outcome === 'unreachable') return recorded(host, { outcome: 'survey_missed', why: 'unreachable' }, decision.actor.sub);
  const { satisfaction, comment } = decision.data;
  return recorded(host, { outcome: 'surveyed', satisfaction, ...(comment ? { comment } : {}) }, decision.actor.sub);
}

async function recorded(host: CallbackHost, result: CallbackResult, actor?: string): Promise<CallbackResult> {
  await host.record({ survey: result }, { kind: 'survey_recorded', detail: { outcome: result.outcome }, ...(actor ? { actor } : {}) });
  return result;
}
