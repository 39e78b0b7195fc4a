import type { HostClient } from '@contractbeheer/sdk';
import type { Logger } from 'pino';
import type { TenantHosts } from '../hosts/tenant-hosts.js';
import { PowerUpError } from '../power-up-error.js';
import type { Store, Tenant, TenantStore } from '../store/store.js';

/**
 * What every event handler gets (Probot's context is the model): the tenant, a host client already signed in for it,
 * a logger that names the tenant and the event, and the store scoped to the tenant — no handler can reach another
 * tenant's rows. Built in one place, {@link createEventContexts}.
 */
export type EventContext = {
  tenantId: string;
  tenant: Tenant;
  host: HostClient;
  log: Logger;
  store: TenantStore;
  /** The processor's clock: handlers read no other. */
  now: () => Date;
};

export type EventContexts = {
  contextFor(tenantId: string, event: { eventId: string; type: string; attempt: number }): Promise<EventContext>;
};

export function createEventContexts(deps: {
  store: Store;
  hosts: TenantHosts;
  log: Logger;
  now: () => Date;
}): EventContexts {
  return {
    async contextFor(tenantId, event) {
      const tenant = await deps.store.tenants.get(tenantId);
      if (tenant === undefined) {
        throw new PowerUpError('unknown-tenant', `there is no tenant '${tenantId}' any more: it was purged.`, {
          path: ['tenantId'],
        });
      }
      return {
        tenantId,
        tenant,
        host: await deps.hosts.clientFor(tenant),
        log: deps.log.child({ tenantId, eventId: event.eventId, eventType: event.type, attempt: event.attempt }),
        store: deps.store.forTenant(tenantId),
        now: deps.now,
      };
    },
  };
}
