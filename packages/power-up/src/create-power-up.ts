import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { contractsOpenApiDocument } from '@contractbeheer/sdk';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { DestinationStream, Logger } from 'pino';
import { createApp } from './api/create-app.js';
import type { AppEnv } from './api/app-env.js';
import { createHttpMetrics } from './api/http-metrics.js';
import { createLogger } from './api/logger.js';
import { API_BASE_PATH } from './api/route-table.js';
import type { ResolvedConfig } from './config/load-config.js';
import { createGenerator, type Generator } from './generation/generator.js';
import { createScheduler, type Scheduler } from './generation/scheduler.js';
import { createEventContexts } from './events/event-context.js';
import { registerEventMetrics } from './events/event-metrics.js';
import { createEventProcessor, type PassResult } from './events/event-processor.js';
import { hostEventHandlers } from './events/host-event-handlers.js';
import { createHostPoller, type PollResult } from './events/host-poller.js';
import { createWebhookReceiver } from './events/webhook-receiver.js';
import { createTenantHosts } from './hosts/tenant-hosts.js';
import { openStore } from './store/open-store.js';
import { withReadCache } from './store/read-cache/cached-store.js';
import { ReadCache, type ReadCacheOptions } from './store/read-cache/read-cache.js';
import { extensionRoutes } from './pages/extension-routes.js';
import type { ApiKey, Store } from './store/store.js';
import { issueApiKey } from './tenants/api-keys.js';
import { createCredentialVault } from './tenants/credential-vault.js';
import { createMarketplace } from './tenants/marketplace.js';
import { tenantLifecycle, type HostCredentials } from './tenants/tenant-lifecycle.js';

export type PowerUpOptions = {
  /** A store to use instead of opening the configured one (tests: an in-memory PGlite). The power-up closes it. */
  store?: Store;
  /** A logger, or where to write the JSON log lines (default: stdout). */
  logger?: Logger;
  logDestination?: DestinationStream;
  logLevel?: string;
  /** The clock (default: the wall clock); nothing inside reads the time otherwise. */
  now?: () => Date;
  /** Largest request body accepted (default 1 MiB). */
  bodyLimitBytes?: number;
  /** The `fetch` the host clients use (default: the global one); tests count or fail the host's calls with it. */
  hostFetch?: typeof globalThis.fetch;
  /** How long `close()` waits for in-flight requests before it cuts their connections (default 10 s). */
  shutdownTimeoutMs?: number;
  /** `listen()` leaves the generation scheduler off; the caller starts it with `startScheduler()` (the local demo). */
  deferScheduler?: boolean;
  /**
   * How often the inbox of host events is worked off once `listen()` runs (default every second); `false` leaves it
   * to `processEvents()` (tests that drive the processor step by step).
   */
  processEventsEveryMs?: number | false;
  /**
   * How often the tenants' hosts are polled for changes (work-order statuses, changed objects) once `listen()` runs —
   * for hosts that push no webhooks; default: the config's `hostPollIntervalMs` (`HOST_POLL_INTERVAL_SECONDS`), and
   * not polled when that is 0 or absent (`pollHosts()` polls once).
   */
  pollHostsEveryMs?: number | false;
  /** Attempts before an event is dead-lettered (default 8), and the wait before each retry (default 5 s doubling). */
  eventRetries?: { maxAttempts?: number; backoffMs?: (attempt: number) => number };
  /**
   * The API's read cache (API keys, contracts, pages of contracts, terms; see `store/read-cache/`): its bounds, or
   * `false` for none (every request then reads the database).
   */
  readCache?: ReadCacheOptions | false;
};

/** A running power-up: the HTTP app and the operations the CLI needs. */
export type PowerUp = {
  /** The hono app (`app.request(...)` works without a server). */
  readonly app: Hono<AppEnv>;
  readonly store: Store;
  readonly log: Logger;
  /** Work-order generation on this instance's store and hosts (the scheduler runs it; the CLI may too). */
  readonly generator: Generator;
  /**
   * Starts the HTTP server on the configured host and port (0: any free port), and the generation scheduler when
   * `generationIntervalMs` is above 0; resolves with the server's URL.
   */
  listen(): Promise<{ url: string; port: number }>;
  /** Starts the generation scheduler (when `generationIntervalMs` is above 0); a no-op once it runs. */
  startScheduler(): void;
  /**
   * Graceful shutdown: stops accepting connections, lets in-flight requests finish (up to the shutdown timeout),
   * then closes the database. Safe to call more than once.
   */
  close(): Promise<void>;
  /** A new API key for a tenant, shown once in the result. */
  issueApiKey(tenantId: string, name: string): Promise<{ key: string; apiKey: ApiKey }>;
  /** The tenant's host credentials, opened; `undefined` when none are stored (never installed, or uninstalled). */
  credentialsFor(tenantId: string): Promise<HostCredentials | undefined>;
  /** Moves credentials sealed under a previous key to the current one; returns how many moved. */
  reencryptCredentials(): Promise<number>;
  /** Purges tenants uninstalled longer than the retention period (`RETENTION_DAYS`); returns their ids. */
  purgeExpiredTenants(): Promise<string[]>;
  /** One pass of the event processor over the inbox (what the background loop runs). */
  processEvents(): Promise<PassResult>;
  /** Polls every installed tenant's host once, storing what changed as inbox events. */
  pollHosts(): Promise<PollResult[]>;
};

