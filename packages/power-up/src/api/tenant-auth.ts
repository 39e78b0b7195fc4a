import type { Context } from 'hono';
import type { Logger } from 'pino';
import { PowerUpError } from '../power-up-error.js';
import type { Store } from '../store/store.js';
import { hashApiKey, looksLikeApiKey } from '../tenants/api-keys.js';
import type { AppEnv } from './app-env.js';
import { requestHeader } from './request-header.js';

const refused = () =>
  new PowerUpError(
    'unauthenticated',
    'send a live API key of an installed tenant: Authorization: Bearer cb_live_… (keys are shown once when issued).',
    { path: ['authorization'] },
  );

/**
 * Resolves `Authorization: Bearer <api key>` to the tenant context (`c.get('tenant')`): the one place a request becomes a tenant's.
 * Unknown, revoked and malformed keys, and keys of an uninstalled tenant, are all refused alike (401), so a caller
 * learns nothing about which keys exist. On a route about one contract, `contractId` names it: the same statement
 * that checks the key reads that contract of the key's tenant.
 */
export function tenantAuth(store: Store): (c: Context<AppEnv>, contractId?: string) => Promise<void> {
  return async (c, contractId) => {
    const match = /^Bearer[ ]+(\S+)$/i.exec(requestHeader(c, 'authorization') ?? '');
    const key = match?.[1];
    if (key === undefined || !looksLikeApiKey(key)) throw refused();
    // One query for key and tenant, or none when the read cache knows them: a revocation or an uninstall drops what
    // it knew, so it holds from the next request on (on another instance, once the database's notification is in).
    const holder = await store.tenants.findApiKeyHolder(
      hashApiKey(key),
      contractId === undefined ? undefined : { contractId },
    );
    if (holder === undefined || holder.tenant.status !== 'installed') throw refused();
    const { tenant } = holder;
    let log: Logger | undefined;
    // Values, not `c`: a tenant context still in flight at two young-generation collections moves to the old
    // generation, and what it points at then stays until a full collection. Through `c` that was the whole request,
    // each time: garbage collection per cached read went from 3 to 15 µs.
    const rootLog = c.get('rootLog');
    const requestId = c.get('requestId');
    c.set('tenant', {
      tenantId: tenant.id,
      tenant,
      store: store.forTenant(tenant.id),
      // Made when first used: most requests log nothing but their request line, and a child of the request's
      // logger (with redaction) costs more than the rest of a simple read's own work.
      get log() {
        log ??= rootLog.child({ requestId, tenantId: tenant.id, apiKeyId: holder.keyId });
        return log;
      },
      actor: `api-key:${holder.keyId}`,
      ...(holder.readAlong !== undefined && { readAlong: holder.readAlong }),
    });
  };
}
