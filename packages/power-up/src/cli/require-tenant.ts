import { PowerUpError } from '../power-up-error.js';
import type { Store } from '../store/store.js';

/** An unknown tenant is named as such, before a repository reports a missing row in its own words. */
export async function requireTenant(store: Store, tenantId: string): Promise<void> {
  if ((await store.tenants.get(tenantId)) === undefined) {
    throw new PowerUpError('not-found', `there is no tenant '${tenantId}': see \`contractbeheer tenants list\`.`, {
      path: ['--tenant'],
    });
  }
}
