import { performance } from 'node:perf_hooks';

/** Runs `work` once to warm up, then `rounds` times; returns the durations in ms. */
export function timeRounds(work, rounds) {
  work();
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const perSecond = (count, ms) => (count * 1000) / ms;

/** `a / b` as a factor: whole above 10, one decimal above 1, two significant digits below. */
export function ratio(a, b) {
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toPrecision(2)}×`;
}

export function formatRate(rate) {
  return rate >= 1e6
    ? `${(rate / 1e6).toFixed(2)}M/s`
    : rate >= 1e3
      ? `${(rate / 1e3).toFixed(1)}k/s`
      : `${rate.toFixed(0)}/s`;
}
