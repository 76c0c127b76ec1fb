import { sql, type Kysely } from 'kysely';

/**
 * The built-in billing system: every fee, credit and offer a case puts on an
 * account, once per idempotency key (the case id and the step); and each
 * service's monthly rent, which fault repair prorates into a credit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('services').addColumn('monthly_rent_fen', 'bigint').execute();
  await db.schema
    .createTable('billing_entries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('billing_entries_case').on('billing_entries').column('case_id').execute();
  await db.schema.createIndex('billing_entries_customer').on('billing_entries').columns(['customer_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
