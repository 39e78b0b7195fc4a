import { describe, expect, it } from 'vitest';
import { describeSchedule } from './describe-schedule.js';
import type { ScheduleInput } from './schedule-spec.js';
import { scheduleToRRule } from './schedule-to-rrule.js';

const cases: { schedule: ScheduleInput; nl: string; en: string; rrule: string | null }[] = [
  { schedule: { unit: 'day' }, nl: 'elke dag', en: 'every day', rrule: 'FREQ=DAILY' },
  { schedule: { unit: 'day', interval: 3 }, nl: 'elke 3 dagen', en: 'every 3 days', rrule: 'FREQ=DAILY;INTERVAL=3' },
  {
    schedule: { unit: 'workday' },
    nl: 'elke werkdag',
    en: 'every workday',
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;WKST=MO',
  },
  {
    schedule: { unit: 'workday', interval: 2, holidays: 'nl' },
    nl: 'elke 2 werkdagen behalve op feestdagen',
    en: 'every 2 workdays except Dutch public holidays',
    rrule: null,
  },
  {
    schedule: { unit: 'week', interval: 2, weekdays: ['thu', 'mon'] },
    nl: 'elke 2 weken op maandag en donderdag',
    en: 'every 2 weeks on Monday and Thursday',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=MO',
  },
  {
    schedule: { unit: 'week', weekdays: ['mon', 'wed', 'fri'], time: '07:30' },
    nl: 'elke week op maandag, woensdag en vrijdag om 07:30',
    en: 'every week on Monday, Wednesday and Friday at 07:30',
    rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;WKST=MO',
  },
  {
    schedule: { unit: 'month', day: 15 },
    nl: 'elke maand op dag 15',
    en: 'every month on day 15',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=15',
  },
  {
    schedule: { unit: 'month', day: 31, interval: 3 },
    nl: 'elke 3 maanden op dag 31 (of de laatste dag van een kortere maand)',
    en: 'every 3 months on day 31 (or the last day of a shorter month)',
    rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28,29,30,31;BYSETPOS=-1',
  },
  {
    schedule: { unit: 'month', weekday: 'fri', nth: 'last' },
    nl: 'elke maand op de laatste vrijdag',
    en: 'every month on the last Friday',
    rrule: 'FREQ=MONTHLY;BYDAY=-1FR',
  },
  {
    schedule: { unit: 'month', weekday: 'mon', nth: 1, interval: 2 },
    nl: 'elke 2 maanden op de eerste maandag',
    en: 'every 2 months on the first Monday',
    rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO',
  },
  {
    schedule: { unit: 'year', month: 3, day: 15 },
    nl: 'elk jaar op 15 maart',
    en: 'every year on 15 March',
    rrule: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15',
  },
  {
    schedule: { unit: 'year', month: 2, day: 29, interval: 2 },
    nl: 'elke 2 jaar op 29 februari (28 februari in een gewoon jaar)',
    en: 'every 2 years on 29 February (28 February in a common year)',
    rrule: 'FREQ=YEARLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1',
  },
  {
    schedule: { unit: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=MO' },
    nl: 'elke week op maandag',
    en: 'every week on Monday',
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
  },
  {
    schedule: { unit: 'rrule', rrule: 'RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2' },
    nl: 'aangepaste regel FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
    en: 'custom rule FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
    rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
  },
  {
    schedule: { unit: 'day', exceptions: { skip: ['2025-12-25', '2025-12-26'], add: ['2025-12-27'] } },
    nl: 'elke dag; 2 datums overgeslagen en 1 datum toegevoegd',
    en: 'every day; 2 dates skipped and 1 date added',
    rrule: 'FREQ=DAILY',
  },
];

describe('describeSchedule and scheduleToRRule', () => {
  it.each(cases)('$en', ({ schedule, nl, en, rrule }) => {
    expect(describeSchedule(schedule, 'nl')).toBe(nl);
    expect(describeSchedule(schedule, 'en')).toBe(en);
    expect(scheduleToRRule(schedule)).toBe(rrule);
  });

  it('Dutch is the default', () => {
    expect(describeSchedule({ unit: 'day' })).toBe('elke dag');
  });

  it.each([
    [{ unit: 'week', weekdays: [] }, 'weekdays'],
    [{ unit: 'week', weekdays: ['mon', 'mon'] }, 'weekdays'],
    [{ unit: 'month', day: 32 }, 'day'],
    [{ unit: 'month' }, 'day'],
    [{ unit: 'month', day: 3, weekday: 'mon', nth: 1 }, 'day'],
    [{ unit: 'month', weekday: 'mon' }, 'nth'],
    [{ unit: 'month', weekday: 'mon', nth: 5 }, 'nth'],
    [{ unit: 'year', month: 4, day: 31 }, 'day'],
    [{ unit: 'year', month: 13, day: 1 }, 'month'],
    [{ unit: 'day', interval: 0 }, 'interval'],
    [{ unit: 'day', interval: 1.5 }, 'interval'],
    [{ unit: 'day', time: '25:00' }, 'time'],
    [{ unit: 'day', exceptions: { skip: ['2025-02-30'] } }, 'exceptions.skip.0'],
    [{ unit: 'rrule', rrule: 'FREQ=FOO' }, 'rrule'],
    [{ unit: 'hour' }, 'unit'],
  ])('names the field of an invalid schedule: %j → %s', (schedule, path) => {
    try {
      describeSchedule(schedule as ScheduleInput);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'invalid-schedule',
        path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      });
      // The path is a property, not a prefix of the message; `toString()` joins the two for logs.
      expect((error as Error).message.startsWith(`${path}: `)).toBe(false);
      expect(String(error)).toMatch(new RegExp(`^CoreError: ${path.replaceAll('.', '\\.')}: `));
    }
  });
});
