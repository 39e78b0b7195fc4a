// Fuzzing the recurrence entry points with random and hostile input: random rule text, random rule parts (huge
// INTERVAL and COUNT, BYSETPOS positions no period reaches, out-of-range lists), DTSTARTs in DST gaps and overlaps
// and in the years 0001 and 9999, garbage and huge zone names, and ranges and limits such as NaN, Infinity and
// 1e308. Every call must give a valid result or a CoreError — never another exception — within a bounded time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CoreError,
  describeSchedule,
  expandRRule,
  expandSchedule,
  iterateRRule,
  iterateSchedule,
  scheduleToRRule,
  type ExpansionRange,
  type Occurrence,
} from '../src/index.js';

/**
 * Per call. The slowest legitimate call walks a COUNT at its cap (1,000,000 instances, e.g. SECONDLY) before a range
 * far after DTSTART: 3–4 s on this 2-core machine, more when it is loaded. The bound is there to catch the unbounded
 * walks this file was written against (hours, or never), not to time the engine: speed lives in bench/.
 */
const MAX_CALL_MS = 15_000;
/** Items read from the lazy forms. */
const TAKE = 40;
const runs = (numRuns: number) => ({ numRuns, endOnFailure: true });

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// ---- Rule text ----------------------------------------------------------------------------------------------------

const hugeNumber = fc.constantFrom(0, -1, 1000, 99_999, 1_000_000, 1_000_001, 100_000_000, 9_999_999_999, 1e21);
const smallOrHuge = (max: number) => fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max }) }, hugeNumber);
const intList = (min: number, max: number) =>
  fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 4 }).map((values) => values.join(','));
const weekdayCode = fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU', 'XX');
const byDayEntry = fc.oneof(
  weekdayCode,
  fc.tuple(fc.integer({ min: -60, max: 60 }), weekdayCode).map(([n, code]) => `${n}${code}`),
);
const untilText = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 31 }))
    .chain(([y, m, d]) =>
      fc.constantFrom(
        `${pad(y, 4)}${pad(m)}${pad(d)}`,
        `${pad(y, 4)}${pad(m)}${pad(d)}T090000`,
        `${pad(y, 4)}${pad(m)}${pad(d)}T235960Z`,
      ),
    ),
  fc.string({ maxLength: 20 }),
);

/** RRULE parts, each optional, with values both valid and hostile. */
const ruleParts = fc.record(
  {
    FREQ: fc.constantFrom('YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY', 'FORTNIGHTLY'),
    INTERVAL: smallOrHuge(12).map(String),
    COUNT: smallOrHuge(60).map(String),
    UNTIL: untilText,
    BYSECOND: intList(-1, 61),
    BYMINUTE: intList(0, 60),
    BYHOUR: intList(0, 24),
    BYDAY: fc.array(byDayEntry, { minLength: 1, maxLength: 4 }).map((entries) => entries.join(',')),
    BYMONTHDAY: intList(-32, 32),
    BYYEARDAY: intList(-367, 367),
    BYWEEKNO: intList(-54, 54),
    BYMONTH: intList(0, 13),
    BYSETPOS: intList(-400, 400),
    WKST: weekdayCode,
  },
  { requiredKeys: ['FREQ'] },
);

const ruleFromParts = fc.tuple(ruleParts, fc.boolean()).map(
  ([parts, prefix]) =>
    `${prefix ? 'RRULE:' : ''}${Object.entries(parts)
      .map(([k, v]) => `${k}=${v}`)
      .join(';')}`,
);

/** Rules that select rarely or never, and those whose cost used to run away. */
const hostileRule = fc.constantFrom(
  'FREQ=HOURLY;BYMINUTE=0;BYSETPOS=2',
  'FREQ=MINUTELY;BYSECOND=0;BYSETPOS=2',
  'FREQ=SECONDLY;BYSECOND=0;BYSETPOS=-2',
  'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2',
  'FREQ=DAILY;INTERVAL=1000000',
  'FREQ=YEARLY;INTERVAL=1000',
  'FREQ=SECONDLY;BYHOUR=5;BYMINUTE=5;BYSECOND=5',
  'FREQ=SECONDLY;COUNT=1000000',
  'FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=YEARLY;BYWEEKNO=53;BYDAY=SA',
  'FREQ=MONTHLY;BYDAY=1MO,FR;BYSETPOS=-1',
  'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO',
  'FREQ=DAILY\nCOUNT=3',
  `FREQ=DAILY;BYSETPOS=${'1,'.repeat(5000)}1`,
);

