import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { expandRRule, iterateRRule } from './expand-rrule.js';
import { RRule } from './rrule-library.js';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Rules from the family rrule.js expands correctly in floating mode (no BYHOUR tricks, no date-only UNTIL). */
const ruleArbitrary = fc
  .record({
    freq: fc.constantFrom('YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'),
    interval: fc.integer({ min: 1, max: 4 }),
    byday: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }), {
      nil: undefined,
    }),
    nth: fc.option(fc.constantFrom(1, 2, 3, 4, -1, -2), { nil: undefined }),
    bymonthday: fc.option(
      fc.uniqueArray(fc.constantFrom(1, 5, 13, 15, 28, -1, -2, -3), { minLength: 1, maxLength: 2 }),
      { nil: undefined },
    ),
    bymonth: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }), {
      nil: undefined,
    }),
    bysetpos: fc.option(fc.constantFrom(1, 2, -1), { nil: undefined }),
    wkst: fc.option(fc.constantFrom('MO', 'SU'), { nil: undefined }),
    count: fc.integer({ min: 1, max: 40 }),
  })
  .map((r) => {
    const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`, `COUNT=${r.count}`];
    const ordinal = r.nth !== undefined && (r.freq === 'MONTHLY' || r.freq === 'YEARLY') && r.bymonthday === undefined;
    if (r.byday) parts.push(`BYDAY=${r.byday.map((d) => `${ordinal ? r.nth : ''}${WEEKDAYS[d]}`).join(',')}`);
    if (r.bymonthday && r.freq !== 'WEEKLY') parts.push(`BYMONTHDAY=${r.bymonthday.join(',')}`);
    if (r.bymonth) parts.push(`BYMONTH=${r.bymonth.join(',')}`);
    if (r.bysetpos !== undefined && r.freq === 'MONTHLY' && r.byday && !ordinal) parts.push(`BYSETPOS=${r.bysetpos}`);
    if (r.wkst) parts.push(`WKST=${r.wkst}`);
    return parts.join(';');
  });

const dtstartArbitrary = fc
  .record({
    year: fc.integer({ min: 2020, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00`);

/** rrule.js in floating mode (Dates whose UTC fields are the wall time), over the same window as ours. */
function rruleFloating(rrule: string, dtstart: string, until: string): string[] {
  const rule = new RRule({ ...RRule.parseString(rrule), dtstart: new Date(`${dtstart}Z`) });
  return rule
    .between(new Date(`${dtstart}Z`), new Date(`${until}Z`), true)
    .map((date) => date.toISOString().slice(0, 19));
}

/** Ten years on: a rare rule (29 February on a Monday) must not send rrule.js scanning to the year 9999. */
const tenYearsAfter = (dtstart: string) => `${Number(dtstart.slice(0, 4)) + 10}${dtstart.slice(4)}`;

describe('differential: expandRRule against rrule.js floating mode', () => {
  it('gives the same wall times for random rules in the family rrule.js handles', () => {
    fc.assert(
      fc.property(
        ruleArbitrary,
        dtstartArbitrary,
        fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'UTC'),
        (rrule, dtstart, tzid) => {
          const until = tenYearsAfter(dtstart);
          const ours = expandRRule({ rrule, dtstart, tzid }, { until }).map((o) => o.local);
          expect(ours).toEqual(rruleFloating(rrule, dtstart, until));
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it.each([
    'FREQ=MONTHLY;INTERVAL=1',
    'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15',
    'FREQ=WEEKLY;BYDAY=MO,TH',
    'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
  ])('W1 rule %s over 2025–2026', (rrule) => {
    const ours = expandRRule(
      { rrule, dtstart: '2024-01-05T09:00:00', tzid: 'Europe/Amsterdam' },
      { from: '2025-01-01T00:00:00', until: '2027-01-01T00:00:00' },
    ).map((o) => o.local);
    const rule = new RRule({ ...RRule.parseString(rrule), dtstart: new Date('2024-01-05T09:00:00Z') });
    const theirs = rule.between(new Date('2025-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), true);
    expect(ours).toEqual(theirs.map((d) => d.toISOString().slice(0, 19)));
  });
});

const ZONES = [
  'Europe/Amsterdam',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'America/Sao_Paulo',
  'UTC',
];

/** Seconds of a local or UTC text read on one clock, for checking instant = local − offset. */
const secondsOf = (text: string) => Date.parse(`${text.slice(0, 19)}Z`) / 1000;
const offsetSeconds = (offset: string) =>
  (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 3600 + Number(offset.slice(4, 6)) * 60);

describe('expandRRule properties', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  const timeArbitrary = fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.constantFrom(0, 15, 30, 45) });
  const windowArbitrary = fc.record({
    startDay: fc.integer({ min: 0, max: 3000 }),
    length: fc.integer({ min: 0, max: 400 }),
  });

  it('ordered, no duplicates, inside the window, limit respected, instant = local − offset, lazy = eager', () => {
    fc.assert(
      fc.property(
        ruleArbitrary,
        dtstartArbitrary,
        timeArbitrary,
        fc.constantFrom(...ZONES),
        windowArbitrary,
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        (rrule, date, time, tzid, window, limit) => {
          const dtstart = `${date.slice(0, 10)}T${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}:00`;
          const endless = rrule.replace(/COUNT=\d+;?/, '').replace(/;$/, '');
          const from = new Date(Date.UTC(2020, 0, 1) + window.startDay * 86400000).toISOString().slice(0, 19);
          const until = new Date(Date.UTC(2020, 0, 1) + (window.startDay + window.length) * 86400000)
            .toISOString()
            .slice(0, 19);
          const range = limit === undefined ? { from, until } : { from, until, limit };
          const result = expandRRule({ rrule: endless, dtstart, tzid }, range);
          if (limit !== undefined) expect(result.length).toBeLessThanOrEqual(limit);
          for (let i = 0; i < result.length; i++) {
            const o = result[i] as { local: string; instant: string; offset: string };
            expect(o.local >= from && o.local <= until).toBe(true);
            expect(secondsOf(o.instant)).toBe(secondsOf(o.local) - offsetSeconds(o.offset));
            if (i > 0) expect(o.instant > (result[i - 1] as { instant: string }).instant).toBe(true);
          }
          expect([...iterateRRule({ rrule: endless, dtstart, tzid }, range)]).toEqual(result);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('the same output whatever the process time zone', () => {
    fc.assert(
      fc.property(ruleArbitrary, dtstartArbitrary, fc.constantFrom(...ZONES), (rrule, dtstart, tzid) => {
        const results = ['UTC', 'America/New_York', 'Asia/Kolkata'].map((tz) => {
          process.env.TZ = tz;
          return expandRRule({ rrule, dtstart, tzid }, { until: tenYearsAfter(dtstart) });
        });
        expect(results[1]).toEqual(results[0]);
        expect(results[2]).toEqual(results[0]);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
