import { describe, expect, it } from 'vitest';
import { expandRRule } from './expand-rrule.js';

const expand = (rrule: string, dtstart: string, tzid: string, range = {}, extra = {}) =>
  expandRRule({ rrule, dtstart, tzid, ...extra }, range);

describe('DST in Europe/Amsterdam (gap 30 March 2025 02:00→03:00, overlap 26 October 2025 03:00→02:00)', () => {
  const tzid = 'Europe/Amsterdam';

  it('a daily 02:30 moves forward by the gap on the spring-forward day only', () => {
    expect(expand('FREQ=DAILY;COUNT=3', '2025-03-29T02:30:00', tzid)).toEqual([
      { local: '2025-03-29T02:30:00', instant: '2025-03-29T01:30:00Z', offset: '+01:00' },
      { local: '2025-03-30T03:30:00', instant: '2025-03-30T01:30:00Z', offset: '+02:00' },
      { local: '2025-03-31T02:30:00', instant: '2025-03-31T00:30:00Z', offset: '+02:00' },
    ]);
  });

  it('a daily 02:30 takes the first of the two instants on the fall-back day', () => {
    expect(expand('FREQ=DAILY;COUNT=3', '2025-10-25T02:30:00', tzid)).toEqual([
      { local: '2025-10-25T02:30:00', instant: '2025-10-25T00:30:00Z', offset: '+02:00' },
      { local: '2025-10-26T02:30:00', instant: '2025-10-26T00:30:00Z', offset: '+02:00' },
      { local: '2025-10-27T02:30:00', instant: '2025-10-27T01:30:00Z', offset: '+01:00' },
    ]);
  });

  it('a daily 09:00 stays 09:00 local while the offset changes', () => {
    const result = expand('FREQ=DAILY', '2025-03-29T09:00:00', tzid, { limit: 3 });
    expect(result.map((o) => [o.local, o.instant, o.offset])).toEqual([
      ['2025-03-29T09:00:00', '2025-03-29T08:00:00Z', '+01:00'],
      ['2025-03-30T09:00:00', '2025-03-30T07:00:00Z', '+02:00'],
      ['2025-03-31T09:00:00', '2025-03-31T07:00:00Z', '+02:00'],
    ]);
  });

  it('an hourly rule through the gap: 02:00 moves to 03:00, the same instant as 03:00, so it appears once', () => {
    // COUNT counts the instances returned (RFC 5545 §3.3.10): the duplicate uses up no count.
    const result = expand('FREQ=HOURLY;COUNT=5', '2025-03-30T00:00:00', tzid);
    expect(result.map((o) => o.local)).toEqual([
      '2025-03-30T00:00:00',
      '2025-03-30T01:00:00',
      '2025-03-30T03:00:00',
      '2025-03-30T04:00:00',
      '2025-03-30T05:00:00',
    ]);
  });

  it('an hourly rule through the overlap: wall times are generated once, at their first instant', () => {
    const result = expand('FREQ=HOURLY;COUNT=4', '2025-10-26T01:00:00', tzid);
    expect(result.map((o) => [o.local, o.instant])).toEqual([
      ['2025-10-26T01:00:00', '2025-10-25T23:00:00Z'],
      ['2025-10-26T02:00:00', '2025-10-26T00:00:00Z'],
      ['2025-10-26T03:00:00', '2025-10-26T02:00:00Z'],
      ['2025-10-26T04:00:00', '2025-10-26T03:00:00Z'],
    ]);
  });

  it('weekly on Sunday at 02:30 across both changes', () => {
    const result = expand('FREQ=WEEKLY;BYDAY=SU', '2025-03-23T02:30:00', tzid, { until: '2025-04-06' });
    expect(result.map((o) => o.local)).toEqual(['2025-03-23T02:30:00', '2025-03-30T03:30:00', '2025-04-06T02:30:00']);
  });

  it('EXDATE and RDATE on DST days match by instant', () => {
    const result = expand(
      'FREQ=DAILY;COUNT=3',
      '2025-03-29T02:30:00',
      tzid,
      {},
      { exdates: ['2025-03-30T02:30:00'], rdates: ['2025-10-26T02:30:00'] },
    );
    expect(result.map((o) => o.instant)).toEqual([
      '2025-03-29T01:30:00Z',
      '2025-03-31T00:30:00Z',
      '2025-10-26T00:30:00Z',
    ]);
  });
});

describe('DST in America/New_York (gap 9 March 2025, overlap 2 November 2025)', () => {
  const tzid = 'America/New_York';

  it('a daily 02:30 in the gap becomes 03:30 EDT', () => {
    const result = expand('FREQ=DAILY;COUNT=2', '2025-03-09T02:30:00', tzid);
    expect(result[0]).toEqual({ local: '2025-03-09T03:30:00', instant: '2025-03-09T07:30:00Z', offset: '-04:00' });
    expect(result[1]).toEqual({ local: '2025-03-10T02:30:00', instant: '2025-03-10T06:30:00Z', offset: '-04:00' });
  });

  it('a daily 01:30 in the overlap takes EDT, the first instant', () => {
    const result = expand('FREQ=DAILY;COUNT=2', '2025-11-02T01:30:00', tzid);
    expect(result[0]).toEqual({ local: '2025-11-02T01:30:00', instant: '2025-11-02T05:30:00Z', offset: '-04:00' });
    expect(result[1]).toEqual({ local: '2025-11-03T01:30:00', instant: '2025-11-03T06:30:00Z', offset: '-05:00' });
  });

  it('monthly on the second Sunday at 02:30 over a year: only the March one shifts', () => {
    const result = expand('FREQ=MONTHLY;BYDAY=2SU', '2025-01-01T02:30:00', tzid, { until: '2025-12-31' });
    expect(result).toHaveLength(12);
    expect(result.filter((o) => o.local.endsWith('03:30:00')).map((o) => o.local)).toEqual(['2025-03-09T03:30:00']);
    const instants = result.map((o) => o.instant);
    expect([...instants].sort()).toEqual(instants);
  });
});
