import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import pg from 'pg';

/** The server the PostgreSQL suites use: `DATABASE_URL`, else the one this project's machines run on loopback. */
const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The URL without its password, for messages. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparseable DATABASE_URL)';
  }
}

export type ScratchDatabase = { connectionString: string; drop: () => Promise<void> };

/**
 * A fresh, empty database on the server for one test file, so files running in parallel never share rows. Resolves
 * to the reason instead when the server cannot be reached.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase | { unreachable: string }> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    return { unreachable: `${redacted(POSTGRES_URL)}: ${(error as Error).message}` };
  }
  const name = `contractbeheer_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    connectionString: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * What a PostgreSQL suite is when no server answers: a loud banner, and in CI a failing test — a suite skipped there
 * would pass silently — else a skipped one.
 */
export function describeUnreachablePostgres(suite: string, reason: string): void {
  const banner =
    `\n${'!'.repeat(100)}\n!! PostgreSQL is NOT reachable (${reason}).\n` +
    `!! ${suite} did NOT run against PostgreSQL.\n` +
    '!! Start PostgreSQL on 127.0.0.1:5432 or set DATABASE_URL.\n' +
    `${'!'.repeat(100)}\n`;
  if (process.env.CI) {
    describe(`${suite}: PostgreSQL`, () => {
      it('runs against a reachable PostgreSQL server', () => {
        throw new Error(banner);
      });
    });
  } else {
    console.warn(banner);
    describe.skip(`${suite}: PostgreSQL (skipped: PostgreSQL not reachable)`, () => {
      it('runs against a reachable PostgreSQL server', () => {});
    });
  }
}
