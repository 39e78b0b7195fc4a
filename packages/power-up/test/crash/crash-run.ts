import type { GeneratorProcess } from './generator-process.js';
import type { SandboxProcess } from './sandbox-process.js';

/** A small seeded generator (mulberry32), so the kill points repeat from run to run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type CrashRunOptions = {
  sandbox: SandboxProcess;
  /** Starts one generating process (`generate --until-idle` against the shared database). */
  start: () => GeneratorProcess;
  /** How many times to kill it with SIGKILL before letting a run finish. */
  kills: number;
  seed: number;
  /** Work orders the host must receive between a start and its kill: a seeded pick in this range. */
  progressPerKill: [number, number];
  /** Whether every due key is created (read after each finished run); runs repeat until it is or `deadlineMs`. */
  done: () => Promise<boolean>;
  deadlineMs: number;
};

export type CrashRunResult = {
  kills: number;
  runs: number;
  finishedRuns: number;
  /** Wall time of the killing phase and of the runs that finished the work afterwards. */
  killingMs: number;
  finishingMs: number;
};

/**
 * Runs the generator, killing it with SIGKILL at seeded points while it generates: each kill waits until the host
 * received a seeded number of further work orders since the start (so every kill lands mid-generation, whatever the
 * machine's speed), then a seeded 0–40 ms more (so it lands anywhere in the cycle: before a post, during one, between
 * the host's answer and the ledger write). After the last kill, runs to the end — and again (leases of killed
 * processes expire, back-offs end) until `done()` or the deadline.
 */
export async function runWithCrashes(options: CrashRunOptions): Promise<CrashRunResult> {
  const random = seededRandom(options.seed);
  const [least, most] = options.progressPerKill;
  const started = Date.now();
  const deadline = started + options.deadlineMs;
  let kills = 0;
  let runs = 0;
  let finishedRuns = 0;
  const postsSoFar = async () => {
    const tally = await options.sandbox.tally();
    return Object.values(tally.postsByNumber).reduce((sum, posts) => sum + posts, 0);
  };

  while (kills < options.kills && Date.now() < deadline) {
    const target = (await postsSoFar()) + least + Math.floor(random() * (most - least + 1));
    const jitterMs = Math.floor(random() * 40);
    const generator = options.start();
    runs += 1;
    let exited = false;
    void generator.exited.then(() => (exited = true));
    while (!exited && (await postsSoFar()) < target) await sleep(15);
    if (exited) {
      // Idle before the kill point: what is left is leased by a killed process or waits out a back-off (or the
      // work is done). Start another one, as a restarted service would.
      finishedRuns += 1;
      const code = await generator.exited;
      if (code !== 0) throw new Error(`a generating run exited with ${code}:\n${generator.output()}`);
      if (await options.done()) break;
      await sleep(300);
      continue;
    }
    await sleep(jitterMs);
    generator.kill();
    await generator.exited;
    kills += 1;
  }

  const killed = Date.now();
  while (Date.now() < deadline) {
    const generator = options.start();
    runs += 1;
    const code = await generator.exited;
    if (code !== 0) throw new Error(`a generating run exited with ${code}:\n${generator.output()}`);
    finishedRuns += 1;
    if (await options.done()) break;
    await sleep(500);
  }
  return { kills, runs, finishedRuns, killingMs: killed - started, finishingMs: Date.now() - killed };
}
