import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type { Database } from './schema';

// Money is integer fen in bigint columns; far below 2^53, so a JS number is exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// Calendar days stay yyyy-mm-dd strings: a Date would shift them by the server's zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * `onIdleClientError`: a pooled connection that was idle broke (PostgreSQL
 * restarted, the network dropped it). The pool discards it and connects
 * anew on next use; without a listener the error would end the process.
 */
export function createDb(databaseUrl: string, maxConnections = 10, onIdleClientError: (err: Error) => void = () => {}): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections });
  pool.on('error', onIdleClientError);
  // A connection in use (checked out, between two statements of a transaction) can break too: the error then
  // goes to its client, where unheard it ends the process (both APIs died so on a PostgreSQL restart). Its next
  // query fails with it instead, and the pool drops the connection when it comes back.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
