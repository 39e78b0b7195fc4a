import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.js';
import { expandSchedule, iterateSchedule } from './expand-schedule.js';
import type { ScheduleInput } from './schedule-spec.js';

const amsterdam = (start: string, end?: string) => ({ start, end, tzid: 'Europe/Amsterdam' });
const dates = (schedule: ScheduleInput, anchor = amsterdam('2025-01-01'), range = { limit: 6 }) =>
  expandSchedule(schedule, anchor, range).map((o) => o.local.slice(0, 10));

function codeOf(run: () => unknown): { code: string; path: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof CoreError) return { code: error.code, path: error.path.join('.') };
    throw error;
  }
  throw new Error('expected a CoreError');
}

describe('expandSchedule: month-end clamping', () => {
  it('day 31 falls on the last day of shorter months, leap years included', () => {
    expect(dates({ unit: 'month', day: 31 }, amsterdam('2024-01-01'))).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
      '2024-06-30',
    ]);
  });
  it('day 30 gives 28 February in a common year and 30 elsewhere', () => {
    expect(dates({ unit: 'month', day: 30 }, amsterdam('2025-01-15'), { limit: 3 })).toEqual([
      '2025-01-30',
      '2025-02-28',
      '2025-03-30',
    ]);
  });
  it('every 3 months on day 31 keeps the interval from the start month', () => {
    expect(dates({ unit: 'month', day: 31, interval: 3 }, amsterdam('2025-02-01'), { limit: 4 })).toEqual([
      '2025-02-28',
      '2025-05-31',
      '2025-08-31',
      '2025-11-30',
    ]);
  });
  it('the first occurrence is the first matching date on or after the start', () => {
    expect(dates({ unit: 'month', day: 15 }, amsterdam('2025-01-16'), { limit: 2 })).toEqual([
      '2025-02-15',
      '2025-03-15',
    ]);
    expect(dates({ unit: 'month', day: 15 }, amsterdam('2025-01-15'), { limit: 1 })).toEqual(['2025-01-15']);
  });
  it('29 February yearly falls on 28 February in common years', () => {
    expect(dates({ unit: 'year', month: 2, day: 29 }, amsterdam('2025-01-01'), { limit: 4 })).toEqual([
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
  });
});

describe('expandSchedule: nth weekday', () => {
  it('first Monday, third Friday and last Friday', () => {
    expect(dates({ unit: 'month', weekday: 'mon', nth: 1 }, amsterdam('2025-01-01'), { limit: 3 })).toEqual([
      '2025-01-06',
      '2025-02-03',
      '2025-03-03',
    ]);
    expect(dates({ unit: 'month', weekday: 'fri', nth: 3 }, amsterdam('2025-01-01'), { limit: 3 })).toEqual([
      '2025-01-17',
      '2025-02-21',
      '2025-03-21',
    ]);
    expect(dates({ unit: 'month', weekday: 'fri', nth: 'last' }, amsterdam('2025-01-01'), { limit: 3 })).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-28',
    ]);
  });
});

describe('expandSchedule: weeks and days', () => {
  it('every 2 weeks on Monday and Thursday, counted from the start week (weeks start on Monday)', () => {
    expect(dates({ unit: 'week', interval: 2, weekdays: ['thu', 'mon'] }, amsterdam('2025-01-01'))).toEqual([
      '2025-01-02',
      '2025-01-13',
      '2025-01-16',
      '2025-01-27',
      '2025-01-30',
      '2025-02-10',
    ]);
  });
  it('every 3 days', () => {
    expect(dates({ unit: 'day', interval: 3 }, amsterdam('2025-02-26'), { limit: 3 })).toEqual([
      '2025-02-26',
      '2025-03-01',
      '2025-03-04',
    ]);
  });
});

describe('expandSchedule: workdays', () => {
  it('skips weekends', () => {
    expect(dates({ unit: 'workday' }, amsterdam('2025-01-03'), { limit: 3 })).toEqual([
      '2025-01-03',
      '2025-01-06',
      '2025-01-07',
    ]);
  });
  it('a start on a Saturday begins on Monday', () => {
    expect(dates({ unit: 'workday' }, amsterdam('2025-01-04'), { limit: 1 })).toEqual(['2025-01-06']);
  });
  it('"every 2 workdays" counts workdays across the weekend', () => {
    expect(dates({ unit: 'workday', interval: 2 }, amsterdam('2025-01-02'), { limit: 4 })).toEqual([
      '2025-01-02',
      '2025-01-06',
      '2025-01-08',
      '2025-01-10',
    ]);
  });
  it('skips Dutch public days off (Easter Monday, Liberation Day in a lustrum year, Ascension, Whit Monday)', () => {
    const may = dates({ unit: 'workday', holidays: 'nl' }, amsterdam('2025-04-17', '2025-06-10'), { limit: 100 });
    expect(may).toContain('2025-04-18'); // Goede Vrijdag is not a day off
    expect(may).not.toContain('2025-04-21'); // Tweede Paasdag
    expect(may).not.toContain('2025-05-29'); // Hemelvaartsdag
    expect(may).not.toContain('2025-06-09'); // Tweede Pinksterdag
    expect(may).not.toContain('2025-05-05'); // Bevrijdingsdag: a day off every fifth year, 2025 is one
    expect(dates({ unit: 'workday', holidays: 'nl' }, amsterdam('2026-05-05'), { limit: 1 })).toEqual(['2026-05-05']);
  });
  it('counts holidays out of "every 2 workdays"', () => {
    // Thu 17 Apr 2025; Fri 18 counts; Mon 21 (Easter Monday) does not.
    expect(
      dates({ unit: 'workday', interval: 2, holidays: ['2025-04-21'] }, amsterdam('2025-04-17'), { limit: 3 }),
    ).toEqual(['2025-04-17', '2025-04-22', '2025-04-24']);
  });
  it('"every 2 workdays" gives the same dates when read from a later point', () => {
    const all = expandSchedule({ unit: 'workday', interval: 2 }, amsterdam('2025-01-01'), { until: '2025-03-31' });
    const tail = expandSchedule({ unit: 'workday', interval: 2 }, amsterdam('2025-01-01'), {
      from: '2025-02-10',
      until: '2025-03-31',
    });
    expect(tail).toEqual(all.filter((o) => o.local >= '2025-02-10'));
  });
});

