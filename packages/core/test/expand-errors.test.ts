// How expandRRule refuses bad input: every refusal is a CoreError whose `code` says what kind of mistake it is,
// whose `path` names the field, and whose message names the offending rule part.
import { describe, expect, it } from 'vitest';
import { CoreError, expandRRule, iterateRRule, type ExpansionRange, type RRuleInput } from '../src/index.js';

const base: RRuleInput = { rrule: 'FREQ=DAILY;COUNT=3', dtstart: '2025-01-06T09:00:00', tzid: 'Europe/Amsterdam' };

/** The error `run` throws; fails the test when it throws nothing or something that is not a CoreError. */
function thrownBy(run: () => unknown): CoreError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a CoreError to be thrown').toBeInstanceOf(CoreError);
  return caught as CoreError;
}

const expandError = (input: Partial<RRuleInput> | Record<string, unknown>, range: ExpansionRange = {}): CoreError =>
  thrownBy(() => expandRRule({ ...base, ...input }, range));

describe('malformed rules → invalid-rrule, naming the part', () => {
  const cases: { rrule: string; names: RegExp }[] = [
    // The cases the contract names.
    { rrule: 'COUNT=3', names: /FREQ/ },
    { rrule: 'INTERVAL=2;BYDAY=MO', names: /FREQ/ },
    { rrule: 'FREQ=FOO', names: /FREQ.*FOO|FOO.*FREQ/ },
    { rrule: 'FREQ=DAILY;BYMONTHDAY=0', names: /BYMONTHDAY/ },
    { rrule: 'FREQ=WEEKLY;BYDAY=XX', names: /BYDAY.*XX|XX.*BYDAY/ },
    { rrule: 'FREQ=DAILY;INTERVAL=0', names: /INTERVAL/ },
    { rrule: 'FREQ=DAILY;COUNT=3;UNTIL=20250301T000000Z', names: /COUNT.*UNTIL|UNTIL.*COUNT/ },
    { rrule: 'FREQ=DAILY;UNTIL=20250301;COUNT=3', names: /COUNT.*UNTIL|UNTIL.*COUNT/ },
    { rrule: 'FREQ=DAILY;COUNT=3;FOO=1', names: /FOO/ },
    { rrule: 'FREQ=DAILY;COUNT=3;X-EXTRA=1', names: /X-EXTRA/ },
    // Out-of-range values (RFC 5545 §3.3.10 grammar).
    { rrule: 'FREQ=DAILY;BYMONTHDAY=32', names: /BYMONTHDAY/ },
    { rrule: 'FREQ=DAILY;BYMONTHDAY=-32', names: /BYMONTHDAY/ },
    { rrule: 'FREQ=YEARLY;BYMONTH=0', names: /BYMONTH/ },
    { rrule: 'FREQ=YEARLY;BYMONTH=13', names: /BYMONTH/ },
    { rrule: 'FREQ=DAILY;BYHOUR=24', names: /BYHOUR/ },
    { rrule: 'FREQ=DAILY;BYMINUTE=60', names: /BYMINUTE/ },
    { rrule: 'FREQ=YEARLY;BYYEARDAY=0', names: /BYYEARDAY/ },
    { rrule: 'FREQ=YEARLY;BYYEARDAY=367', names: /BYYEARDAY/ },
    { rrule: 'FREQ=YEARLY;BYWEEKNO=0', names: /BYWEEKNO/ },
    { rrule: 'FREQ=YEARLY;BYWEEKNO=54', names: /BYWEEKNO/ },
    { rrule: 'FREQ=YEARLY;BYMONTH=1;BYSETPOS=0', names: /BYSETPOS/ },
    { rrule: 'FREQ=YEARLY;BYDAY=0MO', names: /BYDAY/ },
    { rrule: 'FREQ=YEARLY;BYDAY=54MO', names: /BYDAY/ },
    { rrule: 'FREQ=DAILY;BYDAY=MO,,TU', names: /BYDAY/ },
    { rrule: 'FREQ=DAILY;BYDAY=MONDAY', names: /BYDAY/ },
    { rrule: 'FREQ=WEEKLY;WKST=XX', names: /WKST/ },
    { rrule: 'FREQ=DAILY;INTERVAL=-2', names: /INTERVAL/ },
    { rrule: 'FREQ=DAILY;INTERVAL=1.5', names: /INTERVAL/ },
    { rrule: 'FREQ=DAILY;COUNT=0', names: /COUNT/ },
    { rrule: 'FREQ=DAILY;COUNT=-1', names: /COUNT/ },
    { rrule: 'FREQ=DAILY;COUNT=abc', names: /COUNT/ },
    { rrule: 'FREQ=DAILY;UNTIL=2025-03-01', names: /UNTIL/ },
    { rrule: 'FREQ=DAILY;UNTIL=20250230', names: /UNTIL/ },
    { rrule: 'FREQ=DAILY;UNTIL=20250301T250000Z', names: /UNTIL/ },
    // Syntax.
    { rrule: '', names: /empty|FREQ/ },
    { rrule: 'FREQ', names: /FREQ/ },
    { rrule: 'FREQ=DAILY;COUNT', names: /COUNT/ },
    { rrule: 'FREQ=DAILY;BYDAY=', names: /BYDAY/ },
    { rrule: 'FREQ=DAILY;FREQ=WEEKLY', names: /FREQ/ },
    // Combinations RFC 5545 §3.3.10 rules out.
    { rrule: 'FREQ=MONTHLY;BYWEEKNO=20', names: /BYWEEKNO/ },
    { rrule: 'FREQ=MONTHLY;BYYEARDAY=100', names: /BYYEARDAY/ },
    { rrule: 'FREQ=WEEKLY;BYYEARDAY=100', names: /BYYEARDAY/ },
    { rrule: 'FREQ=DAILY;BYYEARDAY=100', names: /BYYEARDAY/ },
    { rrule: 'FREQ=WEEKLY;BYMONTHDAY=1', names: /BYMONTHDAY/ },
    { rrule: 'FREQ=WEEKLY;BYDAY=1MO', names: /BYDAY/ },
    { rrule: 'FREQ=DAILY;BYDAY=-1FR', names: /BYDAY/ },
    { rrule: 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO', names: /BYDAY|BYWEEKNO/ },
    { rrule: 'FREQ=DAILY;BYSETPOS=1', names: /BYSETPOS/ },
  ];

  it.each(cases)('$rrule', ({ rrule, names }) => {
    const error = expandError({ rrule });
    expect(error.code).toBe('invalid-rrule');
    expect(error.path).toEqual(['rrule']);
    expect(error.message).toMatch(names);
    expect(error.name).toBe('CoreError');
    expect(error).toBeInstanceOf(Error);
  });

  it('a non-string rrule is invalid-rrule at path [rrule]', () => {
    const error = expandError({ rrule: 42 });
    expect(error.code).toBe('invalid-rrule');
    expect(error.path).toEqual(['rrule']);
  });

  it('a missing input object is invalid-input', () => {
    expect(thrownBy(() => expandRRule(null as unknown as RRuleInput, {})).code).toBe('invalid-input');
  });

  it('iterateRRule refuses the same rules (at the latest when first read)', () => {
    const error = thrownBy(() => [...iterateRRule({ ...base, rrule: 'FREQ=FOO' })]);
    expect(error.code).toBe('invalid-rrule');
    expect(error.message).toMatch(/FREQ/);
  });

  it('the RRULE: prefix is accepted', () => {
    expect(expandRRule({ ...base, rrule: 'RRULE:FREQ=DAILY;COUNT=3' }, {})).toEqual(expandRRule(base, {}));
  });
});

describe('bad local times → invalid-local-time with the field as path', () => {
  it.each([
    '2025-13-01T09:00:00',
    '2025-02-30T09:00:00',
    '2025-02-29',
    '2025-01-01T24:00:00',
    '2025-01-01T09:60:00',
    '2025-01-01 09:00:00',
    '2025-01-01T09:00:00Z',
    '2025-1-1',
    'next Monday',
    '',
  ])('dtstart %j', (dtstart) => {
    const error = expandError({ dtstart });
    expect(error.code).toBe('invalid-local-time');
    expect(error.path).toEqual(['dtstart']);
  });

  it('a missing dtstart', () => {
    const error = expandError({ dtstart: undefined });
    expect(error.code).toBe('invalid-local-time');
    expect(error.path).toEqual(['dtstart']);
  });

  it('a leap day is a valid dtstart in a leap year', () => {
    expect(expandRRule({ ...base, dtstart: '2024-02-29T09:00:00' }, {}).map((o) => o.local)).toEqual([
      '2024-02-29T09:00:00',
      '2024-03-01T09:00:00',
      '2024-03-02T09:00:00',
    ]);
  });

  it('exdates and rdates name the index', () => {
    const exdate = expandError({ exdates: ['2025-01-07T09:00:00', 'tomorrow'] });
    expect(exdate.code).toBe('invalid-local-time');
    expect(exdate.path).toEqual(['exdates', 1]);
    const rdate = expandError({ rdates: ['2025-02-30'] });
    expect(rdate.code).toBe('invalid-local-time');
    expect(rdate.path).toEqual(['rdates', 0]);
  });

  it('range.from and range.until', () => {
    const from = expandError({}, { from: 'yesterday' });
    expect(from.code).toBe('invalid-local-time');
    expect(from.path).toEqual(['from']);
    const until = expandError({}, { until: '2025-01-32' });
    expect(until.code).toBe('invalid-local-time');
    expect(until.path).toEqual(['until']);
  });
});

describe('unknown zones → invalid-time-zone', () => {
  it.each(['Mars/Olympus', 'Europe/Amsterdm', '', '+02:00', 'Local'])('tzid %j', (tzid) => {
    const error = expandError({ tzid });
    expect(error.code).toBe('invalid-time-zone');
    expect(error.path).toEqual(['tzid']);
  });

  it('a missing tzid', () => {
    const error = expandError({ tzid: undefined });
    expect(error.code).toBe('invalid-time-zone');
    expect(error.path).toEqual(['tzid']);
  });
});

describe('ranges → invalid-range', () => {
  it('an endless rule with neither range.until nor range.limit', () => {
    for (const rrule of [
      'FREQ=DAILY',
      'FREQ=WEEKLY;BYDAY=MO,TH',
      'FREQ=MONTHLY;BYDAY=-1FR',
      'FREQ=YEARLY;INTERVAL=2',
    ]) {
      expect(expandError({ rrule }).code, rrule).toBe('invalid-range');
      // A `from` alone does not bound it either.
      expect(expandError({ rrule }, { from: '2025-03-01T00:00:00' }).code, rrule).toBe('invalid-range');
    }
  });

  it('the same endless rule is fine with a limit or an until', () => {
    expect(expandRRule({ ...base, rrule: 'FREQ=DAILY' }, { limit: 2 })).toHaveLength(2);
    expect(expandRRule({ ...base, rrule: 'FREQ=DAILY' }, { until: '2025-01-07' })).toHaveLength(2);
  });

  it('iterateRRule accepts an endless rule without range: the caller stops', () => {
    const seen: string[] = [];
    for (const o of iterateRRule({ ...base, rrule: 'FREQ=DAILY' })) {
      seen.push(o.local);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['2025-01-06T09:00:00', '2025-01-07T09:00:00', '2025-01-08T09:00:00']);
  });

  it('from after until', () => {
    const error = expandError({}, { from: '2025-02-01T00:00:00', until: '2025-01-31' });
    expect(error.code).toBe('invalid-range');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('limit %s', (limit) => {
    const error = expandError({}, { limit });
    expect(error.code).toBe('invalid-range');
    expect(error.path).toEqual(['limit']);
  });

  it('limit 0 gives nothing', () => {
    expect(expandRRule(base, { limit: 0 })).toEqual([]);
  });
});

describe('rules that can never match return [] (and terminate)', () => {
  it.each<{ rrule: string; range: ExpansionRange }>([
    { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3', range: {} },
    { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;UNTIL=21000101T000000', range: {} },
    { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', range: { until: '2300-01-01' } },
    { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', range: { limit: 3 } },
    { rrule: 'FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31', range: { limit: 3 } },
    { rrule: 'FREQ=MONTHLY;INTERVAL=2;BYMONTH=2', range: { limit: 3 } },
    { rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31', range: { limit: 3 } },
    { rrule: 'FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30', range: { limit: 3 } },
    { rrule: 'FREQ=MINUTELY;BYMONTH=4;BYMONTHDAY=31', range: { limit: 3 } },
    { rrule: 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6', range: { limit: 3 } },
    { rrule: 'FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6', range: { limit: 3 } },
  ])('$rrule $range', ({ rrule, range }) => {
    expect(expandRRule({ rrule, dtstart: '2025-01-01T09:00:00', tzid: 'Europe/Amsterdam' }, range)).toEqual([]);
  });

  it('iterateRRule over an impossible endless rule ends by itself', () => {
    expect([
      ...iterateRRule({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', dtstart: '2025-01-01', tzid: 'UTC' }),
    ]).toEqual([]);
  });

  it('rare but possible rules are not mistaken for impossible ones', () => {
    const locals = (rrule: string, limit: number) =>
      expandRRule({ rrule, dtstart: '2017-01-01T09:00:00', tzid: 'UTC' }, { limit }).map((o) => o.local.slice(0, 10));
    // Friday the 13th of February: gaps of up to 11 years.
    expect(locals('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=13;BYDAY=FR', 5)).toEqual([
      '2026-02-13',
      '2032-02-13',
      '2037-02-13',
      '2043-02-13',
      '2054-02-13',
    ]);
    // 29 February on a Monday: 40 years from 2072 to 2112, since 2100 is no leap year.
    expect(locals('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO', 4)).toEqual([
      '2044-02-29',
      '2072-02-29',
      '2112-02-29',
      '2140-02-29',
    ]);
  });
});
