/** How often and how patiently a create is retried before its row becomes `failed`. */
export type RetryPolicy = {
  /** Creates started per occurrence before giving up (≥ 1). */
  maxAttempts: number;
  /** The wait after the first failed attempt; it doubles with every further attempt, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/** The wait after attempt number `attempts` (1-based) before the row may be looked up and retried. */
export function backoffDelayMs(policy: RetryPolicy, attempts: number): number {
  if (attempts <= 0) return 0;
  // 2^(attempts−1), capped before it can overflow: 2^30 × any sane base is far past maxDelayMs already.
  const factor = 2 ** Math.min(attempts - 1, 30);
  return Math.min(policy.baseDelayMs * factor, policy.maxDelayMs);
}
