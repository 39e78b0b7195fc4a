/**
 * A run of calendar days `'YYYY-MM-DD'`, both ends included; without `end` it is open-ended. A contract's period and
 * a schedule's anchor are both one.
 */
export type DatePeriod = { start: string; end?: string | undefined };

/**
 * Whether a date lies inside the period, its first and last day included. Dates inside the supported range have four
 * year digits (see `MIN_DATE`), so comparing the texts compares the dates.
 */
export function isInPeriod(date: string, period: DatePeriod): boolean {
  return date >= period.start && (period.end === undefined || date <= period.end);
}

/** The period as messages show it: `'2025-01-01 – 2025-12-31'` or `'2025-01-01 – open-ended'`. */
export function describePeriod(period: DatePeriod): string {
  return `${period.start} – ${period.end ?? 'open-ended'}`;
}
