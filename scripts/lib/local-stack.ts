/**
 * A throw-away Switchboard on this machine for scripts: embedded PostgreSQL,
 * an in-memory Temporal dev server, the worker and the API on a free port,
 * signing with the development secret (so POST /v1/dev/token works).
 */
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Logger } from 'pino';
import { buildApp } from '../../src/api/app';
import { DEV_JWT_SECRET, loadConfig, type Config } from '../../src/config';
import { createDb } from '../../src/db/index';
import { migrateToLatest } from '../../src/db/migrate';
import { ensureStack } from '../../src/dev/stack';
import { createWorker } from '../../src/worker/index';
import { installTemporalRuntime } from '../../src/worker/runtime';

export interface LocalStack {
  /** http://127.0.0.1:<port> */
  base: string;
  config: Config;
  stop(): Promise<void>;
}

export async function startLocalStack(log: Logger, overrides: Partial<Config> = {}): Promise<LocalStack> {
  installTemporalRuntime(log);
  const config: Config = {
    ...loadConfig(),
    databaseUrl: undefined,
    temporalAddress: undefined,
    jwtSecret: DEV_JWT_SECRET,
    jwksUrl: undefined,
    logLevel: 'warn',
    ...overrides,
  };
  const stack = await ensureStack(config, log, { persistent: false });
  const db = createDb(stack.databaseUrl, 10);
  await migrateToLatest(db);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const native = await NativeConnection.connect({ address: stack.temporalAddress });
  const worker = await createWorker({ connection: native, namespace: config.temporalNamespace, taskQueue: config.taskQueue, db, logger: log });
  const running = worker.run();
  const app = await buildApp({ config, db, temporal: new Client({ connection, namespace: config.temporalNamespace }), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    config,
    async stop() {
      await app.close();
      worker.shutdown();
      await running;
      await db.destroy();
      await connection.close();
      await native.close();
      await stack.stop();
    },
  };
}
