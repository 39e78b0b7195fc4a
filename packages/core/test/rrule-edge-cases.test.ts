// Regressions for issue 8 item 9: RRULE shapes where the expansion departed from RFC 5545 (a–e) or where a call's
// cost did not follow the instances returned and the window asked for (f). Each test failed (or timed out) before
// the fix. Agreeing with python-dateutil / rrule.js is not the bar here: several of these are shared by both.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CoreError, expandRRule, iterateRRule, type ExpansionRange } from '../src/index.js';

const locals = (rrule: string, dtstart: string, tzid: string, range: ExpansionRange = {}): string[] =>
  expandRRule({ rrule, dtstart, tzid }, range).map((o) => o.local);

/** The CoreError a call throws (fails the test when it throws something else or nothing). */
function coreErrorOf(run: () => unknown): CoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  }
  throw new Error('expected a CoreError, but the call returned');
}

const FAST = { timeout: 5000 };

describe('(a) BYDAY mixing ordinal and plain weekdays: each entry selects on its own (RFC 5545 §3.3.10)', () => {
  it('FREQ=MONTHLY;BYDAY=1MO,FR is the first Monday plus every Friday', () => {
    expect(locals('FREQ=MONTHLY;BYDAY=1MO,FR;COUNT=4', '2025-01-01T09:00:00', 'UTC')).toEqual([
      '2025-01-03T09:00:00',
      '2025-01-06T09:00:00',
      '2025-01-10T09:00:00',
      '2025-01-17T09:00:00',
    ]);
  });

  it('FREQ=YEARLY;BYMONTH=2;BYDAY=-1MO,SA is the last Monday and every Saturday of February', () => {
    expect(locals('FREQ=YEARLY;BYMONTH=2;BYDAY=-1MO,SA;COUNT=6', '2025-01-01T09:00:00', 'UTC')).toEqual([
      '2025-02-01T09:00:00',
      '2025-02-08T09:00:00',
      '2025-02-15T09:00:00',
      '2025-02-22T09:00:00',
      '2025-02-24T09:00:00',
      '2026-02-07T09:00:00',
    ]);
  });

  it('with BYSETPOS the positions count over the union', () => {
    // January 2025: Fridays 3, 10, 17, 24, 31 and the first Monday, the 6th: the last of the union is the 31st.
    expect(locals('FREQ=MONTHLY;BYDAY=1MO,FR;BYSETPOS=2,-1;COUNT=2', '2025-01-01T09:00:00', 'UTC')).toEqual([
      '2025-01-06T09:00:00',
      '2025-01-31T09:00:00',
    ]);
  });
});

describe('(b) WEEKLY with BYSETPOS counts positions over the whole week, then drops what precedes DTSTART', () => {
  it('BYDAY=MO,TU,TH,SA,SU;BYSETPOS=2,3 from Tuesday 2024-01-02', () => {
    expect(locals('FREQ=WEEKLY;BYDAY=MO,TU,TH,SA,SU;BYSETPOS=2,3;COUNT=4', '2024-01-02T09:00:00', 'UTC')).toEqual([
      '2024-01-02T09:00:00',
      '2024-01-04T09:00:00',
      '2024-01-09T09:00:00',
      '2024-01-11T09:00:00',
    ]);
  });

  it('a week that starts in the previous year (WKST=SU, DTSTART Wednesday 2025-01-01)', () => {
    // The week of Sunday 2024-12-29: SU 29, MO 30, WE 1, FR 3. Position 3 is Wednesday the 1st.
    expect(locals('FREQ=WEEKLY;BYDAY=SU,MO,WE,FR;BYSETPOS=3;WKST=SU;COUNT=2', '2025-01-01T09:00:00', 'UTC')).toEqual([
      '2025-01-01T09:00:00',
      '2025-01-08T09:00:00',
    ]);
  });
});

describe('(c) COUNT counts the instances returned (distinct instants)', () => {
  it('FREQ=HOURLY;COUNT=5 through the Amsterdam gap gives five', () => {
    expect(locals('FREQ=HOURLY;COUNT=5', '2025-03-30T00:00:00', 'Europe/Amsterdam')).toEqual([
      '2025-03-30T00:00:00',
      '2025-03-30T01:00:00',
      '2025-03-30T03:00:00',
      '2025-03-30T04:00:00',
      '2025-03-30T05:00:00',
    ]);
  });

  it('FREQ=DAILY;BYHOUR=1,2,3;COUNT=3 on the gap day', () => {
    expect(locals('FREQ=DAILY;BYHOUR=1,2,3;COUNT=3', '2025-03-30T00:00:00', 'Europe/Amsterdam')).toEqual([
      '2025-03-30T01:00:00',
      '2025-03-30T03:00:00',
      '2025-03-31T01:00:00',
    ]);
  });

  it("FREQ=DAILY;COUNT=3 over Pacific/Apia's skipped 2011-12-30", () => {
    expect(locals('FREQ=DAILY;COUNT=3', '2011-12-29T09:00:00', 'Pacific/Apia')).toEqual([
      '2011-12-29T09:00:00',
      '2011-12-31T09:00:00',
      '2012-01-01T09:00:00',
    ]);
  });
});