/**
 * The composition root: config → store (migrated on open) → vault and services → hono app → HTTP server.
 *
 * @example
 * const powerUp = await createPowerUp(await loadConfig());
 * const { url } = await powerUp.listen();
 * process.once('SIGTERM', () => void powerUp.close());
 */
export async function createPowerUp(config: ResolvedConfig, options: PowerUpOptions = {}): Promise<PowerUp> {
  const now = options.now ?? (() => new Date());
  const log =
    options.logger ??
    createLogger({
      level: options.logLevel ?? (config.environment === 'test' ? 'warn' : 'info'),
      ...(options.logDestination === undefined ? {} : { destination: options.logDestination }),
    });
  const store = options.store ?? (await openStore(config.database));
  const vault = createCredentialVault({ current: config.secretKey, previous: config.previousSecretKeys });
  const marketplace = createMarketplace({ store, vault, secret: config.marketplaceSecret, now });
  const metrics = createHttpMetrics();
  const hosts = createTenantHosts({ store, vault, ...(options.hostFetch && { fetch: options.hostFetch }) });
  const generator = createGenerator({
    store,
    hosts,
    clock: now,
    // Unique per process: the due index's leases tell the instances sharing a database apart by it.
    owner: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
    logger: log.child({ component: 'generation' }),
  });
  const intervalMs = config.generationIntervalMs ?? 0;
  const scheduler: Scheduler | undefined =
    intervalMs > 0
      ? createScheduler({ generator, intervalMs, logger: log.child({ component: 'scheduler' }) })
      : undefined;
  registerEventMetrics(metrics.registry, store);
  const events = createEventProcessor({
    store,
    registry: hostEventHandlers(),
    contexts: createEventContexts({ store, hosts, log, now }),
    log,
    now,
    ...options.eventRetries,
  });
  const poller = createHostPoller({ store, hosts, log, now });
  const lifecycle = tenantLifecycle(store, vault);
  // The API reads through the cache; generation, events and the CLI read the database as it is.
  const apiStore =
    options.readCache === false ? store : withReadCache(store, new ReadCache(store.changes, options.readCache));
  const app = createApp(
    {
      store: apiStore,
      marketplace,
      hosts,
      metrics,
      webhooks: createWebhookReceiver({
        store,
        credentialsFor: (tenantId) => lifecycle.credentialsFor(tenantId),
        now,
      }),
      now,
      openApiDocument: contractsOpenApiDocument({ serverUrl: API_BASE_PATH }),
    },
    {
      log,
      ...(options.bodyLimitBytes === undefined ? {} : { bodyLimitBytes: options.bodyLimitBytes }),
      // The host signs each page's context with the tenant's webhook secret (see pages/README.md).
      pages: extensionRoutes({
        secretFor: async (tenant) => (await lifecycle.credentialsFor(tenant.id))?.webhookSecret,
      }),
    },
  );
  const meta = (actor: string) => ({ actor, at: now().toISOString() });

  let server: ReturnType<typeof serve> | undefined;
  let closing: Promise<void> | undefined;

  async function stopServer(): Promise<void> {
    if (server === undefined) return;
    const http = server as Server;
    const closed = new Promise<void>((resolve, reject) =>
      http.close((error) => (error === undefined ? resolve() : reject(error))),
    );
    // Keep-alive connections with no request in flight would hold close() open until they time out.
    http.closeIdleConnections();
    const timer = setTimeout(() => {
      log.warn('requests still running at the shutdown timeout: closing their connections');
      http.closeAllConnections();
    }, options.shutdownTimeoutMs ?? 10_000);
    try {
      await closed;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    app,
    store,
    log,
    generator,
    async listen() {
      if (server !== undefined)
        throw new Error('listen() was already called: create another power-up to listen twice.');
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        const started = serve({ fetch: app.fetch, port: config.http.port, hostname: config.http.host }, resolve);
        started.once('error', reject);
        server = started;
      });
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${host}:${address.port}`;
      log.info({ url }, 'listening');
      if (options.deferScheduler !== true) scheduler?.start();
      const everyMs = options.processEventsEveryMs ?? 1_000;
      if (everyMs !== false) events.start(everyMs);
      const configuredPollMs = config.hostPollIntervalMs ?? 0;
      const pollEveryMs = options.pollHostsEveryMs ?? (configuredPollMs > 0 ? configuredPollMs : false);
      if (pollEveryMs !== false) poller.start(pollEveryMs);
      return { url, port: address.port };
    },
    startScheduler: () => scheduler?.start(),
    close() {
      closing ??= (async () => {
        try {
          // The running tick finishes first: its ledger writes need the store that closes below.
          await scheduler?.stop();
          await stopServer();
        } finally {
          await poller.stop();
          await events.stop();
          await store.close();
          log.info('stopped');
        }
      })();
      return closing;
    },
    issueApiKey: (tenantId, name) => issueApiKey(store.forTenant(tenantId), name, meta('operator')),
    credentialsFor: (tenantId) => lifecycle.credentialsFor(tenantId),
    reencryptCredentials: () => lifecycle.reencryptCredentials(meta('operator')),
    purgeExpiredTenants: async () => {
      await marketplace.forgetOldRequests();
      return lifecycle.purgeExpired(now());
    },
    processEvents: () => events.processDue(),
    pollHosts: () => poller.pollAll(),
  };
}
