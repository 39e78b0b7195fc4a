import { afterAll, describe, it } from 'vitest';
import { createPostgresStore } from '../../src/store/kysely/create-postgres-store.js';
import { createScratchDatabase } from '../store/scratch-postgres.js';
import { describeExactlyOnce } from './exactly-once-suite.js';

const database = await createScratchDatabase();

if ('unreachable' in database) {
  const banner =
    `\n${'!'.repeat(100)}\n!! PostgreSQL is NOT reachable (${database.unreachable}).\n` +
    '!! The exactly-once generation test did NOT run against PostgreSQL.\n' +
    `${'!'.repeat(100)}\n`;
  if (process.env.CI) {
    describe('generation exactly once: PostgreSQL', () => {
      it('runs against a reachable PostgreSQL server', () => {
        throw new Error(banner);
      });
    });
  } else {
    console.warn(banner);
    describe.skip('generation exactly once: PostgreSQL (skipped: PostgreSQL not reachable)', () => {
      it('runs against a reachable PostgreSQL server', () => {});
    });
  }
} else {
  afterAll(() => database.drop());
  describeExactlyOnce('PostgreSQL', () => createPostgresStore({ connectionString: database.connectionString }));
}
