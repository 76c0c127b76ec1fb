import { NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import pino, { type Logger } from 'pino';
import { builtInAdapters, createActivities, type Adapters } from '../../activities/index';
import type { Db } from '../db/index';
import { bundleWorkflows } from './bundle';

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  logger?: Logger;
  /** Replace systems we do not own (tests pass fakes for payments, SMS). */
  adapters?: Partial<Adapters>;
  /** A prebuilt bundle; without one the workflows are bundled here. */
  workflowBundle?: WorkflowBundle | { codePath: string };
}

/**
 * How many workflows a worker keeps in its sticky cache, set on purpose:
 * the SDK's default grows with the Node heap limit (about 2 300 where the
 * limit is 4 GiB), so a worker's memory would follow the host, not a number
 * we chose. A case evicted from the cache is replayed from its history when
 * it next moves (CPU, not correctness); most open cases wait on people for
 * hours. With the process definitions shared by every cached run
 * (bundle.ts), 1 000 cached runs keep a worker under 1 GiB
 * (docs/benchmarks.md).
 */
export const MAX_CACHED_WORKFLOWS = 1000;

/** A worker running every process's workflows and activities on one task queue. */
export async function createWorker(opts: WorkerOptions): Promise<Worker> {
  const logger = opts.logger ?? pino({ name: 'worker' });
  const adapters = { ...builtInAdapters(opts.db, logger), ...opts.adapters };
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowBundle: opts.workflowBundle ?? (await bundleWorkflows()),
    activities: createActivities(opts.db, adapters),
    maxCachedWorkflows: MAX_CACHED_WORKFLOWS,
  });
}
