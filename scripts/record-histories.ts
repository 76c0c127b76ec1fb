/**
 * Records refund histories for the replay test (test/replay). Run after a
 * deliberate, patched() change to a workflow, or to add a scenario:
 *   npx tsx scripts/record-histories.ts
 * It starts a throw-away stack, runs each scenario to its end and writes
 * test/replay/histories/<name>.json.
 */
import { Client, Connection } from '@temporalio/client';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { NativeConnection } from '@temporalio/worker';
import fs from 'node:fs/promises';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { createDb, type Db } from '../src/db/index';
import { migrateToLatest } from '../src/db/migrate';
import { ensureStack } from '../src/dev/stack';
import { findOrBuildTemporalCli } from '../src/dev/temporal-cli';
import { createWorker } from '../src/worker/index';
import { installTemporalRuntime } from '../src/worker/runtime';
import { cancelCaseUpdate } from '../workflows/lib/messages';
import { decide, eventually, openRefund, openTask, refundFields, seedCustomer, staff, withSla } from '../test/support/cases';

const OUT = new URL('../test/replay/histories/', import.meta.url);
const supervisor = staff('sup-1', 'supervisor');

type Scenario = (client: Client, db: Db, taskQueue: string) => Promise<string>;

const scenarios: Record<string, Scenario> = {
  /** Co-approval, an overdue approval moving up, payment, audit. */
  async 'refund-escalated-and-paid'(client, db, taskQueue) {
    const restore = await withSla(db, 'refund.approval', 'PT2S');
    const { id } = await openRefund(client, db, taskQueue, await seedCustomer(db), refundFields({ cause: 'billing_error' }));
    try {
      const co = await openTask(db, id, 'co_approve_refund');
      await decide(client, id, co.id, supervisor, 'approve');
      const escalated = await eventually('the approval to move up', () =>
        db.selectFrom('tasks').select('id').where('case_id', '=', id).where('kind', '=', 'approve_refund').where('role', '=', 'branch_leader').executeTakeFirst(),
      );
      await decide(client, id, escalated.id, staff('bl-1', 'branch_leader'), 'approve');
    } finally {
      await restore();
    }
    return id;
  },
  /** A lost invoice proven by finance, then denied by the approver. */
  async 'refund-lost-invoice-denied'(client, db, taskQueue) {
    const { id } = await openRefund(client, db, taskQueue, await seedCustomer(db), refundFields({ invoice: { provided: false } }));
    await decide(client, id, (await openTask(db, id, 'finance_proof')).id, supervisor, 'proven', { proofReference: 'FIN-1' });
    await decide(client, id, (await openTask(db, id, 'approve_refund')).id, supervisor, 'deny', { reason: 'charge was correct' });
    return id;
  },
  /** Cancelled while waiting for approval. */
  async 'refund-cancelled'(client, db, taskQueue) {
    const { id } = await openRefund(client, db, taskQueue, await seedCustomer(db), refundFields());
    await openTask(db, id, 'approve_refund');
    await client.workflow.getHandle(id).executeUpdate(cancelCaseUpdate, { args: [{ reason: 'customer withdrew', actor: staff('clerk-1', 'frontoffice') }] });
    return id;
  },
};

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
      for (const [name, scenario] of Object.entries(scenarios)) {
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
