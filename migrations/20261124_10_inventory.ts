import { sql, type Kysely } from 'kysely';

/**
 * The built-in inventory and provisioning systems: port capacity per
 * address (its normalised key) and access type, port reservations (once per
 * idempotency key: the case id and the step), service numbers, and what
 * provisioning did (activation, billing start), once per key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('port_capacity')
    .addColumn('address_key', 'text', (c) => c.notNull())
    .addColumn('access_type', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('port_capacity_pk', ['address_key', 'access_type'])
    .execute();

  await db.schema
    .createTable('port_reservations')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('address_key', 'text', (c) => c.notNull())
    .addColumn('access_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text')
    .addColumn('reserved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('released_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('port_reservations_taken')
    .on('port_reservations')
    .columns(['address_key', 'access_type'])
    .where(sql.ref('status'), 'in', sql`('reserved', 'in_use')`)
    .execute();
  await db.schema.createIndex('port_reservations_case').on('port_reservations').column('case_id').execute();

  // Numbers the built-in inventory hands out: 028 and eight digits.
  await sql`create sequence service_number_seq start with 60000001`.execute(db);
  await db.schema
    .createTable('number_assignments')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('provisioning_actions')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('provisioning_actions_service').on('provisioning_actions').column('service_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
