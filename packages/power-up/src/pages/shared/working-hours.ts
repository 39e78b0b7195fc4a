import { WEEKDAYS, type Weekday } from '@contractbeheer/core';
import type { TenantSettings } from '../../store/store.js';
import { INTL_TAG, type Locale } from '../i18n/locale.js';

/** A tenant's working hours: per weekday, local `['HH:mm', 'HH:mm']` intervals in its zone. */
export type WorkingHours = TenantSettings['workingHours'];

/** The Monday of a week any calendar agrees on (2024-01-01), to let `Intl` name the weekdays. */
const A_MONDAY = Date.UTC(2024, 0, 1);

function weekdayNames(locale: Locale, width: 'short' | 'long'): Record<Weekday, string> {
  const format = new Intl.DateTimeFormat(INTL_TAG[locale], { weekday: width, timeZone: 'UTC' });
  return Object.fromEntries(
    WEEKDAYS.map((day, i) => [day, format.format(new Date(A_MONDAY + i * 86_400_000))]),
  ) as Record<Weekday, string>;
}

const NAMES = {
  short: { nl: weekdayNames('nl', 'short'), en: weekdayNames('en', 'short') },
  long: { nl: weekdayNames('nl', 'long'), en: weekdayNames('en', 'long') },
};

/** `ma` / `Mon` (short), `maandag` / `Monday` (long). */
export function weekdayName(day: Weekday, locale: Locale, width: 'short' | 'long' = 'long'): string {
  return NAMES[width][locale][day];
}

/** One day's intervals as a person writes them: `08:00–12:00, 13:00–17:00`; `''` for a day without working hours. */
export function intervalsText(intervals: readonly (readonly [string, string])[]): string {
  return intervals.map(([from, to]) => `${from}–${to}`).join(', ');
}

/**
 * The week's working hours in words, consecutive days with the same hours taken together and days off left out:
 * `ma–vr 08:00–17:00; za 09:00–12:00` / `Mon–Fri 08:00–17:00; Sat 09:00–12:00`.
 */
export function describeWorkingHours(hours: WorkingHours, locale: Locale): string {
  const runs: { first: Weekday; last: Weekday; text: string }[] = [];
  for (const day of WEEKDAYS) {
    const text = intervalsText(hours[day]);
    const previous = runs.at(-1);
    const yesterday = WEEKDAYS[WEEKDAYS.indexOf(day) - 1];
    if (previous !== undefined && previous.text === text && previous.last === yesterday) previous.last = day;
    else if (text !== '') runs.push({ first: day, last: day, text });
  }
  return runs
    .map(({ first, last, text }) => {
      const days =
        first === last
          ? weekdayName(first, locale, 'short')
          : `${weekdayName(first, locale, 'short')}–${weekdayName(last, locale, 'short')}`;
      return `${days} ${text}`;
    })
    .join('; ');
}
