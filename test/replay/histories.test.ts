import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROCESSES } from '../../src/processes/index';
import { stackEnv } from '../support/stack';
import { scenarios } from './scenarios/index';

/** Recorded by scripts/record-histories.ts; today's workflow code must replay them without a determinism error. */
const dir = new URL('./histories/', import.meta.url);
const histories = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('recorded histories replay on the current workflow code', () => {
  it('has a history of every scenario, and scenarios of every process', () => {
    expect(histories).toEqual(Object.keys(scenarios).map((name) => `${name}.json`).sort());
    for (const { type } of PROCESSES) expect(histories.some((f) => f.startsWith(`${type}-`)), `no history of ${type}`).toBe(true);
  });

  it.each(histories)('%s', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(new URL(file, dir), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: stackEnv().workflowBundlePath } }, history, file);
  });
});
