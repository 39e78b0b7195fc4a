/** Faults the sandbox injects, to test retries and exactly-once behaviour. All off by default. */
export type SandboxFaults = {
  /** Added to every answer, in ms. */
  latencyMs: number;
  /** Share of requests (0–1) answered with HTTP 503 before anything happens. */
  serverErrorRate: number;
  /** Every Nth request is answered 429 with `Retry-After` (0 = never). */
  rateLimitEvery: number;
  retryAfterSeconds: number;
  /** Share of requests (0–1) whose effect is committed but whose answer is dropped (the connection is cut). */
  dropAfterCommitRate: number;
};

export const NO_FAULTS: SandboxFaults = {
  latencyMs: 0,
  serverErrorRate: 0,
  rateLimitEvery: 0,
  retryAfterSeconds: 1,
  dropAfterCommitRate: 0,
};

/** A small seeded generator (mulberry32), so a fault scenario repeats exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
