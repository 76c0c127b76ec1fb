/**
 * Where the benchmark runs: the API and the worker as their own processes
 * (`npm run api` / `npm run worker`, as in production) on
 *   dev        a Temporal dev server and an embedded PostgreSQL (1 API, 1 worker);
 *   prod-like  the production-like topology (Temporal server on PostgreSQL,
 *              2 APIs, 2 workers), only when its server binary is cached.
 * Beside them, as many "bare" worker processes as workers, running the
 * bare refund (bare-workflow.ts) on a task queue of their own.
 */
import { Client, Connection } from '@temporalio/client';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { loadConfig } from '../../src/config';
import { createDb, type Db } from '../../src/db/index';
import { startProdLikeStack, type ProdLikeStack } from '../../src/dev/prod-like';
import { ChildService } from '../../src/dev/service';
import { ensureStack } from '../../src/dev/stack';
import { findCachedTemporalServer, TEMPORAL_SERVER_VERSION } from '../../src/dev/temporal-cluster';

export type Topology = 'dev' | 'prod-like';

export interface Target {
  topology: Topology;
  /** The API processes' base URLs; load is spread over them round-robin. */
  apiUrls: string[];
  databaseUrl: string;
  /** The benchmark's own pool (seeding, polling, plans). */
  db: Db;
  client: Client;
  taskQueue: string;
  /** The bare workers' task queue. */
  bareQueue: string;
  jwtSecret: string;
  /** The pids of the Switchboard worker processes (for their memory). */
  workerPids(): number[];
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BARE_QUEUE = 'bench-bare';

/** The target, or why it cannot run here. */
export async function startTarget(topology: Topology, log: Logger, profileDir?: string): Promise<Target | { skipped: string }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `switchboard-bench-${topology}-`));
  const env = { LOG_LEVEL: 'warn', TEMPORAL_TASK_QUEUE: 'switchboard' };
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : undefined;
  let stack: ProdLikeStack;
  let stopDev = async () => {};
  if (topology === 'prod-like') {
    if (!(await findCachedTemporalServer())) {
      await fs.rm(dataDir, { recursive: true, force: true });
      return {
        skipped: `the Temporal server ${TEMPORAL_SERVER_VERSION} is not built (~/.cache/switchboard/temporal-server-${TEMPORAL_SERVER_VERSION}/); \`npm run stack:prod-like\` builds it once (about 5 min), then run the benchmark again`,
      };
    }
    stack = await startProdLikeStack({ dataDir, persistent: false, apis: 2, workers: 2, env, nodeArgs, log });
  } else {
    const config = { ...loadConfig(), databaseUrl: undefined, temporalAddress: undefined };
    const dev = await ensureStack(config, log, { persistent: false });
    stopDev = dev.stop;
    try {
      stack = await startProdLikeStack({ dataDir, persistent: false, apis: 1, workers: 1, databaseUrl: dev.databaseUrl, temporalAddress: dev.temporalAddress, env, nodeArgs, log });
    } catch (err) {
      await dev.stop();
      throw err;
    }
  }

  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection, namespace: stack.namespace });
  const db = createDb(stack.databaseUrl, 20);
  const bare = stack.workers.map((_, i) => bareWorker(i + 1, stack, connection, env));
  const stop = async () => {
    await Promise.allSettled(bare.map((w) => w.stop()));
    await db.destroy();
    await connection.close();
    await stack.stop();
    await stopDev();
  };
  try {
    await Promise.all(bare.map((w) => w.start()));
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    topology,
    apiUrls: stack.apis.map((a) => a.url),
    databaseUrl: stack.databaseUrl,
    db,
    client,
    taskQueue: stack.taskQueue,
    bareQueue: BARE_QUEUE,
    jwtSecret: loadConfig().jwtSecret,
    workerPids: () => stack.workers.map((w) => w.pid).filter((pid): pid is number => pid !== undefined),
    stop,
  };
}

function bareWorker(n: number, stack: ProdLikeStack, connection: Connection, env: NodeJS.ProcessEnv): ChildService {
  return new ChildService({
    name: `bare-worker-${n}`,
    command: process.execPath,
    args: ['--import', 'tsx', 'scripts/bench/bare-worker.ts'],
    cwd: ROOT,
    env: { ...process.env, ...env, DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_NAMESPACE: stack.namespace, TEMPORAL_TASK_QUEUE: BARE_QUEUE },
    logFile: path.join(stack.logsDir, `bare-worker-${n}.log`),
    pidFile: path.join(stack.dataDir, 'run', `bare-worker-${n}.pid`),
    leftoverMatch: 'scripts/bench/bare-worker.ts',
    stopSignal: 'SIGTERM',
    stopGraceMs: 10_000,
    ready: async (pid) => {
      const { pollers } = await connection.workflowService.describeTaskQueue({
        namespace: stack.namespace,
        taskQueue: { name: BARE_QUEUE, kind: 1 /* NORMAL */ },
        taskQueueType: 1 /* WORKFLOW */,
      });
      return pollers.some((p) => p.identity === `${pid}@${os.hostname()}`);
    },
    readyTimeoutMs: 90_000,
  });
}
