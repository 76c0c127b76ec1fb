/**
 * A worker for the bare refund (bare-workflow.ts): Switchboard's own
 * createWorker (activities, adapters, worker settings); only the workflow
 * bundle differs. Started by target.ts with DATABASE_URL, TEMPORAL_ADDRESS
 * and its own task queue.
 */
import { bundleWorkflowCode, NativeConnection } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createDb } from '../../src/db/index';
import { createWorker } from '../../src/worker/index';
import { installTemporalRuntime } from '../../src/worker/runtime';

const config = loadConfig();
const log = pino({ level: config.logLevel });
installTemporalRuntime(log);
const db = createDb(config.databaseUrl!);
const connection = await NativeConnection.connect({ address: config.temporalAddress! });
const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (m: string) => console.error(m) };
const worker = await createWorker({
  connection,
  namespace: config.temporalNamespace,
  taskQueue: config.taskQueue,
  db,
  logger: log,
  workflowBundle: await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./bare-workflow.ts', import.meta.url)), logger: quiet }),
});
process.once('SIGTERM', () => worker.shutdown());
await worker.run();
await connection.close();
await db.destroy();
