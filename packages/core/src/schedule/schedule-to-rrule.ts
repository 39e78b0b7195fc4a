import { parseTrusted } from '../validation.js';
import { WEEKDAYS, type Weekday } from '../calendar/weekdays.js';
import { scheduleSchema, type ScheduleInput } from './schedule-spec.js';

const RRULE_DAY: Record<Weekday, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};

/**
 * "Day d, or the last day when the month is shorter" in RRULE terms: the last of the month days 28…d that exist.
 * For d ≤ 28 every month has the day and a plain BYMONTHDAY does.
 */
function clampedMonthDay(day: number): string {
  if (day <= 28) return `BYMONTHDAY=${day}`;
  const candidates = Array.from({ length: day - 27 }, (_, i) => 28 + i);
  return `BYMONTHDAY=${candidates.join(',')};BYSETPOS=-1`;
}

function withInterval(freq: string, interval: number): string {
  return interval === 1 ? `FREQ=${freq}` : `FREQ=${freq};INTERVAL=${interval}`;
}

/**
 * The RFC 5545 RRULE value of a schedule, or `null` when none exists: "every N workdays" (N > 1) counts workdays,
 * and holidays are dates rather than a rule. Per-date exceptions are not part of an RRULE; they are the
 * EXDATE/RDATE lists that {@link expandSchedule} builds.
 *
 * @example
 * scheduleToRRule({ unit: 'month', day: 31 }); // 'FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1'
 * scheduleToRRule({ unit: 'week', interval: 2, weekdays: ['mon', 'thu'] }); // 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=MO'
 */
export function scheduleToRRule(input: ScheduleInput): string | null {
  const schedule = parseTrusted(scheduleSchema, input, { code: 'invalid-schedule' });
  switch (schedule.unit) {
    case 'day':
      return withInterval('DAILY', schedule.interval);
    case 'workday':
      if (schedule.interval !== 1 || schedule.holidays === 'nl' || schedule.holidays.length > 0) return null;
      return 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;WKST=MO';
    case 'week': {
      const days = [...schedule.weekdays].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
      return `${withInterval('WEEKLY', schedule.interval)};BYDAY=${days.map((d) => RRULE_DAY[d]).join(',')};WKST=MO`;
    }
    case 'month': {
      if (schedule.day !== undefined)
        return `${withInterval('MONTHLY', schedule.interval)};${clampedMonthDay(schedule.day)}`;
      const nth = schedule.nth === 'last' ? -1 : (schedule.nth as number);
      return `${withInterval('MONTHLY', schedule.interval)};BYDAY=${nth}${RRULE_DAY[schedule.weekday as Weekday]}`;
    }
    case 'year':
      return `${withInterval('YEARLY', schedule.interval)};BYMONTH=${schedule.month};${clampedMonthDay(schedule.day)}`;
    case 'rrule':
      return schedule.rrule.replace(/^RRULE:/i, '');
  }
}
