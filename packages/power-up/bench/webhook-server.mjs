// The server side of the webhook-ingestion bench, in a process of its own so the load generator does not share its
// event loop: the power-up on PostgreSQL (a scratch database) with one tenant installed through the signed
// marketplace install, and a bare hono route beside it on another loopback port. The event processor is off: the
// figure is ingestion (verify + store + answer), not processing. Prints one JSON line with the URLs and the tenant's
// webhook secret, answers `count` on stdin with the number of stored events, and stops when stdin closes.
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { signWebhook } from '@contractbeheer/sdk/webhooks';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { pino } from 'pino';
import { createPowerUp } from '../dist/index.js';

const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `contractbeheer_bench_webhooks_${process.pid}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: POSTGRES_URL });
await admin.connect();
await admin.query(`create database "${name}"`);
await admin.end();
const url = new URL(POSTGRES_URL);
url.pathname = `/${name}`;

const marketplaceSecret = `mkt_${randomBytes(24).toString('base64url')}`;
const powerUp = await createPowerUp(
  {
    environment: 'production',
    dataDir: '/nonexistent',
    database: { kind: 'postgres', connectionString: url.toString() },
    http: { host: '127.0.0.1', port: 0 },
    secretKey: { keyId: 'bench', key: randomBytes(32) },
    previousSecretKeys: [],
    marketplaceSecret,
  },
  // Logging as in production (one info line per request), to a sink: its cost is part of the figure.
  { logger: pino({ level: 'info' }, pino.destination('/dev/null')), processEventsEveryMs: false },
);
const api = await powerUp.listen();

const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
const install = await signWebhook({
  payload: {
    tenantId: 'bench',
    tenantName: 'Bench BV',
    hostBaseUrl: 'http://127.0.0.1:9/openapi/8',
    hostTokens: { token: 'bench-token', softwareToken: 'bench-software-token' },
    webhookSecret,
  },
  secret: marketplaceSecret,
});
const installed = await fetch(`${api.url}/marketplace/install`, { method: 'POST', ...install });
if (installed.status !== 201) throw new Error(`install failed: ${installed.status} ${await installed.text()}`);

// The HTTP stack's own ceiling: the same server library, a route that reads the body and answers JSON.
const bare = new Hono();
bare.post('/bare', async (c) => {
  await c.req.arrayBuffer();
  return c.json({ received: true }, 200);
});
const bareServer = await new Promise((resolve) => {
  const server = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    resolve({ server, url: `http://127.0.0.1:${info.port}` }),
  );
});

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  if (line.trim() !== 'count') return;
  const { rows } = await client.query('select count(*)::int as n from inbound_events');
  process.stdout.write(`${JSON.stringify({ stored: rows[0].n })}\n`);
});
lines.on('close', async () => {
  bareServer.server.close();
  await client.end();
  await powerUp.close();
  const cleanup = new pg.Client({ connectionString: POSTGRES_URL });
  await cleanup.connect();
  await cleanup.query(`drop database if exists "${name}" with (force)`);
  await cleanup.end();
  process.exit(0);
});

console.log(
  JSON.stringify({ webhookUrl: `${api.url}/webhooks/bench`, bareUrl: `${bareServer.url}/bare`, webhookSecret }),
);
