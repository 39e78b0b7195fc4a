import type { RouteDefinition } from './route-table.js';
import { requestLog } from './request-observation.js';

/** How long the readiness probe waits for the database before it answers "not ready". */
const READY_TIMEOUT_MS = 2_000;

/** Liveness, readiness, metrics and the OpenAPI document: public, no tenant. */
export const healthRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/healthz',
    access: 'public',
    // The process answers: nothing else is checked, so a slow database never gets a healthy process restarted.
    handle: (c) => c.json({ status: 'ok' }),
  },
  {
    method: 'GET',
    path: '/readyz',
    access: 'public',
    handle: async (c, { store }) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      });
      try {
        await Promise.race([store.ping(), timeout]);
        return c.json({ status: 'ready' });
      } catch (error) {
        requestLog(c).warn({ err: error }, 'readiness check failed: the database does not answer');
        return c.json(
          { error: { code: 'not-ready', message: 'the database does not answer yet: retry shortly.', path: [] } },
          503,
        );
      } finally {
        clearTimeout(timer);
      }
    },
  },
  {
    method: 'GET',
    path: '/metrics',
    access: 'public',
    handle: async (c, { metrics }) =>
      c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }),
  },
  {
    method: 'GET',
    path: '/openapi.json',
    access: 'public',
    handle: (c, { openApiDocument }) => c.json(openApiDocument),
  },
];
