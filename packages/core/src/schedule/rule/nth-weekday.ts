import { Freq } from '../rrule-parse.js';
import type { YearInfo } from '../year-info.js';

// Ordinal weekdays (BYDAY=1MO, -1FR) of a month or a year, RFC 5545 §3.3.10.

/**
 * Days that are the nth given weekday of the period: of the month, or of the year (or of each BYMONTH month); with
 * `plain`, also every day of those weekdays (BYDAY=1MO,FR: each entry selects on its own, RFC 5545 §3.3.10).
 */
export function nthWeekdayMask(
  info: YearInfo,
  entries: { weekday: number; nth: number }[],
  plain: Uint8Array | null,
  freq: number,
  byMonth: Uint8Array | null,
  month: number,
): Uint8Array {
  const ranges: [number, number][] = [];
  if (freq === Freq.Yearly) {
    if (byMonth !== null) {
      for (let m = 1; m <= 12; m++) {
        if (byMonth[m]) ranges.push([info.monthStart[m - 1] as number, info.monthStart[m] as number]);
      }
    } else {
      ranges.push([0, info.yearLength]);
    }
  } else {
    ranges.push([info.monthStart[month - 1] as number, info.monthStart[month] as number]);
  }
  const result = new Uint8Array(info.yearLength + 7);
  for (const [first, end] of ranges) {
    if (plain !== null) {
      for (let i = first; i < end; i++) if (plain[info.weekday[i] as number] === 1) result[i] = 1;
    }
    for (const { weekday, nth } of entries) {
      const index = nthWeekdayIndex(info, first, end, weekday, nth);
      if (index >= 0) result[index] = 1;
    }
  }
  return result;
}

/** Day index of the nth (negative: from the end) given weekday in [first, end), or −1 if there is none. */
export function nthWeekdayIndex(info: YearInfo, first: number, end: number, weekday: number, nth: number): number {
  const last = end - 1;
  let i: number;
  if (nth < 0) {
    i = last + (nth + 1) * 7;
    if (i < first) return -1;
    i -= ((info.weekday[i] as number) - weekday + 7) % 7;
  } else {
    i = first + (nth - 1) * 7;
    if (i > last) return -1;
    i += (7 - (info.weekday[i] as number) + weekday) % 7;
  }
  return i >= first && i <= last ? i : -1;
}
