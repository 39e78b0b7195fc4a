import { describe, expect, it } from 'vitest';
import type { Generator, TickReport } from './generator.js';
import { createScheduler } from './scheduler.js';

const report = (contracts: number): TickReport => ({
  contracts,
  created: contracts,
  skipped: 0,
  failed: 0,
  lookedUp: 0,
  errors: 0,
  deleted: 0,
});

/** A generator whose ticks last until the test lets them end, counting how many ran at once. */
function slowGenerator() {
  const state = { started: 0, running: 0, mostAtOnce: 0, finishers: [] as (() => void)[] };
  const generator: Generator = {
    async tick() {
      state.started += 1;
      state.running += 1;
      state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
      await new Promise<void>((resolve) => state.finishers.push(resolve));
      state.running -= 1;
      if (state.started === 2) throw new Error('the database went away');
      return report(1);
    },
    runUntilIdle: async () => report(0),
  };
  return { generator, state };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
};

describe('createScheduler', () => {
  it('ticks at once and again after each pause, never two at once, through a failing tick', async () => {
    const { generator, state } = slowGenerator();
    const ticks: TickReport[] = [];
    const scheduler = createScheduler({ generator, intervalMs: 5, onTick: (r) => ticks.push(r) });
    scheduler.start();
    scheduler.start();
    await until(() => state.started === 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // The first tick still runs: no second one started beside it.
    expect(state.started).toBe(1);
    state.finishers.shift()!();
    await until(() => state.started === 2);
    state.finishers.shift()!(); // this one throws: logged, and the timer goes on
    await until(() => state.started === 3);
    expect(state.mostAtOnce).toBe(1);
    expect(ticks).toEqual([report(1)]);

    // stop() waits for the running tick, and nothing starts afterwards.
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(false);
    state.finishers.shift()!();
    await stopping;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(state.started).toBe(3);
    await scheduler.stop();
  });

  it('refuses an interval that is not a whole number of milliseconds', () => {
    const { generator } = slowGenerator();
    expect(() => createScheduler({ generator, intervalMs: 0 })).toThrow(/intervalMs/);
    expect(() => createScheduler({ generator, intervalMs: 1.5 })).toThrow(/intervalMs/);
  });
});
