import * as z from 'zod/mini';
import { CoreError } from '../errors.js';
import { formatLocalSeconds, parseLocalSeconds, weekdayOfDays } from '../time/civil.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { parseInput } from '../validation.js';
import { zoneTimeline, type ResolvedTime, type ZoneTimeline } from '../time/zone.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const timeOfDay = z.string({ error: "expected 'HH:mm'" }).check(z.regex(TIME, { error: "use 'HH:mm' (00:00–24:00)" }));
const interval = z
  .tuple([timeOfDay, timeOfDay], { error: "expected an interval ['HH:mm', 'HH:mm']" })
  .check(z.refine(([from, to]) => from < to, { error: 'an interval must end after it starts' }));
const dayHours = z.array(interval).check(
  z.refine(
    (intervals) => intervals.every((current, i) => i === 0 || (intervals[i - 1] as [string, string])[1] <= current[0]),
    { error: 'intervals must be in order and must not overlap' },
  ),
);

/** A tenant's working hours: per weekday, local intervals in `tzid`, minus the holidays (`'YYYY-MM-DD'`). */
export const businessCalendarSchema = z.object({
  tzid: z.string({ error: "expected an IANA zone such as 'Europe/Amsterdam'" }),
  hours: z.object({
    mon: dayHours,
    tue: dayHours,
    wed: dayHours,
    thu: dayHours,
    fri: dayHours,
    sat: dayHours,
    sun: dayHours,
  }),
  holidays: z._default(z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "use 'YYYY-MM-DD'" }))), []),
});
export type BusinessCalendar = z.input<typeof businessCalendarSchema>;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function minutesOf(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** A calendar checked once and turned into numbers: working intervals per weekday in seconds of the day. */
class CompiledCalendar {
  readonly timeline: ZoneTimeline;
  private readonly week: number[][];
  private readonly holidays: Set<number>;
  private readonly dayCache = new Map<number, number[]>();
  private readonly slot: ResolvedTime = { instant: 0, offset: 0 };

  constructor(calendar: z.output<typeof businessCalendarSchema>) {
    this.timeline = zoneTimeline(calendar.tzid, ['tzid']);
    this.week = WEEKDAYS.map((day) => calendar.hours[day].flatMap(([from, to]) => [minutesOf(from) * 60, minutesOf(to) * 60]));
    if (this.week.every((intervals) => intervals.length === 0)) {
      throw new CoreError('invalid-input', 'the calendar has no working hours at all: give at least one interval.', {
        path: ['hours'],
      });
    }
    this.holidays = new Set(
      calendar.holidays.map((date, i) => {
        const seconds = parseLocalSeconds(date);
        if (seconds === undefined) {
          throw new CoreError('invalid-input', `'${date}' is not a real date.`, { path: ['holidays', i] });
        }
        return seconds / 86400;
      }),
    );
  }

  /** The longest working time of any weekday, in seconds: what a "business day" of an SLA target means. */
  get longestDaySeconds(): number {
    return Math.max(...this.week.map((intervals) => intervals.reduce((sum, t, i) => sum + (i % 2 === 1 ? t - (intervals[i - 1] as number) : 0), 0)));
  }

  /**
   * The working intervals of a local day as UTC instants `[start, end, start, end, …]`. Boundaries are placed in
   * the zone like any wall time, so on a DST day an 08:00–17:00 shift still starts at 08:00 and ends at 17:00 local.
   */
  intervalsOf(day: number): number[] {
    let intervals = this.dayCache.get(day);
    if (intervals === undefined) {
      intervals = [];
      if (!this.holidays.has(day)) {
        for (const local of this.week[weekdayOfDays(day)] as number[]) {
          this.timeline.resolve(day * 86400 + local, this.slot);
          intervals.push(this.slot.instant);
        }
      }
      if (this.dayCache.size > 4096) this.dayCache.clear();
      this.dayCache.set(day, intervals);
    }
    return intervals;
  }
}

const compiled = new WeakMap<object, CompiledCalendar>();

/** Validates a calendar (errors name the field) and compiles it; the result is memoised per calendar object. */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  let result = compiled.get(calendar);
  if (result === undefined) {
    result = new CompiledCalendar(parseInput(businessCalendarSchema, calendar));
    compiled.set(calendar, result);
  }
  return result;
}

/**
 * Adds working minutes to a UTC instant: the clock runs only inside the calendar's working hours, skipping nights,
 * weekends and holidays, with DST handled by the calendar's zone. Adding 0 minutes moves a start outside working
 * hours to the next working moment. The result never lies outside working hours (an interval's end counts as in).
 *
 * @example
 * const calendar = { tzid: 'Europe/Amsterdam', hours: { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']],
 *   wed: [['08:00', '17:00']], thu: [['08:00', '17:00']], fri: [['08:00', '17:00']], sat: [], sun: [] }, holidays: [] };
 * addWorkingMinutes(calendar, '2025-03-28T15:00:00Z', 120); // Friday 16:00 local + 2h → '2025-03-31T07:00:00Z' (Monday 09:00 CEST)
 */
export function addWorkingMinutes(calendar: BusinessCalendar, start: string, minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new CoreError('invalid-input', `minutes must be a whole number ≥ 0, got ${minutes}.`, { path: ['minutes'] });
  }
  const compiledCalendar = compileCalendar(calendar);
  const startSeconds = parseInstant(start, ['start']);
  return formatInstant(addWorkingSeconds(compiledCalendar, startSeconds, minutes * 60));
}

/** The core of {@link addWorkingMinutes} on numbers, for callers that already hold a compiled calendar. */
export function addWorkingSeconds(calendar: CompiledCalendar, startSeconds: number, seconds: number): number {
  let remaining = seconds;
  let day = Math.floor((startSeconds + calendar.timeline.offsetAtInstant(startSeconds)) / 86400) - 1;
  // A week always has working time (checked when compiling), so only holidays can stretch the search: 10 years of
  // consecutive holidays is the bound.
  for (let guard = 0; guard < 3660; guard++, day++) {
    const intervals = calendar.intervalsOf(day);
    for (let i = 0; i < intervals.length; i += 2) {
      const end = intervals[i + 1] as number;
      if (end <= startSeconds && !(end === startSeconds && remaining === 0)) continue;
      const from = Math.max(intervals[i] as number, startSeconds);
      const available = end - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
  }
  throw new CoreError('invalid-input', 'the calendar has no working time in the next ten years (holidays?).', {
    path: ['holidays'],
  });
}

/** Working seconds between two instants (negative when `to` is before `from`): the remaining time of an SLA clock. */
export function workingSecondsBetween(calendar: CompiledCalendar, from: number, to: number): number {
  if (to < from) return -workingSecondsBetween(calendar, to, from);
  const offset = calendar.timeline.offsetAtInstant(from);
  const lastDay = Math.floor((to + calendar.timeline.offsetAtInstant(to)) / 86400) + 1;
  let total = 0;
  for (let day = Math.floor((from + offset) / 86400) - 1; day <= lastDay; day++) {
    const intervals = calendar.intervalsOf(day);
    for (let i = 0; i < intervals.length; i += 2) {
      const start = Math.max(intervals[i] as number, from);
      const end = Math.min(intervals[i + 1] as number, to);
      if (end > start) total += end - start;
    }
  }
  return total;
}

export type { CompiledCalendar };
