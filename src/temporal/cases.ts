import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { processOf } from '../processes/index';
import { REFUSAL, type CaseStart, type Refusal } from '../../workflows/lib/messages';
import { CASE_STAGE, CASE_STATE, CASE_TYPE } from './search-attributes';

/**
 * Start the workflow of a case. The case id is the workflow id, so starting
 * twice (a retried request, a crash between the database write and the
 * start) finds the run that exists instead of opening a second case.
 */
/** How a case's workflow is started: its id is the case id, and a second start finds the first. */
export function caseStartOptions(taskQueue: string, start: CaseStart) {
  return {
    workflowId: start.id,
    taskQueue,
    args: [start] as [CaseStart],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    typedSearchAttributes: [
      { key: CASE_TYPE, value: start.type },
      { key: CASE_STATE, value: 'acknowledged' },
      { key: CASE_STAGE, value: 'received' },
    ],
  };
}

export async function startCase(client: Client, taskQueue: string, start: CaseStart): Promise<void> {
  const workflowType = processOf(start.type)?.workflowType;
  if (!workflowType) throw new Error(`no process runs cases of type ${start.type}`);
  try {
    await client.workflow.start(workflowType, caseStartOptions(taskQueue, start));
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
