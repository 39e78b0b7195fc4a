import { describe, it } from 'vitest';
import { postgresEngine } from './contracts-harness.js';
import { describeContractsApi } from './contracts-api-suite.js';

const engine = await postgresEngine();

if ('unreachable' in engine) {
  const banner =
    `\n${'!'.repeat(100)}\n!! PostgreSQL is NOT reachable (${engine.unreachable}).\n` +
    '!! The contracts API suite did NOT run against PostgreSQL.\n' +
    '!! Start PostgreSQL on 127.0.0.1:5432 or set DATABASE_URL.\n' +
    `${'!'.repeat(100)}\n`;
  if (process.env.CI) {
    describe('contracts API: PostgreSQL', () => {
      it('runs against a reachable PostgreSQL server', () => {
        throw new Error(banner);
      });
    });
  } else {
    console.warn(banner);
    describe.skip('contracts API: PostgreSQL (skipped: PostgreSQL not reachable)', () => {
      it('runs against a reachable PostgreSQL server', () => {});
    });
  }
} else {
  describeContractsApi(engine);
}
