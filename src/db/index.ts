import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type { Database } from './schema';

// Money is integer fen in bigint columns; far below 2^53, so a JS number is exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// Calendar days stay yyyy-mm-dd strings: a Date would shift them by the server's zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export function createDb(databaseUrl: string, maxConnections = 10): Db {
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: databaseUrl, max: maxConnections }),
    }),
  });
}
