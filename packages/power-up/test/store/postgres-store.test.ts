import { afterAll } from 'vitest';
import { createPostgresStore } from '../../src/store/kysely/create-postgres-store.js';
import { createScratchDatabase, describeUnreachablePostgres } from './scratch-postgres.js';
import { describeStoreContract } from './store-contract.js';

const database = await createScratchDatabase();

if ('unreachable' in database) {
  describeUnreachablePostgres('The storage contract suite', database.unreachable);
} else {
  afterAll(() => database.drop());
  const open = () => createPostgresStore({ connectionString: database.connectionString });
  describeStoreContract('PostgreSQL', open, { openSecondStore: open });
}
