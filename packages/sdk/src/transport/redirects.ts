import { redactText } from '../errors/redact.js';

/**
 * Whether an answer asks the client to go elsewhere (fetch follows such answers by default). With
 * `redirect: 'manual'`, Node shows the 3xx itself; a browser shows an opaque answer with status 0.
 */
export function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) || response.type === 'opaqueredirect';
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * A redirect's `Location`, fit for a message: resolved against the request, without user info, with credential
 * query parameters and this client's secrets removed. The SDK never follows a redirect: fetch would send the body
 * (307/308) and the query-string tokens to wherever it points, and its answer would pass for the host's.
 */
export function describeLocation(location: string | null, requestUrl: string, secrets: readonly string[]): string {
  if (location === null || location.trim() === '') return '(no Location header)';
  let resolved: URL;
  try {
    resolved = new URL(location, requestUrl);
  } catch {
    return redactText(location.replace(/\/\/[^/@\s]*@/, '//'), secrets).slice(0, 300);
  }
  resolved.username = '';
  resolved.password = '';
  return redactText(resolved.toString(), secrets).slice(0, 300);
}
