import * as z from 'zod';
import { PowerUpError } from '../power-up-error.js';
import { issueApiKey } from '../tenants/api-keys.js';
import { API_BASE_PATH, type RouteDefinition } from './route-table.js';

const newKeySchema = z.object({ name: z.string().trim().min(1, { error: 'name the key' }).max(100) });

/**
 * The tenant's own account: who the key belongs to, and its API keys. The contracts routes (the SDK's route table)
 * join these in the next slice.
 */
export const tenantRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: `${API_BASE_PATH}/tenant`,
    access: 'tenant',
    handle: (c) => {
      const { tenant } = c.get('tenant');
      return c.json({ id: tenant.id, name: tenant.name, status: tenant.status, hostBaseUrl: tenant.hostBaseUrl });
    },
  },
  {
    method: 'GET',
    path: `${API_BASE_PATH}/api-keys`,
    access: 'tenant',
    handle: async (c) => c.json({ data: await c.get('tenant').store.apiKeys.list() }),
  },
  {
    method: 'POST',
    path: `${API_BASE_PATH}/api-keys`,
    access: 'tenant',
    handle: async (c, { now }) => {
      let json: unknown;
      try {
        json = await c.req.json();
      } catch {
        throw new PowerUpError('invalid-input', 'send a JSON body: { "name": "…" }.', { path: ['body'] });
      }
      const parsed = newKeySchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new PowerUpError('invalid-input', `${issue.message}.`, { path: issue.path.map(String) });
      }
      const tenant = c.get('tenant');
      const { key, apiKey } = await issueApiKey(tenant.store, parsed.data.name, {
        actor: tenant.actor,
        at: now().toISOString(),
      });
      // Shown once: only its hash is stored.
      return c.json({ apiKey, key }, 201);
    },
  },
  {
    method: 'DELETE',
    path: `${API_BASE_PATH}/api-keys/:id`,
    access: 'tenant',
    handle: async (c, { now }) => {
      const tenant = c.get('tenant');
      const revoked = await tenant.store.apiKeys.revoke(c.req.param('id')!, {
        actor: tenant.actor,
        at: now().toISOString(),
      });
      return c.json(revoked);
    },
  },
];
