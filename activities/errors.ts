import { ApplicationFailure } from '@temporalio/common';
import { AdapterRefusal } from '../src/adapters/errors';

/** SQLSTATE classes retrying cannot fix: 22 data exception (NUL in text, a value out of range), 23 integrity violation. */
const DATA_ERROR = /^2[23]/;

/**
 * The error as Temporal should see it: a data error from Postgres or a
 * refusal from an adapter is final (non-retryable), so the case shows it
 * (`failed` with the reason, or the update refused) instead of retrying for
 * ever; anything else (an outage, a timeout) is retried by the policy of
 * the activity's kind (workflows/lib/activities.ts).
 */
export function asTemporalError(err: unknown): unknown {
  if (err instanceof ApplicationFailure) return err;
  if (err instanceof AdapterRefusal) return ApplicationFailure.nonRetryable(err.message, 'Refused');
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && DATA_ERROR.test(code)) {
    return ApplicationFailure.nonRetryable(`the database refused the data (${code}): ${(err as Error).message}`, 'DataError');
  }
  return err;
}

type ActivityFns = Record<string, (...args: never[]) => Promise<unknown>>;

/** Every activity of `activities`, with its errors classified by {@link asTemporalError}. */
export function classifyErrors<A extends ActivityFns>(activities: A): A {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await fn(...args);
      } catch (err) {
        throw asTemporalError(err);
      }
    };
  }
  return wrapped as A;
}
