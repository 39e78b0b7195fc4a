import { seededRandom, type SandboxFaults } from './sandbox-faults.js';

/**
 * Decides, request by request, which fault the sandbox injects. One seeded generator drives every draw, in the same
 * order for every request (503 first, then the dropped answer), so a seed replays a fault scenario exactly.
 */
export class FaultInjector {
  private readonly random: () => number;
  private requestCount = 0;

  /**
   * @param faults the faults in force, read at every request: a test may change them between calls (the sandbox's
   *   public `faults` field) and the next request obeys.
   */
  constructor(
    private readonly faults: () => SandboxFaults,
    seed = 1,
  ) {
    this.random = seededRandom(seed);
  }

  /**
   * Waits the configured latency, then answers 429 or 503 when this request is to fail before it has any effect;
   * `undefined` lets it through.
   */
  async beforeEffect(): Promise<Response | undefined> {
    const count = ++this.requestCount;
    const faults = this.faults();
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.rateLimitEvery > 0 && count % faults.rateLimitEvery === 0) {
      const headers = { 'retry-after': String(faults.retryAfterSeconds) };
      return new Response('Too Many Requests', { status: 429, headers });
    }
    if (faults.serverErrorRate > 0 && this.random() < faults.serverErrorRate) {
      return new Response('Service Unavailable', { status: 503 });
    }
    return undefined;
  }

  /** Whether this request's answer is lost after its effect was committed (the connection is cut). */
  dropAfterCommit(): boolean {
    const { dropAfterCommitRate } = this.faults();
    return dropAfterCommitRate > 0 && this.random() < dropAfterCommitRate;
  }
}
