/** How the transport waits between attempts. */
export type RetryPolicy = {
  /** Retries after the first attempt (0 = none). */
  maxRetries: number;
  /** The first backoff step; each retry doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the call fails with the value on the error. */
  maxRetryAfterSeconds: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterSeconds: 60,
};

/**
 * Seconds to wait from a `Retry-After` header: a number of seconds or an HTTP date. `undefined` when absent or
 * unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/**
 * The wait before retry number `retry` (0-based): exponential backoff with full jitter (a random point between 0
 * and the step, so many clients do not retry in lockstep), or the server's `Retry-After` when it gave one.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  retryAfterSeconds: number | undefined,
  random: () => number,
): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000;
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  // A jitter source outside [0, 1) (a custom one gone wrong) must not stretch or break the wait: clamp it.
  const point = random();
  return Math.floor((Number.isFinite(point) ? Math.min(1, Math.max(0, point)) : 0.5) * step);
}
