import * as z from 'zod';
import { PowerUpError } from '../power-up-error.js';
import type { ChangeMeta, Store, Tenant } from '../store/store.js';
import { issueApiKey } from './api-keys.js';
import type { CredentialVault } from './credential-vault.js';
import type { InstallRequest, RotateRequest, UninstallRequest } from './marketplace-requests.js';
import { purgeableAfter } from './retention.js';

/** What the vault seals for a tenant: everything that lets the power-up act on the tenant's host. */
export type HostCredentials = {
  hostTokens: { token: string; softwareToken: string };
  webhookSecret: string;
  /**
   * Secrets replaced by a rotation, each still accepted until `until` (an ISO instant): deliveries the host signed
   * just before it switched are still in flight, and a refusal would make it retry them for nothing.
   */
  previousWebhookSecrets?: { secret: string; until: string }[];
};

const hostCredentialsSchema = z.object({
  hostTokens: z.object({ token: z.string(), softwareToken: z.string() }),
  webhookSecret: z.string(),
  previousWebhookSecrets: z.array(z.object({ secret: z.string(), until: z.string() })).optional(),
});

/** How long a replaced webhook secret is still accepted after a rotation. */
const WEBHOOK_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/** The webhook secrets a delivery may be signed with at `now`: the current one, and those still in their grace. */
export function webhookSecretsAt(credentials: HostCredentials, now: Date): string[] {
  const previous = (credentials.previousWebhookSecrets ?? []).filter(
    (entry) => Date.parse(entry.until) > now.getTime(),
  );
  return [credentials.webhookSecret, ...previous.map((entry) => entry.secret)];
}

/** Additional authenticated data: binds a sealed record to its tenant. */
const context = (tenantId: string) => `contractbeheer/credentials/v1/tenant:${tenantId}`;

export type InstallResult = {
  tenant: Tenant;
  /** `true` on a first install, `false` when the tenant existed (installed again, or the same install repeated). */
  created: boolean;
  /**
   * A new API key for the contracts API, shown once: on a first install and on an install after an uninstall
   * (which revoked the keys). `null` when the tenant was already installed: its keys still work.
   */
  apiKey: string | null;
};

/**
 * The install lifecycle on a store (pass the transaction's store so a refused request writes nothing): install,
 * uninstall, credential rotation, reading credentials, re-sealing under the current key, purging after retention.
 */
