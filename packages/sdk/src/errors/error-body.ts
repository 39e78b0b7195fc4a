/** What an error body says: the contracts API's `{ error: { code, message, path } }`, or a plain `{ message }`. */
export type ErrorBodyDetail = {
  /** `: path: message`, appended to the SDK's own message for people reading it in a log. */
  detail: string;
  code: string | undefined;
  path: readonly (string | number)[];
};

/** Reads the server's explanation from any parsed body, hostile ones included: it never throws. */
export function readErrorBody(body: unknown): ErrorBodyDetail {
  const none: ErrorBodyDetail = { detail: '', code: undefined, path: [] };
  if (typeof body !== 'object' || body === null) return none;
  const nested = (body as { error?: unknown }).error;
  const source =
    typeof nested === 'object' && nested !== null
      ? (nested as Record<string, unknown>)
      : (body as Record<string, unknown>);
  const code = typeof source.code === 'string' ? source.code : undefined;
  // Only strings and numbers make a path: `join` of a parsed `{"toString": 1}` would throw.
  const path = Array.isArray(source.path)
    ? source.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
    : [];
  if (typeof source.message !== 'string') return { ...none, code, path };
  const prefix = path.length > 0 ? `${path.join('.')}: ` : '';
  return { detail: `: ${prefix}${source.message}`, code, path };
}
