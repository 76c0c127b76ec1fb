/**
 * Records workflow histories for the replay test (test/replay). Run after a
 * deliberate, patched() change to a workflow, or to add a scenario:
 *   npm run record-histories              every scenario
 *   npm run record-histories -- refund    those whose name starts with "refund"
 * It starts a throw-away stack, runs each scenario (test/replay/scenarios) to
 * its end and writes test/replay/histories/<name>.json.
 */
import { Client, Connection } from '@temporalio/client';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { NativeConnection } from '@temporalio/worker';
import fs from 'node:fs/promises';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { createDb } from '../src/db/index';
import { migrateToLatest } from '../src/db/migrate';
import { ensureStack } from '../src/dev/stack';
import { findOrBuildTemporalCli } from '../src/dev/temporal-cli';
import { createWorker } from '../src/worker/index';
import { installTemporalRuntime } from '../src/worker/runtime';
import { scenarios } from '../test/replay/scenarios/index';

const OUT = new URL('../test/replay/histories/', import.meta.url);
const only = process.argv.slice(2);
const chosen = Object.entries(scenarios).filter(([name]) => only.length === 0 || only.some((prefix) => name.startsWith(prefix)));

async function main() {
  const log = pino({ level: 'warn' });
  installTemporalRuntime(log);
  const config = { ...loadConfig(), databaseUrl: undefined, temporalAddress: undefined };
  const stack = await ensureStack(config, log, { persistent: false });
  const cli = await findOrBuildTemporalCli(log);
  const db = createDb(stack.databaseUrl);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const native = await NativeConnection.connect({ address: stack.temporalAddress });
  try {
    await migrateToLatest(db);
    const client = new Client({ connection, namespace: config.temporalNamespace });
    const taskQueue = 'record-histories';
    const worker = await createWorker({ connection: native, namespace: config.temporalNamespace, taskQueue, db, logger: log });
    await worker.runUntil(async () => {
      for (const [name, scenario] of chosen) {
        const id = await scenario(client, db, taskQueue);
        const handle = client.workflow.getHandle(id);
        await handle.result();
        // The CLI writes the standard history JSON that Temporal's tools and historyFromJSON read.
        const { stdout } = await promisify(execFile)(cli, ['workflow', 'show', '--workflow-id', id, '--address', stack.temporalAddress, '--output', 'json'], {
          maxBuffer: 64 * 1024 * 1024,
        });
        await fs.writeFile(new URL(`${name}.json`, OUT), stdout);
        console.log(`recorded ${name} (${id})`);
      }
    });
  } finally {
    await db.destroy();
    await connection.close();
    await native.close();
    await stack.stop();
  }
}

await main();
