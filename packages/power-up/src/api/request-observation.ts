import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.js';
import type { HttpMetrics } from './http-metrics.js';
import { requestHeader } from './request-header.js';

/** Routes whose every request would drown the log (probes, scrapes) log at debug only. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** The header a request id travels in, both ways. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

// A caller's own id is taken when it is a sane token; anything else (too long, odd characters) gets a fresh one.
const CALLER_ID = /^[\w\-=]{1,128}$/;

/**
 * What every request gets first and leaves last, in one middleware: its id (the caller's `X-Request-Id`, or a new
 * one; answered in the same header), a logger carrying that id (`requestLog`), and on the way out its metrics and one
 * log line.
 * One layer rather than three because it runs on every request, and each layer is a closure and a promise more.
 *
 * The id goes out in a header with every answer: `answerRequestId` puts it on the answers made through the context
 * (`c.json`, `c.body`); a route that builds its `Response` itself (the contracts API's, see `operation-routes.ts`)
 * adds it from `c.get('requestId')`. Not here, for all: a header set through the context before the answer exists is
 * a fetch `Headers` object made and checked on every request, for nothing on the API's routes.
 */
export function observeRequests(log: Logger, metrics: HttpMetrics): MiddlewareHandler<AppEnv> {
  // The request line holds only what is set here (id, method, route, status, duration), none of it a secret, so it
  // goes out through a child without redaction: the service's redaction paths cost twice the rest of the line.
  const lines = log.child({}, { redact: [] });
  return async (c, next) => {
    const started = performance.now();
    const callerId = requestHeader(c, 'x-request-id');
    const requestId = callerId !== undefined && CALLER_ID.test(callerId) ? callerId : randomUUID();
    c.set('requestId', requestId);
    c.set('rootLog', log);
    await next();
    const route = c.get('route') ?? 'unmatched';
    const { status } = c.res;
    const seconds = (performance.now() - started) / 1000;
    metrics.observe(c.req.method, route, status, seconds);
    const line = { requestId, method: c.req.method, route, status, durationMs: Math.round(seconds * 1000) };
    if (QUIET_ROUTES.has(route)) lines.debug(line, 'request');
    else lines.info(line, 'request');
  };
}

/** Sends the request's id with the answer the handler is about to make through the context. */
export function answerRequestId(c: Context<AppEnv>): void {
  c.header(REQUEST_ID_HEADER, c.get('requestId'));
}

/**
 * The request's logger: the service's (with its redaction), carrying the request id. Made when first asked for —
 * most requests log nothing but their request line, and a redacting child costs as much as a cached read's own work.
 */
export function requestLog(c: Context<AppEnv>): Logger {
  let log = c.get('log');
  if (log === undefined) {
    log = c.get('rootLog').child({ requestId: c.get('requestId') });
    c.set('log', log);
  }
  return log;
}
