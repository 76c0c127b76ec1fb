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
  });
}
