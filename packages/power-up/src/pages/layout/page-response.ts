import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AppEnv } from '../../api/app-env.js';
import type { Tenant } from '../../store/store.js';

/** A fresh nonce per response: the page's `<style>` and any `<script>` carry it, nothing else may run or style. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Who may frame the pages: the origin of the tenant's host (from the install's host base URL), nobody when it is
 * not known. A page framed elsewhere could be overlaid to trick clicks (clickjacking).
 */
export function frameAncestorsFor(tenant: Tenant | undefined): string {
  if (tenant?.hostBaseUrl == null) return "'none'";
  try {
    return new URL(tenant.hostBaseUrl).origin;
  } catch {
    return "'none'";
  }
}

/**
 * The CSP of every page: nothing loads from anywhere; only the nonce's style and script run; forms post back to
 * the power-up only; frames from the tenant's host only.
 */
function contentSecurityPolicy(nonce: string, frameAncestors: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/**
 * The HTML response of a page. The context token travels in the URL, so the page is never cached and sends no
 * referrer (a link out must not carry the token away).
 */
export async function htmlResponse(
  c: Context<AppEnv>,
  page: {
    element: HtmlEscapedString | Promise<HtmlEscapedString>;
    nonce: string;
    status: 200 | 401 | 403 | 404 | 422 | 500;
    frameAncestors: string;
  },
): Promise<Response> {
  const body = `<!doctype html>${String(await page.element)}`;
  return c.body(body, page.status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(page.nonce, page.frameAncestors),
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
}
