import { sql, type Kysely } from 'kysely';

/**
 * Complaints (processes.md §7): a task that only its owner may act on (the
 * first responder's, 首问负责制), and an index for an owner's complaints
 * (`GET /v1/complaints?owner=`), which the complaint keeps in its data.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tasks').addColumn('owner', 'text').execute();
  await sql`create index cases_complaint_owner on cases ((data->>'owner'), created_at desc) where kind = 'complaint'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
