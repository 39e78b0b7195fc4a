import type { Kysely } from 'kysely';
import { migrateToLatest } from '../migrations/migrations.js';
import type { Store, TenantStore } from '../store.js';
import type { Database } from './database.js';
import { KyselyTenantAdmin } from './kysely-tenant-admin.js';
import { KyselyTenantStore } from './kysely-tenant-store.js';

/**
 * The one implementation of the `Store` port, for every Kysely dialect (PGlite, PostgreSQL). Brings the schema up to
 * date before it hands the store out. On a failed migration the connection is closed and the error rethrown.
 */
export async function openKyselyStore(db: Kysely<Database>): Promise<Store> {
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const tenants = new KyselyTenantAdmin(db);
  return {
    tenants,
    forTenant: (tenantId: string): TenantStore => new KyselyTenantStore(db, tenantId),
    close: () => db.destroy(),
  };
}
