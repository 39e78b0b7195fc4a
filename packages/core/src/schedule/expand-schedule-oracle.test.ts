import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dutchPublicHolidays } from '../calendar/dutch-public-holidays.js';
import { expandSchedule } from './expand-schedule.js';
import type { Weekday } from '../calendar/weekdays.js';
import type { ScheduleInput } from './schedule-spec.js';

/**
 * An independent, deliberately naive oracle: walk every day of the period and decide from the definition alone
 * whether the schedule falls on it. The engine goes through RRULEs and its own iterators; both must agree.
 */
const DAY_MS = 86_400_000;
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function oracle(schedule: ScheduleInput, start: string, end: string): string[] {
  const first = dayOf(start);
  const last = dayOf(end);
  const interval = schedule.unit === 'rrule' ? 1 : (schedule.interval ?? 1);
  const [sy, sm] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  const holidays = new Set<string>();
  if (schedule.unit === 'workday' && schedule.holidays === 'nl') {
    for (let y = sy; y <= Number(end.slice(0, 4)); y++)
      for (const h of dutchPublicHolidays(y)) if (h.dayOff) holidays.add(h.date);
  }
  const result: string[] = [];
  let workdays = 0;
  for (let day = first; day <= last; day++) {
    const date = dateOf(day);
    const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
    const monthsSinceStart = (y - sy) * 12 + (m - sm);
    let hit = false;
    switch (schedule.unit) {
      case 'day':
        hit = (day - first) % interval === 0;
        break;
      case 'workday':
        if (weekdayOf(day) < 5 && !holidays.has(date)) {
          hit = workdays % interval === 0;
          workdays++;
        }
        break;
      case 'week': {
        const weekStart = (x: number) => x - weekdayOf(x);
        hit =
          schedule.weekdays.includes(WEEKDAYS[weekdayOf(day)] as Weekday) &&
          ((weekStart(day) - weekStart(first)) / 7) % interval === 0;
        break;
      }
      case 'month': {
        if (monthsSinceStart % interval !== 0) break;
        if (schedule.day !== undefined) {
          hit = d === Math.min(schedule.day, daysInMonth(y, m));
        } else {
          const sameWeekday = weekdayOf(day) === WEEKDAYS.indexOf(schedule.weekday as Weekday);
          const nth = Math.ceil(d / 7);
          hit = sameWeekday && (schedule.nth === 'last' ? d + 7 > daysInMonth(y, m) : nth === schedule.nth);
        }
        break;
      }
      case 'year':
        hit = (y - sy) % interval === 0 && m === schedule.month && d === Math.min(schedule.day, daysInMonth(y, m));
        break;
      default:
        throw new Error('not covered by the oracle');
    }
    if (hit) result.push(date);
  }
  return result;
}

const scheduleArbitrary: fc.Arbitrary<ScheduleInput> = fc.oneof(
  fc.record({ unit: fc.constant('day' as const), interval: fc.integer({ min: 1, max: 9 }) }),
  fc.record({
    unit: fc.constant('workday' as const),
    interval: fc.integer({ min: 1, max: 6 }),
    holidays: fc.constantFrom<'nl' | string[]>('nl', []),
  }),
  fc.record({
    unit: fc.constant('week' as const),
    interval: fc.integer({ min: 1, max: 4 }),
    weekdays: fc.uniqueArray(fc.constantFrom<Weekday>(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
  }),
  fc.record({
    unit: fc.constant('month' as const),
    interval: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  }),
  fc.record({
    unit: fc.constant('month' as const),
    interval: fc.integer({ min: 1, max: 6 }),
    weekday: fc.constantFrom<Weekday>(...WEEKDAYS),
    nth: fc.constantFrom<1 | 2 | 3 | 4 | 'last'>(1, 2, 3, 4, 'last'),
  }),
  fc.record({
    unit: fc.constant('year' as const),
    interval: fc.integer({ min: 1, max: 3 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({
    unit: fc.constant('year' as const),
    interval: fc.constant(1),
    month: fc.constant(2),
    day: fc.constant(29),
  }),
);

describe('expandSchedule against a day-by-day oracle', () => {
  it('gives exactly the dates the definition gives', () => {
    fc.assert(
      fc.property(
        scheduleArbitrary,
        fc.integer({ min: 0, max: 365 * 8 }),
        fc.integer({ min: 0, max: 900 }),
        (schedule, offset, length) => {
          const start = dateOf(dayOf('2023-01-01') + offset);
          const end = dateOf(dayOf(start) + length);
          const engine = expandSchedule(schedule, { start, end, tzid: 'Europe/Amsterdam' }).map((o) =>
            o.local.slice(0, 10),
          );
          expect(engine).toEqual(oracle(schedule, start, end));
        },
      ),
      { numRuns: 400 },
    );
  });
});
