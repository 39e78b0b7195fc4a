import { describe, expect, it } from 'vitest';
import { FaultInjector } from './fault-injector.js';
import { NO_FAULTS, type SandboxFaults } from './sandbox-faults.js';

const injector = (faults: Partial<SandboxFaults>, seed = 1) =>
  new FaultInjector(() => ({ ...NO_FAULTS, ...faults }), seed);

/** The status each of `n` requests gets before any effect (200 = let through), and whether its answer is dropped. */
async function run(faults: FaultInjector, n: number) {
  const outcomes: string[] = [];
  for (let i = 0; i < n; i++) {
    const refused = await faults.beforeEffect();
    outcomes.push(refused === undefined ? (faults.dropAfterCommit() ? 'drop' : '200') : String(refused.status));
  }
  return outcomes;
}

describe('FaultInjector', () => {
  it('lets every request through and drops no answer when no fault is set', async () => {
    expect(await run(injector({}), 20)).toEqual(Array(20).fill('200'));
  });

  it('answers every Nth request 429 with the configured Retry-After', async () => {
    const faults = injector({ rateLimitEvery: 3, retryAfterSeconds: 7 });
    expect(await run(faults, 6)).toEqual(['200', '200', '429', '200', '200', '429']);
    const refused = await injector({ rateLimitEvery: 1, retryAfterSeconds: 7 }).beforeEffect();
    expect(refused?.headers.get('retry-after')).toBe('7');
  });

  it('answers 503 to every request at rate 1 and drops every answer at drop rate 1', async () => {
    expect(await run(injector({ serverErrorRate: 1 }), 3)).toEqual(['503', '503', '503']);
    expect(await run(injector({ dropAfterCommitRate: 1 }), 3)).toEqual(['drop', 'drop', 'drop']);
  });

  it('replays the same scenario from the same seed, and another from another seed', async () => {
    const mixed = { serverErrorRate: 0.3, dropAfterCommitRate: 0.3 };
    const first = await run(injector(mixed, 7), 40);
    expect(await run(injector(mixed, 7), 40)).toEqual(first);
    expect(await run(injector(mixed, 8), 40)).not.toEqual(first);
    expect(first).toEqual(expect.arrayContaining(['200', '503', 'drop']));
  });

  it('reads the faults at every request, so a change applies to the next one', async () => {
    let current: SandboxFaults = { ...NO_FAULTS, serverErrorRate: 1 };
    const faults = new FaultInjector(() => current);
    expect((await faults.beforeEffect())?.status).toBe(503);
    current = NO_FAULTS;
    expect(await faults.beforeEffect()).toBeUndefined();
  });
});