describe('(d) BYWEEKNO uses each year’s own week count (ISO 8601 weeks with WKST=MO)', () => {
  it('FREQ=YEARLY;BYWEEKNO=53;BYDAY=SA from 2010-06-01', () => {
    // 2011-01-01 is in 2010-W52 (2010 has 52 weeks); 2016-01-02 is in 2015-W53 and 2021-01-02 in 2020-W53.
    expect(locals('FREQ=YEARLY;BYWEEKNO=53;BYDAY=SA;COUNT=2', '2010-06-01T09:00:00', 'UTC')).toEqual([
      '2016-01-02T09:00:00',
      '2021-01-02T09:00:00',
    ]);
  });

  it('every BYWEEKNO=n;BYDAY=d agrees with the ISO week of luxon over 1995–2035', () => {
    for (const week of [1, 2, 52, 53, -1]) {
      const rrule = `FREQ=YEARLY;BYWEEKNO=${week};BYDAY=MO,TU,WE,TH,FR,SA,SU`;
      const actual = locals(rrule, '1995-01-01T00:00:00', 'UTC', { until: '2035-12-31' });
      const expected: string[] = [];
      for (let d = DateTime.utc(1995, 1, 1); d.year <= 2035; d = d.plus({ days: 1 })) {
        const n = week > 0 ? week : d.weeksInWeekYear + week + 1;
        if (d.weekNumber === n) expected.push(d.toFormat("yyyy-LL-dd'T'HH:mm:ss"));
      }
      expect(actual, rrule).toEqual(expected);
    }
  });
});

describe('(e) DTSTART is the first instance, also when it lies in a gap', () => {
  it('FREQ=MINUTELY;INTERVAL=15 from 02:30 in the Amsterdam gap starts at 03:30', () => {
    expect(locals('FREQ=MINUTELY;INTERVAL=15', '2025-03-30T02:30:00', 'Europe/Amsterdam', { limit: 4 })).toEqual([
      '2025-03-30T03:30:00',
      '2025-03-30T03:45:00',
      '2025-03-30T04:00:00',
      '2025-03-30T04:15:00',
    ]);
  });

  it('FREQ=HOURLY;BYMINUTE=0,30 from 02:30 in the gap', () => {
    expect(locals('FREQ=HOURLY;BYMINUTE=0,30;COUNT=3', '2025-03-30T02:30:00', 'Europe/Amsterdam')).toEqual([
      '2025-03-30T03:30:00',
      '2025-03-30T04:00:00',
      '2025-03-30T04:30:00',
    ]);
  });
});

