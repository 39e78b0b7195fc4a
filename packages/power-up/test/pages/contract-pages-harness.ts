import {
  createHostSandbox,
  SANDBOX_SOFTWARE_TOKEN,
  SANDBOX_TOKEN,
  startSandboxServer,
  type HostSandbox,
  type RunningSandbox,
} from '@contractbeheer/sdk/testing';
import { createPowerUp, type PowerUp } from '../../src/create-power-up.js';
import type { ContextClaims } from '../../src/pages/context/context-claims.js';
import { mintContextToken } from '../../src/pages/context/mint-context-token.js';
import type { TenantStore } from '../../src/store/store.js';
import { PGLITE } from '../api/contracts-harness.js';
import { installBody, sendSigned, testClock, testConfig, type Running } from '../api/harness.js';

/** Tables a page's form post may write: a refused post must leave every one as it was. */
const DATA_TABLES = [
  'contracts',
  'contract_versions',
  'contract_terms',
  'sla_policies',
  'cancellation_reasons',
  'terminations',
  'audit_entries',
];

export type ContractPagesWorld = {
  powerUp: PowerUp;
  clock: ReturnType<typeof testClock>;
  sandbox: HostSandbox;
  /** Tenant `acme`'s store, to seed and to read what a page wrote. */
  store: TenantStore;
  /** A context token for tenant `acme` as its host mints it. */
  token(locale?: 'nl' | 'en', entity?: ContextClaims['entity']): Promise<string>;
  /** `GET path?context=…` through the app (hono's `app.request`). */
  get(path: string, token: string, query?: Record<string, string>): Promise<Response>;
  /** A same-origin form post carrying the context and its CSRF token (read from the page the form is on). */
  post(path: string, fields: Record<string, string | string[]>): Promise<Response>;
  /** Every data row of every table, to prove a refused post wrote nothing. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
};

const ORIGIN = 'http://pages.test';

/** The context and CSRF fields of the first form on a page, as a browser would post them back. */
export function contextFieldsOf(html: string): { context: string; csrf: string } {
  const context = /name="context" value="([^"]+)"/.exec(html)?.[1];
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (context === undefined || csrf === undefined) throw new Error('the page has no form with the context fields');
  return { context, csrf };
}

/**
 * The power-up on in-memory PGlite with the SDK's host sandbox as tenant `acme`'s host (installed through the signed
 * marketplace install, whose webhook secret signs the page contexts). Pages are requested through `app.request`.
 */
export async function startContractPagesWorld(): Promise<ContractPagesWorld> {
  const sandbox = createHostSandbox();
  const host: RunningSandbox = await startSandboxServer(sandbox);
  const { store, rows, drop } = await PGLITE.open();
  const clock = testClock('2026-03-02T09:00:00.000Z');
  const powerUp = await createPowerUp(testConfig(), { store, now: clock.now, logLevel: 'warn' });
  const { url } = await powerUp.listen();
  const install = {
    ...installBody('acme'),
    hostBaseUrl: host.baseUrl,
    hostTokens: { token: SANDBOX_TOKEN, softwareToken: SANDBOX_SOFTWARE_TOKEN },
  };
  const response = await sendSigned({ url, clock } as Running, '/marketplace/install', install);
  if (response.status !== 201) throw new Error(`install failed: ${response.status} ${await response.text()}`);
  const request = async (path: string, init?: RequestInit) =>
    powerUp.app.request(`${ORIGIN}${path}`, {
      ...init,
      headers: { host: new URL(ORIGIN).host, ...(init?.headers as Record<string, string>) },
    });
  return {
    powerUp,
    clock,
    sandbox,
    store: store.forTenant('acme'),
    token: (locale = 'nl', entity = { type: 'contract' }) =>
      mintContextToken(
        { tenant: 'acme', user: { id: 'u-7', name: 'Planner' }, locale, entity },
        { secret: install.webhookSecret, now: clock.now() },
      ),
    get: (path, token, query = {}) =>
      request(`${path}?${new URLSearchParams({ ...query, context: token }).toString()}`),
    post: (path, fields) => {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) {
        for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
      }
      return request(path, {
        method: 'POST',
        body,
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      });
    },
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
