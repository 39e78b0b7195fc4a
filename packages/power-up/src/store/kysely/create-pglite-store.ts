import { PGlite, types } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { Store } from '../store.js';
import type { Database } from './database.js';
import { openKyselyStore } from './kysely-store.js';
import { PgliteDialect } from './pglite-dialect.js';

/** A `date` stays the `'YYYY-MM-DD'` it means; as a JS `Date` it would shift with the host's zone. */
const keepDatesAsText = { [types.DATE]: (value: string) => value };

export type PgliteStoreOptions = { dataDir: string } | { memory: true };

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, file-backed in `dataDir` (created if absent), or in memory
 * for tests. Nothing to install. Migrations run before the store is returned.
 */
export async function createPgliteStore(options: PgliteStoreOptions): Promise<Store> {
  const pglite = new PGlite({
    ...('dataDir' in options ? { dataDir: options.dataDir } : {}),
    parsers: keepDatesAsText,
  });
  return openKyselyStore(new Kysely<Database>({ dialect: new PgliteDialect(pglite) }));
}
