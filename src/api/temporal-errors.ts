/** Workflow update failures → HTTP problems. */
import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { refusalOf } from '../temporal/cases';
import { REFUSAL } from '../../workflows/lib/messages';
import { HttpProblem } from './plugins/problems';

const REFUSAL_STATUS: Record<string, number> = {
  [REFUSAL.notFound]: 404,
  [REFUSAL.forbidden]: 403,
  [REFUSAL.conflict]: 409,
  [REFUSAL.unprocessable]: 422,
};

// gRPC status codes (no dependency on @grpc/grpc-js for two numbers).
const GRPC_NOT_FOUND = 5;
const GRPC_FAILED_PRECONDITION = 9;

/**
 * The problem an update failure means for the client, or undefined when it
 * is a server fault or an outage (left to the generic handler: 500 or 503).
 */
export function problemFromUpdateError(err: unknown, caseId: string): HttpProblem | undefined {
  const refused = refusalOf(err);
  if (refused) {
    const status = REFUSAL_STATUS[refused.refusal] ?? 409;
    return new HttpProblem(status, refused.message || `refused: ${refused.refusal}`);
  }
  if (err instanceof WorkflowNotFoundError) {
    return new HttpProblem(409, `case ${caseId} has finished; it accepts no more changes`);
  }
  if (err instanceof WorkflowUpdateFailedError) {
    // The handler (not the validator) failed: the case did not accept the change.
    const cause = err.cause as { message?: string } | undefined;
    return new HttpProblem(409, cause?.message ? `the case refused the change: ${cause.message}` : 'the case refused the change');
  }
  if (err instanceof ServiceError) {
    const code = (err.cause as { code?: number } | undefined)?.code;
    if (code === GRPC_NOT_FOUND || code === GRPC_FAILED_PRECONDITION) {
      return new HttpProblem(409, `case ${caseId} accepts no more changes`);
    }
  }
  return undefined;
}
