import { sql, type Kysely } from 'kysely';

/**
 * The foundation: BSS records (customers, accounts, services), the case read
 * model with its event timeline, human tasks, SLA clocks, policies, the
 * working calendar, the notification outbox, payments and idempotency keys.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('arrears_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('balance_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('monthly_revenue_fen', 'bigint')
    .addColumn('agreement_ends_at', 'timestamptz')
    .addColumn('no_arrears_since_months', 'integer')
    .addColumn('payment_method', 'text')
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('number_change_blocked', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('services_customer').on('services').column('customer_id').execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('state_reason', 'text')
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  // Keyset pagination walks (created_at desc, id desc) within each filter.
  await db.schema.createIndex('cases_kind_created').on('cases').columns(['kind', 'created_at', 'id']).execute();
  await db.schema.createIndex('cases_customer').on('cases').columns(['customer_id', 'created_at']).execute();
  await db.schema.createIndex('cases_state').on('cases').columns(['kind', 'state', 'created_at']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addUniqueConstraint('case_events_once', ['case_id', 'event_key'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz')
    .addColumn('outcomes', 'jsonb', (c) => c.notNull())
    .addColumn('form', 'jsonb', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('approves_money', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('outcome', 'text')
    .addColumn('comment', 'text')
    .addColumn('result', 'jsonb')
    .addColumn('completed_by', 'text')
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('tasks_inbox').on('tasks').columns(['state', 'role', 'created_at']).execute();
  await db.schema.createIndex('tasks_case').on('tasks').column('case_id').execute();
  await db.schema.createIndex('tasks_assignee').on('tasks').columns(['assignee', 'state']).execute();

  await db.schema
    .createTable('sla_clocks')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('clock_id', 'text', (c) => c.notNull())
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('jeopardy_at', 'timestamptz', (c) => c.notNull())
    .addColumn('jeopardy', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('breached', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('stopped_at', 'timestamptz')
    .addPrimaryKeyConstraint('sla_clocks_pk', ['case_id', 'clock_id'])
    .execute();

  await db.schema
    .createTable('sla_policies')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('duration', 'text', (c) => c.notNull())
    .addColumn('calendar', 'text', (c) => c.notNull())
    .addColumn('jeopardy_ratio', 'real', (c) => c.notNull())
    .addColumn('pause_when_pending', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('policies')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('working', 'boolean', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addUniqueConstraint('notifications_once', ['case_id', 'step'])
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('refund_claims')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cumulative_fen', 'bigint', (c) => c.notNull())
    .addColumn('month_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('refund_claims_month').on('refund_claims').columns(['customer_id', 'month']).execute();

  await db.schema
    .createTable('refund_analysis')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await seedDefaultPolicies(db);
}

/** SLA durations and rules from processes.md; an operator changes them through the policies API. */
const SLA_DEFAULTS: Array<[key: string, duration: string, calendar: 'continuous' | 'working']> = [
  ['new_install.resource_wait', 'P14D', 'continuous'],
  ['new_install.contact', 'PT4H', 'continuous'],
  ['new_install.callback', 'P3D', 'continuous'],
  ['new_install.complete.urban', 'P3D', 'working'],
  ['new_install.complete.rural', 'P5D', 'working'],
  ['relocation.complete.urban', 'P3D', 'working'],
  ['relocation.complete.rural', 'P5D', 'working'],
  ['ownership_transfer.settlement_wait', 'P7D', 'continuous'],
  ['cancellation.contact', 'PT4H', 'continuous'],
  ['cancellation.complete', 'P2D', 'working'],
  ['refund.approval', 'PT24H', 'continuous'],
  ['fault_repair.resolve.urban', 'PT48H', 'continuous'],
  ['fault_repair.resolve.rural', 'PT72H', 'continuous'],
  ['complaint.reply.critical', 'PT4H', 'continuous'],
  ['complaint.reply.high', 'PT24H', 'continuous'],
  ['complaint.reply.normal', 'PT48H', 'continuous'],
  ['complaint.acceptance_wait', 'P3D', 'continuous'],
  ['complaint.escalation', 'PT24H', 'continuous'],
];

const POLICY_DEFAULTS: Record<string, unknown> = {
  'refund.approval_levels': {
    levels: [
      { belowFen: 20000, role: 'supervisor' },
      { belowFen: 50000, role: 'branch_leader' },
      { role: 'general_manager' },
    ],
  },
  'refund.audit_threshold': 3,
  'complaint.repeat_window': 'P30D',
};

async function seedDefaultPolicies(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('sla_policies')
    .values(SLA_DEFAULTS.map(([key, duration, calendar]) => ({ key, duration, calendar, jeopardy_ratio: 0.75 })))
    .execute();
  await db
    .insertInto('policies')
    .values(Object.entries(POLICY_DEFAULTS).map(([key, value]) => ({ key, value: JSON.stringify(value) })))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
