import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/*
 * Deleting a setting checks that nothing uses it, then deletes it; a concurrent write that starts using it must not
 * slip in between. The delete locks the setting's row (FOR UPDATE) before it counts; a write that refers to a
 * setting takes a shared lock on that row first, so one of the two waits for the other. On PGlite, with one
 * connection, transactions run one at a time anyway.
 */

type SettingsTable = 'contract_terms' | 'sla_policies' | 'cancellation_reasons';

/** Locks the setting for deletion; resolves `false` when there is no such row. */
export async function lockForDeletion(db: Kysely<Database>, table: SettingsTable, tenantId: string, code: string) {
  const row = await db
    .selectFrom(table)
    .select('code')
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** Keeps the referred-to setting from being deleted until this transaction ends (a no-op when it does not exist). */
export async function holdReference(
  db: Kysely<Database>,
  table: SettingsTable,
  tenantId: string,
  code: string | null | undefined,
): Promise<void> {
  if (code === null || code === undefined) return;
  await db
    .selectFrom(table)
    .select('code')
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .forShare()
    .execute();
}