const ruleText = fc.oneof(
  { weight: 5, arbitrary: ruleFromParts },
  { weight: 2, arbitrary: hostileRule },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
);

// ---- Start, zone, range -------------------------------------------------------------------------------------------

const localTime = fc
  .record({
    y: fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1990, max: 2040 })),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.constantFrom(0, 15, 30, 59),
  })
  .map(({ y, m, d, h, mi }) => `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:00`);

const dtstart = fc.oneof(
  { weight: 4, arbitrary: localTime },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '2025-03-30T02:30:00', // Amsterdam gap
      '2025-10-26T02:30:00', // Amsterdam overlap
      '2025-03-09T02:00:00', // New York gap
      '2011-12-30T09:00:00', // Apia's skipped day
      '2025-10-05T02:15:00', // Lord Howe's half-hour gap
      '0001-01-01T00:00:00',
      '9999-12-31T23:59:59',
      '2025-01-01',
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 25 }), fc.constant('2025-02-30T09:00:00')) },
);

const tzid = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'Europe/Amsterdam',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Apia',
      'America/Sao_Paulo',
      'UTC',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('Not/AZone', '', 'Europe/Amsterdam\n', 'x'.repeat(20_000)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const limit = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1, 0.5, 100_001, 5000) },
);

const range: fc.Arbitrary<ExpansionRange> = fc.record(
  {
    from: fc.oneof(localTime, dtstart),
    until: fc.oneof(localTime, dtstart),
    limit,
  },
  { requiredKeys: [] },
);

// ---- Checks -------------------------------------------------------------------------------------------------------

/** Runs `call`: it returns, or throws a CoreError (any other exception fails the property), within MAX_CALL_MS. */
function bounded<T>(label: string, call: () => T): T | CoreError {
  const started = performance.now();
  let result: T | CoreError;
  try {
    result = call();
  } catch (error) {
    if (!(error instanceof CoreError)) {
      throw new Error(`${label} threw a non-CoreError: ${String(error)}`, { cause: error });
    }
    expect(typeof error.code).toBe('string');
    expect(Array.isArray(error.path)).toBe(true);
    result = error;
  }
  const elapsed = performance.now() - started;
  expect(elapsed, `${label} took ${elapsed.toFixed(0)} ms`).toBeLessThan(MAX_CALL_MS);
  return result;
}

