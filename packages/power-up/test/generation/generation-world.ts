import { planWorkOrders } from '@contractbeheer/core';
import { createHostClient } from '@contractbeheer/sdk';
import {
  createHostSandbox,
  SANDBOX_SOFTWARE_TOKEN,
  SANDBOX_TOKEN,
  startSandboxServer,
  type HostSandbox,
  type RunningSandbox,
} from '@contractbeheer/sdk/sandbox';
import { createGenerator, type Generator, type GeneratorOptions } from '../../src/generation/generator.js';
import type { RetryPolicy } from '../../src/generation/retry-policy.js';
import type { TenantHosts } from '../../src/hosts/tenant-hosts.js';
import type { LedgerEntry } from '../../src/store/generation-ledger.js';
import type { Store, TenantSettings, TenantStore } from '../../src/store/store.js';
import { uniqueTenantId } from '../store/fixtures.js';

/** A clock the test moves by hand. */
function manualClock(start: string) {
  let ms = Date.parse(start);
  return {
    now: () => new Date(ms),
    iso: () => new Date(ms).toISOString(),
    advanceMs: (delta: number) => void (ms += delta),
    set: (iso: string) => void (ms = Date.parse(iso)),
  };
}

/** Patient enough to never give up in a test, short enough that a few clock steps reach every retry. */
const TEST_POLICY: RetryPolicy = { maxAttempts: 100, baseDelayMs: 1_000, maxDelayMs: 4_000 };

export type GenerationWorld = {
  store: Store;
  sandbox: HostSandbox;
  host: RunningSandbox;
  clock: ReturnType<typeof manualClock>;
  tenant: TenantStore;
  generator: Generator;
  /** Creates (POSTs) that reached the host for a number it already had: each one would be a duplicate on a host. */
  repeatedCreates: string[];
  /** Every create POST that reached the host, per work-order number. */
  postsByNumber: Map<string, number>;
  /** The host's work orders by number (only ours: numbers start with `CB-`). */
  hostWorkOrders(): Map<string, { rowId: string; status: string }>;
  rows(contractId: string): Promise<LedgerEntry[]>;
  newGenerator(overrides?: Partial<GeneratorOptions>): Generator;
  close(): Promise<void>;
};

/**
 * The generator against the SDK's sandbox host over real HTTP on loopback, with one tenant installed whose host the
 * sandbox is. The host client the generator gets passes every request through a spy that notes creates of numbers
 * the host already holds — the sandbox upserts by number, so a duplicate would not show as a second work order.
 */
export async function startGenerationWorld(options: {
  store: Store;
  start: string;
  settings?: Partial<TenantSettings>;
  generator?: Partial<GeneratorOptions>;
}): Promise<GenerationWorld> {
  const clock = manualClock(options.start);
  const sandbox = createHostSandbox({ now: clock.now });
  const host = await startSandboxServer(sandbox);
  const { store } = options;
  const tenantId = uniqueTenantId('gen');
  await store.tenants.create(
    { id: tenantId, name: 'Generation', hostBaseUrl: host.baseUrl, settings: options.settings ?? {} },
    { actor: 'test', at: clock.iso() },
  );
  const repeatedCreates: string[] = [];
  const postsByNumber = new Map<string, number>();
  const numbersOnHost = () => new Set([...sandbox.workOrders.values()].map((order) => String(order.WorkorderNo)));
  const spyFetch: typeof fetch = async (input, init) => {
    // ky hands fetch a Request; the body is read from a clone, so the request itself still sends it.
    const request = new Request(input, init);
    if (request.url.includes('/PostWorkorders/')) {
      const known = numbersOnHost();
      for (const record of JSON.parse(await request.clone().text()) as { WorkorderNo: string }[]) {
        if (known.has(record.WorkorderNo)) repeatedCreates.push(record.WorkorderNo);
        postsByNumber.set(record.WorkorderNo, (postsByNumber.get(record.WorkorderNo) ?? 0) + 1);
      }
    }
    return fetch(request);
  };
  const hosts: TenantHosts = {
    clientFor: async (tenant) =>
      createHostClient({
        baseUrl: tenant.hostBaseUrl ?? host.baseUrl,
        token: SANDBOX_TOKEN,
        softwareToken: SANDBOX_SOFTWARE_TOKEN,
        // The generator retries by itself, after a look-up: the client's own retries would only slow the test.
        maxRetries: 0,
        timeoutMs: 5_000,
        fetch: spyFetch,
      }),
  };
  const newGenerator = (overrides: Partial<GeneratorOptions> = {}) =>
    createGenerator({
      store,
      hosts,
      clock: clock.now,
      owner: `test-${process.pid}`,
      policy: TEST_POLICY,
      ...options.generator,
      ...overrides,
    });
  const tenant = store.forTenant(tenantId);
  return {
    store,
    sandbox,
    host,
    clock,
    tenant,
    generator: newGenerator(),
    repeatedCreates,
    postsByNumber,
    hostWorkOrders: () =>
      new Map(
        [...sandbox.workOrders.values()]
          .filter((order) => String(order.WorkorderNo).startsWith('CB-'))
          .map((order) => [String(order.WorkorderNo), { rowId: String(order.id), status: String(order.status) }]),
      ),
    rows: (contractId) => tenant.ledger.forContract(contractId),
    newGenerator,
    close: () => host.close(),
  };
}

/** Every key the core plans as due by `asOf` for these contracts' saved versions, and those it skips. */
export async function dueKeys(
  tenant: TenantStore,
  contractIds: readonly string[],
  asOf: string,
  catchUpLimitDays?: number,
): Promise<{ planned: string[]; skipped: string[] }> {
  const planned: string[] = [];
  const skipped: string[] = [];
  for (const id of contractIds) {
    const versions = (await tenant.contracts.versions(id)).map((version) => version.contract);
    const result = planWorkOrders(versions, {
      asOf: asOf.replace(/\.\d+Z$/, 'Z'),
      generatedKeys: [],
      ...(catchUpLimitDays !== undefined && { catchUpLimitDays }),
    });
    planned.push(...result.plans.map((plan) => plan.key));
    skipped.push(...result.skipped.map((skip) => skip.key));
  }
  return { planned: planned.sort(), skipped: skipped.sort() };
}
