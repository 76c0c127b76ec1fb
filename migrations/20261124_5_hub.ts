import { sql, type Kysely } from 'kysely';

/**
 * The hub: subscribers of other systems with their delivery health, and the
 * outbox — one row per event and subscriber, written in the transaction of
 * the change it tells of and deleted once delivered. Rows of one case and
 * subscriber go out in `id` order (the writer holds the case's row lock, so
 * ids follow commit order within a case).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hub_subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('callback', 'text', (c) => c.notNull())
    .addColumn('query', 'text')
    .addColumn('event_types', sql`text[]`)
    .addColumn('case_types', sql`text[]`)
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('personal_data', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('paused_at', 'timestamptz')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('delivered', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'timestamptz')
    .addColumn('last_delivered_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('hub_subscribers_created').on('hub_subscribers').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('hub_outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('subscriber_id', 'text', (c) => c.notNull().references('hub_subscribers.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('leased_until', 'timestamptz')
    .addColumn('lease', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The head of each (subscriber, case) queue, and the due rows in the order they are tried.
  await db.schema.createIndex('hub_outbox_queue').on('hub_outbox').columns(['subscriber_id', 'case_id', 'id']).execute();
  await db.schema.createIndex('hub_outbox_due').on('hub_outbox').columns(['next_attempt_at', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
