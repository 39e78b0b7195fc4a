import { contractsApi } from '@contractbeheer/sdk';
import type { Context } from 'hono';
import * as z from 'zod';
import { answerBody } from '../answer-json.js';
import { PowerUpError } from '../../power-up-error.js';
import type { AppEnv, TenantContext } from '../app-env.js';
import { API_BASE_PATH, honoPath, type AppServices, type RouteDefinition } from '../route-table.js';
import { REQUEST_ID_HEADER } from '../request-observation.js';
import { requestHeader } from '../request-header.js';
import { versionFromIfMatch } from './etag.js';
import { parseBody, parseQuery } from './request-input.js';

/** The SDK's route table: the one list of the contracts API's paths, methods and schemas. */
export const CONTRACTS_API_ROUTES = contractsApi.CONTRACTS_API_ROUTES;
export type Operation = (typeof CONTRACTS_API_ROUTES)[number];
export type OperationId = Operation['id'];
type OperationOf<K extends OperationId> = Extract<Operation, { id: K }>;
type BodyOf<R> = R extends { body: infer S extends z.core.$ZodType } ? z.output<S> : undefined;
type QueryOf<R> = R extends { query: infer S extends z.core.$ZodType } ? z.output<S> : undefined;

/** A route without query parameters refuses any, by name, like a route refuses one it does not know. */
const NO_QUERY = z.object({});

/** What a handler gets: the request already authenticated, its body and query checked by the table's schemas. */
type OperationRequest<K extends OperationId> = {
  /** A path parameter (`id`, `code`), decoded. */
  param: (name: string) => string;
  body: BodyOf<OperationOf<K>>;
  query: QueryOf<OperationOf<K>>;
  /** On routes the table marks `ifMatch`: the version the header names; `undefined` for `*`. */
  ifMatch: number | undefined;
  tenant: TenantContext;
  services: AppServices;
  /** The request's context. Not for headers: the answer is built apart from it (`answer`), so `c.header` is lost. */
  c: Context<AppEnv>;
};

/** A handler's answer; the status is the table's unless given. `etag` becomes the `ETag` header. */
type OperationResult = { body?: unknown; etag?: string; status?: number };

type OperationHandler<K extends OperationId> = (request: OperationRequest<K>) => Promise<OperationResult>;

/** One handler per operation id of the table: a route without one is a compile error here, and a startup error. */
export type OperationHandlers = { [K in OperationId]: OperationHandler<K> };

/**
 * The server's routes for the SDK's route table, under `/api/v1`: each route's path and method come from the table,
 * its handler is looked up by the operation id, and its body and query are validated with the table's schemas
 * before the handler runs (a 400 naming the field). Throws when a table route has no handler, so a route added to
 * the SDK cannot go unserved.
 */
export function operationRoutes(
  handlers: Partial<OperationHandlers>,
  routes: readonly Operation[] = CONTRACTS_API_ROUTES,
): RouteDefinition[] {
  const handlerOf = (id: string) =>
    (handlers as Record<string, unknown>)[id] as
      ((request: OperationRequest<OperationId>) => Promise<OperationResult>) | undefined;
  const missing = routes.filter((route) => typeof handlerOf(route.id) !== 'function');
  if (missing.length > 0) {
    throw new Error(
      `the contracts API has no handler for ${missing.map((r) => `${r.id} (${r.method} ${r.path})`).join(', ')}: ` +
        'add one to the handler map.',
    );
  }
  const ids = new Set<string>(routes.map((route) => route.id));
  const unknown = Object.keys(handlers).filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    throw new Error(`handlers for operations the route table does not have: ${unknown.join(', ')}.`);
  }
  return routes.map((route) => {
    const handler = handlerOf(route.id)!;
    const status = 'status' in route ? route.status : 200;
    return {
      method: route.method,
      path: `${API_BASE_PATH}${honoPath(route.path)}`,
      access: 'tenant',
      readsContract: route.path === '/contracts/{id}' || route.path.startsWith('/contracts/{id}/'),
      ownResponse: true,
      handle: async (c, services) => {
        const ifMatch =
          'ifMatch' in route && route.ifMatch ? versionFromIfMatch(requestHeader(c, 'if-match')) : undefined;
        const query = parseQuery('query' in route ? route.query : NO_QUERY, searchParamsOf(c.req.url));
        const body = 'body' in route ? parseBody(route.body, await c.req.text()) : undefined;
        const result = await handler({
          param: (name) => {
            const value = c.req.param(name);
            if (value === undefined || value === '') {
              throw new PowerUpError('invalid-input', `give the ${name} in the path.`, { path: [name] });
            }
            return value;
          },
          body: body,
          query: query,
          ifMatch,
          tenant: c.get('tenant'),
          services,
          c,
        });
        return answer(c, result.status ?? status, result);
      },
    } satisfies RouteDefinition;
  });
}

const NO_SEARCH = new URLSearchParams();

/** The query of a request URL; most have none, and parsing a whole URL for nothing is a cost on every read. */
function searchParamsOf(url: string): URLSearchParams {
  const start = url.indexOf('?');
  return start === -1 ? NO_SEARCH : new URLSearchParams(url.slice(start + 1));
}

/**
 * The handler's answer as a `Response` with plain headers, the request id among them (see `observeRequests`): made
 * through the context, the headers would go through a fetch `Headers` object twice on the way to Node, a cost the
 * size of the rest of a cached read.
 */
function answer(c: Context<AppEnv>, status: number, result: OperationResult): Response {
  const headers: Record<string, string> = { [REQUEST_ID_HEADER]: c.get('requestId') };
  if (result.etag !== undefined) headers.ETag = result.etag;
  if (status === 204) return new Response(null, { status, headers });
  headers['Content-Type'] = 'application/json';
  return new Response(answerBody(result.body), { status, headers });
}
