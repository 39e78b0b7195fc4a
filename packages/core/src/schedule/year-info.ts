import { daysFromCivil, isLeapYear, weekdayOfDays } from '../time/civil.js';

/**
 * Per-year lookup tables for the expansion, indexed by day of the year (0 = 1 January). Each mask runs 7 days into
 * the next year, because a week that starts in late December is expanded as one period.
 */
export type YearInfo = {
  year: number;
  yearLength: number;
  nextYearLength: number;
  /** Days since 1970-01-01 of 1 January. */
  firstDay: number;
  /** Weekday of 1 January, 0 = Monday. */
  firstWeekday: number;
  /** Month (1–12) of each day. */
  month: Uint8Array;
  /** Day of the month (1–31) of each day. */
  monthDay: Uint8Array;
  /** Negative day of the month (−1 = the month's last day), stored as a positive number: 1 = last. */
  monthDayFromEnd: Uint8Array;
  /** Weekday (0 = Monday) of each day. */
  weekday: Uint8Array;
  /** `monthStart[m - 1]` is the index of the month's first day; `monthStart[12]` is the year's length. */
  monthStart: Int32Array;
};

const cache = new Map<number, YearInfo>();

function build(year: number): YearInfo {
  const yearLength = isLeapYear(year) ? 366 : 365;
  const size = yearLength + 7;
  const month = new Uint8Array(size);
  const monthDay = new Uint8Array(size);
  const monthDayFromEnd = new Uint8Array(size);
  const weekday = new Uint8Array(size);
  const monthStart = new Int32Array(13);
  const firstDay = daysFromCivil(year, 1, 1);
  const firstWeekday = weekdayOfDays(firstDay);
  const lengths = [31, yearLength === 366 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let index = 0;
  for (let m = 0; m < 12; m++) {
    monthStart[m] = index;
    const length = lengths[m] as number;
    for (let d = 1; d <= length; d++, index++) {
      month[index] = m + 1;
      monthDay[index] = d;
      monthDayFromEnd[index] = length - d + 1;
    }
  }
  monthStart[12] = yearLength;
  // The week that runs into next January.
  for (let d = 1; d <= 7; d++, index++) {
    month[index] = 1;
    monthDay[index] = d;
    monthDayFromEnd[index] = 31 - d + 1;
  }
  for (let i = 0; i < size; i++) weekday[i] = (firstWeekday + i) % 7;
  return {
    year,
    yearLength,
    nextYearLength: isLeapYear(year + 1) ? 366 : 365,
    firstDay,
    firstWeekday,
    month,
    monthDay,
    monthDayFromEnd,
    weekday,
    monthStart,
  };
}

/** The tables of a year, built once and shared (they depend on the year alone). */
export function yearInfo(year: number): YearInfo {
  let info = cache.get(year);
  if (info === undefined) {
    if (cache.size > 2000) cache.clear();
    info = build(year);
    cache.set(year, info);
  }
  return info;
}
