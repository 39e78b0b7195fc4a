import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PowerUpError } from '../power-up-error.js';
import type { AppEnv } from './app-env.js';
import { requestHeader } from './request-header.js';

/**
 * Refuses (413) a request body larger than `maxSize` bytes. hono's `bodyLimit` looks at `c.req.raw.body` first, which
 * on @hono/node-server turns its light request into a full fetch `Request` for every request — a GET too — and makes
 * the body read afterwards take the slow path through that `Request`. A request without `Transfer-Encoding` has a body
 * only when it states its `Content-Length`, and Node's HTTP parser holds the body to that length, so the header alone
 * decides here (what `bodyLimit` itself does with it); only a chunked body is counted as it streams, by `bodyLimit`.
 */
export function bodySizeLimit(maxSize: number): MiddlewareHandler<AppEnv> {
  const tooLarge = () => {
    throw new PowerUpError('payload-too-large', `the body is larger than ${maxSize} bytes: send less.`, {
      path: ['body'],
    });
  };
  const countStreamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    if (requestHeader(c, 'transfer-encoding') !== undefined) return countStreamed(c, next);
    const length = requestHeader(c, 'content-length');
    if (length !== undefined && Number.parseInt(length, 10) > maxSize) tooLarge();
    await next();
  };
}
