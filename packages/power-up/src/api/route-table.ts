import type { Context } from 'hono';
import type { WebhookReceiver } from '../events/webhook-receiver.js';
import type { TenantHosts } from '../hosts/tenant-hosts.js';
import type { Store } from '../store/store.js';
import type { Marketplace } from '../tenants/marketplace.js';
import type { AppEnv } from './app-env.js';
import type { HttpMetrics } from './http-metrics.js';

/** What route handlers may use; built once by the composition root. */
export type AppServices = {
  store: Store;
  marketplace: Marketplace;
  /** The tenants' hosts (OutSmart), through the SDK's client: e.g. to check an object before a contract links it. */
  hosts: TenantHosts;
  metrics: HttpMetrics;
  /** Verifies a host's webhook delivery and stores its event in the tenant's inbox. */
  webhooks: WebhookReceiver;
  now: () => Date;
  openApiDocument: Record<string, unknown>;
};

/**
 * One route: `public` needs nothing; `marketplace` is signed (checked by the marketplace service against the raw
 * body); `tenant` needs an API key and gets the tenant context (`c.get('tenant')`).
 */
export type RouteDefinition = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** hono syntax (`/contracts/:id`). */
  path: string;
  access: 'public' | 'marketplace' | 'tenant';
  /**
   * On `tenant` routes about one contract (`:id`): that contract is read in the same statement as the API key, and a
   * handler finds it with `loadContract` without another round trip to the database.
   */
  readsContract?: boolean;
  /**
   * The route builds its `Response` itself, with plain headers and the `X-Request-Id` among them, instead of answering
   * through the context (which gets the request id header from the route's wrapper, see `createApp`).
   */
  ownResponse?: boolean;
  handle: (c: Context<AppEnv>, services: AppServices) => Response | Promise<Response>;
};

/** Where the contracts API lives; the SDK's route table and OpenAPI document are relative to it. */
export const API_BASE_PATH = '/api/v1';

/** The SDK's `{id}` path parameters in hono's `:id` syntax, so the SDK's route table can be registered as is. */
export function honoPath(openApiPath: string): string {
  return openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}
