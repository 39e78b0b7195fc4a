import { afterAll } from 'vitest';
import { createPostgresStore } from '../../src/store/kysely/create-postgres-store.js';
import { createScratchDatabase, describeUnreachablePostgres } from '../store/scratch-postgres.js';
import { describeExactlyOnce } from './exactly-once-suite.js';

const database = await createScratchDatabase();

if ('unreachable' in database) {
  describeUnreachablePostgres('The exactly-once generation test', database.unreachable);
} else {
  afterAll(() => database.drop());
  describeExactlyOnce('PostgreSQL', () => createPostgresStore({ connectionString: database.connectionString }));
}
