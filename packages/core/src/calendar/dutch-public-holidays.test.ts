import { describe, expect, it } from 'vitest';
import { dutchPublicHolidays, easterSunday } from './dutch-public-holidays.js';
import { formatDate } from '../time/civil.js';

const byName = (year: number) => Object.fromEntries(dutchPublicHolidays(year).map((h) => [h.name, h]));

describe('dutchPublicHolidays', () => {
  it('lists the 2025 calendar as published by the government', () => {
    expect(dutchPublicHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'Nieuwjaarsdag', dayOff: true },
      { date: '2025-04-18', name: 'Goede Vrijdag', dayOff: false },
      { date: '2025-04-20', name: 'Eerste Paasdag', dayOff: true },
      { date: '2025-04-21', name: 'Tweede Paasdag', dayOff: true },
      { date: '2025-04-26', name: 'Koningsdag', dayOff: true },
      { date: '2025-05-05', name: 'Bevrijdingsdag', dayOff: true },
      { date: '2025-05-29', name: 'Hemelvaartsdag', dayOff: true },
      { date: '2025-06-08', name: 'Eerste Pinksterdag', dayOff: true },
      { date: '2025-06-09', name: 'Tweede Pinksterdag', dayOff: true },
      { date: '2025-12-25', name: 'Eerste Kerstdag', dayOff: true },
      { date: '2025-12-26', name: 'Tweede Kerstdag', dayOff: true },
    ]);
  });

  it.each([
    // year, Easter Sunday, Hemelvaartsdag, Eerste Pinksterdag, Koningsdag
    [2024, '2024-03-31', '2024-05-09', '2024-05-19', '2024-04-27'],
    [2026, '2026-04-05', '2026-05-14', '2026-05-24', '2026-04-27'],
    [2027, '2027-03-28', '2027-05-06', '2027-05-16', '2027-04-27'],
    [2028, '2028-04-16', '2028-05-25', '2028-06-04', '2028-04-27'],
    [2030, '2030-04-21', '2030-05-30', '2030-06-09', '2030-04-27'],
    [2014, '2014-04-20', '2014-05-29', '2014-06-08', '2014-04-26'],
  ])('%i: Easter %s, Ascension %s, Pentecost %s, Koningsdag %s', (year, easter, ascension, pentecost, kingsDay) => {
    const days = byName(year);
    expect(days['Eerste Paasdag']?.date).toBe(easter);
    expect(days['Hemelvaartsdag']?.date).toBe(ascension);
    expect(days['Eerste Pinksterdag']?.date).toBe(pentecost);
    expect(days['Koningsdag']?.date).toBe(kingsDay);
  });

  it('moves Koningsdag to the 26th only when the 27th is a Sunday', () => {
    expect(byName(2025)['Koningsdag']?.date).toBe('2025-04-26'); // 27 April 2025 is a Sunday
    expect(byName(2031)['Koningsdag']?.date).toBe('2031-04-26');
    expect(byName(2029)['Koningsdag']?.date).toBe('2029-04-27');
    expect(byName(2013)['Koninginnedag']?.date).toBe('2013-04-30');
  });

  it('gives Bevrijdingsdag off every fifth year only', () => {
    expect(byName(2025)['Bevrijdingsdag']?.dayOff).toBe(true);
    expect(byName(2026)['Bevrijdingsdag']?.dayOff).toBe(false);
    expect(byName(2030)['Bevrijdingsdag']?.dayOff).toBe(true);
  });

  it('computes Easter for far years (known dates)', () => {
    expect(formatDate(easterSunday(1818))).toBe('1818-03-22'); // earliest possible
    expect(formatDate(easterSunday(1943))).toBe('1943-04-25'); // latest possible
    expect(formatDate(easterSunday(2285))).toBe('2285-03-22');
  });

  it('refuses a year that is not a Gregorian year', () => {
    expect(() => dutchPublicHolidays(2025.5)).toThrow(/year/);
  });
});
