import { INTL_TAG, type Locale } from './locale.js';

/**
 * Formatting for the pages, per locale, with `Intl` only (no arithmetic on dates here: core computes the dates).
 * Dates are ISO dates (`2026-03-01`, a calendar day, no zone) or instants shown in an explicit zone (the tenant's);
 * money is integer cents. Formatters are cached: building an `Intl` object costs far more than using one.
 */
export type Formatter = {
  /** `1 mrt 2026` / `1 Mar 2026`. */
  date(isoDate: string): string;
  /** `1 mrt 2026 14:30` / `1 Mar 2026, 14:30`, in the zone. */
  dateTime(instant: string, zone: string): string;
  /** `€ 1.234,56` / `€1,234.56`. */
  money(cents: number, currency?: string): string;
  /** `85%`. */
  percent(fraction: number): string;
  /** `1.234` / `1,234`. */
  number(value: number): string;
};

function cached<T>(make: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}

function createFormatter(locale: Locale): Formatter {
  const tag = INTL_TAG[locale];
  // A calendar day is formatted as that day at UTC midnight, in UTC: no zone can move it to the day before.
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const instantIn = cached(
    (zone) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }),
  );
  const money = cached((currency) => new Intl.NumberFormat(tag, { style: 'currency', currency }));
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(tag);
  return {
    date: (isoDate) => day.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    dateTime: (instant, zone) => instantIn(zone).format(new Date(instant)),
    money: (cents, currency = 'EUR') => money(currency).format(cents / 100),
    percent: (fraction) => percent.format(fraction),
    number: (value) => number.format(value),
  };
}

const FORMATTERS: Record<Locale, Formatter> = { nl: createFormatter('nl'), en: createFormatter('en') };

/** The formatter for a locale. */
export function formatterFor(locale: Locale): Formatter {
  return FORMATTERS[locale];
}
