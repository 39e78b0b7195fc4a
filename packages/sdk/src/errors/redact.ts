/**
 * A URL with every credential query parameter (`token`, `software_token`, `api_key`, `key_secret`, `secret`) replaced
 * by `***`. Works on absolute and relative URLs and on text that merely contains one.
 */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|software_token|api_key|key_secret|secret)=)[^&#\s]*/gi, '$1***');
}

/**
 * Removes every known secret value from a text, wherever it appears (also URL-encoded), and redacts credential
 * query parameters. Used on every message, log line and serialized error the SDK produces.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = redactUrl(text);
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    const forms = new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
    for (const form of forms) result = result.split(form).join('***');
  }
  return result;
}
