import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseType } from '../domain/case';
import { REFUSAL, type CaseStart, type Refusal } from '../../workflows/lib/messages';
import { CASE_STAGE, CASE_STATE, CASE_TYPE } from './search-attributes';

/** The workflow type that runs each kind of case. Add a process here when it ships. */
export const PROCESS_WORKFLOWS: Partial<Record<CaseType, string>> = {
  refund: 'refundOrder',
};

export function isProcessAvailable(type: CaseType): boolean {
  return PROCESS_WORKFLOWS[type] !== undefined;
}

/**
 * Start the workflow of a case. The case id is the workflow id, so starting
 * twice (a retried request, a crash between the database write and the
 * start) finds the run that exists instead of opening a second case.
 */
export async function startCase(client: Client, taskQueue: string, start: CaseStart): Promise<void> {
  const workflowType = PROCESS_WORKFLOWS[start.type];
  if (!workflowType) throw new Error(`no process runs cases of type ${start.type}`);
  try {
    await client.workflow.start(workflowType, {
      workflowId: start.id,
      taskQueue,
      args: [start],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: CASE_TYPE, value: start.type },
        { key: CASE_STATE, value: 'acknowledged' },
        { key: CASE_STAGE, value: 'received' },
      ],
    });
  } catch (err) {
    // A closed run with this id is the same case, already finished.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** The refusal an update validator gave, if that is why the update failed. */
export function refusalOf(err: unknown): { refusal: Refusal; message: string } | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  if (cause instanceof ApplicationFailure && Object.values(REFUSAL).includes(cause.type as Refusal)) {
    return { refusal: cause.type as Refusal, message: cause.message };
  }
  return undefined;
}
