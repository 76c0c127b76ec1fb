import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './index';
import { migrations } from '../../migrations/index';
import { PROCESSES } from '../processes/index';
import { ensurePolicyDefaults } from '../store/policies';

/** Migrations are listed in code so they run the same under tsx, vitest and a bundle. */
const provider: MigrationProvider = { getMigrations: async () => migrations satisfies Record<string, Migration> };

/** Migrates the database, then gives every policy the registered processes read its default where it has none. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await ensurePolicyDefaults(db, PROCESSES);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
