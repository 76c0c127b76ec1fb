import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Adapters } from '../../activities/index';
import { createWorker } from '../../src/worker/index';
import { installTemporalRuntime } from '../../src/worker/runtime';
import { nativeConnection, stackEnv, testDb } from './stack';

export interface TestWorker {
  taskQueue: string;
  stop(): Promise<void>;
}

let runtimeInstalled = false;

/** The real worker on a task queue of its own, with the run's shared workflow bundle. */
export async function startTestWorker(opts: { adapters?: Partial<Adapters>; taskQueue?: string } = {}): Promise<TestWorker> {
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
    workflowBundle: { codePath: env.workflowBundlePath },
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
