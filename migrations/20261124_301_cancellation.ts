import { sql, type Kysely } from 'kysely';

/**
 * Cancellation with retention: the churn file (离网建档) that customer
 * managers work from to win customers back, and the points an account holds
 * in the built-in billing system (redeemed when a customer leaves).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('points', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('churn_records')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('service_kind', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('customer_type', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('reason_text', 'text', (c) => c.notNull())
    .addColumn('analysis', 'text')
    .addColumn('monthly_revenue_fen', 'bigint')
    .addColumn('offers_declined', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('churned_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // The churn listing walks (churned_at desc, case_id desc), by customer or reason.
  await db.schema.createIndex('churn_records_churned').on('churn_records').columns(['churned_at', 'case_id']).execute();
  await db.schema.createIndex('churn_records_customer').on('churn_records').columns(['customer_id', 'churned_at']).execute();
  await db.schema.createIndex('churn_records_reason').on('churn_records').columns(['reason_code', 'churned_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
