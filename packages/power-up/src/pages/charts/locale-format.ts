import { INTL_TAG, type Locale } from '../i18n/locale.js';

/**
 * What the charts format beyond the pages' `Formatter` (`i18n/format.ts`, which they use for days, money and
 * shares): a month for an axis tick, and a whole-currency amount for a money axis. Cached like the formatter's own.
 */
const monthFormats = new Map<Locale, Intl.DateTimeFormat>();

/** 'mrt 2026' / 'Mar 2026': the month of a local date, for axis ticks. */
export function formatMonth(date: string, locale: Locale): string {
  let format = monthFormats.get(locale);
  if (format === undefined) {
    // A calendar day formatted in UTC is the same month in every host zone.
    format = new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: 'UTC', month: 'short', year: 'numeric' });
    monthFormats.set(locale, format);
  }
  return format.format(Date.parse(`${date}T00:00:00Z`));
}

const axisFormats = new Map<string, Intl.NumberFormat>();

/** A whole-currency amount for an axis tick ('€ 1.200'), from cents. */
export function formatAxisAmount(cents: number, currency: string, locale: Locale): string {
  const key = `${locale}:${currency}`;
  let format = axisFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(INTL_TAG[locale], { style: 'currency', currency, maximumFractionDigits: 0 });
    axisFormats.set(key, format);
  }
  return format.format(Math.round(cents / 100));
}
