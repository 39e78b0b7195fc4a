import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.js';
import { bodySizeLimit } from './body-size-limit.js';
import { CONTRACTS_HANDLERS } from './contracts/contracts-handlers.js';
import { operationRoutes } from './contracts/operation-routes.js';
import { errorResponse } from './error-response.js';
import { eventRoutes } from './event-routes.js';
import { healthRoutes } from './health-routes.js';
import { marketplaceRoutes } from './marketplace-routes.js';
import { answerRequestId, observeRequests, requestLog } from './request-observation.js';
import type { AppServices, RouteDefinition } from './route-table.js';
import { tenantAuth } from './tenant-auth.js';
import { tenantRoutes } from './tenant-routes.js';

/**
 * Every route the service serves, in one table: the contracts API is the SDK's route table with a handler per
 * operation (building it throws when a table route has none, so the service cannot start without serving it).
 */
const ROUTES: readonly RouteDefinition[] = [
  ...healthRoutes,
  ...marketplaceRoutes,
  ...tenantRoutes,
  ...eventRoutes,
  ...operationRoutes(CONTRACTS_HANDLERS),
];

const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export type AppOptions = {
  log: Logger;
  bodyLimitBytes?: number;
  routes?: readonly RouteDefinition[];
  /** Served besides the routes: the extension pages and their manifest, built by the composition root (`pages/`). */
  pages?: readonly RouteDefinition[];
};

/**
 * The hono app: request id, request logging and metrics, body size limit, one error mapping, then the routes from
 * the table, each behind the access it declares.
 */
export function createApp(services: AppServices, options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const maxSize = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;

  app.use(observeRequests(options.log, services.metrics));
  app.use(bodySizeLimit(maxSize));

  app.onError((error, c) => {
    const requestId = c.get('requestId');
    const { status, body, expected, retryAfterSeconds, hostFailure } = errorResponse(error, requestId);
    const log = requestId === undefined ? options.log : requestLog(c);
    // The tenant's host is down or answers nonsense: the operator may need to know even though the request was fine.
    if (hostFailure !== undefined) log.warn({ code: body.error.code, status, host: hostFailure }, body.error.message);
    // The field travels apart from the message (as in the body), so the log line carries it as its own property.
    else if (expected) log.info({ code: body.error.code, path: body.error.path, status }, body.error.message);
    else log.error({ err: error }, 'unexpected error');
    if (requestId !== undefined) answerRequestId(c);
    if (status === 401 && body.error.code === 'unauthenticated') c.header('WWW-Authenticate', 'Bearer');
    if (retryAfterSeconds !== undefined) c.header('Retry-After', String(Math.ceil(retryAfterSeconds)));
    return c.json(body, status);
  });
  app.notFound((c) => {
    answerRequestId(c);
    return c.json(
      { error: { code: 'not-found', message: `no route ${c.req.method} ${c.req.path}: see /openapi.json.`, path: [] } },
      404,
    );
  });

  const auth = tenantAuth(services.store);
  for (const route of [...(options.routes ?? ROUTES), ...(options.pages ?? [])]) {
    // One handler per route (a layer less for every request): it names the route for the log line and metrics,
    // resolves the tenant on tenant routes, then answers.
    const answeredThroughContext = route.ownResponse !== true;
    app.on(route.method, route.path, async (c) => {
      c.set('route', route.path);
      if (answeredThroughContext) answerRequestId(c);
      if (route.access === 'tenant') await auth(c, route.readsContract === true ? c.req.param('id') : undefined);
      return route.handle(c, services);
    });
  }
  return app;
}
