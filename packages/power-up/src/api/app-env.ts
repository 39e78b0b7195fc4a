import type { HttpBindings } from '@hono/node-server';
import type { Logger } from 'pino';
import type { StoredContract, Tenant, TenantStore } from '../store/store.js';

/**
 * The per-tenant context every authenticated route works with, built once by the auth middleware: the tenant, its
 * scoped store (no query through it can reach another tenant) and a logger that names the tenant and the key.
 */
export type TenantContext = {
  tenantId: string;
  tenant: Tenant;
  store: TenantStore;
  log: Logger;
  /** Who the audit trail names for changes made with this key. */
  actor: string;
  /** On routes that read their contract along with the key: that contract as it stood then (see `loadContract`). */
  readAlong?: { contractId: string; contract: StoredContract | undefined };
};

/** What the middleware puts on each request; served by @hono/node-server, Node's request and response too. */
export type AppEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    requestId: string;
    /** The request's logger once made: ask `requestLog(c)`, which makes it. */
    log: Logger | undefined;
    /** The service's logger, which `requestLog` makes the request's from. */
    rootLog: Logger;
    /** The matched route's path from the route table, for metrics and logs; unset when no route matched. */
    route: string;
    /** Set on routes with `access: 'tenant'` only. */
    tenant: TenantContext;
  };
};
