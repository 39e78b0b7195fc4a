import { civilFromDays, daysFromCivil, daysInMonth, formatDate } from './civil.js';

/** Days since 1970-01-01 of a local date `'YYYY-MM-DD'` (already validated). */
export function dayNumber(date: string): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export const dateOf = formatDate;

export function addDays(date: string, days: number): string {
  return formatDate(dayNumber(date) + days);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The same day `months` later; a day past the target month's end becomes its last day (31 Jan + 1 month = 28 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = civilFromDays(dayNumber(date));
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDate(daysFromCivil(year, month, Math.min(d, daysInMonth(year, month))));
}

export type PeriodUnit = 'day' | 'week' | 'month' | 'year';
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
