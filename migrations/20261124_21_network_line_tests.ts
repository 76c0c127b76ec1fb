import { sql, type Kysely } from 'kysely';

/**
 * The built-in network's remote line test (src/adapters/network.ts): the
 * result an operator or a test set per service, since there is no network
 * to test here. Production plugs in the network management system instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('network_line_tests')
    .addColumn('service_id', 'text', (c) => c.primaryKey())
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('cleared', 'needs_visit', 'undetermined')`))
    .addColumn('detail', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
