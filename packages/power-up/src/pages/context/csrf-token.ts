import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ContextClaims } from './context-claims.js';

/**
 * The CSRF token of a page's forms: an HMAC of the context (tenant, user, token id) under the tenant's secret. It is
 * bound to the one context the page was opened with, so a token lifted from one session is worthless in another,
 * and nothing needs storing: the form post carries the context and its CSRF token, and both are checked.
 */
export function csrfTokenFor(claims: ContextClaims, secret: string): string {
  return createHmac('sha256', secret)
    .update(`contractbeheer/csrf/v1\n${claims.tenant}\n${claims.user.id}\n${claims.jti}`)
    .digest('base64url');
}

/** Whether `sent` is the CSRF token of this context (compared in constant time). */
export function isCsrfTokenOf(sent: string | undefined, claims: ContextClaims, secret: string): boolean {
  if (sent === undefined) return false;
  const expected = Buffer.from(csrfTokenFor(claims, secret));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
