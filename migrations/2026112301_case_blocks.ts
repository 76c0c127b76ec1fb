import { sql, type Kysely } from 'kysely';

/**
 * The blocks every process shares: child cases point to their parent, tasks
 * can name the department that must act on them, and the inbox reads open
 * tasks through partial indexes in the page's order (by role or assignee,
 * oldest first or soonest deadline first), so it costs the page, not the
 * backlog.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('parent_id', 'text').execute();
  await db.schema.createIndex('cases_parent').on('cases').column('parent_id').where(sql.ref('parent_id'), 'is not', null).execute();
  await db.schema.alterTable('tasks').addColumn('department', 'text').execute();

  await db.schema.dropIndex('tasks_inbox').execute();
  const open = sql`state in ('open', 'claimed')`;
  const due = sql`coalesce(due_at, '9999-12-31 00:00:00+00'::timestamptz)`;
  for (const who of ['role', 'assignee']) {
    await sql`create index ${sql.id(`tasks_open_${who}_created`)} on tasks (${sql.ref(who)}, created_at, id) where ${open}`.execute(db);
    await sql`create index ${sql.id(`tasks_open_${who}_due`)} on tasks (${sql.ref(who)}, (${due}), id) where ${open}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
