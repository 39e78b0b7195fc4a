// The server side of `pnpm bench`, in a process of its own so the load generator does not share its event loop:
// the power-up on the engine named in argv[2] (`pglite` | `postgres`) and a bare hono route beside it, each on a free
// loopback port. Seeds one tenant with contracts, then prints one JSON line with the URLs and the key on fd 3, and
// serves until stdin closes. Its stdout is the service's log, as in production; `run.mjs` points it at /dev/null.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { createPowerUp } from '../dist/index.js';

const engine = process.argv[2];
const SEEDED = 1_000;
const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function scratchPostgres() {
  const name = `contractbeheer_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    connectionString: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

let cleanup = async () => {};
let database;
if (engine === 'postgres') {
  const scratch = await scratchPostgres();
  cleanup = scratch.drop;
  database = { kind: 'postgres', connectionString: scratch.connectionString };
} else {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'contractbeheer-bench-'));
  cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  database = { kind: 'pglite', dataDir };
}

const powerUp = await createPowerUp(
  {
    environment: 'production',
    dataDir: '/nonexistent',
    database,
    http: { host: '127.0.0.1', port: 0 },
    secretKey: { keyId: 'bench', key: randomBytes(32) },
    previousSecretKeys: [],
    marketplaceSecret: `mkt_${randomBytes(24).toString('base64url')}`,
  },
  // The service's own logger as in production: one info line per request, secrets redacted, on stdout (which the
  // bench points at /dev/null). Its cost is part of the figure.
  { logLevel: 'info' },
);
await powerUp.store.tenants.create({ id: 'bench', name: 'Bench BV' }, { actor: 'bench', at: new Date().toISOString() });
const { key } = await powerUp.issueApiKey('bench', 'bench');
const tenant = powerUp.store.forTenant('bench');
for (let i = 0; i < SEEDED; i++) {
  await tenant.contracts.create(
    // The store parses it (defaults filled in), as the API's create does.
    {
      id: `S-${String(i).padStart(5, '0')}`,
      type: 'preventive',
      startDate: '2025-01-01',
      debtorNumber: `D${1000 + (i % 50)}`,
      schedule: { unit: 'month', day: 15 },
    },
    { actor: 'bench', at: new Date().toISOString() },
  );
}
const api = await powerUp.listen();

// The HTTP stack's own ceiling: the same server library, a route that does no work beyond JSON in and out.
const bare = new Hono();
bare.get('/bare', (c) => c.json({ contract: { id: 'S-00001' }, status: 'active', flags: [], etag: '"0"' }));
bare.post('/bare', async (c) => c.json(await c.req.json(), 201));
const bareUrl = await new Promise((resolve) => {
  const server = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    resolve(`http://127.0.0.1:${info.port}`),
  );
  process.stdin.on('end', async () => {
    server.close();
    await powerUp.close();
    await cleanup();
    process.exit(0);
  });
  process.stdin.resume();
});

writeSync(3, `${JSON.stringify({ apiUrl: `${api.url}/api/v1`, bareUrl, key, seeded: SEEDED })}\n`);
