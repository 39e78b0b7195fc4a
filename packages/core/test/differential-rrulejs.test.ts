// Differential test against rrule.js 2.8.1 (a port of python-dateutil's rrule). rrule.js runs in "floating" mode: a
// DTSTART built with Date.UTC and no tzid, so its Dates' UTC fields are the wall time. expandRRule's `local` values,
// in a zone where 09:00 always exists once, must be exactly that sequence of wall times.
//
// rrule.js is an oracle only where it follows RFC 5545. The random rules (test/support/rule-arbitrary.ts) therefore
// leave out the shapes where it does not — BYDAY mixing ordinal and plain weekdays, BYSETPOS with FREQ=WEEKLY, BYWEEKNO,
// and local times that a DST gap moves (all rules run at 09:00) — and the block "where rrule.js itself departs from
// RFC 5545" below pins what RFC 5545 requires for each of them instead.
import fc from 'fast-check';
import rrulePkg from 'rrule';
import { describe, expect, it } from 'vitest';
import { expandRRule, type ExpansionRange } from '../src/index.js';
import {
  ZONES,
  addDays,
  civilDateArb,
  dateText,
  ruleSpecArb,
  ruleText,
  type RuleSpec,
} from './support/rule-arbitrary.js';

const { RRule } = rrulePkg;

