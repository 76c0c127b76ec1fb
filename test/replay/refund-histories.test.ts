import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stackEnv } from '../support/stack';

/** Recorded by scripts/record-histories.ts; today's workflow code must replay them without a determinism error. */
const dir = new URL('./histories/', import.meta.url);
const histories = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('recorded histories replay on the current workflow code', () => {
  it('has histories of every refund path recorded', () => {
    expect(histories).toEqual(['refund-cancelled.json', 'refund-escalated-and-paid.json', 'refund-lost-invoice-denied.json']);
  });

  it.each(histories)('%s', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(new URL(file, dir), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: stackEnv().workflowBundlePath } }, history, file);
  });
});
