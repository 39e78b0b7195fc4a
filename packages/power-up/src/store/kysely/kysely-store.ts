import { sql, type Kysely } from 'kysely';
import { PowerUpError } from '../../power-up-error.js';
import { migrateToLatest } from '../migrations/migrations.js';
import type { ChangeFeed } from '../change-feed.js';
import type { Store, TenantStore } from '../store.js';
import type { Database } from './database.js';
import { KyselyInboundEventQueue } from './kysely-inbox.js';
import { KyselyDueIndex } from './kysely-due-index.js';
import { KyselyTenantAdmin } from './kysely-tenant-admin.js';
import { KyselyTenantStore } from './kysely-tenant-store.js';
import { atomically } from './scope.js';

/**
 * The one implementation of the `Store` port, for every Kysely dialect (PGlite, PostgreSQL). Brings the schema up to
 * date before it hands the store out. On a failed migration the connection is closed and the error rethrown.
 */
export async function openKyselyStore(
  db: Kysely<Database>,
  changes: ChangeFeed,
  closeChanges: () => Promise<void> = async () => {},
): Promise<Store> {
  const close = async () => {
    await closeChanges();
    await db.destroy();
  };
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await close();
    throw error;
  }
  return storeOn(db, changes, close);
}

/** The store over a connection or an open transaction; only the outermost store may close the connection. */
function storeOn(db: Kysely<Database>, changes: ChangeFeed, close: () => Promise<void>): Store {
  const store: Store = {
    tenants: new KyselyTenantAdmin(db),
    inboundEvents: new KyselyInboundEventQueue(db),
    dueIndex: new KyselyDueIndex(db),
    forTenant: (tenantId: string): TenantStore => new KyselyTenantStore(db, tenantId),
    transaction: (fn) => atomically(db, (trx) => fn(trx === db ? store : storeOn(trx, changes, closeInTransaction))),
    changes,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close,
  };
  return store;
}

async function closeInTransaction(): Promise<void> {
  throw new PowerUpError('invalid-input', 'a store inside a transaction cannot be closed: close the outer store.');
}
