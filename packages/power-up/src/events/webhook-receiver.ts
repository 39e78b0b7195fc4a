import { verifyWebhook } from '@contractbeheer/sdk/webhooks';
import { PowerUpError } from '../power-up-error.js';
import type { Store } from '../store/store.js';
import { webhookSecretsAt, type HostCredentials } from '../tenants/tenant-lifecycle.js';
import { createInboxBatcher } from './inbox-batcher.js';

/**
 * How long a tenant's webhook secrets are reused without reading them again. Short, and only ever to accept: a
 * delivery a remembered secret refuses is checked again against freshly read ones (a rotation works at once); an
 * uninstall is seen within this time. Measured on the monotonic timer: it is a cache's age, not a business time.
 */
const SECRETS_TTL_MS = 1_000;

type WebhookDelivery = {
  /** The body exactly as received: the signature covers these bytes. */
  rawBody: Uint8Array;
  headers: Headers;
};

type ReceivedWebhook = { eventId: string; type: string; duplicate: boolean };

export type WebhookReceiver = {
  /**
   * Verifies a delivery for the tenant and stores its event in the inbox; resolves only once the event is stored
   * (so the 2xx that follows means "kept"), or was stored before (`duplicate`). Throws a `PowerUpError` — and stores
   * nothing — for an unknown or uninstalled tenant, a missing, forged or expired signature, a body that is not an
   * event, or an event addressed to another tenant.
   */
  receive(tenantId: string, delivery: WebhookDelivery): Promise<ReceivedWebhook>;
};

/**
 * The webhook endpoint's logic: verification with the SDK (the tenant's current webhook secret and, after a rotation,
 * the previous one during its grace; the SDK's 5-minute tolerance), then one insert keyed by the event id. It does
 * not act on the event: the processor does, later, through the event registry.
 */
export function createWebhookReceiver(deps: {
  store: Store;
  credentialsFor: (tenantId: string) => Promise<HostCredentials | undefined>;
  now: () => Date;
}): WebhookReceiver {
  const batcher = createInboxBatcher(deps.store, deps.now);
  const remembered = new Map<string, { credentials: HostCredentials; until: number }>();

  async function credentialsOf(tenantId: string): Promise<HostCredentials> {
    const tenant = await deps.store.tenants.get(tenantId);
    if (tenant === undefined) {
      throw new PowerUpError('not-found', `there is no tenant '${tenantId}': check the webhook URL.`, {
        path: ['tenantId'],
      });
    }
    const credentials = tenant.status === 'installed' ? await deps.credentialsFor(tenantId) : undefined;
    if (credentials === undefined) {
      remembered.delete(tenantId);
      throw new PowerUpError('not-installed', `tenant '${tenantId}' is not installed: its webhooks are refused.`, {
        path: ['tenantId'],
      });
    }
    remembered.set(tenantId, { credentials, until: performance.now() + SECRETS_TTL_MS });
    return credentials;
  }

  return {
    async receive(tenantId, delivery) {
      const now = deps.now();
      const verify = (credentials: HostCredentials) =>
        verifyWebhook({
          rawBody: delivery.rawBody,
          headers: delivery.headers,
          secrets: webhookSecretsAt(credentials, now),
          now,
        });
      const cached = remembered.get(tenantId);
      let check =
        cached !== undefined && cached.until > performance.now() ? await verify(cached.credentials) : undefined;
      if (check?.ok !== true) check = await verify(await credentialsOf(tenantId));
      if (!check.ok) {
        if (check.reason === 'malformed-body') {
          throw new PowerUpError('invalid-input', check.message, { path: ['body'] });
        }
        throw new PowerUpError('invalid-signature', check.message, { path: ['signature'] });
      }
      const { event } = check;
      // Signed with this tenant's secret, yet naming another tenant: a mix-up at the sender, never to be applied here.
      if (event.tenantId !== undefined && event.tenantId !== tenantId) {
        throw new PowerUpError(
          'invalid-input',
          `the event is for tenant '${event.tenantId}', not '${tenantId}': send it to that tenant's webhook URL.`,
          { path: ['body', 'tenantId'] },
        );
      }
      const stored = await batcher.receive(tenantId, {
        eventId: event.id,
        type: event.type,
        payload: event,
        source: 'webhook',
      });
      return { eventId: event.id, type: event.type, duplicate: !stored };
    },
  };
}
