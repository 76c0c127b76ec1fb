import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { RecordActivities, SystemActivities } from '../../activities/index';

/**
 * Our own records (the case read model, tasks, clocks, policies, ledgers):
 * local activities, run by the worker that runs the workflow. A write is a
 * few milliseconds; a round trip through the Temporal server for each one
 * kept a case from its first human step for about a second. Retried until
 * the database answers; a data error cannot be fixed by retrying and fails
 * at once (activities/errors.ts).
 */
export const records = oneAtATime(
  proxyLocalActivities<RecordActivities>({
    startToCloseTimeout: '10 seconds',
    localRetryThreshold: '10 seconds',
    retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
  }),
);

/**
 * Local activities of one workflow run one after another. Run side by side
 * (the process and a clock watcher beside it), the order in which they
 * finished decided which part of the workflow went on first, and a replay,
 * where they finish from the history's markers, could take the other order
 * and fail as nondeterministic. In a queue they finish in the order they were
 * asked for, live and on replay. (Module state is per workflow run.)
 */
function oneAtATime<T extends object>(activities: T): T {
  let last: Promise<unknown> = Promise.resolve();
  return new Proxy(activities, {
    get(target, name) {
      const call = Reflect.get(target, name) as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        const run = last.then(() => call(...args));
        last = run.catch(() => undefined);
        return run;
      };
    },
  });
}

/**
 * Systems we do not own (BSS, payments, billing, inventory, provisioning,
 * notifications): regular activities any worker may run. Retried with backoff
 * for as long as the system is down, so an outage delays a case and never
 * loses or doubles a step (every call carries its idempotency key); a refusal
 * (a 4xx) is final.
 */
export const systems = proxyActivities<SystemActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
