import { PGlite, types } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { ChangeBroadcast } from '../change-feed.js';
import { CHANGES_CHANNEL } from '../migrations/005-change-notifications.js';
import { ACCESS_CHANGES_CHANNEL } from '../migrations/006-access-change-notifications.js';
import type { Store } from '../store.js';
import { trackingChanges } from './change-tracking-dialect.js';
import type { Database } from './database.js';
import { openKyselyStore } from './kysely-store.js';
import { PgliteDialect } from './pglite-dialect.js';
import { startUpkeep } from './pglite-upkeep.js';

/** A `date` stays the `'YYYY-MM-DD'` it means; as a JS `Date` it would shift with the host's zone. */
const keepDatesAsText = { [types.DATE]: (value: string) => value };

export type PgliteStoreOptions = { dataDir: string } | { memory: true };

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, file-backed in `dataDir` (created if absent), or in memory
 * for tests. Nothing to install. Migrations run before the store is returned.
 */
export async function createPgliteStore(options: PgliteStoreOptions): Promise<Store> {
  return storeOnPglite(
    new PGlite({
      ...('dataDir' in options ? { dataDir: options.dataDir } : {}),
      parsers: keepDatesAsText,
    }),
  );
}

/**
 * The store on an open PGlite (made with the parsers above), which it closes when closed. Its change feed is live
 * from the start: the database is in this process, and its notifications (migration 005) arrive with the statement
 * that committed — also for SQL run on `pglite` directly, beside the store. It vacuums and analyzes its grown tables
 * every `upkeepEveryMs` (PGlite has no autovacuum; see `pglite-upkeep.ts`).
 */
export async function storeOnPglite(pglite: PGlite, options: { upkeepEveryMs?: number } = {}): Promise<Store> {
  const changes = new ChangeBroadcast(true);
  const db = new Kysely<Database>({ dialect: trackingChanges(new PgliteDialect(pglite), changes) });
  const unlistenData = await pglite.listen(CHANGES_CHANNEL, (tenantId) =>
    changes.changed(tenantId || undefined, 'data'),
  );
  const unlistenAccess = await pglite.listen(ACCESS_CHANGES_CHANNEL, (tenantId) =>
    changes.changed(tenantId || undefined, 'access'),
  );
  const unlisten = () => Promise.all([unlistenData(), unlistenAccess()]);
  // From now on: its statements take turns with the migrations' on the one connection, and were those to fail,
  // closing the store stops it.
  const upkeep = startUpkeep(db, options.upkeepEveryMs);
  return openKyselyStore(db, changes, async () => {
    await upkeep.stop();
    await unlisten().catch(() => {});
  });
}
