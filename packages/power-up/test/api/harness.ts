import { randomBytes } from 'node:crypto';
import { PGlite, types } from '@electric-sql/pglite';
import { signWebhook } from '@contractbeheer/sdk/webhooks';
import type { ResolvedConfig } from '../../src/config/load-config.js';
import type { SecretKey } from '../../src/config/secret-key.js';
import { createPowerUp, type PowerUp, type PowerUpOptions } from '../../src/create-power-up.js';
import { storeOnPglite } from '../../src/store/kysely/create-pglite-store.js';
import type { Store } from '../../src/store/store.js';

export const MARKETPLACE_SECRET = `mkt_${randomBytes(24).toString('base64url')}`;
export const newKey = (keyId: string): SecretKey => ({ keyId, key: randomBytes(32) });

export function testConfig(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    environment: 'test',
    dataDir: '/nonexistent/contractbeheer',
    database: { kind: 'pglite', dataDir: '/nonexistent/contractbeheer/db' },
    http: { host: '127.0.0.1', port: 0 },
    secretKey: newKey('k-current'),
    previousSecretKeys: [],
    marketplaceSecret: MARKETPLACE_SECRET,
    ...overrides,
  };
}

/** The clock the power-up reads; tests move it. */
export function testClock(start = '2026-01-15T09:00:00.000Z') {
  let ms = Date.parse(start);
  return {
    now: () => new Date(ms),
    unixSeconds: () => Math.floor(ms / 1000),
    advance: (seconds: number) => void (ms += seconds * 1000),
  };
}

export type Running = {
  powerUp: PowerUp;
  url: string;
  /** The database underneath, for reading raw rows the way an attacker with a dump would. */
  pglite: PGlite;
  /** Every JSON log line the power-up wrote. */
  logs: string[];
  clock: ReturnType<typeof testClock>;
};

/** A power-up on an in-memory (or file-backed) PGlite, listening on a free loopback port. */
export async function startPowerUp(
  options: {
    config?: Partial<ResolvedConfig>;
    dataDir?: string;
    wrapStore?: (store: Store) => Store;
    powerUp?: PowerUpOptions;
  } = {},
): Promise<Running> {
  // As `createPgliteStore` opens it: dates stay text (the store's rows are read as 'YYYY-MM-DD').
  const parsers = { [types.DATE]: (value: string) => value };
  const pglite = new PGlite(options.dataDir === undefined ? { parsers } : { dataDir: options.dataDir, parsers });
  const opened = await storeOnPglite(pglite);
  const store = options.wrapStore?.(opened) ?? opened;
  const logs: string[] = [];
  const clock = testClock();
  const powerUp = await createPowerUp(testConfig(options.config), {
    store,
    now: clock.now,
    logLevel: 'debug',
    logDestination: { write: (line: string) => void logs.push(line) },
    ...options.powerUp,
  });
  const { url } = await powerUp.listen();
  return { powerUp, url, pglite, logs, clock };
}

export type InstallBody = {
  tenantId: string;
  tenantName: string;
  hostBaseUrl: string;
  hostTokens: { token: string; softwareToken: string };
  webhookSecret: string;
};

/** An install body whose secrets are unique, so a test can search rows and logs for them. */
export function installBody(tenantId: string): InstallBody {
  const unique = randomBytes(8).toString('hex');
  return {
    tenantId,
    tenantName: `Installateur ${tenantId}`,
    hostBaseUrl: 'https://host.example/openapi/v8',
    hostTokens: { token: `tok-${unique}`, softwareToken: `sw-${unique}` },
    webhookSecret: `whsec_${unique}-0123456789`,
  };
}

/** A request signed as the marketplace signs (the SDK's webhook signer: same scheme). */
export async function signed(
  running: Running,
  path: string,
  payload: object | string,
  options: { secret?: string; timestamp?: number } = {},
): Promise<{ body: string; headers: Record<string, string>; send: () => Promise<Response> }> {
  const { body, headers } = await signWebhook({
    payload,
    secret: options.secret ?? MARKETPLACE_SECRET,
    timestamp: options.timestamp ?? running.clock.unixSeconds(),
  });
  return { body, headers, send: () => fetch(`${running.url}${path}`, { method: 'POST', body, headers }) };
}

export async function sendSigned(
  running: Running,
  path: string,
  payload: object | string,
  options: { secret?: string; timestamp?: number } = {},
): Promise<Response> {
  return (await signed(running, path, payload, options)).send();
}

/** Raw rows of a table, as a database dump would show them. */
export async function rawRows(running: Running, table: string): Promise<Record<string, unknown>[]> {
  return (await running.pglite.query<Record<string, unknown>>(`select * from ${table}`)).rows;
}
