import { redactText } from './redact.js';

/** The statuses that ask a client to go elsewhere (fetch follows them all by default). */
export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

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
