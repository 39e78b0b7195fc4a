import type { PowerUpConfig } from '../config/parse-config.js';
import { createPgliteStore } from './kysely/create-pglite-store.js';
import { createPostgresStore } from './kysely/create-postgres-store.js';
import type { Store } from './store.js';

/** The configured store, migrated (opening runs the migrations): PostgreSQL with `DATABASE_URL`, else PGlite. */
export function openStore(database: PowerUpConfig['database']): Promise<Store> {
  return database.kind === 'postgres'
    ? createPostgresStore({ connectionString: database.connectionString })
    : createPgliteStore({ dataDir: database.dataDir });
}
