import type { Context } from 'hono';
import { MARKETPLACE_SIGNATURE_HEADER } from '../tenants/marketplace-signature.js';
import type { MarketplaceRequest } from '../tenants/marketplace.js';
import { purgeableAfter, RETENTION_DAYS } from '../tenants/retention.js';
import type { AppEnv } from './app-env.js';
import type { RouteDefinition } from './route-table.js';
import { requestLog } from './request-observation.js';

/** The raw body, exactly as received: the signature covers these bytes, not a re-serialisation. */
async function signedRequest(c: Context<AppEnv>): Promise<MarketplaceRequest> {
  return { rawBody: await c.req.text(), signatureHeader: c.req.header(MARKETPLACE_SIGNATURE_HEADER) };
}

/** Install, uninstall and credential rotation, signed by the marketplace (see `tenants/marketplace.ts`). */
export const marketplaceRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/marketplace/install',
    access: 'marketplace',
    handle: async (c, { marketplace }) => {
      const result = await marketplace.install(await signedRequest(c));
      requestLog(c).info({ tenantId: result.tenant.id, created: result.created }, 'tenant installed');
      return c.json(
        {
          tenantId: result.tenant.id,
          status: result.tenant.status,
          created: result.created,
          // Shown once: only its hash is stored.
          apiKey: result.apiKey,
        },
        result.created ? 201 : 200,
      );
    },
  },
  {
    method: 'POST',
    path: '/marketplace/uninstall',
    access: 'marketplace',
    handle: async (c, { marketplace }) => {
      const tenant = await marketplace.uninstall(await signedRequest(c));
      requestLog(c).info({ tenantId: tenant.id }, 'tenant uninstalled');
      return c.json({
        tenantId: tenant.id,
        status: tenant.status,
        uninstalledAt: tenant.uninstalledAt,
        retentionDays: RETENTION_DAYS,
        purgeableAfter: tenant.uninstalledAt === null ? null : purgeableAfter(tenant.uninstalledAt).toISOString(),
      });
    },
  },
  {
    method: 'POST',
    path: '/marketplace/rotate',
    access: 'marketplace',
    handle: async (c, { marketplace }) => {
      const tenant = await marketplace.rotate(await signedRequest(c));
      requestLog(c).info({ tenantId: tenant.id }, 'tenant credentials rotated');
      return c.json({ tenantId: tenant.id, rotated: true });
    },
  },
];
