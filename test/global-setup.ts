/**
 * Once per `vitest run`: a real PostgreSQL and a real Temporal server, a
 * migrated template database, and the workflow bundle; test files get them
 * through inject() (see test/support/stack.ts). Each test file then works in
 * a database of its own, copied from the template (test/support/file-database.ts),
 * so files run in parallel and may change policies and the calendar freely.
 *
 * Postgres:  DATABASE_URL set → a fresh template database
 *            `switchboard_test_<random>` on that server, dropped afterwards;
 *            else an embedded, throw-away PostgreSQL on a free port.
 * Temporal:  TEMPORAL_ADDRESS set → that server; else an in-memory dev
 *            server on free ports.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config';
import { createDb } from '../src/db/index';
import { migrateToLatest } from '../src/db/migrate';
import { ensureStack, type Stack } from '../src/dev/stack';
import { bundleWorkflows } from '../src/worker/bundle';
import { withAdmin } from './support/pg-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    temporalNamespace: string;
    workflowBundlePath: string;
  }
}

/** A fresh database on the server of `serverUrl`; returns its URL and how to drop it. */
async function freshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `switchboard_test_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (c) => c.query(`create database ${c.escapeIdentifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(serverUrl, (c) => c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`)).then(() => undefined),
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const config = loadConfig();
  const cleanups: Array<() => Promise<unknown>> = [];
  const teardown = async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()!();
      } catch (err) {
        log.warn({ err }, 'test teardown step failed');
      }
    }
  };

  try {
    const started = Date.now();
    let databaseUrl = config.databaseUrl;
    if (databaseUrl) {
      const fresh = await freshDatabase(databaseUrl);
      cleanups.push(fresh.drop);
      databaseUrl = fresh.url;
    }

    // Bundling (about a second and a half) overlaps the servers' start.
    const bundled = bundleWorkflows();
    bundled.catch(() => undefined);
    const stack: Stack = await ensureStack({ ...config, databaseUrl }, log, { persistent: false });
    cleanups.push(() => stack.stop());

    const db = createDb(stack.databaseUrl, 2);
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }

    if (config.temporalAddress) {
      // A cluster other than our dev server may not have them yet.
      const [{ Connection }, { ensureSearchAttributes }] = await Promise.all([
        import('@temporalio/client'),
        import('../src/temporal/ensure-search-attributes'),
      ]);
      const connection = await Connection.connect({ address: stack.temporalAddress });
      try {
        await ensureSearchAttributes(connection, config.temporalNamespace);
      } finally {
        await connection.close();
      }
    }

    const bundleDir = await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-bundle-'));
    cleanups.push(() => fs.rm(bundleDir, { recursive: true, force: true }));
    const workflowBundlePath = path.join(bundleDir, 'workflows.js');
    await fs.writeFile(workflowBundlePath, (await bundled).code);

    // The template: its connections are closed, so CREATE DATABASE … TEMPLATE can copy it.
    project.provide('databaseUrl', stack.databaseUrl);
    project.provide('temporalAddress', stack.temporalAddress);
    project.provide('temporalNamespace', config.temporalNamespace);
    project.provide('workflowBundlePath', workflowBundlePath);
    log.info({ ms: Date.now() - started }, 'test stack ready');
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
