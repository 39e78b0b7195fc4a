import * as z from 'zod/mini';
import { CoreError } from '../errors.js';
import { dayNumber } from '../time/calendar-date.js';
import { describePeriod, isInPeriod } from '../time/date-period.js';
import { localDateSchema, parseInput, parseTrusted } from '../validation.js';
import type { Occurrence } from '../time/occurrence.js';
import type { ExpansionRange } from './expansion-input.js';
import {
  collect,
  localSeconds,
  prepareExpansion,
  stream,
  type Prepared,
  type SourceSpec,
} from './occurrence-stream.js';
import { parseRRule } from './rrule-parse.js';
import { RuleIterator } from './rule/rule-iterator.js';
import { scheduleSchema, type Schedule, type ScheduleInput } from './schedule-spec.js';
import { scheduleToRRule } from './schedule-to-rrule.js';
import { WorkdaySource } from './workday-source.js';

/** Where a schedule runs: from its start date, up to an optional end date (both local dates, inclusive), in a zone. */
export type ScheduleAnchor = { start: string; end?: string | undefined; tzid: string };

const anchorSchema = z
  .object({
    start: localDateSchema,
    end: z.optional(localDateSchema),
    tzid: z.string({ error: "expected an IANA zone such as 'Europe/Amsterdam'" }),
  })
  .check(
    z.refine((anchor) => anchor.end === undefined || anchor.end >= anchor.start, {
      path: ['end'],
      error: 'the end date lies before the start date',
    }),
  );

function checkExceptionDates(schedule: Schedule, anchor: ScheduleAnchor): void {
  const check = (date: string, path: (string | number)[]) => {
    if (!isInPeriod(date, anchor)) {
      throw new CoreError(
        'invalid-schedule',
        `${date} lies outside the schedule's period (${describePeriod(anchor)}): remove the exception or change the dates.`,
        { path },
      );
    }
  };
  const { skip, move, add } = schedule.exceptions;
  skip.forEach((date, i) => check(date, ['exceptions', 'skip', i]));
  move.forEach(({ to }, i) => check(to, ['exceptions', 'move', i, 'to']));
  add.forEach((date, i) => check(date, ['exceptions', 'add', i]));
}

/** Only a date the schedule really has can be moved; moving any other date is a mistake worth naming. */
function checkMovedDates(schedule: Schedule, anchor: ScheduleAnchor): void {
  const { move } = schedule.exceptions;
  if (move.length === 0) return;
  const plain: Schedule = { ...schedule, exceptions: { skip: [], move: [], add: [] } };
  move.forEach(({ from }, i) => {
    const base = { dtstart: `${anchor.start}T00:00:00`, tzid: anchor.tzid };
    const found = collect(prepareExpansion(base, { from: from, until: from, limit: 1 }, sourceOf(plain)));
    if (found.length === 0) {
      throw new CoreError(
        'invalid-schedule',
        `${from} is not a date of this schedule, so it cannot be moved: pick a scheduled date.`,
        {
          path: ['exceptions', 'move', i, 'from'],
        },
      );
    }
  });
}

function sourceOf(schedule: Schedule): SourceSpec {
  if (schedule.unit === 'workday' && scheduleToRRule(schedule) === null) {
    const holidays = schedule.holidays === 'nl' ? 'nl' : new Set(schedule.holidays.map(dayNumber));
    return { create: (dtstart) => new WorkdaySource(dtstart, schedule.interval, holidays), bounded: false };
  }
  const rule = parseRRule(scheduleToRRule(schedule) as string);
  return {
    create: (dtstart) => new RuleIterator(rule, dtstart),
    bounded: rule.count !== undefined || rule.until !== undefined,
    count: rule.count,
    ...(rule.until && { [rule.until.utc ? 'untilInstant' : 'untilLocal']: rule.until.seconds }),
  };
}

function prepare(input: ScheduleInput, anchorInput: ScheduleAnchor, range: ExpansionRange, lazy: boolean): Prepared {
  const schedule = parseTrusted(scheduleSchema, input, { code: 'invalid-schedule' });
  const anchor = parseInput(anchorSchema, anchorInput);
  checkExceptionDates(schedule, anchor);
  checkMovedDates(schedule, anchor);
  const time = schedule.time === undefined ? '00:00:00' : schedule.time.padEnd(8, ':00');
  const { skip, move, add } = schedule.exceptions;
  // The end date bounds everything, added dates included: it is the range's end unless the caller asks for less.
  let until = range.until;
  if (anchor.end !== undefined) {
    const end = `${anchor.end}T23:59:59`;
    if (until === undefined || localSeconds(until, ['until'], true) > localSeconds(end, ['end'])) until = end;
  }
  return prepareExpansion(
    {
      dtstart: `${anchor.start}T${time}`,
      tzid: anchor.tzid,
      exdates: [...skip, ...move.map((m) => m.from)],
      rdates: [...add, ...move.map((m) => m.to)],
    },
    { ...range, until },
    sourceOf(schedule),
    lazy,
  );
}

/**
 * Expands a schedule spec from `start` (the first occurrence is the first matching date on or after it) up to
 * `end`, in `tzid`, with the same DST rules and range semantics as {@link expandRRule}.
 *
 * @throws CoreError `invalid-schedule` naming the field of the spec, `invalid-input` for the anchor, `invalid-range`.
 * @example
 * expandSchedule(
 *   { unit: 'month', day: 31, time: '08:00' },
 *   { start: '2025-01-01', tzid: 'Europe/Amsterdam' },
 *   { limit: 3 },
 * ).map((o) => o.local); // ['2025-01-31T08:00:00', '2025-02-28T08:00:00', '2025-03-31T08:00:00']
 */
export function expandSchedule(
  schedule: ScheduleInput,
  anchor: ScheduleAnchor,
  range: ExpansionRange = {},
): Occurrence[] {
  return collect(prepare(schedule, anchor, range, false));
}

/** The lazy form of {@link expandSchedule}; an open-ended schedule may be read until the caller stops. */
export function* iterateSchedule(
  schedule: ScheduleInput,
  anchor: ScheduleAnchor,
  range: ExpansionRange = {},
): IterableIterator<Occurrence> {
  yield* stream(prepare(schedule, anchor, { ...range, limit: range?.limit ?? Number.MAX_SAFE_INTEGER }, true));
}