export function tenantLifecycle(store: Store, vault: CredentialVault) {
  async function sealFor(tenantId: string, credentials: HostCredentials, meta: ChangeMeta) {
    await store.forTenant(tenantId).credentials.put(vault.seal(JSON.stringify(credentials), context(tenantId)), meta);
  }

  async function credentialsFor(tenantId: string): Promise<HostCredentials | undefined> {
    const stored = await store.forTenant(tenantId).credentials.get();
    if (stored === undefined) return undefined;
    return hostCredentialsSchema.parse(JSON.parse(vault.open(stored.sealed, context(tenantId))));
  }

  return {
    credentialsFor,

    /** Idempotent: installing an installed tenant again replaces its name, host URL and credentials. */
    async install(request: InstallRequest, meta: ChangeMeta): Promise<InstallResult> {
      let existing = await store.tenants.get(request.tenantId);
      let tenant: Tenant | undefined;
      if (existing === undefined) {
        try {
          tenant = await store.tenants.create(
            { id: request.tenantId, name: request.tenantName, hostBaseUrl: request.hostBaseUrl },
            meta,
          );
        } catch (error) {
          // Two installs of one new tenant at once (on PostgreSQL): the loser installs over the winner's row.
          if (!(error instanceof PowerUpError && error.code === 'already-exists')) throw error;
          existing = await store.tenants.get(request.tenantId);
        }
      }
      tenant ??= await store.tenants.setInstallState(
        request.tenantId,
        { status: 'installed', name: request.tenantName, hostBaseUrl: request.hostBaseUrl },
        meta,
      );
      await sealFor(request.tenantId, { hostTokens: request.hostTokens, webhookSecret: request.webhookSecret }, meta);
      const needsKey = existing === undefined || existing.status === 'uninstalled';
      const apiKey = needsKey
        ? (await issueApiKey(store.forTenant(request.tenantId), 'marketplace install', meta)).key
        : null;
      return { tenant, created: existing === undefined, apiKey };
    },

    /**
     * Deletes the credentials, revokes every API key and marks the tenant uninstalled; its data stays for the
     * retention period (see `retention.ts`). Uninstalling an uninstalled tenant changes nothing.
     */
    async uninstall(request: UninstallRequest, meta: ChangeMeta): Promise<Tenant> {
      const tenantStore = store.forTenant(request.tenantId);
      const tenant = await store.tenants.setInstallState(request.tenantId, { status: 'uninstalled' }, meta);
      await tenantStore.credentials.delete(meta);
      await tenantStore.apiKeys.revokeAll(meta);
      return tenant;
    },

    /** Replaces the host tokens and/or the webhook secret, sealed under the current key. */
    async rotate(request: RotateRequest, meta: ChangeMeta): Promise<Tenant> {
      const tenant = await store.tenants.get(request.tenantId);
      if (tenant === undefined) {
        throw new PowerUpError('not-found', `there is no tenant '${request.tenantId}': install it first.`, {
          path: ['tenantId'],
        });
      }
      if (tenant.status !== 'installed') {
        throw new PowerUpError('not-installed', `tenant '${request.tenantId}' is uninstalled: install it again.`, {
          path: ['tenantId'],
        });
      }
      const current = await credentialsFor(request.tenantId);
      if (current === undefined && (request.hostTokens === undefined || request.webhookSecret === undefined)) {
        throw new PowerUpError(
          'invalid-input',
          'the tenant has no stored credentials to keep: send both hostTokens and webhookSecret.',
          { path: [request.hostTokens === undefined ? 'hostTokens' : 'webhookSecret'] },
        );
      }
      const replaced =
        current !== undefined && request.webhookSecret !== undefined && request.webhookSecret !== current.webhookSecret
          ? [
              {
                secret: current.webhookSecret,
                until: new Date(Date.parse(meta.at) + WEBHOOK_SECRET_GRACE_MS).toISOString(),
              },
            ]
          : [];
      const stillValid = (current?.previousWebhookSecrets ?? []).filter(
        (entry) => Date.parse(entry.until) > Date.parse(meta.at) && entry.secret !== request.webhookSecret,
      );
      const previousWebhookSecrets = [...replaced, ...stillValid];
      await sealFor(
        request.tenantId,
        {
          hostTokens: request.hostTokens ?? current!.hostTokens,
          webhookSecret: request.webhookSecret ?? current!.webhookSecret,
          ...(previousWebhookSecrets.length > 0 && { previousWebhookSecrets }),
        },
        meta,
      );
      return tenant;
    },

    /** Re-seals every record sealed under an older key with the current one; returns how many moved. */
    async reencryptCredentials(meta: ChangeMeta): Promise<number> {
      let moved = 0;
      for (const tenant of await store.tenants.list()) {
        const stored = await store.forTenant(tenant.id).credentials.get();
        if (stored === undefined || !vault.needsReseal(stored.sealed)) continue;
        const plaintext = vault.open(stored.sealed, context(tenant.id));
        await store.forTenant(tenant.id).credentials.put(vault.seal(plaintext, context(tenant.id)), meta);
        moved += 1;
      }
      return moved;
    },

    /** Deletes tenants uninstalled longer than the retention period, with all their data; returns their ids. */
    async purgeExpired(now: Date): Promise<string[]> {
      const purged: string[] = [];
      for (const tenant of await store.tenants.list()) {
        if (tenant.status !== 'uninstalled' || tenant.uninstalledAt === null) continue;
        if (purgeableAfter(tenant.uninstalledAt).getTime() > now.getTime()) continue;
        if (await store.tenants.purge(tenant.id)) purged.push(tenant.id);
      }
      return purged;
    },
  };
}
