// Issue 8, item 9 (working time): a working-hours boundary inside a DST gap or overlap, or on a date a zone
// skipped, must not create reversed or doubled intervals. The oracle walks minute by minute and asks luxon for each
// minute's wall time: a minute is working when its wall time lies in a working interval of its local weekday.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, CoreError, type BusinessCalendar } from '../src/index.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Hours = [string, string][];

function calendarOf(tzid: string, hours: Hours, holidays: string[] = []): BusinessCalendar {
  return { tzid, hours: Object.fromEntries(WEEKDAYS.map((d) => [d, hours])) as BusinessCalendar['hours'], holidays };
}

const minuteOf = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

/** Working flags of every UTC minute from `from` for `days` days, read off luxon's wall clock. */
function workingMinutes(calendar: BusinessCalendar, from: number, days: number): Uint8Array {
  const flags = new Uint8Array(days * 1440);
  const holidays = new Set(calendar.holidays ?? []);
  for (let i = 0; i < flags.length; i++) {
    const wall = DateTime.fromMillis((from + i * 60) * 1000, { zone: calendar.tzid });
    if (holidays.has(wall.toISODate() as string)) continue;
    const minute = wall.hour * 60 + wall.minute;
    const hours = calendar.hours[WEEKDAYS[wall.weekday - 1] as (typeof WEEKDAYS)[number]];
    if (hours.some(([a, b]) => minute >= minuteOf(a) && minute < minuteOf(b))) flags[i] = 1;
  }
  return flags;
}

/** The oracle: skip to the first working minute, then count `minutes` working minutes; the end of the last one. */
function oracle(flags: Uint8Array, from: number, startIndex: number, minutes: number): string | undefined {
  let i = startIndex;
  let left = minutes;
  while (left > 0 && i < flags.length) {
    if (flags[i] === 1) left--;
    i++;
  }
  if (left > 0) return undefined;
  return `${new Date((from + i * 60) * 1000).toISOString().slice(0, 19)}Z`;
}

const iso = (seconds: number) => `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;

const cases: { name: string; calendar: BusinessCalendar; from: string }[] = [
  {
    name: 'Amsterdam spring-forward gap (2025-03-30), boundaries at 02:30 and 03:15',
    calendar: calendarOf('Europe/Amsterdam', [
      ['00:30', '02:15'],
      ['02:30', '03:15'],
      ['08:00', '24:00'],
    ]),
    from: '2025-03-28T00:00:00Z',
  },
  {
    name: 'Amsterdam fall-back overlap (2025-10-26), boundaries inside the repeated hour',
    calendar: calendarOf('Europe/Amsterdam', [
      ['01:30', '02:20'],
      ['02:40', '03:15'],
      ['09:00', '17:00'],
    ]),
    from: '2025-10-24T00:00:00Z',
  },
  {
    name: 'Pacific/Apia skipped 2011-12-30 entirely',
    calendar: calendarOf('Pacific/Apia', [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ]),
    from: '2011-12-28T00:00:00Z',
  },
  {
    name: 'São Paulo spring-forward at midnight (2018-11-04: 00:00 → 01:00)',
    calendar: calendarOf('America/Sao_Paulo', [
      ['00:00', '00:30'],
      ['00:45', '02:00'],
      ['22:00', '24:00'],
    ]),
    from: '2018-11-02T00:00:00Z',
  },
  {
    name: 'Lord Howe half-hour fall-back (2025-04-06)',
    calendar: calendarOf('Australia/Lord_Howe', [
      ['01:15', '02:10'],
      ['08:00', '12:00'],
    ]),
    from: '2025-04-04T00:00:00Z',
  },
];

describe('addWorkingMinutes across DST transitions and skipped dates', () => {
  it.each(cases)('$name: agrees with a minute-by-minute oracle', ({ calendar, from }) => {
    const base = Date.parse(from) / 1000;
    const flags = workingMinutes(calendar, base, 6);
    const mismatches: string[] = [];
    for (let start = 0; start < 4 * 1440; start += 23) {
      for (const minutes of [1, 14, 45, 61, 180, 600]) {
        const expected = oracle(flags, base, start, minutes);
        if (expected === undefined) continue;
        const actual = addWorkingMinutes(calendar, iso(base + start * 60), minutes);
        if (actual !== expected)
          mismatches.push(`${iso(base + start * 60)} + ${minutes}: ${actual}, oracle ${expected}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('the Amsterdam Sunday 02:30–03:15 on 2025-03-30 has 15 working minutes, not a reversed interval', () => {
    const calendar = calendarOf('Europe/Amsterdam', [['02:30', '03:15']]);
    // Only 03:00–03:15 CEST (01:00–01:15Z) exists of that interval; the next working time is Monday 02:30 CEST.
    expect(addWorkingMinutes(calendar, '2025-03-30T00:00:00Z', 15)).toBe('2025-03-30T01:15:00Z');
    expect(addWorkingMinutes(calendar, '2025-03-30T00:00:00Z', 16)).toBe('2025-03-31T00:31:00Z');
  });
});

describe('the ten-year horizon', () => {
  const day: Hours = [['08:00', '17:00']];
  const office: BusinessCalendar = {
    tzid: 'Europe/Amsterdam',
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
  };

  it('a request past the horizon says so, instead of "no working time"', () => {
    try {
      addWorkingMinutes(office, '2025-01-01T00:00:00Z', 9 * 60 * 261 * 11);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CoreError);
      expect((error as CoreError).path).toEqual(['minutes']);
      expect((error as CoreError).message).toMatch(/horizon/);
      expect((error as CoreError).message).not.toMatch(/no working time/);
    }
  });
});
