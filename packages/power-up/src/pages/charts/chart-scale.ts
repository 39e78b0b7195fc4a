/**
 * The arithmetic the server-rendered SVG charts share: local dates ('YYYY-MM-DD') as day numbers, linear scales from
 * a domain onto pixels, and the ticks of a time axis. Pure: no clock, no zone (a local date is a calendar day).
 */

const DAY_MS = 86_400_000;

/** A local date as a whole day number (days since 1970-01-01), so dates can be placed and subtracted exactly. */
export function dayOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The local date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A linear map of [d0, d1] onto [r0, r1]; a zero-width domain maps to the range's start. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value: number) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** One decimal is finer than a screen pixel: it keeps the SVG small and its text stable for tests. */
export const px = (value: number): string => String(Math.round(value * 10) / 10);

/**
 * The ticks of a time axis from `start` to `end`: the first day of each month, quarter or year (whichever gives at
 * most `maxTicks`), as local dates. A span shorter than two months gets its start and end.
 */
export function timeTicks(start: string, end: string, maxTicks = 8): string[] {
  const [y0, m0] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  const [y1, m1] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
  const months = (y1 - y0) * 12 + (m1 - m0);
  const step = [1, 3, 6, 12, 24, 60, 120].find((candidate) => months / candidate <= maxTicks) ?? 120;
  const ticks: string[] = [];
  // From the first month boundary after `start` that is a multiple of the step (a January for yearly steps).
  let index = y0 * 12 + (m0 - 1) + 1;
  while (index % step !== 0) index++;
  for (; index <= y1 * 12 + (m1 - 1); index += step) {
    const year = Math.floor(index / 12);
    ticks.push(`${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`);
  }
  return ticks.length >= 2 ? ticks : [start, end];
}

/** Round money ticks for a y axis from 0 to at least `max` cents: 0 and 3–6 steps of 1, 2 or 5 × 10^n. */
export function amountTicks(max: number): number[] {
  if (max <= 0) return [0];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) ticks.push(value);
  return ticks;
}
