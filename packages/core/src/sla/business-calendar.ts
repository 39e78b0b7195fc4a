import * as z from 'zod/mini';
import { WEEKDAYS } from '../calendar/weekdays.js';
import { clip, CoreError, echo } from '../errors.js';
import { parseLocalSeconds, weekdayOfDays } from '../time/civil.js';
import { dateOutOfRange, MAX_DAY } from '../time/date-range.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { TIME_OF_DAY_OR_MIDNIGHT_END } from '../time/time-of-day.js';
import { parseInput } from '../validation.js';
import { zoneTimeline, type ZoneTimeline } from '../time/zone.js';
import { MAX_ZONE_NAME, offsetAt } from '../time/zone-offset.js';

const timeOfDay = z
  .string({ error: "expected 'HH:mm'" })
  .check(z.regex(TIME_OF_DAY_OR_MIDNIGHT_END, { error: "use 'HH:mm' (00:00–24:00)" }));
const interval = z
  .tuple([timeOfDay, timeOfDay], { error: "expected an interval ['HH:mm', 'HH:mm']" })
  .check(z.refine(([from, to]) => from < to, { error: 'an interval must end after it starts' }));
const dayHours = z
  .array(interval)
  .check(
    z.refine(
      (intervals) =>
        intervals.every((current, i) => i === 0 || (intervals[i - 1] as [string, string])[1] <= current[0]),
      { error: 'intervals must be in order and must not overlap' },
    ),
  );

