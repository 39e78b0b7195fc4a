import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Store } from '../store.js';
import type { Database } from './database.js';
import { openKyselyStore } from './kysely-store.js';
import { preparingPool } from './prepared-statements.js';
import { trackingChanges } from './change-tracking-dialect.js';
import { listenForChanges } from './postgres-change-listener.js';

// pg is CommonJS: a named ESM import works under vitest but not in plain Node, so take the default export apart.
const { Pool, types } = pg;

const DATE_OID = 1082;

export type PostgresStoreOptions = { connectionString: string; maxConnections?: number };

/**
 * The store on a PostgreSQL server (`DATABASE_URL`). Several power-up instances may share one database; the
 * migrator's lock keeps their start-ups from migrating twice.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // Per pool, not pg's global parsers: dates stay 'YYYY-MM-DD' text, as on PGlite.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID
          ? (value: string) => value
          : (types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof types.getTypeParser,
    },
  });
  // An idle connection the server ends (a restart, a failover, an administrator) is an 'error' on the pool, which
  // without a listener would take the whole process down; the pool drops that connection and opens another one for
  // the next query, so there is nothing more to do here.
  pool.on('error', () => {});
  const listener = listenForChanges(options.connectionString);
  const dialect = trackingChanges(new PostgresDialect({ pool: preparingPool(pool) }), listener.broadcast);
  return openKyselyStore(new Kysely<Database>({ dialect }), listener.broadcast, listener.close);
}
