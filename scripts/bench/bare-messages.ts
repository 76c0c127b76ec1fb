/** The bare refund's one update (bare-workflow.ts), for the client side too. */
import { defineUpdate } from '@temporalio/workflow';

export const approveUpdate = defineUpdate<void, [{ sub: string }]>('approve');
