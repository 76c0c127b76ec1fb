import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Adapters } from '../../activities/index';
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { createWorker } from '../../src/worker/index';
import { installTemporalRuntime } from '../../src/worker/runtime';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { closeStack, nativeConnection, stackEnv, testClient, testDb } from './stack';

export interface TestWorker {
  taskQueue: string;
  stop(): Promise<void>;
}

let runtimeInstalled = false;

/** The real worker on a task queue of its own, with the run's shared workflow bundle. */
export async function startTestWorker(
  opts: { adapters?: Partial<Adapters>; taskQueue?: string; workflowBundle?: WorkflowBundle } = {},
): Promise<TestWorker> {
  if (!runtimeInstalled) {
    installTemporalRuntime(pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn' }));
    runtimeInstalled = true;
  }
  const env = stackEnv();
  const taskQueue = opts.taskQueue ?? `test-${randomUUID()}`;
  const worker = await createWorker({
    connection: await nativeConnection(),
    namespace: env.temporalNamespace,
    taskQueue,
    db: testDb(),
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn' }),
    adapters: opts.adapters,
    workflowBundle: opts.workflowBundle ?? { codePath: env.workflowBundlePath },
  });
  const running = worker.run();
  return {
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
    },
  };
}

/**
 * A workflow test file's stack: its database and Temporal client, and the
 * real worker on a task queue of its own, running from before the file's
 * first test to after its last; with `workflows`, the test-only workflows
 * of that file instead of the processes. `restore` takes undo steps
 * (withSla, withPolicy) that run after each test.
 */
export function useTestWorker(opts: { workflows?: URL } = {}) {
  const taskQueue = `test-${randomUUID()}`;
  const restore: Array<() => Promise<void>> = [];
  let worker: TestWorker | undefined;
  beforeAll(async () => {
    worker = await startTestWorker({ taskQueue, workflowBundle: opts.workflows && (await fixtureBundle(opts.workflows)) });
  });
  afterEach(async () => {
    while (restore.length) await restore.pop()!();
  });
  afterAll(async () => {
    await worker?.stop();
    await closeStack();
  });
  return { db: testDb(), client: testClient(), worker: { taskQueue }, restore };
}

/** Bundles test-only workflows (fixtures that exercise one block) for startTestWorker. */
export function fixtureBundle(workflowsPath: URL): Promise<WorkflowBundle> {
  return bundleWorkflowCode({ workflowsPath: fileURLToPath(workflowsPath), logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error } });
}