describe('(f) bounded cost: every call grows with the instances returned and the window asked for', () => {
  it('a sub-daily BYSETPOS that never selects ends at once and honours `until`', FAST, () => {
    const until = { until: '2025-01-02T00:00:00' };
    expect(locals('FREQ=HOURLY;BYMINUTE=0;BYSETPOS=2', '2025-01-01T00:00:00', 'UTC', until)).toEqual([]);
    expect(locals('FREQ=MINUTELY;BYSECOND=0;BYSETPOS=2', '2025-01-01T00:00:00', 'UTC', until)).toEqual([]);
    expect(locals('FREQ=SECONDLY;BYSECOND=0;BYSETPOS=2', '2025-01-01T00:00:00', 'UTC', until)).toEqual([]);
  });

  it('a BYSETPOS that selects rarely stops at `until`', FAST, () => {
    // A month has at most one 1st: position 2 exists in no month, and the walk must stop at the window's end.
    const range = { until: '2025-03-01T00:00:00' };
    expect(locals('FREQ=DAILY;BYMONTHDAY=1;BYHOUR=9,10;BYSETPOS=3', '2025-01-01T00:00:00', 'UTC', range)).toEqual([]);
    expect(locals('FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2', '2025-01-01T00:00:00', 'Europe/Amsterdam', range)).toEqual([]);
  });

  it('a huge INTERVAL builds the zone table only for the years it visits', FAST, () => {
    expect(locals('FREQ=DAILY;INTERVAL=1000000', '2025-01-01T09:00:00', 'Europe/Amsterdam', { limit: 5 })).toEqual([
      '2025-01-01T09:00:00',
      '4762-11-29T09:00:00',
      '7500-10-26T09:00:00',
    ]);
    const yearly = locals('FREQ=YEARLY;INTERVAL=1000', '2025-06-01T09:00:00', 'America/New_York', { limit: 10 });
    expect(yearly).toHaveLength(8);
    expect(yearly.at(-1)).toBe('9025-06-01T09:00:00');
  });

  it('a sub-daily rule starts near `from` instead of walking from DTSTART', FAST, () => {
    const range = { from: '2090-01-01T00:00:00', limit: 3 };
    expect(locals('FREQ=SECONDLY;INTERVAL=7', '2000-01-01T00:00:00', 'UTC', range)).toEqual([
      '2090-01-01T00:00:01',
      '2090-01-01T00:00:08',
      '2090-01-01T00:00:15',
    ]);
    expect(locals('FREQ=MINUTELY;BYHOUR=5', '2000-01-01T00:00:00', 'Europe/Amsterdam', range)).toEqual([
      '2090-01-01T05:00:00',
      '2090-01-01T05:01:00',
      '2090-01-01T05:02:00',
    ]);
  });

  it('SECONDLY with hour and minute filters skips non-matching hours and minutes whole', FAST, () => {
    const rrule = 'FREQ=SECONDLY;BYHOUR=5;BYMINUTE=5;BYSECOND=5';
    const result = locals(rrule, '2025-01-01T00:00:00', 'UTC', { until: '2030-12-31' });
    expect(result).toHaveLength(2191);
    expect(result.at(-1)).toBe('2030-12-31T05:05:05');
  });

  it('limit must be a whole number up to 100,000 (iterateRRule: up to Number.MAX_SAFE_INTEGER)', () => {
    const input = { rrule: 'FREQ=DAILY', dtstart: '2025-01-01T09:00:00', tzid: 'UTC' };
    for (const limit of [1e308, Infinity, NaN, -1, 1.5, 100_001]) {
      const error = coreErrorOf(() => expandRRule(input, { limit }));
      expect(error.code).toBe('invalid-range');
      expect(error.path).toEqual(['limit']);
    }
    expect(coreErrorOf(() => iterateRRule(input, { limit: 1e308 }).next()).path).toEqual(['limit']);
    expect(expandRRule(input, { limit: 100_000 })).toHaveLength(100_000);
  });

  it('an expansion that would return more than 100,000 occurrences is refused with a clear error', FAST, () => {
    const input = { rrule: 'FREQ=MINUTELY;COUNT=1000000', dtstart: '2025-01-01', tzid: 'UTC' };
    const error = coreErrorOf(() => expandRRule(input, {}));
    expect(error.code).toBe('invalid-range');
    expect(error.message).toMatch(/100,000/);
    // Lazily, the same rule is fine: the caller pays for what it reads.
    const first = iterateRRule(input).next();
    expect(first.value?.local).toBe('2025-01-01T00:00:00');
  });

  it('COUNT and INTERVAL are capped at 1,000,000', () => {
    const parse = (rrule: string) => coreErrorOf(() => locals(rrule, '2025-01-01', 'UTC', { limit: 1 }));
    expect(parse('FREQ=DAILY;COUNT=100000000').message).toMatch(/COUNT.*1,000,000/);
    expect(parse('FREQ=DAILY;INTERVAL=1000001').message).toMatch(/INTERVAL.*1,000,000/);
  });
});

describe('minor: messages that name the real problem', () => {
  it('COUNT=9999999999 is out of range, not "not a whole number"', () => {
    const error = coreErrorOf(() => locals('FREQ=DAILY;COUNT=9999999999', '2025-01-01', 'UTC'));
    expect(error.code).toBe('invalid-rrule');
    expect(error.message).not.toMatch(/whole number/);
    expect(error.message).toMatch(/COUNT/);
  });

  it('a newline inside the rule is reported as such, not as an unknown FREQ', () => {
    const error = coreErrorOf(() => locals('FREQ=DAILY\nCOUNT=3', '2025-01-01', 'UTC'));
    expect(error.code).toBe('invalid-rrule');
    expect(error.message).toMatch(/line break/);
    expect(error.message).not.toMatch(/unknown/);
  });
});
