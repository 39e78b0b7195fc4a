import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/kysely/create-postgres-store.js';
import { createScratchDatabase } from './scratch-postgres.js';

const database = await createScratchDatabase();

describe.skipIf('unreachable' in database)('the PostgreSQL store when the server ends its connections', () => {
  const scratch = database as Exclude<typeof database, { unreachable: string }>;
  afterAll(() => scratch.drop());

  it('survives idle connections being terminated (a restart, a failover) and answers the next query', async () => {
    const store = await createPostgresStore({ connectionString: scratch.connectionString });
    try {
      await Promise.all([store.ping(), store.ping(), store.ping()]);
      const admin = new pg.Client({ connectionString: scratch.connectionString });
      await admin.connect();
      const name = new URL(scratch.connectionString).pathname.slice(1);
      const { rowCount } = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      await admin.end();
      expect(rowCount).toBeGreaterThan(0);
      // Without a listener the pool's 'error' event would have ended this process before the next line.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
