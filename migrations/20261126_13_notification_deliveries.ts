import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The built-in notification gateway's own record: one row per message key.
 * The outbox sends again when it cannot tell that a send went out (the
 * worker died, or PostgreSQL went away before the message was marked sent),
 * so the gateway must drop repeats, as SMS gateways do with a client message
 * id; the failure suite found repeats in the log without it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_deliveries')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
