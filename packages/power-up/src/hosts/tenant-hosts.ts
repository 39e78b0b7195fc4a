import { createHostClient, type HostClient } from '@contractbeheer/sdk';
import { PowerUpError } from '../power-up-error.js';
import type { Store, Tenant } from '../store/store.js';
import type { CredentialVault } from '../tenants/credential-vault.js';
import { tenantLifecycle } from '../tenants/tenant-lifecycle.js';

/** The tenant's host (OutSmart) as the SDK's client, signed in with the credentials the marketplace installed. */
export type TenantHosts = {
  clientFor(tenant: Tenant): Promise<HostClient>;
};

export type TenantHostsOptions = {
  store: Store;
  vault: CredentialVault;
  /** Per attempt, in ms (default 10 000): a request waits on the host, so it must not wait long. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
};

/**
 * Host clients per tenant, made on demand from the sealed credentials (nothing is cached: a rotation or an uninstall
 * takes effect on the next request).
 */
export function createTenantHosts(options: TenantHostsOptions): TenantHosts {
  const lifecycle = tenantLifecycle(options.store, options.vault);
  return {
    async clientFor(tenant) {
      const credentials = await lifecycle.credentialsFor(tenant.id);
      if (credentials === undefined || tenant.hostBaseUrl === null) {
        throw new PowerUpError(
          'not-installed',
          'this tenant has no host connection: install the power-up from the marketplace again.',
          { path: ['tenant'] },
        );
      }
      return createHostClient({
        baseUrl: tenant.hostBaseUrl,
        token: credentials.hostTokens.token,
        softwareToken: credentials.hostTokens.softwareToken,
        timeoutMs: options.timeoutMs ?? 10_000,
        ...(options.fetch && { fetch: options.fetch }),
      });
    },
  };
}
