import { PGlite, types } from '@electric-sql/pglite';
import { createContractsClient, type ContractsClient } from '@contractbeheer/sdk';
import {
  createHostSandbox,
  SANDBOX_SOFTWARE_TOKEN,
  SANDBOX_TOKEN,
  startSandboxServer,
  type HostSandbox,
  type RunningSandbox,
} from '@contractbeheer/sdk/testing';
import http from 'node:http';
import pg from 'pg';
import { createPowerUp, type PowerUp, type PowerUpOptions } from '../../src/create-power-up.js';
import { createPostgresStore } from '../../src/store/kysely/create-postgres-store.js';
import { storeOnPglite } from '../../src/store/kysely/create-pglite-store.js';
import type { Store } from '../../src/store/store.js';
import { createScratchDatabase } from '../store/scratch-postgres.js';
import { installBody, sendSigned, testClock, testConfig, type Running } from './harness.js';

/** A database engine for the API suites: the store the power-up uses, and raw SQL to check what landed. */
export type Engine = {
  name: string;
  open(): Promise<{
    store: Store;
    rows: (sql: string) => Promise<Record<string, unknown>[]>;
    drop: () => Promise<void>;
  }>;
};

export const PGLITE: Engine = {
  name: 'PGlite',
  async open() {
    // As `createPgliteStore` opens it (dates stay text), in memory, and with a handle for raw SQL.
    const pglite = new PGlite({ parsers: { [types.DATE]: (value: string) => value } });
    const store = await storeOnPglite(pglite);
    return {
      store,
      rows: async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows,
      drop: async () => {},
    };
  },
};

/** PostgreSQL on a fresh database for the file; `{ unreachable }` when no server answers. */
export async function postgresEngine(): Promise<Engine | { unreachable: string }> {
  const database = await createScratchDatabase();
  if ('unreachable' in database) return database;
  return {
    name: 'PostgreSQL',
    async open() {
      const store = await createPostgresStore({ connectionString: database.connectionString });
      const client = new pg.Client({ connectionString: database.connectionString });
      await client.connect();
      return {
        store,
        rows: async (sql) => (await client.query<Record<string, unknown>>(sql)).rows,
        drop: async () => {
          await client.end();
          await database.drop();
        },
      };
    },
  };
}

/** Every table that holds tenant data the contracts API writes. */
const DATA_TABLES = [
  'contracts',
  'contract_versions',
  'object_links',
  'contract_terms',
  'sla_policies',
  'cancellation_reasons',
  'terminations',
  'audit_entries',
];

export type ApiWorld = {
  powerUp: PowerUp;
  url: string;
  sandbox: HostSandbox;
  host: RunningSandbox;
  clock: ReturnType<typeof testClock>;
  tenants: { acme: { key: string; client: ContractsClient }; other: { key: string; client: ContractsClient } };
  /** Every data row of every table, to prove a refused request wrote nothing. */
  snapshot(): Promise<string>;
  rows: (sql: string) => Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

const clientFor = (url: string, apiKey: string) =>
  createContractsClient({ baseUrl: `${url}/api/v1`, apiKey, maxRetries: 0 });

/**
 * A power-up on the engine, listening on a free loopback port, with the SDK's host sandbox on another, and two
 * tenants installed by the marketplace (signed install) with the sandbox as their host. `options` reach the power-up
 * (a log destination, a host fetch that breaks on demand).
 */
export async function startApiWorld(engine: Engine, options: PowerUpOptions = {}): Promise<ApiWorld> {
  const sandbox = createHostSandbox();
  const host = await startSandboxServer(sandbox);
  const { store, rows, drop } = await engine.open();
  const clock = testClock();
  const powerUp = await createPowerUp(testConfig(), { store, now: clock.now, logLevel: 'warn', ...options });
  const { url } = await powerUp.listen();
  const running = { url, clock } as Running;
  async function install(tenantId: string) {
    const body = {
      ...installBody(tenantId),
      hostBaseUrl: host.baseUrl,
      hostTokens: { token: SANDBOX_TOKEN, softwareToken: SANDBOX_SOFTWARE_TOKEN },
    };
    const response = await sendSigned(running, '/marketplace/install', body);
    if (response.status !== 201) throw new Error(`install failed: ${response.status} ${await response.text()}`);
    const { apiKey } = (await response.json()) as { apiKey: string };
    return { key: apiKey, client: clientFor(url, apiKey) };
  }
  const tenants = { acme: await install('acme'), other: await install('other') };
  return {
    powerUp,
    url,
    sandbox,
    host,
    clock,
    tenants,
    rows,
    async snapshot() {
      const dump: Record<string, unknown> = {};
      for (const table of DATA_TABLES) dump[table] = await rows(`select * from ${table} order by 1, 2`);
      return JSON.stringify(dump);
    },
    async close() {
      await powerUp.close();
      await host.close();
      await drop();
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON of any shape, read field by field in tests
export type RawAnswer = { status: number; headers: Headers; body: any };

/** A raw call, for what a typed client would not send: wrong bodies, missing headers, stray parameters. */
export async function call(
  world: ApiWorld,
  method: string,
  path: string,
  options: { key?: string; body?: unknown; rawBody?: string; ifMatch?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { authorization: `Bearer ${options.key ?? world.tenants.acme.key}` };
  if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
  const response = await fetch(`${world.url}/api/v1${path}`, {
    method,
    headers: { ...headers, ...options.headers },
    ...(options.rawBody !== undefined
      ? { body: options.rawBody }
      : options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/**
 * A request on a connection of its own that is closed afterwards: for a body the server refuses before reading it
 * (413), which would otherwise leave a pooled keep-alive connection half-written for the next request.
 */
export function callOnOwnConnection(
  world: ApiWorld,
  method: string,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${world.url}/api/v1${path}`,
      {
        method,
        agent: false,
        headers: {
          authorization: `Bearer ${world.tenants.acme.key}`,
          'content-type': 'application/json',
          connection: 'close',
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: new Headers(response.headers as Record<string, string>),
            body: text === '' ? undefined : JSON.parse(text),
          });
        });
      },
    );
    // The server may answer and close before the whole body is sent: that is the point, not a failure.
    request.on('error', (error) => (request.writableFinished ? undefined : reject(error)));
    request.end(body);
  });
}
