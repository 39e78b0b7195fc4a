import { createPgliteStore } from '../../src/store/kysely/create-pglite-store.js';
import { describeExactlyOnce } from './exactly-once-suite.js';

describeExactlyOnce('PGlite', () => createPgliteStore({ memory: true }));
