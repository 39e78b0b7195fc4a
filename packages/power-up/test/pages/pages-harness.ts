import { parseContract } from '@contractbeheer/core';
import {
  createHostSandbox,
  createSandboxMarketplace,
  SANDBOX_SOFTWARE_TOKEN,
  SANDBOX_TOKEN,
  startSandboxServer,
  type RunningSandbox,
} from '@contractbeheer/sdk/sandbox';
import { createHostClient } from '@contractbeheer/sdk';
import { hostPreviewPages } from '../../src/demo/host-preview/host-preview-page.js';
import { ensurePreviewWorkOrder, seedPreviewContracts } from '../../src/demo/host-preview/preview-scene.js';
import type { ContextClaims } from '../../src/pages/context/context-claims.js';
import { mintContextToken } from '../../src/pages/context/mint-context-token.js';
import type { TenantStore } from '../../src/store/store.js';
import { MARKETPLACE_SECRET, startPowerUp, type Running } from '../api/harness.js';
import { contextFieldsOf, startContractPagesWorld, type ContractPagesWorld } from './contract-pages-harness.js';

/** The tenant the page tests look through, and a second one whose data must never show. */
export const TENANT = 'acme';
export const OTHER_TENANT = 'other';

export type PagesWorld = {
  running: Running;
  host: RunningSandbox;
  /** The webhook secret the marketplace gave each tenant (the host signs page contexts with it). */
  secrets: Map<string, string>;
  /** A context token as the host mints it; `secret` overrides the tenant's (a forgery), `now` the clock. */
  mint(
    claims: Partial<Pick<ContextClaims, 'tenant' | 'user' | 'locale'>> & Pick<ContextClaims, 'entity'>,
    options?: { secret?: string; now?: Date; lifetimeSeconds?: number },
  ): Promise<string>;
  /** `GET <power-up><path>?context=<token>`. */
  open(path: string, token: string | undefined, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
};

/**
 * The power-up on PGlite, with the SDK's sandbox host (serving the host preview) on loopback, both tenants installed
 * by the sandbox marketplace, the preview's contracts and work order in tenant `acme`, and a contract of the same
 * customer and object in tenant `other` (which `acme`'s pages must never show).
 */
export async function startPagesWorld(): Promise<PagesWorld> {
  const running = await startPowerUp();
  const { clock } = running;
  const sandbox = createHostSandbox({ now: clock.now });
  // Assigned once the host runs: the preview reads the secret it gave the tenant, later, per request.
  let marketplace: ReturnType<typeof createSandboxMarketplace> | undefined = undefined;
  const host = await startSandboxServer(sandbox, {
    pages: hostPreviewPages({
      powerUpUrl: running.url,
      tenantId: TENANT,
      webhookSecret: () => marketplace?.webhookSecrets.get(TENANT),
      now: clock.now,
    }),
  });
  marketplace = createSandboxMarketplace({
    sandbox,
    hostBaseUrl: host.baseUrl,
    powerUpUrl: running.url,
    secret: MARKETPLACE_SECRET,
    now: clock.now,
  });
  await marketplace.install({ tenantId: TENANT, tenantName: 'Acme Installatietechniek' });
  await marketplace.install({ tenantId: OTHER_TENANT, tenantName: 'Other BV' });
  const meta = { actor: 'test', at: clock.now().toISOString() };
  const today = meta.at.slice(0, 10);
  await seedPreviewContracts(running.powerUp.store.forTenant(TENANT), today, meta);
  await running.powerUp.store.forTenant(OTHER_TENANT).contracts.create(
    parseContract({
      id: 'OTHER-SECRET-CONTRACT',
      type: 'preventive',
      startDate: '2025-01-01',
      debtorNumber: 'D1001',
      objectCodes: ['CV-KETEL-88'],
      schedule: { unit: 'month', day: 1 },
    }),
    meta,
  );
  await ensurePreviewWorkOrder(
    createHostClient({ baseUrl: host.baseUrl, token: SANDBOX_TOKEN, softwareToken: SANDBOX_SOFTWARE_TOKEN }),
  );
  const secrets = marketplace.webhookSecrets;

  return {
    running,
    host,
    secrets,
    mint: (claims, options = {}) =>
      mintContextToken(
        { tenant: TENANT, user: { id: 'u-1', name: 'Planner' }, locale: 'nl', ...claims },
        {
          secret: options.secret ?? secrets.get(claims.tenant ?? TENANT)!,
          now: options.now ?? clock.now(),
          ...(options.lifetimeSeconds !== undefined && { lifetimeSeconds: options.lifetimeSeconds }),
        },
      ),
    open: (path, token, init) =>
      fetch(`${running.url}${path}${token === undefined ? '' : `?context=${encodeURIComponent(token)}`}`, init),
    async close() {
      await host.close();
      await running.powerUp.close();
    },
  };
}

export type SettingsPagesWorld = ContractPagesWorld & {
  /** What seeds write with: the test's actor at the world's start. */
  meta: { actor: string; at: string };
  /** Tenant `other`'s store: its records, even under acme's codes, acme's settings pages must never show or touch. */
  other: TenantStore;
  /** `GET` the settings page as acme's settings screen opens it, in that language. */
  open(locale: 'nl' | 'en', query?: Record<string, string>): Promise<Response>;
  /** The context and CSRF fields of the page's first form, as a browser posts them back. */
  fields(locale: 'nl' | 'en'): Promise<{ context: string; csrf: string }>;
  /** A settings context for acme signed with a secret that is not acme's: a forgery. */
  forgedToken(locale: 'nl' | 'en'): Promise<string>;
};

/**
 * A settings page of the contract pages world ({@link startContractPagesWorld}), with a second tenant `other` beside
 * tenant `acme`. Each test seeds the records its page lists.
 */
export async function startSettingsPagesWorld(path: string): Promise<SettingsPagesWorld> {
  const world = await startContractPagesWorld();
  const meta = { actor: 'test', at: world.clock.now().toISOString() };
  await world.powerUp.store.tenants.create({ id: OTHER_TENANT, name: 'Other BV' }, meta);
  const open = async (locale: 'nl' | 'en', query: Record<string, string> = {}) =>
    world.get(path, await world.token(locale, { type: 'settings' }), query);
  return {
    ...world,
    meta,
    other: world.powerUp.store.forTenant(OTHER_TENANT),
    open,
    fields: async (locale) => contextFieldsOf(await (await open(locale)).text()),
    forgedToken: (locale) =>
      mintContextToken(
        { tenant: TENANT, user: { id: 'u-7' }, locale, entity: { type: 'settings' } },
        { secret: 'whsec_forged-0000000000000000', now: world.clock.now() },
      ),
  };
}
