import { civilFromDays, daysFromCivil, daysInMonth, formatDate } from './civil.js';
import { dateOutOfRange, inDateRange } from './date-range.js';

// Every function here that computes a date refuses to leave the supported range (see date-range.ts): a year 10000
// would be written with five digits and then compare wrongly as text, which is how loops over dates never ended.

/** Days since 1970-01-01 of a local date `'YYYY-MM-DD'` (already validated). */
export function dayNumber(date: string): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function addDays(date: string, days: number): string {
  const day = dayNumber(date) + days;
  if (!inDateRange(day)) throw dateOutOfRange(`${date} ${days < 0 ? '−' : '+'} ${Math.abs(days)} days`, []);
  return formatDate(day);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The same day `months` later; a day past the target month's end becomes its last day (31 Jan + 1 month = 28 Feb). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = civilFromDays(dayNumber(date));
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = daysFromCivil(year, month, Math.min(d, daysInMonth(year, month)));
  if (!inDateRange(day)) throw dateOutOfRange(`${date} ${months < 0 ? '−' : '+'} ${Math.abs(months)} months`, []);
  return formatDate(day);
}

type PeriodUnit = 'day' | 'week' | 'month' | 'year';
export type Duration = { count: number; unit: PeriodUnit };

/** `date` moved by a duration (negative counts go back). */
export function addDuration(date: string, { count, unit }: Duration): string {
  switch (unit) {
    case 'day':
      return addDays(date, count);
    case 'week':
      return addDays(date, count * 7);
    case 'month':
      return addMonths(date, count);
    case 'year':
      return addMonths(date, count * 12);
  }
}

/**
 * The last day of a period of `duration` starting on `start`: 1 January + 1 year ends on 31 December; 31 January
 * + 1 month ends on 27 February (the day before 28 February, where the next period starts).
 */
export function periodEnd(start: string, duration: Duration): string {
  return addDays(addDuration(start, duration), -1);
}

/**
 * The start of the period holding `target`, for back-to-back periods of `duration` from `first` (each starting the
 * day after the previous one ends), and how many periods lie before it: `{ start: first, steps: 0 }` when `target`
 * is in the first period or before it. Found by arithmetic, so a contract renewed daily since year 0001 costs no
 * more than one renewed once.
 */
export function periodStartHolding(
  first: string,
  duration: Duration,
  target: string,
): { start: string; steps: number } {
  if (target < first) return { start: first, steps: 0 };
  if (duration.unit === 'day' || duration.unit === 'week') {
    const length = duration.count * (duration.unit === 'week' ? 7 : 1);
    const steps = Math.floor(daysBetween(first, target) / length);
    return { start: addDays(first, steps * length), steps };
  }
  const months = duration.count * (duration.unit === 'year' ? 12 : 1);
  let start = first;
  let steps = 0;
  // Chained periods clamp: 31 January + 1 month starts the next on 28 February, and every later one on the 28th.
  // The day only changes while it is above 28, and then within a few hundred steps (a 29 February start with 4-year
  // periods clamps by the next century at the latest); walk those steps, then jump.
  for (let i = 0; i < 400 && Number(start.slice(8, 10)) > 28; i++) {
    const next = addMonths(start, months);
    if (next > target) return { start, steps };
    start = next;
    steps++;
  }
  const [y0, m0] = civilFromDays(dayNumber(start));
  const [yt, mt] = civilFromDays(dayNumber(target));
  let jump = Math.floor((yt * 12 + mt - (y0 * 12 + m0)) / months);
  let candidate = addMonths(start, jump * months);
  if (candidate > target) candidate = addMonths(start, --jump * months);
  return { start: candidate, steps: steps + jump };
}
