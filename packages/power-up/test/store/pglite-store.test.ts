import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createPgliteStore } from '../../src/store/kysely/create-pglite-store.js';
import { describeStoreContract } from './store-contract.js';

// File-backed, as the embedded default runs: the suite reopens the same directory to prove migrations idempotent.
const dataDir = mkdtempSync(path.join(tmpdir(), 'contractbeheer-pglite-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeStoreContract('PGlite', () => createPgliteStore({ dataDir }));
