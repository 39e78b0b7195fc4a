import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { PowerUpError } from '../power-up-error.js';
import type { Store } from '../store/store.js';
import type { Marketplace } from '../tenants/marketplace.js';
import { createApp } from './create-app.js';
import { healthRoutes } from './health-routes.js';
import { createHttpMetrics } from './http-metrics.js';
import type { AppServices, RouteDefinition } from './route-table.js';

function appWith(store: Partial<Store>, routes: RouteDefinition[] = healthRoutes) {
  const logs: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const services: AppServices = {
    store: store as Store,
    marketplace: {} as Marketplace,
    hosts: { clientFor: () => Promise.reject(new Error('no host in this test')) },
    metrics: createHttpMetrics(),
    webhooks: { receive: () => Promise.reject(new Error('no webhooks in this test')) },
    now: () => new Date('2026-01-15T09:00:00Z'),
    openApiDocument: {},
  };
  return { app: createApp(services, { log, routes }), logs };
}

describe('the app skeleton', () => {
  it('answers /readyz with 503 while the database does not answer, and /healthz with 200 all the same', async () => {
    const { app } = appWith({ ping: () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:5432')) });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      error: { code: 'not-ready', message: 'the database does not answer yet: retry shortly.', path: [] },
    });
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('turns an unexpected error into a 500 naming the request id, and logs the error itself', async () => {
    const failing: RouteDefinition = {
      method: 'GET',
      path: '/boom',
      access: 'public',
      handle: () => {
        throw new Error('relation "contracts" does not exist');
      },
    };
    const { app, logs } = appWith({}, [failing]);
    const response = await app.request('/boom', { headers: { 'x-request-id': 'req-7' } });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toMatch(/req-7/);
    expect(JSON.stringify(body)).not.toContain('relation');
    expect(logs).toContainEqual(
      expect.objectContaining({
        requestId: 'req-7',
        msg: 'unexpected error',
        err: expect.objectContaining({ message: 'relation "contracts" does not exist' }),
      }),
    );
    expect(logs).toContainEqual(expect.objectContaining({ route: '/boom', status: 500 }));
  });

  it('answers an expected error with its code, message and path, and logs the path apart from the message', async () => {
    const refusing: RouteDefinition = {
      method: 'GET',
      path: '/page',
      access: 'public',
      handle: () => {
        throw new PowerUpError('invalid-input', 'must be a whole number from 1 to 200.', { path: ['limit'] });
      },
    };
    const { app, logs } = appWith({}, [refusing]);
    const response = await app.request('/page');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'invalid-input', message: 'must be a whole number from 1 to 200.', path: ['limit'] },
    });
    expect(logs).toContainEqual(
      expect.objectContaining({ code: 'invalid-input', path: ['limit'], msg: 'must be a whole number from 1 to 200.' }),
    );
  });

  it('refuses a tenant route without a key before the handler runs', async () => {
    let ran = false;
    const guarded: RouteDefinition = {
      method: 'GET',
      path: '/api/v1/secret',
      access: 'tenant',
      handle: (c) => {
        ran = true;
        return c.json({});
      },
    };
    const { app } = appWith({}, [guarded]);
    expect((await app.request('/api/v1/secret')).status).toBe(401);
    expect(ran).toBe(false);
  });
});
