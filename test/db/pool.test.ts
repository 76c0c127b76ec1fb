/**
 * A PostgreSQL restart breaks the pool's idle connections; the API and the
 * worker must carry on with new ones instead of dying of an unhandled error.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, expect, test } from 'vitest';
import { createDb } from '../../src/db/index';
import { eventually } from '../support/cases';
import { closeStack, stackEnv, testDb } from '../support/stack';

afterAll(closeStack);

test('an idle connection the server ends is reported and replaced', async () => {
  const name = `pool-test-${randomBytes(4).toString('hex')}`;
  const url = new URL(stackEnv().databaseUrl);
  url.searchParams.set('application_name', name);
  const broken: Error[] = [];
  const db = createDb(url.toString(), 1, (err) => broken.push(err));
  try {
    await sql`select 1`.execute(db);
    const ended = await sql<{ ended: boolean }>`select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = ${name}`.execute(testDb());
    expect(ended.rows).toEqual([{ ended: true }]);

    await eventually('the broken connection to be reported', async () => broken[0]);
    expect(broken[0]!.message).toMatch(/terminating connection/);
    const again = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(again.rows).toEqual([{ one: 1 }]);
  } finally {
    await db.destroy();
  }
});

test('a connection the server ends while a transaction holds it fails that transaction, not the process', async () => {
  const name = `pool-test-${randomBytes(4).toString('hex')}`;
  const url = new URL(stackEnv().databaseUrl);
  url.searchParams.set('application_name', name);
  const db = createDb(url.toString(), 1);
  try {
    const inTransaction = db.transaction().execute(async (tx) => {
      await sql`select 1`.execute(tx);
      // Ended between two statements: no query is running on it when the error arrives.
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${name}`.execute(testDb());
      await new Promise((r) => setTimeout(r, 300));
      await sql`select 1`.execute(tx);
    });
    await expect(inTransaction).rejects.toThrow();
    const again = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(again.rows).toEqual([{ one: 1 }]);
  } finally {
    await db.destroy();
  }
});