/** A local 'YYYY-MM-DDTHH:mm:ss' as a floating rrule.js Date (UTC fields = wall time). */
function floating(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`not a local time: ${local}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

const wallTime = (date: Date): string => date.toISOString().slice(0, 19);

function oracle(rrule: string, dtstart: string) {
  return new RRule({ ...RRule.parseString(rrule), dtstart: floating(dtstart) });
}

/** rrule.js's wall times in [from, until] (both inclusive). */
function rrulejsBetween(rrule: string, dtstart: string, from: string, until: string): string[] {
  return oracle(rrule, dtstart).between(floating(from), floating(until), true).map(wallTime);
}

function ours(rrule: string, dtstart: string, tzid: string, range: ExpansionRange): string[] {
  return expandRRule({ rrule, dtstart, tzid }, range).map((o) => o.local);
}

/** How far the full comparisons look: far enough for COUNT=60 of most rules, short enough for rare ones. */
const HORIZON_DAYS = 12 * 366;

const runs = (numRuns: number) => ({ numRuns, endOnFailure: true });
/** rrule.js needs up to ~0.1 s for a rule that never matches (it scans to year 9999), so allow generous time. */
const PROPERTY_TIMEOUT = 60_000;

describe('expandRRule agrees with rrule.js (floating mode) on random rules', () => {
  it(
    'from DTSTART to the rule end (or a 12-year horizon)',
    () => {
      fc.assert(
        fc.property(ruleSpecArb, fc.constantFrom(...ZONES), (spec: RuleSpec, tzid) => {
          const rrule = ruleText(spec);
          const horizon = `${addDays(spec.dtstart, HORIZON_DAYS).slice(0, 10)}T23:59:59`;
          const expected = rrulejsBetween(rrule, spec.dtstart, spec.dtstart, horizon);
          expect(
            ours(rrule, spec.dtstart, tzid, { until: horizon }),
            `${rrule} from ${spec.dtstart} in ${tzid}`,
          ).toEqual(expected);
        }),
        runs(300),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'inside a random [from, until] window (tests the skip-ahead to `from` and both inclusive bounds)',
    () => {
      const windowArb = fc.record({
        startOffsetDays: fc.integer({ min: -30, max: 6 * 366 }),
        spanDays: fc.integer({ min: 0, max: 3 * 366 }),
        fromTime: fc.constantFrom('00:00:00', '09:00:00', '09:00:01'),
        untilTime: fc.constantFrom('08:59:59', '09:00:00', '23:59:59'),
      });
      fc.assert(
        fc.property(ruleSpecArb, fc.constantFrom(...ZONES), windowArb, (spec, tzid, w) => {
          const rrule = ruleText(spec);
          const fromDay = addDays(spec.dtstart, w.startOffsetDays).slice(0, 10);
          const from = `${fromDay}T${w.fromTime}`;
          const until = `${addDays(`${fromDay}T00:00:00`, w.spanDays).slice(0, 10)}T${w.untilTime}`;
          fc.pre(from <= until);
          const expected = rrulejsBetween(rrule, spec.dtstart, from, until);
          expect(
            ours(rrule, spec.dtstart, tzid, { from, until }),
            `${rrule} from ${spec.dtstart} [${from}, ${until}]`,
          ).toEqual(expected);
        }),
        runs(150),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'the first N with range.limit match rrule.js',
    () => {
      fc.assert(
        fc.property(ruleSpecArb, fc.integer({ min: 0, max: 25 }), (spec, limit) => {
          const rrule = ruleText(spec);
          const horizon = `${addDays(spec.dtstart, HORIZON_DAYS).slice(0, 10)}T23:59:59`;
          const expected = rrulejsBetween(rrule, spec.dtstart, spec.dtstart, horizon).slice(0, limit);
          const actual = ours(rrule, spec.dtstart, 'Europe/Amsterdam', { limit });
          expect(actual.length).toBeLessThanOrEqual(limit);
          // rrule.js was asked only up to the horizon: beyond it ours may hold more (when rrule.js had < limit).
          expect(
            actual.filter((local) => local <= horizon),
            rrule,
          ).toEqual(expected);
        }),
        runs(100),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'MONTHLY with BYDAY and BYSETPOS',
    () => {
      const withSetPos = ruleSpecArb.filter((spec) => spec.bySetPos !== undefined);
      fc.assert(
        fc.property(withSetPos, (spec) => {
          const rrule = ruleText(spec);
          const horizon = `${addDays(spec.dtstart, HORIZON_DAYS).slice(0, 10)}T23:59:59`;
          const expected = rrulejsBetween(rrule, spec.dtstart, spec.dtstart, horizon);
          expect(ours(rrule, spec.dtstart, 'Asia/Kolkata', { until: horizon }), rrule).toEqual(expected);
        }),
        runs(60),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'endless rules (no COUNT/UNTIL) over a window',
    () => {
      fc.assert(
        fc.property(ruleSpecArb, civilDateArb(2020, 2034), (spec, end) => {
          const rrule = ruleText({ ...spec, end: null });
          const until = `${dateText(end)}T23:59:59`;
          fc.pre(spec.dtstart <= until);
          const expected = rrulejsBetween(rrule, spec.dtstart, spec.dtstart, until);
          expect(ours(rrule, spec.dtstart, 'America/New_York', { until: dateText(end) }), rrule).toEqual(expected);
        }),
        runs(100),
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe('where rrule.js itself departs from RFC 5545', () => {
  it('BYDAY=1MO,FR: each BYDAY entry selects on its own and the list is their union (§3.3.10); rrule.js gives []', () => {
    const rrule = 'FREQ=MONTHLY;BYDAY=1MO,FR;COUNT=4';
    expect(ours(rrule, '2025-01-01T09:00:00', 'UTC', {})).toEqual([
      '2025-01-03T09:00:00',
      '2025-01-06T09:00:00',
      '2025-01-10T09:00:00',
      '2025-01-17T09:00:00',
    ]);
    expect(oracle(rrule, '2025-01-01T09:00:00').all().map(wallTime)).toEqual([]);
  });

  it('WEEKLY BYSETPOS from mid-week: "a set of recurrence instances starts at the beginning of the interval" (§3.3.10)', () => {
    // The week of Monday 2024-01-01 is MO 1, TU 2, TH 4, SA 6, SU 7: positions 2 and 3 are the 2nd and the 4th.
    // rrule.js counts from DTSTART (TU 2, TH 4, SA 6, …) and so picks the 4th and the 6th.
    const rrule = 'FREQ=WEEKLY;BYDAY=MO,TU,TH,SA,SU;BYSETPOS=2,3;COUNT=4';
    expect(ours(rrule, '2024-01-02T09:00:00', 'UTC', {})).toEqual([
      '2024-01-02T09:00:00',
      '2024-01-04T09:00:00',
      '2024-01-09T09:00:00',
      '2024-01-11T09:00:00',
    ]);
    expect(oracle(rrule, '2024-01-02T09:00:00').all().map(wallTime)[0]).toBe('2024-01-04T09:00:00');
  });

  it('BYWEEKNO=53: 2011-01-01 lies in 2010-W52, as 2010 has 52 weeks (§3.3.10, ISO 8601); rrule.js puts it in W53', () => {
    const rrule = 'FREQ=YEARLY;BYWEEKNO=53;BYDAY=SA;COUNT=2';
    expect(ours(rrule, '2010-06-01T09:00:00', 'UTC', {})).toEqual(['2016-01-02T09:00:00', '2021-01-02T09:00:00']);
    expect(oracle(rrule, '2010-06-01T09:00:00').all().map(wallTime)).toEqual([
      '2011-01-01T09:00:00',
      '2016-01-02T09:00:00',
    ]);
  });

  it('BYSETPOS=3,-2 naming the same Tuesday: one occurrence (rrule.js 2.8.1 returns it twice)', () => {
    // April 2027 has Tuesdays 6, 13, 20, 27 and May 4, 11, 18, 25: the 3rd and the 2nd-to-last coincide. June has
    // five (1, 8, 15, 22, 29): they differ. The recurrence set holds each date once, so COUNT=4 reaches into June.
    // rrule.js dedups its BYSETPOS list with Array#includes on Date objects (reference equality), so it repeats them.
    const rrule = 'FREQ=MONTHLY;COUNT=4;BYDAY=TU;BYSETPOS=3,-2';
    expect(ours(rrule, '2027-04-01T09:00:00', 'Europe/Amsterdam', {})).toEqual([
      '2027-04-20T09:00:00',
      '2027-05-18T09:00:00',
      '2027-06-15T09:00:00',
      '2027-06-22T09:00:00',
    ]);
    expect(oracle(rrule, '2027-04-01T09:00:00').all().map(wallTime)).toEqual([
      '2027-04-20T09:00:00',
      '2027-04-20T09:00:00',
      '2027-05-18T09:00:00',
      '2027-05-18T09:00:00',
    ]);
  });
});

describe('the W1 rules from 2024-01-05T09:00:00 in Europe/Amsterdam, over 2025-01-01 … 2027-01-01', () => {
  const dtstart = '2024-01-05T09:00:00';
  const from = '2025-01-01T00:00:00';
  const until = '2027-01-01T00:00:00';
  const rows: { rrule: string; total: number; first: string; last: string }[] = [
    { rrule: 'FREQ=MONTHLY;INTERVAL=1', total: 24, first: '2025-01-05T09:00:00', last: '2026-12-05T09:00:00' },
    {
      rrule: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15',
      total: 2,
      first: '2025-03-15T09:00:00',
      last: '2026-03-15T09:00:00',
    },
    // Mondays: 52 + 52, Thursdays: 52 + 53 (2026 starts on a Thursday).
    { rrule: 'FREQ=WEEKLY;BYDAY=MO,TH', total: 209, first: '2025-01-02T09:00:00', last: '2026-12-31T09:00:00' },
    { rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO', total: 8, first: '2025-01-06T09:00:00', last: '2026-10-05T09:00:00' },
    { rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1', total: 24, first: '2025-01-31T09:00:00', last: '2026-12-31T09:00:00' },
  ];

  it.each(rows)('$rrule', ({ rrule, total, first, last }) => {
    const actual = ours(rrule, dtstart, 'Europe/Amsterdam', { from, until });
    expect(actual).toEqual(rrulejsBetween(rrule, dtstart, from, until));
    expect(actual).toHaveLength(total);
    expect(actual[0]).toBe(first);
    expect(actual.at(-1)).toBe(last);
  });

  it('FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO: every quarter from January, first Monday', () => {
    expect(ours('FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO', dtstart, 'Europe/Amsterdam', { from, until })).toEqual([
      '2025-01-06T09:00:00',
      '2025-04-07T09:00:00',
      '2025-07-07T09:00:00',
      '2025-10-06T09:00:00',
      '2026-01-05T09:00:00',
      '2026-04-06T09:00:00',
      '2026-07-06T09:00:00',
      '2026-10-05T09:00:00',
    ]);
  });

  it('the same rules from DTSTART (2024, where 2024-01-01, a Monday before DTSTART, is not an occurrence)', () => {
    for (const { rrule } of rows) {
      const end = '2025-12-31T23:59:59';
      expect(ours(rrule, dtstart, 'Europe/Amsterdam', { until: end }), rrule).toEqual(
        rrulejsBetween(rrule, dtstart, dtstart, end),
      );
    }
    expect(ours('FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO', dtstart, 'Europe/Amsterdam', { limit: 1 })).toEqual([
      '2024-04-01T09:00:00',
    ]);
  });
});
