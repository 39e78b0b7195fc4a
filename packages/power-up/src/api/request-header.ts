import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * A request header by its lower-case name. Served by @hono/node-server, the request's Node message is at hand
 * (`c.env.incoming`) with its headers already parsed into a plain object; `c.req.header` would instead build a fetch
 * `Headers` from all of them (each name and value checked and copied) on a request's first look — a cost as large as
 * the rest of a cached read's own work. Without Node's message (`app.request` in a test, another runtime), hono's own.
 *
 * Node keeps the first of a repeated `Authorization` or `Content-Length` and joins other repeats with ", ", as fetch
 * does (a repeated `Content-Length` that differs never gets here: Node's parser refuses the request).
 */
export function requestHeader(c: Context<AppEnv>, name: Lowercase<string>): string | undefined {
  const incoming = c.env?.incoming;
  if (incoming === undefined) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
