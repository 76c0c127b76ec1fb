import type { Kysely } from 'kysely';

/**
 * An ownership transfer waits `pending` on the current owner to settle their
 * arrears, and gives up after `ownership_transfer.settlement_wait`: that
 * clock measures the customer's own wait, so it must run on while the case
 * is pending (processes.md §3), unlike every other clock.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('sla_policies').set({ pause_when_pending: false }).where('key', '=', 'ownership_transfer.settlement_wait').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
