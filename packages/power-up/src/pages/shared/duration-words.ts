import { INTL_TAG, type Locale } from '../i18n/locale.js';

/** The units settings count in: contract terms in days to years, SLA targets in minutes to days. */
type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A count of a unit in words, with the language's plural: `1 maand`, `3 maanden`, `30 minutes`. `Intl` knows the
 * words and plurals of both languages, so no table of them is kept here.
 */
export function durationWords(count: number, unit: DurationUnit, locale: Locale): string {
  const key = `${locale}:${unit}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(INTL_TAG[locale], { style: 'unit', unit, unitDisplay: 'long' });
    formats.set(key, format);
  }
  return format.format(count);
}
