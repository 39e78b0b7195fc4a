import type { Contract } from '@contractbeheer/core';
import type { PowerUp } from '../create-power-up.js';
import { createHostClient } from '@contractbeheer/sdk';
import { seedDemoTenant } from './demo-seed.js';
import { startFieldSimulation } from './field-simulation.js';
import { HOST_PREVIEW_PATH, hostPreviewPages } from './host-preview/host-preview-page.js';
import { ensurePreviewWorkOrder, seedPreviewContracts } from './host-preview/preview-scene.js';

/** The tenant the local demo installs into its sandbox host. */
const DEMO_TENANT = { id: 'demo', name: 'Installatiebedrijf Demo' } as const;
/** The name of the key each local start issues; earlier ones (and the install's) are revoked on the next start. */
const DEMO_KEY_NAME = 'local demo';
/** Keys the demo replaces on each start: its own and the one the marketplace install answered with. */
const REPLACED_KEY_NAMES = new Set([DEMO_KEY_NAME, 'marketplace install']);

/** Cents per hour by the sandbox's hour-type codes (its `hourtypes`: normal and overtime). */
const DEMO_HOUR_TYPE_RATES = {
  '001': { amount: 6_500, currency: 'EUR' },
  '002': { amount: 9_750, currency: 'EUR' },
} as const;
/** How often the simulated field completes work orders. */
const FIELD_EVERY_MS = 5_000;

/** The route the printed `curl` calls: the demo tenant's contracts. */
export const DEMO_CURL_PATH = '/api/v1/contracts';

export type LocalDemo = {
  sandboxUrl: string;
  /** The sandbox host's screens with the power-up's tabs framed in (the host preview). */
  previewUrl: string;
  apiKey: string;
  /** Contracts written on this start: the seed count on the first start, 0 afterwards. */
  seeded: number;
  /** The demo tenant's contracts as stored, for the plan summary. */
  contracts: Contract[];
  /** Stops the sandbox host (the power-up is closed by its owner). */
  close(): Promise<void>;
};

/**
 * The local demo around a listening power-up: an OutSmart sandbox host on loopback, the power-up installed into it
 * as the marketplace would (a signed install request over HTTP), a demo tenant seeded with about fifty contracts on
 * the first start only, and a fresh API key for the printed `curl`.
 *
 * The key: only its hash is stored, so a second start cannot show the first one's key again. Each start therefore
 * issues a new key and revokes the demo's earlier keys, so exactly the printed key works (keys made with
 * `contractbeheer keys create` are left alone).
 */
export async function startLocalDemo(input: {
  powerUp: PowerUp;
  apiUrl: string;
  marketplaceSecret: string;
  sandboxPort?: number;
  now?: () => Date;
}): Promise<LocalDemo> {
  // Loaded only for the demo: the SDK's sandbox is not part of a production start. Its `sandbox` entry, not
  // `testing`: that one also loads the msw handlers, and a published power-up does not install msw.
  const { createHostSandbox, createSandboxMarketplace, startSandboxServer, SANDBOX_SOFTWARE_TOKEN, SANDBOX_TOKEN } =
    await import('@contractbeheer/sdk/sandbox');
  const now = input.now ?? (() => new Date());
  const sandbox = createHostSandbox({ now });
  let marketplace: ReturnType<typeof createSandboxMarketplace> | undefined;
  // The host preview is served by the sandbox host, at its origin: the only origin the pages may be framed by.
  const host = await startSandboxServer(sandbox, {
    port: input.sandboxPort ?? 0,
    pages: hostPreviewPages({
      powerUpUrl: input.apiUrl,
      tenantId: DEMO_TENANT.id,
      webhookSecret: () => marketplace?.webhookSecrets.get(DEMO_TENANT.id),
      now,
    }),
  });
  try {
    marketplace = createSandboxMarketplace({
      sandbox,
      hostBaseUrl: host.baseUrl,
      powerUpUrl: input.apiUrl,
      secret: input.marketplaceSecret,
    });
    // Every start installs again: the sandbox's URL changes between starts, and the install replaces it.
    // With the webhook URL, the sandbox sends its signed events (work orders picked up, completed) to the power-up.
    await marketplace.install({
      tenantId: DEMO_TENANT.id,
      tenantName: DEMO_TENANT.name,
      webhookUrl: `${input.apiUrl}/webhooks/${DEMO_TENANT.id}`,
    });

    const tenant = input.powerUp.store.forTenant(DEMO_TENANT.id);
    const meta = { actor: 'local demo', at: now().toISOString() };
    const existing = await tenant.contracts.list({ limit: 1 });
    const seeded = existing.items.length === 0 ? await seedDemoTenant(tenant, meta) : 0;
    await seedPreviewContracts(tenant, meta.at.slice(0, 10), meta);
    await ensurePreviewWorkOrder(
      createHostClient({ baseUrl: host.baseUrl, token: SANDBOX_TOKEN, softwareToken: SANDBOX_SOFTWARE_TOKEN }),
    );

    for (const key of await tenant.apiKeys.list()) {
      if (key.revokedAt === null && REPLACED_KEY_NAMES.has(key.name)) await tenant.apiKeys.revoke(key.id, meta);
    }
    const { key } = await input.powerUp.issueApiKey(DEMO_TENANT.id, DEMO_KEY_NAME);

    const contracts: Contract[] = [];
    let cursor: string | undefined;
    do {
      const page = await tenant.contracts.list({ limit: 200, ...(cursor === undefined ? {} : { cursor }) });
      contracts.push(...page.items.map((item) => item.contract));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);

    // The sandbox knows three customers; the demo's contracts name more. Each gets a relation in the sandbox, so the
    // generated work orders have the customer fields the host requires (in OutSmart they exist already).
    const relations = (sandbox.records.relations ??= []);
    const known = new Set(relations.map((relation) => String(relation.debtor_number)));
    for (const debtorNumber of new Set(contracts.map((contract) => contract.debtorNumber))) {
      if (known.has(debtorNumber)) continue;
      relations.push({
        name: `Demoklant ${debtorNumber}`,
        debtor_number: debtorNumber,
        contact: 'Facilitair beheer',
        phone_number: '030-0000000',
        email: `${debtorNumber.toLowerCase()}@demo.example`,
        email_workorder: null,
        street: 'Stationsplein',
        house_number: '1',
        postal_code: '3511ED',
        city: 'Utrecht',
        remark: '',
        latitude: null,
        longitude: null,
      });
    }

    // Completed work orders bring hours at the tenant's rates: the demo's are the sandbox's sale prices.
    const settings = await tenant.settings.get();
    if (Object.keys(settings.hourTypeRates).length === 0) {
      await tenant.settings.put({ ...settings, hourTypeRates: DEMO_HOUR_TYPE_RATES }, meta);
    }
    const field = startFieldSimulation(sandbox, { everyMs: FIELD_EVERY_MS, perTick: 2, now });

    return {
      sandboxUrl: host.baseUrl,
      previewUrl: `${host.origin}${HOST_PREVIEW_PATH}`,
      apiKey: key,
      seeded,
      contracts,
      close: async () => {
        field.stop();
        await host.close();
      },
    };
  } catch (error) {
    await host.close();
    throw error;
  }
}
