import * as z from 'zod/mini';
import { WEEKDAYS } from '../calendar/weekdays.js';
import { localDateSchema, timeOfDaySchema, wholeNumber } from '../validation.js';
import { parseRRule } from './rrule-parse.js';

/** Per-date exceptions: EXDATE (skip), EXDATE + RDATE (move) and RDATE (add), as local dates. */
const scheduleExceptionsSchema = z._default(
  z.strictObject({
    skip: z._default(z.array(localDateSchema), []),
    move: z._default(z.array(z.strictObject({ from: localDateSchema, to: localDateSchema })), []),
    add: z._default(z.array(localDateSchema), []),
  }),
  { skip: [], move: [], add: [] },
);

const common = {
  /** "Every N units"; 1 = every unit. */
  interval: z._default(wholeNumber(1, 1000), 1),
  /** Local time of day of each occurrence, `'HH:mm'`; without it occurrences are dates at 00:00. */
  time: z.optional(timeOfDaySchema),
  exceptions: scheduleExceptionsSchema,
};

const weekdaySchema = z.enum(WEEKDAYS, { error: `use one of ${WEEKDAYS.join(', ')}` });

const daySchema = z.strictObject({ unit: z.literal('day'), ...common });

const workdaySchema = z.strictObject({
  unit: z.literal('workday'),
  ...common,
  /** Days that are not workdays although they fall Mon–Fri: `'nl'` for the Dutch public days off, or dates. */
  holidays: z._default(
    z.union([z.literal('nl'), z.array(localDateSchema)], { error: "use 'nl' or a list of dates" }),
    [],
  ),
});

const weekSchema = z.strictObject({
  unit: z.literal('week'),
  ...common,
  weekdays: z.array(weekdaySchema).check(
    z.minLength(1, { error: 'choose at least one weekday' }),
    z.refine((days) => new Set(days).size === days.length, { error: 'a weekday is listed twice' }),
  ),
});

const nthSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('last')], {
  error: "use 1, 2, 3, 4 or 'last'",
});

const monthSchema = z
  .strictObject({
    unit: z.literal('month'),
    ...common,
    /** A fixed day of the month; past the month's end (31 in April) it falls on the month's last day. */
    day: z.optional(wholeNumber(1, 31)),
    /** Or an nth weekday: `{ weekday: 'mon', nth: 1 }` = the first Monday, `nth: 'last'` = the last one. */
    weekday: z.optional(weekdaySchema),
    nth: z.optional(nthSchema),
  })
  .check(
    z.superRefine((value, ctx) => {
      const byDay = value.day !== undefined;
      const byWeekday = value.weekday !== undefined || value.nth !== undefined;
      if (byDay === byWeekday) {
        ctx.addIssue({
          code: 'custom',
          path: ['day'],
          message:
            "give either a day of the month (day: 15) or an nth weekday (weekday: 'mon', nth: 1), not both or neither",
        });
      } else if (byWeekday && (value.weekday === undefined || value.nth === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [value.weekday === undefined ? 'weekday' : 'nth'],
          message: "an nth weekday needs both weekday and nth (e.g. weekday: 'fri', nth: 'last')",
        });
      }
    }),
  );

const LEAP_YEAR_MONTH_LENGTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const yearSchema = z
  .strictObject({
    unit: z.literal('year'),
    ...common,
    month: wholeNumber(1, 12),
    /** 29 February falls on 28 February in a common year. */
    day: wholeNumber(1, 31),
  })
  .check(
    z.refine((value) => value.day <= (LEAP_YEAR_MONTH_LENGTH[value.month - 1] ?? 31), {
      path: ['day'],
      error: 'that month never has this many days',
    }),
  );

const rruleSchema = z.strictObject({
  unit: z.literal('rrule'),
  /** An RFC 5545 RRULE value (advanced mode), e.g. `'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2'`. */
  rrule: z.string({ error: 'expected an RRULE as text' }).check(
    z.superRefine((text, ctx) => {
      try {
        parseRRule(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      }
    }),
  ),
  time: common.time,
  exceptions: common.exceptions,
});

/**
 * A recurring schedule as the platform's UI offers it — day, workday, week, month (fixed day or nth weekday) — plus
 * a yearly unit and an advanced raw RRULE, each with per-date exceptions.
 */
export const scheduleSchema = z.discriminatedUnion(
  'unit',
  [daySchema, workdaySchema, weekSchema, monthSchema, yearSchema, rruleSchema],
  { error: "unit must be one of 'day', 'workday', 'week', 'month', 'year', 'rrule'" },
);

/** A schedule as a caller writes it (defaults may be left out). */
export type ScheduleInput = z.input<typeof scheduleSchema>;
/** A checked schedule with its defaults filled in. */
export type Schedule = z.output<typeof scheduleSchema>;
