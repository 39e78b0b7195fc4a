import { daysFromCivil, formatDate, weekdayOfDays } from '../time/civil.js';
import { CoreError, echo } from '../errors.js';

/** One Dutch public holiday. `dayOff` says whether it is generally a day off (Goede Vrijdag is not; Bevrijdingsdag
 * only in lustrum years). */
export type PublicHoliday = { date: string; name: string; dayOff: boolean };

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm of Meeus/Jones/Butcher), as a day number. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

const SUNDAY = 6;

/**
 * The monarch's day: Koningsdag on 27 April since 2014 (26 April when the 27th is a Sunday); before that
 * Koninginnedag on 30 April (from 1980 moved to the 29th on a Sunday, until 1979 to 1 May) and, until 1948,
 * on 31 August (moved to 1 September on a Sunday).
 */
function monarchsDay(year: number): { day: number; name: string } | undefined {
  if (year >= 2014) {
    const day = daysFromCivil(year, 4, 27);
    return { day: weekdayOfDays(day) === SUNDAY ? day - 1 : day, name: 'Koningsdag' };
  }
  if (year >= 1949) {
    const day = daysFromCivil(year, 4, 30);
    if (weekdayOfDays(day) !== SUNDAY) return { day, name: 'Koninginnedag' };
    return { day: year >= 1980 ? day - 1 : day + 1, name: 'Koninginnedag' };
  }
  if (year >= 1891) {
    const day = daysFromCivil(year, 8, 31);
    return { day: weekdayOfDays(day) === SUNDAY ? day + 1 : day, name: 'Koninginnedag' };
  }
  return undefined;
}

/**
 * The official Dutch public holidays of a year, in date order: Nieuwjaarsdag, Goede Vrijdag, Eerste en Tweede
 * Paasdag, Koningsdag, Bevrijdingsdag (from 1945; a day off every fifth year), Hemelvaartsdag, Eerste en Tweede
 * Pinksterdag, Eerste en Tweede Kerstdag. Easter-based days are computed, so any Gregorian year works.
 *
 * @example
 * dutchPublicHolidays(2025).find((h) => h.name === 'Koningsdag'); // { date: '2025-04-26', name: 'Koningsdag', dayOff: true }
 */
export function dutchPublicHolidays(year: number): PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new CoreError('invalid-input', `year must be a whole Gregorian year 1583–9999, got ${echo(year)}.`, {
      path: ['year'],
    });
  }
  const easter = easterSunday(year);
  const days: { day: number; name: string; dayOff: boolean }[] = [
    { day: daysFromCivil(year, 1, 1), name: 'Nieuwjaarsdag', dayOff: true },
    { day: easter - 2, name: 'Goede Vrijdag', dayOff: false },
    { day: easter, name: 'Eerste Paasdag', dayOff: true },
    { day: easter + 1, name: 'Tweede Paasdag', dayOff: true },
    { day: easter + 39, name: 'Hemelvaartsdag', dayOff: true },
    { day: easter + 49, name: 'Eerste Pinksterdag', dayOff: true },
    { day: easter + 50, name: 'Tweede Pinksterdag', dayOff: true },
    { day: daysFromCivil(year, 12, 25), name: 'Eerste Kerstdag', dayOff: true },
    { day: daysFromCivil(year, 12, 26), name: 'Tweede Kerstdag', dayOff: true },
  ];
  const monarch = monarchsDay(year);
  if (monarch) days.push({ ...monarch, dayOff: true });
  if (year >= 1945) days.push({ day: daysFromCivil(year, 5, 5), name: 'Bevrijdingsdag', dayOff: year % 5 === 0 });
  return days
    .sort((a, b) => a.day - b.day || a.name.localeCompare(b.name))
    .map(({ day, name, dayOff }) => ({ date: formatDate(day), name, dayOff }));
}

/** The days off among the Dutch public holidays of the given years, as `'YYYY-MM-DD'` (for a business calendar). */
export function dutchDaysOff(fromYear: number, toYear: number): string[] {
  for (const [year, path] of [
    [fromYear, 'fromYear'],
    [toYear, 'toYear'],
  ] as const) {
    if (!Number.isInteger(year) || year < 1583 || year > 9999) {
      throw new CoreError('invalid-input', `expected a whole Gregorian year 1583–9999, got ${echo(year)}.`, {
        path: [path],
      });
    }
  }
  const dates: string[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of dutchPublicHolidays(year)) if (holiday.dayOff) dates.push(holiday.date);
  }
  return dates;
}
