import { formatMoney, type Money } from '@contractbeheer/core';

/** The languages the pages speak, as the signed context names them. */
export type ChartLocale = 'nl' | 'en';

const TAGS: Record<ChartLocale, string> = { nl: 'nl-NL', en: 'en-GB' };

// Intl formatters are costly to build and the charts format hundreds of dates: one per locale and style.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: ChartLocale, style: 'day' | 'month'): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    // A local date is a calendar day: formatted in UTC, it is the same day in every host zone.
    format = new Intl.DateTimeFormat(TAGS[locale], {
      timeZone: 'UTC',
      day: style === 'day' ? 'numeric' : undefined,
      month: 'short',
      year: 'numeric',
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** '1 mrt 2026' / '1 Mar 2026': a local date ('YYYY-MM-DD') for people. */
export function formatDay(date: string, locale: ChartLocale): string {
  return dateFormat(locale, 'day').format(Date.parse(`${date}T00:00:00Z`));
}

/** 'mrt 2026' / 'Mar 2026': the month of a local date, for axis ticks. */
export function formatMonth(date: string, locale: ChartLocale): string {
  return dateFormat(locale, 'month').format(Date.parse(`${date}T00:00:00Z`));
}

/** Money for people in the page's language (integer cents in, text out; never used for arithmetic). */
export function formatAmount(value: Money, locale: ChartLocale): string {
  return formatMoney(value, TAGS[locale]);
}

/** A whole-currency amount for an axis tick ('€ 1.200'), from minor units (cents for the euro). */
export function formatAxisAmount(minor: number, currency: string, locale: ChartLocale): string {
  const format = new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency, maximumFractionDigits: 0 });
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  return format.format(Math.round(minor / 10 ** (digits ?? 2)));
}

/** A share in basis points as a percentage ('25 %' / '25%'). */
export function formatShare(basisPoints: number, locale: ChartLocale): string {
  return new Intl.NumberFormat(TAGS[locale], { style: 'percent', maximumFractionDigits: 0 }).format(
    basisPoints / 10_000,
  );
}