/** A valid result: well-formed occurrences, strictly ascending by instant, within the limit. */
function checkOccurrences(result: Occurrence[] | CoreError, max: number | undefined): void {
  if (result instanceof CoreError) return;
  expect(Array.isArray(result)).toBe(true);
  if (max !== undefined) expect(result.length).toBeLessThanOrEqual(max);
  for (let i = 0; i < result.length; i++) {
    const o = result[i] as Occurrence;
    expect(o.local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(o.instant).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(o.offset).toMatch(/^[+-]\d{2}:\d{2}$/);
    if (i > 0) expect(o.instant > (result[i - 1] as Occurrence).instant).toBe(true);
  }
}

const take = (iterator: Iterator<Occurrence>): Occurrence[] => {
  const items: Occurrence[] = [];
  for (let next = iterator.next(); !next.done && items.length < TAKE; next = iterator.next()) items.push(next.value);
  return items;
};

const maxOf = (r: ExpansionRange) => (Number.isFinite(r.limit) ? (r.limit as number) : undefined);

// ---- Properties ---------------------------------------------------------------------------------------------------

describe('fuzz: expandRRule / iterateRRule', () => {
  it('random and hostile rules, starts, zones and ranges: a valid result or a CoreError, in bounded time', () => {
    fc.assert(
      fc.property(ruleText, dtstart, tzid, range, (rrule, start, zone, r) => {
        const input = { rrule, dtstart: start, tzid: zone };
        const label = `${JSON.stringify(input).slice(0, 200)} ${JSON.stringify(r)}`;
        checkOccurrences(
          bounded(`expandRRule ${label}`, () => expandRRule(input, r)),
          maxOf(r),
        );
        checkOccurrences(
          bounded(`iterateRRule ${label}`, () => take(iterateRRule(input, r))),
          undefined,
        );
      }),
      runs(250),
    );
  }, 60_000);

  it('non-objects and wrong types are CoreErrors too', () => {
    const fields = fc.record({ rrule: fc.anything(), dtstart: fc.anything(), tzid: fc.anything() });
    const odd = fc.oneof(fc.anything(), fields);
    fc.assert(
      fc.property(odd, fc.anything(), (input, r) => {
        bounded('expandRRule', () => expandRRule(input as never, r as never));
        bounded('iterateRRule', () => take(iterateRRule(input as never, r as never)));
      }),
      runs(150),
    );
  });
});

// ---- Schedules ----------------------------------------------------------------------------------------------------

const date = fc.oneof(
  localTime.map((t) => t.slice(0, 10)),
  fc.constantFrom('2025-03-30', '0001-01-01', '9999-12-31', '2025-02-30', 'tomorrow'),
);
const weekdayName = fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'xyz');
const interval = fc.oneof(fc.integer({ min: 1, max: 5 }), hugeNumber);
const time = fc.constantFrom(undefined, '00:00', '02:30', '09:15', '23:59', '24:00', 'noon');
const exceptions = fc.record(
  {
    skip: fc.array(date, { maxLength: 2 }),
    move: fc.array(fc.record({ from: date, to: date }), { maxLength: 2 }),
    add: fc.array(date, { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const schedule = fc.oneof(
  fc.record({ unit: fc.constant('day'), interval, time, exceptions }, { requiredKeys: ['unit'] }),
  fc.record(
    {
      unit: fc.constant('workday'),
      interval,
      time,
      holidays: fc.oneof(fc.constant('nl'), fc.array(date, { maxLength: 3 })),
    },
    { requiredKeys: ['unit'] },
  ),
  fc.record(
    { unit: fc.constant('week'), interval, time, weekdays: fc.array(weekdayName, { maxLength: 3 }) },
    { requiredKeys: ['unit', 'weekdays'] },
  ),
  fc.record(
    {
      unit: fc.constant('month'),
      interval,
      time,
      day: fc.integer({ min: -1, max: 32 }),
      weekday: weekdayName,
      nth: fc.constantFrom(1, 2, 3, 4, 5, 'last'),
    },
    { requiredKeys: ['unit'] },
  ),
  fc.record(
    {
      unit: fc.constant('year'),
      interval,
      time,
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
    },
    { requiredKeys: ['unit'] },
  ),
  fc.record({ unit: fc.constant('rrule'), rrule: ruleText, time, exceptions }, { requiredKeys: ['unit', 'rrule'] }),
  fc.anything(),
);

const anchor = fc.record({ start: date, end: date, tzid }, { requiredKeys: ['start', 'tzid'] });

// Mostly the two real locales, sometimes an unknown or prototype key, or any value at all.
const locales = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('nl', 'en') },
  { weight: 1, arbitrary: fc.constantFrom('de', '__proto__', 'constructor', 'toString', '') },
  { weight: 1, arbitrary: fc.anything() },
);

describe('fuzz: expandSchedule / iterateSchedule / describeSchedule / scheduleToRRule', () => {
  it('random and hostile schedules and anchors: a valid result or a CoreError, in bounded time', () => {
    fc.assert(
      fc.property(schedule, anchor, range, locales, (s, a, r, locale) => {
        const label = `${JSON.stringify(s)?.slice(0, 200)} ${JSON.stringify(a).slice(0, 100)} ${JSON.stringify(r)}`;
        checkOccurrences(
          bounded(`expandSchedule ${label}`, () => expandSchedule(s as never, a, r)),
          maxOf(r),
        );
        checkOccurrences(
          bounded(`iterateSchedule ${label}`, () => take(iterateSchedule(s as never, a, r))),
          undefined,
        );
        const text = bounded(`describeSchedule ${label}`, () => describeSchedule(s as never, locale as 'nl' | 'en'));
        if (!(text instanceof CoreError)) expect(typeof text).toBe('string');
        const rule = bounded(`scheduleToRRule ${label}`, () => scheduleToRRule(s as never));
        if (!(rule instanceof CoreError) && rule !== null) expect(typeof rule).toBe('string');
      }),
      runs(250),
    );
  }, 60_000);
});
