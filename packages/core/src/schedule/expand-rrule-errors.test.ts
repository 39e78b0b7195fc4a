import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.js';
import { expandRRule, iterateRRule } from './expand-rrule.js';

const base = { dtstart: '2025-01-01T09:00:00', tzid: 'Europe/Amsterdam' };

function errorOf(run: () => unknown): CoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  }
  throw new Error('expected a CoreError');
}

describe('expandRRule errors', () => {
  it.each([
    ['BYDAY=MO', /FREQ/],
    ['FREQ=FOO', /FREQ 'FOO'/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY/],
    ['FREQ=DAILY;INTERVAL=0', /INTERVAL/],
    ['FREQ=DAILY;COUNT=3;UNTIL=20250101T000000Z', /COUNT.*UNTIL|UNTIL.*COUNT/],
    ['FREQ=DAILY;COLOUR=RED', /COLOUR/],
    ['FREQ=DAILY;COUNT=-1', /COUNT/],
    ['FREQ=YEARLY;BYWEEKNO=54', /BYWEEKNO/],
    ['FREQ=MONTHLY;BYSETPOS=0;BYDAY=MO', /BYSETPOS/],
  ])('a malformed rule %s is refused, naming the part', (rrule, part) => {
    const error = errorOf(() => expandRRule({ ...base, rrule }, { limit: 5 }));
    expect(error.code).toBe('invalid-rrule');
    expect(error.message).toMatch(part);
  });

  it('names a bad dtstart, exdate, rdate and range bound', () => {
    expect(
      errorOf(() => expandRRule({ ...base, rrule: 'FREQ=DAILY', dtstart: '2025-02-30T09:00:00' }, { limit: 1 })),
    ).toMatchObject({
      code: 'invalid-local-time',
      path: ['dtstart'],
    });
    expect(
      errorOf(() => expandRRule({ ...base, rrule: 'FREQ=DAILY', exdates: ['tomorrow'] }, { limit: 1 })).path,
    ).toEqual(['exdates', 0]);
    expect(
      errorOf(() => expandRRule({ ...base, rrule: 'FREQ=DAILY', rdates: ['2025-01-01T25:00:00'] }, { limit: 1 })).path,
    ).toEqual(['rdates', 0]);
    expect(errorOf(() => expandRRule({ ...base, rrule: 'FREQ=DAILY' }, { until: '01-01-2026' })).path).toEqual([
      'until',
    ]);
    expect(errorOf(() => expandRRule({ ...base, rrule: 'FREQ=DAILY' }, { limit: -1 })).path).toEqual(['limit']);
    expect(
      errorOf(() => expandRRule({ ...base, rrule: 'FREQ=DAILY' }, { from: '2025-02-01', until: '2025-01-01' })).code,
    ).toBe('invalid-range');
  });

  it('refuses an unknown time zone', () => {
    expect(
      errorOf(() => expandRRule({ ...base, rrule: 'FREQ=DAILY', tzid: 'Europe/Amsterdm' }, { limit: 1 })),
    ).toMatchObject({
      code: 'invalid-time-zone',
      path: ['tzid'],
    });
  });

  it('refuses to expand an endless rule without a bound, but iterates it lazily', () => {
    expect(errorOf(() => expandRRule({ ...base, rrule: 'FREQ=DAILY' }, {})).code).toBe('invalid-range');
    const first = iterateRRule({ ...base, rrule: 'FREQ=DAILY' }).next();
    expect(first.value?.local).toBe('2025-01-01T09:00:00');
  });

  it.each([
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3',
    'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4,6,9,11;COUNT=2',
    'FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6;COUNT=1',
    'FREQ=MONTHLY;BYDAY=5MO;BYMONTH=2;BYMONTHDAY=1;COUNT=1',
  ])('a rule that can never match returns [] without hanging: %s', (rrule) => {
    expect(expandRRule({ ...base, rrule }, {})).toEqual([]);
    expect(expandRRule({ ...base, rrule: rrule.replace(/;COUNT=\d+/, '') }, { until: '2400-01-01' })).toEqual([]);
  });
});