describe('expandSchedule: exceptions', () => {
  const weekly: ScheduleInput = { unit: 'week', weekdays: ['mon'], time: '09:00' };
  it('skip, move and add dates', () => {
    const schedule: ScheduleInput = {
      ...weekly,
      exceptions: { skip: ['2025-01-13'], move: [{ from: '2025-01-20', to: '2025-01-22' }], add: ['2025-01-25'] },
    };
    expect(expandSchedule(schedule, amsterdam('2025-01-01'), { until: '2025-01-31' }).map((o) => o.local)).toEqual([
      '2025-01-06T09:00:00',
      '2025-01-22T09:00:00',
      '2025-01-25T09:00:00',
      '2025-01-27T09:00:00',
    ]);
  });
  it('refuses to move a date the schedule does not have', () => {
    const schedule: ScheduleInput = { ...weekly, exceptions: { move: [{ from: '2025-01-21', to: '2025-01-22' }] } };
    expect(codeOf(() => expandSchedule(schedule, amsterdam('2025-01-01'), { limit: 3 }))).toEqual({
      code: 'invalid-schedule',
      path: 'exceptions.move.0.from',
    });
  });
  it('refuses exception dates outside the schedule period', () => {
    const schedule: ScheduleInput = { ...weekly, exceptions: { add: ['2026-01-01'] } };
    expect(codeOf(() => expandSchedule(schedule, amsterdam('2025-01-01', '2025-12-31')))).toEqual({
      code: 'invalid-schedule',
      path: 'exceptions.add.0',
    });
  });
});

describe('expandSchedule: period and zone', () => {
  it('stops at the end date, inclusive', () => {
    expect(dates({ unit: 'day' }, amsterdam('2025-01-01', '2025-01-03'), { limit: 10 })).toEqual([
      '2025-01-01',
      '2025-01-02',
      '2025-01-03',
    ]);
  });
  it('a time in the spring-forward gap moves forward by the gap', () => {
    const [occurrence] = expandSchedule({ unit: 'day', time: '02:30' }, amsterdam('2025-03-30'), { limit: 1 });
    expect(occurrence).toEqual({ local: '2025-03-30T03:30:00', instant: '2025-03-30T01:30:00Z', offset: '+02:00' });
  });
  it('refuses an endless schedule without a bound', () => {
    expect(codeOf(() => expandSchedule({ unit: 'day' }, amsterdam('2025-01-01')))).toEqual({
      code: 'invalid-range',
      path: 'until',
    });
  });
  it('names the anchor field that is wrong', () => {
    expect(codeOf(() => expandSchedule({ unit: 'day' }, amsterdam('2025-02-30'), { limit: 1 })).path).toBe('start');
    expect(
      codeOf(() => expandSchedule({ unit: 'day' }, amsterdam('2025-02-03', '2025-02-01'), { limit: 1 })).path,
    ).toBe('end');
    expect(
      codeOf(() => expandSchedule({ unit: 'day' }, { start: '2025-01-01', tzid: 'Mars/Base' }, { limit: 1 })).code,
    ).toBe('invalid-time-zone');
  });
});

const scheduleArbitrary = fc.oneof(
  fc.record({ unit: fc.constant('day' as const), interval: fc.integer({ min: 1, max: 5 }) }),
  fc.record({
    unit: fc.constant('workday' as const),
    interval: fc.integer({ min: 1, max: 4 }),
    holidays: fc.constant('nl' as const),
  }),
  fc.record({
    unit: fc.constant('week' as const),
    interval: fc.integer({ min: 1, max: 3 }),
    weekdays: fc.uniqueArray(fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun' as const), {
      minLength: 1,
    }),
  }),
  fc.record({
    unit: fc.constant('month' as const),
    interval: fc.integer({ min: 1, max: 6 }),
    day: fc.integer({ min: 1, max: 31 }),
  }),
  fc.record({
    unit: fc.constant('month' as const),
    weekday: fc.constantFrom<'mon' | 'fri'>('mon', 'fri'),
    nth: fc.constantFrom<1 | 2 | 3 | 4 | 'last'>(1, 2, 3, 4, 'last'),
  }),
);

describe('expandSchedule properties', () => {
  it('ordered, inside the period, no duplicates, and lazy = eager', () => {
    fc.assert(
      fc.property(scheduleArbitrary, fc.integer({ min: 0, max: 3000 }), (schedule: ScheduleInput, offset) => {
        const start = new Date(Date.UTC(2024, 0, 1) + offset * 86400000).toISOString().slice(0, 10);
        const end = new Date(Date.UTC(2024, 0, 1) + (offset + 200) * 86400000).toISOString().slice(0, 10);
        const anchor = amsterdam(start, end);
        const result = expandSchedule(schedule, anchor);
        for (let i = 0; i < result.length; i++) {
          const day = (result[i] as { local: string }).local.slice(0, 10);
          expect(day >= start && day <= end).toBe(true);
          if (i > 0)
            expect((result[i] as { instant: string }).instant > (result[i - 1] as { instant: string }).instant).toBe(
              true,
            );
        }
        expect([...iterateSchedule(schedule, anchor)]).toEqual(result);
      }),
      { numRuns: 150 },
    );
  });
});
