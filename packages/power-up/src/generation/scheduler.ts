import { pino, type Logger } from 'pino';
import type { Generator, TickReport } from './generator.js';

export type SchedulerOptions = {
  generator: Generator;
  /** The pause between the end of one tick and the start of the next, in ms (at least 1). */
  intervalMs: number;
  logger?: Logger;
  /** Called after each tick that did anything (the demo's display). */
  onTick?: (report: TickReport) => void;
};

export type Scheduler = {
  /** Runs a tick now, then one `intervalMs` after each tick ends (never two at once). */
  start(): void;
  /** No further ticks; resolves once the running tick, if any, has finished. Safe to call more than once. */
  stop(): Promise<void>;
};

/**
 * Runs the generator on a timer. The pause is counted from the end of a tick, so a slow tick (a host that answers
 * slowly, a large catch-up) is never overlapped by the next one; a tick that throws is logged and the timer goes on.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { generator, intervalMs } = options;
  if (!Number.isSafeInteger(intervalMs) || intervalMs < 1) {
    throw new RangeError('createScheduler: intervalMs must be a whole number of milliseconds, at least 1.');
  }
  const log = options.logger ?? pino({ level: 'silent' });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  const runTick = async () => {
    try {
      const report = await generator.tick();
      if (report.contracts > 0) options.onTick?.(report);
    } catch (error) {
      log.error({ err: error }, 'generation tick failed: trying again at the next interval');
    }
  };

  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      running = runTick().finally(() => {
        running = undefined;
        if (!stopped) schedule(intervalMs);
      });
    }, delayMs);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
