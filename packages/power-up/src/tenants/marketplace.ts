import type * as z from 'zod';
import { PowerUpError } from '../power-up-error.js';
import type { Store, Tenant } from '../store/store.js';
import type { CredentialVault } from './credential-vault.js';
import {
  installRequestSchema,
  parseMarketplaceBody,
  rotateRequestSchema,
  uninstallRequestSchema,
} from './marketplace-requests.js';
import { MARKETPLACE_TOLERANCE_SECONDS, verifyMarketplaceSignature } from './marketplace-signature.js';
import { tenantLifecycle, type InstallResult } from './tenant-lifecycle.js';

export type MarketplaceRequest = { rawBody: string; signatureHeader: string | undefined };

/** Who the audit trail names for what the marketplace did. */
const ACTOR = 'marketplace';

/**
 * The three signed marketplace calls. Each is checked in this order — signature and timestamp, body, replay —
 * and then applied in one transaction with the request's id, so a refused request writes nothing and a replayed
 * one is refused even within the time tolerance.
 */
export function createMarketplace(deps: { store: Store; vault: CredentialVault; secret: string; now: () => Date }) {
  async function handle<Body, Result>(
    request: MarketplaceRequest,
    schema: z.ZodType<Body>,
    apply: (lifecycle: ReturnType<typeof tenantLifecycle>, body: Body, at: string) => Promise<Result>,
  ): Promise<Result> {
    const now = deps.now();
    const check = await verifyMarketplaceSignature({
      rawBody: request.rawBody,
      header: request.signatureHeader,
      secret: deps.secret,
      nowMs: now.getTime(),
    });
    if (!check.ok) throw new PowerUpError('invalid-signature', check.message, { path: ['signature'] });
    const body = parseMarketplaceBody(schema, request.rawBody);
    const at = now.toISOString();
    return deps.store.transaction(async (tx) => {
      if (!(await tx.tenants.claimRequest(check.requestId, at))) {
        throw new PowerUpError(
          'replayed-request',
          'this signed request was already received: sign every request anew, retries included.',
          { path: ['signature'] },
        );
      }
      return apply(tenantLifecycle(tx, deps.vault), body, at);
    });
  }

  return {
    install: (request: MarketplaceRequest): Promise<InstallResult> =>
      handle(request, installRequestSchema, (lifecycle, body, at) => lifecycle.install(body, { actor: ACTOR, at })),
    uninstall: (request: MarketplaceRequest): Promise<Tenant> =>
      handle(request, uninstallRequestSchema, (lifecycle, body, at) => lifecycle.uninstall(body, { actor: ACTOR, at })),
    rotate: (request: MarketplaceRequest): Promise<Tenant> =>
      handle(request, rotateRequestSchema, (lifecycle, body, at) => lifecycle.rotate(body, { actor: ACTOR, at })),
    /** Drops request ids too old to pass the timestamp check anyway. */
    forgetOldRequests: () =>
      deps.store.tenants.forgetRequestsBefore(
        new Date(deps.now().getTime() - 2 * MARKETPLACE_TOLERANCE_SECONDS * 1000).toISOString(),
      ),
  };
}

export type Marketplace = ReturnType<typeof createMarketplace>;
