/**
 * The shared test stack (started once by test/global-setup.ts), seen from a
 * test file. Connections are memoised per file (each file runs in its own
 * module graph); close them in afterAll with closeStack().
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/db/index';

export interface StackEnv {
  /** This test file's own database (test/support/file-database.ts). */
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  /** The workflows bundled once per run: pass `{ codePath }` as a worker's workflowBundle. */
  workflowBundlePath: string;
}

export function stackEnv(): StackEnv {
  return {
    databaseUrl: process.env.SWITCHBOARD_TEST_DATABASE_URL ?? inject('databaseUrl'),
    temporalAddress: inject('temporalAddress'),
    temporalNamespace: inject('temporalNamespace'),
    workflowBundlePath: inject('workflowBundlePath'),
  };
}

let db: Db | undefined;
let connection: Connection | undefined;
let client: Client | undefined;
let native: Promise<NativeConnection> | undefined;

/** Kysely on the test database (migrated). */
export function testDb(): Db {
  return (db ??= createDb(stackEnv().databaseUrl, 5));
}

/** A Temporal client on the test server's namespace (connects on first use). */
export function testClient(): Client {
  if (!client) {
    const env = stackEnv();
    connection = Connection.lazy({ address: env.temporalAddress });
    client = new Client({ connection, namespace: env.temporalNamespace });
  }
  return client;
}

/** The connection a test's Worker.create needs. */
export function nativeConnection(): Promise<NativeConnection> {
  return (native ??= NativeConnection.connect({ address: stackEnv().temporalAddress }));
}

/** Close what this file opened; call in afterAll. */
export async function closeStack(): Promise<void> {
  const closing: Promise<unknown>[] = [];
  if (db) closing.push(db.destroy());
  if (connection) closing.push(connection.close());
  if (native) closing.push(native.then((n) => n.close()));
  db = undefined;
  connection = undefined;
  client = undefined;
  native = undefined;
  await Promise.all(closing);
}