/** A tenant's working hours: per weekday, local intervals in `tzid`, minus the holidays (`'YYYY-MM-DD'`). */
export const businessCalendarSchema = z.object({
  tzid: z
    .string({ error: "expected an IANA zone such as 'Europe/Amsterdam'" })
    .check(
      z.maxLength(MAX_ZONE_NAME, { error: "is not an IANA time zone (far too long): use e.g. 'Europe/Amsterdam'" }),
    ),
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

function minutesOf(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** A calendar checked once and turned into numbers: working intervals per weekday in seconds of the day. */
class CompiledCalendar {
  readonly timeline: ZoneTimeline;
  private readonly week: number[][];
  private readonly holidays: Set<number>;
  private readonly dayCache = new Map<number, number[]>();

  constructor(calendar: z.output<typeof businessCalendarSchema>) {
    this.timeline = zoneTimeline(calendar.tzid, ['tzid']);
    this.week = WEEKDAYS.map((day) =>
      calendar.hours[day].flatMap(([from, to]) => [minutesOf(from) * 60, minutesOf(to) * 60]),
    );
    if (this.week.every((intervals) => intervals.length === 0)) {
      throw new CoreError('invalid-input', 'the calendar has no working hours at all: give at least one interval.', {
        path: ['hours'],
      });
    }
    this.holidays = new Set(
      calendar.holidays.map((date, i) => {
        const seconds = parseLocalSeconds(date);
        if (seconds === undefined) {
          throw new CoreError('invalid-input', `'${clip(date)}' is not a real date.`, { path: ['holidays', i] });
        }
        return seconds / 86400;
      }),
    );
  }

  /** The longest working time of any weekday, in seconds: what a "business day" of an SLA target means. */
  get longestDaySeconds(): number {
    return Math.max(
      ...this.week.map((intervals) =>
        intervals.reduce((sum, t, i) => sum + (i % 2 === 1 ? t - (intervals[i - 1] as number) : 0), 0),
      ),
    );
  }

  /**
   * The working intervals of a local day as UTC instants `[start, end, start, end, …]`, in order. A moment is working
   * when its wall-clock time lies in one of the day's intervals, so on a DST day an 08:00–17:00 shift still starts at
   * 08:00 and ends at 17:00 local; a boundary inside a spring-forward gap counts only the wall times that exist, a
   * boundary inside a fall-back overlap counts both passes, and a date the zone skipped has no working time at all.
   */
  intervalsOf(day: number): number[] {
    let intervals = this.dayCache.get(day);
    if (intervals === undefined) {
      const local = this.week[weekdayOfDays(day)] as number[];
      intervals = this.holidays.has(day) || local.length === 0 ? [] : this.instantsOf(day, local);
      if (this.dayCache.size > 4096) this.dayCache.clear();
      this.dayCache.set(day, intervals);
    }
    return intervals;
  }

  /** Maps a day's wall-clock intervals to instants, segment by segment of constant UTC offset. */
  private instantsOf(day: number, local: number[]): number[] {
    const midnight = day * 86400;
    const segments = this.segmentsAround(day);
    const pieces: number[] = [];
    for (let s = 0; s < segments.length; s += 3) {
      const from = segments[s] as number;
      const to = segments[s + 1] as number;
      const offset = segments[s + 2] as number;
      for (let i = 0; i < local.length; i += 2) {
        const start = Math.max(from, midnight + (local[i] as number) - offset);
        const end = Math.min(to, midnight + (local[i + 1] as number) - offset);
        if (end > start) pieces.push(start, end);
      }
    }
    if (segments.length === 3) return pieces;
    // Around a transition the pieces of different segments interleave (an overlap repeats wall times): sort them and
    // join the ones that touch, so callers see ordered, disjoint intervals.
    const order = Array.from({ length: pieces.length / 2 }, (_, i) => i).sort(
      (a, b) => (pieces[2 * a] as number) - (pieces[2 * b] as number),
    );
    const merged: number[] = [];
    for (const i of order) {
      const start = pieces[2 * i] as number;
      const end = pieces[2 * i + 1] as number;
      if (merged.length > 0 && start <= (merged[merged.length - 1] as number)) {
        merged[merged.length - 1] = Math.max(merged[merged.length - 1] as number, end);
      } else {
        merged.push(start, end);
      }
    }
    return merged;
  }

  /**
   * `[from, to, offset, …]`: the stretches of constant UTC offset covering every instant whose wall time can fall
   * on `day` (no zone is more than 18 hours from UTC). Offsets are sampled every three hours — zones change offset
   * months apart, never twice within three hours — and each change is bisected to the second.
   */
  private segmentsAround(day: number): number[] {
    const first = day * 86400 - WINDOW;
    const last = (day + 1) * 86400 + WINDOW;
    const segments: number[] = [];
    let start = first;
    let offset = offsetAt(this.timeline, first);
    for (let at = first + STEP; at < last + STEP; at += STEP) {
      const sample = Math.min(at, last);
      const next = offsetAt(this.timeline, sample);
      if (next === offset) continue;
      let low = sample - STEP;
      let high = sample;
      while (high - low > 1) {
        const mid = low + Math.floor((high - low) / 2);
        if (offsetAt(this.timeline, mid) === offset) low = mid;
        else high = mid;
      }
      segments.push(start, high, offset);
      start = high;
      offset = next;
    }
    segments.push(start, last, offset);
    return segments;
  }
}

const WINDOW = 18 * 3600;
const STEP = 3 * 3600;

/** How far ahead the clock looks for working time: about ten years. */
const HORIZON_DAYS = 3660;

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
 * A minute is working when its wall-clock time lies in an interval of its day, so a boundary in a DST gap counts only
 * the minutes that exist, one in an overlap counts both passes, and a date the zone skipped has no working time.
 *
 * @throws CoreError `invalid-range` (path `minutes`) when the result lies more than ten years ahead;
 *   `invalid-input` (path `holidays`) when the calendar has no working time in that horizon at all;
 *   `date-out-of-range` when the result would fall after 9999-12-31.
 *
 * @example
 * const calendar = { tzid: 'Europe/Amsterdam', hours: { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']],
 *   wed: [['08:00', '17:00']], thu: [['08:00', '17:00']], fri: [['08:00', '17:00']], sat: [], sun: [] }, holidays: [] };
 * addWorkingMinutes(calendar, '2025-03-28T15:00:00Z', 120); // Friday 16:00 local + 2h → '2025-03-31T07:00:00Z' (Monday 09:00 CEST)
 */
export function addWorkingMinutes(calendar: BusinessCalendar, start: string, minutes: number): string {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new CoreError('invalid-input', `minutes must be a whole number ≥ 0, got ${echo(minutes)}.`, {
      path: ['minutes'],
    });
  }
  const compiledCalendar = compileCalendar(calendar);
  const startSeconds = parseInstant(start, ['start']);
  return formatInstant(addWorkingSeconds(compiledCalendar, startSeconds, minutes * 60), ['minutes']);
}

/** The core of {@link addWorkingMinutes} on numbers, for callers that already hold a compiled calendar. */
export function addWorkingSeconds(calendar: CompiledCalendar, startSeconds: number, seconds: number): number {
  let remaining = seconds;
  let day = Math.floor((startSeconds + offsetAt(calendar.timeline, startSeconds)) / 86400) - 1;
  let sawWorkingTime = false;
  // The search is bounded: ten years ahead, and never past 9999-12-31.
  for (let guard = 0; guard < HORIZON_DAYS; guard++, day++) {
    if (day > MAX_DAY + 1) throw dateOutOfRange('the working time asked for runs past 9999-12-31 and', ['minutes']);
    const intervals = calendar.intervalsOf(day);
    if (intervals.length > 0) sawWorkingTime = true;
    for (let i = 0; i < intervals.length; i += 2) {
      const end = intervals[i + 1] as number;
      if (end <= startSeconds && !(end === startSeconds && remaining === 0)) continue;
      const from = Math.max(intervals[i] as number, startSeconds);
      const available = end - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
  }
  if (sawWorkingTime) {
    throw new CoreError(
      'invalid-range',
      `the working time asked for runs past the ${HORIZON_DAYS}-day (ten-year) horizon of the SLA clock: ask for fewer minutes.`,
      {
        path: ['minutes'],
      },
    );
  }
  throw new CoreError('invalid-input', 'the calendar has no working time in the next ten years (holidays?).', {
    path: ['holidays'],
  });
}

/** Working seconds between two instants (negative when `to` is before `from`): the remaining time of an SLA clock. */
export function workingSecondsBetween(calendar: CompiledCalendar, from: number, to: number): number {
  if (to < from) return -workingSecondsBetween(calendar, to, from);
  // Counting visits every day in between: keep that to the same horizon as the search for working time.
  if (to - from > HORIZON_DAYS * 86400) {
    throw new CoreError(
      'invalid-range',
      `the SLA clock counts working time over at most ${HORIZON_DAYS} days (ten years): check asOf and the history.`,
      {
        path: ['asOf'],
      },
    );
  }
  const offset = offsetAt(calendar.timeline, from);
  const lastDay = Math.floor((to + offsetAt(calendar.timeline, to)) / 86400) + 1;
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
