import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** What every tenant repository works with: a connection (or the open transaction) and the one tenant it serves. */
export type Scope = { readonly db: Kysely<Database>; readonly tenantId: string };

/** Runs `fn` in a transaction, or in the one already open, so a multi-row write lands whole or not at all. */
export function atomically<T>(db: Kysely<Database>, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
