import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { initialSchema } from './001-initial-schema.js';
import { installLifecycle } from './002-install-lifecycle.js';
import { generationLedger } from './003-generation-ledger.js';
import { inboundEvents } from './004-inbound-events.js';
import { changeNotifications } from './005-change-notifications.js';
import { accessChangeNotifications } from './006-access-change-notifications.js';

/**
 * Every migration, in order, listed in code rather than found on disk, so the bundled service carries them. Names
 * sort in the order they run; never rename or edit one that has shipped — add the next.
 */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial-schema': initialSchema,
  '002-install-lifecycle': installLifecycle,
  '003-generation-ledger': generationLedger,
  '004-inbound-events': inboundEvents,
  '005-change-notifications': changeNotifications,
  '006-access-change-notifications': accessChangeNotifications,
};

const inCode: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; a no-op when it already is. Kysely's migrator locks, so parallel starts are safe. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: inCode,
    migrationTableName: 'contractbeheer_migrations',
    migrationLockTableName: 'contractbeheer_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'a migration';
    throw new Error(`the database schema could not be brought up to date (${failed} failed): see the cause.`, {
      cause: error,
    });
  }
}
