import { UsageError } from './cli-errors.js';

/** Today's date in Amsterdam: the CLI is the one place that reads the clock, and passes it on. */
export function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(Date.now());
}

/** A `YYYY-MM-DD` option value, or a usage error naming the option. */
export function dateOption(option: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--${option} must be a date YYYY-MM-DD, got '${value}'`);
  }
  return value;
}
