import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index';

/**
 * Every activity is idempotent, so retrying forever is safe: a database or
 * adapter outage delays a case, never loses or doubles a step.
 */
export const activities = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
