import { CoreError, echo } from '../errors.js';
import { daysFromCivil } from './civil.js';

/**
 * The dates the engine supports: 0001-01-01 through 9999-12-31, the range of Python's `datetime.date`, SQL Server's
 * `date` and .NET's `DateTime`. Inside it every date is written with exactly four year digits, so comparing the
 * texts `'YYYY-MM-DD'` compares the dates; past it a year needs a fifth digit (or a sign) and that breaks. A date or
 * a computed date outside the range throws a `CoreError` with code `date-out-of-range`.
 *
 * `'9999-12-31'` itself is a valid date (a common "open-ended" placeholder); only arithmetic that would step past it
 * is refused.
 */
export const MIN_DATE = '0001-01-01';
/** The last supported date; see {@link MIN_DATE}. */
export const MAX_DATE = '9999-12-31';

/** Day numbers (days since 1970-01-01) of {@link MIN_DATE} and {@link MAX_DATE}. */
export const MIN_DAY = daysFromCivil(1, 1, 1);
export const MAX_DAY = daysFromCivil(9999, 12, 31);

/** Whether a day number lies in the supported range. */
export function inDateRange(day: number): boolean {
  return day >= MIN_DAY && day <= MAX_DAY;
}

/** The error for a date (or a date computed from it) outside the supported range. */
export function dateOutOfRange(what: string, path: readonly (string | number)[], value?: unknown): CoreError {
  const shown = value === undefined ? '' : ` (${echo(value)})`;
  return new CoreError(
    'date-out-of-range',
    `${what}${shown} falls outside the supported dates ${MIN_DATE} – ${MAX_DATE}: use a date inside that range.`,
    { path },
  );
}
