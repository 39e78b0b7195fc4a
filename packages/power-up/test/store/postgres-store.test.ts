import { afterAll, describe, it } from 'vitest';
import { createPostgresStore } from '../../src/store/kysely/create-postgres-store.js';
import { createScratchDatabase } from './scratch-postgres.js';
import { describeStoreContract } from './store-contract.js';

const database = await createScratchDatabase();

if ('unreachable' in database) {
  const banner =
    `\n${'!'.repeat(100)}\n!! PostgreSQL is NOT reachable (${database.unreachable}).\n` +
    '!! The storage contract suite did NOT run against PostgreSQL.\n' +
    '!! Start PostgreSQL on 127.0.0.1:5432 or set DATABASE_URL.\n' +
    `${'!'.repeat(100)}\n`;
  if (process.env.CI) {
    // In CI a skipped PostgreSQL suite would pass silently: fail instead.
    describe('Store contract: PostgreSQL', () => {
      it('runs against a reachable PostgreSQL server', () => {
        throw new Error(banner);
      });
    });
  } else {
    console.warn(banner);
    describe.skip('Store contract: PostgreSQL (skipped: PostgreSQL not reachable)', () => {
      it('runs against a reachable PostgreSQL server', () => {});
    });
  }
} else {
  afterAll(() => database.drop());
  const open = () => createPostgresStore({ connectionString: database.connectionString });
  describeStoreContract('PostgreSQL', open, { openSecondStore: open });
}
