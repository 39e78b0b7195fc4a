// Daylight-saving transitions, by RFC 5545 §3.3.5 / §3.3.10: rule times are computed in local wall time; a time in a
// spring-forward gap moves forward by the gap's length, a time that occurs twice takes its first (earlier) instant.
//
//   Europe/Amsterdam  2025-03-30 02:00 +01:00 → 03:00 +02:00 (gap)   2025-10-26 03:00 +02:00 → 02:00 +01:00 (overlap)
//   America/New_York  2025-03-09 02:00 −05:00 → 03:00 −04:00 (gap)   2025-11-02 02:00 −04:00 → 01:00 −05:00 (overlap)
//
// Every expectation is a hard-coded string, so the three TZ runs of the vitest config check host-TZ independence.
import { describe, expect, it } from 'vitest';
import { expandRRule, iterateRRule, type ExpansionRange, type Occurrence, type RRuleInput } from '../src/index.js';

const AMS = 'Europe/Amsterdam';
const NY = 'America/New_York';

/** `local instant offset`, one string per occurrence: compact to read and to compare. */
const show = (o: Occurrence): string => `${o.local} ${o.instant} ${o.offset}`;

function assertStrictlyIncreasing(result: Occurrence[]): void {
  for (let i = 1; i < result.length; i++) {
    const previous = result[i - 1] as Occurrence;
    const current = result[i] as Occurrence;
    expect(Date.parse(current.instant), `${show(previous)} → ${show(current)}`).toBeGreaterThan(
      Date.parse(previous.instant),
    );
  }
}

/** Expands, checks the instants are strictly increasing and iterateRRule agrees, and returns the shown form. */
function expand(input: RRuleInput, range: ExpansionRange = {}): string[] {
  const result = expandRRule(input, range);
  assertStrictlyIncreasing(result);
  expect([...iterateRRule(input, range)]).toEqual(result);
  return result.map(show);
}

describe('spring-forward gap', () => {
  it('Amsterdam: daily at 02:30 — the gap day yields 03:30 local (01:30Z, +02:00)', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=5', dtstart: '2025-03-28T02:30:00', tzid: AMS })).toEqual([
      '2025-03-28T02:30:00 2025-03-28T01:30:00Z +01:00',
      '2025-03-29T02:30:00 2025-03-29T01:30:00Z +01:00',
      '2025-03-30T03:30:00 2025-03-30T01:30:00Z +02:00',
      '2025-03-31T02:30:00 2025-03-31T00:30:00Z +02:00',
      '2025-04-01T02:30:00 2025-04-01T00:30:00Z +02:00',
    ]);
  });

  it('New York: daily at 02:30 — the gap day yields 03:30 EDT (07:30Z)', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=3', dtstart: '2025-03-08T02:30:00', tzid: NY })).toEqual([
      '2025-03-08T02:30:00 2025-03-08T07:30:00Z -05:00',
      '2025-03-09T03:30:00 2025-03-09T07:30:00Z -04:00',
      '2025-03-10T02:30:00 2025-03-10T06:30:00Z -04:00',
    ]);
  });

  it('a DTSTART inside the gap is itself shifted', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=2', dtstart: '2025-03-30T02:30:00', tzid: AMS })).toEqual([
      '2025-03-30T03:30:00 2025-03-30T01:30:00Z +02:00',
      '2025-03-31T02:30:00 2025-03-31T00:30:00Z +02:00',
    ]);
  });

  it('New York: a DTSTART inside the gap (02:30) is itself shifted to 03:30 EDT', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=2', dtstart: '2025-03-09T02:30:00', tzid: NY })).toEqual([
      '2025-03-09T03:30:00 2025-03-09T07:30:00Z -04:00',
      '2025-03-10T02:30:00 2025-03-10T06:30:00Z -04:00',
    ]);
  });

  it('New York: monthly on the second Sunday at 02:30 over a year — only the March one (the gap day) shifts', () => {
    expect(
      expand({ rrule: 'FREQ=MONTHLY;BYDAY=2SU', dtstart: '2025-01-01T02:30:00', tzid: NY }, { until: '2025-12-31' }),
    ).toEqual([
      '2025-01-12T02:30:00 2025-01-12T07:30:00Z -05:00',
      '2025-02-09T02:30:00 2025-02-09T07:30:00Z -05:00',
      '2025-03-09T03:30:00 2025-03-09T07:30:00Z -04:00',
      '2025-04-13T02:30:00 2025-04-13T06:30:00Z -04:00',
      '2025-05-11T02:30:00 2025-05-11T06:30:00Z -04:00',
      '2025-06-08T02:30:00 2025-06-08T06:30:00Z -04:00',
      '2025-07-13T02:30:00 2025-07-13T06:30:00Z -04:00',
      '2025-08-10T02:30:00 2025-08-10T06:30:00Z -04:00',
      '2025-09-14T02:30:00 2025-09-14T06:30:00Z -04:00',
      '2025-10-12T02:30:00 2025-10-12T06:30:00Z -04:00',
      '2025-11-09T02:30:00 2025-11-09T07:30:00Z -05:00',
      '2025-12-14T02:30:00 2025-12-14T07:30:00Z -05:00',
    ]);
  });

  it('Amsterdam: daily at 09:00 keeps 09:00 local while the offset goes +01:00 → +02:00', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=4', dtstart: '2025-03-28T09:00:00', tzid: AMS })).toEqual([
      '2025-03-28T09:00:00 2025-03-28T08:00:00Z +01:00',
      '2025-03-29T09:00:00 2025-03-29T08:00:00Z +01:00',
      '2025-03-30T09:00:00 2025-03-30T07:00:00Z +02:00',
      '2025-03-31T09:00:00 2025-03-31T07:00:00Z +02:00',
    ]);
  });

  it('New York: daily at 09:00 keeps 09:00 local while the offset goes −05:00 → −04:00', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=3', dtstart: '2025-03-08T09:00:00', tzid: NY })).toEqual([
      '2025-03-08T09:00:00 2025-03-08T14:00:00Z -05:00',
      '2025-03-09T09:00:00 2025-03-09T13:00:00Z -04:00',
      '2025-03-10T09:00:00 2025-03-10T13:00:00Z -04:00',
    ]);
  });

  it('Amsterdam: hourly from 00:00 — 02:00 moves to 03:00, which is the real 03:00 instant: kept once', () => {
    // Local rule times 00, 01, 02, 03, 04, 05: 02:00 does not exist and becomes 03:00 +02:00 (01:00Z), the same
    // instant as the rule's own 03:00. The recurrence set holds each instant once.
    expect(expand({ rrule: 'FREQ=HOURLY', dtstart: '2025-03-30T00:00:00', tzid: AMS }, { limit: 5 })).toEqual([
      '2025-03-30T00:00:00 2025-03-29T23:00:00Z +01:00',
      '2025-03-30T01:00:00 2025-03-30T00:00:00Z +01:00',
      '2025-03-30T03:00:00 2025-03-30T01:00:00Z +02:00',
      '2025-03-30T04:00:00 2025-03-30T02:00:00Z +02:00',
      '2025-03-30T05:00:00 2025-03-30T03:00:00Z +02:00',
    ]);
  });

  it('Amsterdam: hourly COUNT=5 from 00:00 — COUNT counts instances, so the duplicate uses up no count', () => {
    // The rule times 00, 01, 02 (→ 03:00), 03 give three distinct instants (RFC 5545 §3.8.5.3: duplicate instances
    // are ignored); COUNT counts the instances of the set (§3.3.10), so 04 and 05 complete the five.
    expect(expand({ rrule: 'FREQ=HOURLY;COUNT=5', dtstart: '2025-03-30T00:00:00', tzid: AMS })).toEqual([
      '2025-03-30T00:00:00 2025-03-29T23:00:00Z +01:00',
      '2025-03-30T01:00:00 2025-03-30T00:00:00Z +01:00',
      '2025-03-30T03:00:00 2025-03-30T01:00:00Z +02:00',
      '2025-03-30T04:00:00 2025-03-30T02:00:00Z +02:00',
      '2025-03-30T05:00:00 2025-03-30T03:00:00Z +02:00',
    ]);
  });

  it('New York: hourly across the gap has unique, increasing instants', () => {
    expect(expand({ rrule: 'FREQ=HOURLY', dtstart: '2025-03-09T00:00:00', tzid: NY }, { limit: 4 })).toEqual([
      '2025-03-09T00:00:00 2025-03-09T05:00:00Z -05:00',
      '2025-03-09T01:00:00 2025-03-09T06:00:00Z -05:00',
      '2025-03-09T03:00:00 2025-03-09T07:00:00Z -04:00',
      '2025-03-09T04:00:00 2025-03-09T08:00:00Z -04:00',
    ]);
  });

  it('every 30 minutes through the gap: 02:00 and 02:30 land on 03:00 and 03:30, each kept once', () => {
    expect(
      expand({ rrule: 'FREQ=MINUTELY;INTERVAL=30', dtstart: '2025-03-30T01:00:00', tzid: AMS }, { limit: 5 }),
    ).toEqual([
      '2025-03-30T01:00:00 2025-03-30T00:00:00Z +01:00',
      '2025-03-30T01:30:00 2025-03-30T00:30:00Z +01:00',
      '2025-03-30T03:00:00 2025-03-30T01:00:00Z +02:00',
      '2025-03-30T03:30:00 2025-03-30T01:30:00Z +02:00',
      '2025-03-30T04:00:00 2025-03-30T02:00:00Z +02:00',
    ]);
  });

  it('weekly BYDAY=SU,MO at 02:30 across the gap', () => {
    expect(
      expand({ rrule: 'FREQ=WEEKLY;BYDAY=SU,MO', dtstart: '2025-03-23T02:30:00', tzid: AMS }, { until: '2025-04-06' }),
    ).toEqual([
      '2025-03-23T02:30:00 2025-03-23T01:30:00Z +01:00',
      '2025-03-24T02:30:00 2025-03-24T01:30:00Z +01:00',
      '2025-03-30T03:30:00 2025-03-30T01:30:00Z +02:00',
      '2025-03-31T02:30:00 2025-03-31T00:30:00Z +02:00',
      '2025-04-06T02:30:00 2025-04-06T00:30:00Z +02:00',
    ]);
  });

  it('weekly BYDAY=MO,FR at 09:00 across the gap (New York)', () => {
    expect(expand({ rrule: 'FREQ=WEEKLY;BYDAY=MO,FR;COUNT=4', dtstart: '2025-03-03T09:00:00', tzid: NY })).toEqual([
      '2025-03-03T09:00:00 2025-03-03T14:00:00Z -05:00',
      '2025-03-07T09:00:00 2025-03-07T14:00:00Z -05:00',
      '2025-03-10T09:00:00 2025-03-10T13:00:00Z -04:00',
      '2025-03-14T09:00:00 2025-03-14T13:00:00Z -04:00',
    ]);
  });

  it('a half-hour gap (Australia/Lord_Howe 2025-10-05 02:00 → 02:30): 02:15 moves to 02:45', () => {
    expect(
      expand({ rrule: 'FREQ=DAILY;COUNT=3', dtstart: '2025-10-04T02:15:00', tzid: 'Australia/Lord_Howe' }),
    ).toEqual([
      '2025-10-04T02:15:00 2025-10-03T15:45:00Z +10:30',
      '2025-10-05T02:45:00 2025-10-04T15:45:00Z +11:00',
      '2025-10-06T02:15:00 2025-10-05T15:15:00Z +11:00',
    ]);
  });

  it('a gap at midnight (America/Sao_Paulo 2018-11-04 00:00 → 01:00): a bare-date DTSTART moves to 01:00', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=3', dtstart: '2018-11-03', tzid: 'America/Sao_Paulo' })).toEqual([
      '2018-11-03T00:00:00 2018-11-03T03:00:00Z -03:00',
      '2018-11-04T01:00:00 2018-11-04T03:00:00Z -02:00',
      '2018-11-05T00:00:00 2018-11-05T02:00:00Z -02:00',
    ]);
  });

  it('a whole skipped day (Pacific/Apia 2011-12-30): 09:00 moves 24 h to 12-31 09:00, which the rule also has', () => {
    expect(
      expand({ rrule: 'FREQ=DAILY', dtstart: '2011-12-28T09:00:00', tzid: 'Pacific/Apia' }, { until: '2012-01-01' }),
    ).toEqual([
      '2011-12-28T09:00:00 2011-12-28T19:00:00Z -10:00',
      '2011-12-29T09:00:00 2011-12-29T19:00:00Z -10:00',
      '2011-12-31T09:00:00 2011-12-30T19:00:00Z +14:00',
      '2012-01-01T09:00:00 2011-12-31T19:00:00Z +14:00',
    ]);
  });
});

describe('fall-back overlap', () => {
  it('Amsterdam: daily at 02:30 — the overlap day takes the first instant (00:30Z, +02:00)', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=3', dtstart: '2025-10-25T02:30:00', tzid: AMS })).toEqual([
      '2025-10-25T02:30:00 2025-10-25T00:30:00Z +02:00',
      '2025-10-26T02:30:00 2025-10-26T00:30:00Z +02:00',
      '2025-10-27T02:30:00 2025-10-27T01:30:00Z +01:00',
    ]);
  });

  it('New York: daily at 01:30 — the overlap day takes the first instant (05:30Z, EDT)', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=3', dtstart: '2025-11-01T01:30:00', tzid: NY })).toEqual([
      '2025-11-01T01:30:00 2025-11-01T05:30:00Z -04:00',
      '2025-11-02T01:30:00 2025-11-02T05:30:00Z -04:00',
      '2025-11-03T01:30:00 2025-11-03T06:30:00Z -05:00',
    ]);
  });

  it('New York: a DTSTART inside the overlap (01:30) takes the first instant (EDT)', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=2', dtstart: '2025-11-02T01:30:00', tzid: NY })).toEqual([
      '2025-11-02T01:30:00 2025-11-02T05:30:00Z -04:00',
      '2025-11-03T01:30:00 2025-11-03T06:30:00Z -05:00',
    ]);
  });

  it('Amsterdam: daily at 09:00 keeps 09:00 local while the offset goes +02:00 → +01:00', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=3', dtstart: '2025-10-25T09:00:00', tzid: AMS })).toEqual([
      '2025-10-25T09:00:00 2025-10-25T07:00:00Z +02:00',
      '2025-10-26T09:00:00 2025-10-26T08:00:00Z +01:00',
      '2025-10-27T09:00:00 2025-10-27T08:00:00Z +01:00',
    ]);
  });

  it('New York: daily at 09:00 keeps 09:00 local while the offset goes −04:00 → −05:00', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=3', dtstart: '2025-11-01T09:00:00', tzid: NY })).toEqual([
      '2025-11-01T09:00:00 2025-11-01T13:00:00Z -04:00',
      '2025-11-02T09:00:00 2025-11-02T14:00:00Z -05:00',
      '2025-11-03T09:00:00 2025-11-03T14:00:00Z -05:00',
    ]);
  });

  it('Amsterdam: hourly from 00:00 — the wall time 02:00 occurs once (its first instant), then 03:00 +01:00', () => {
    // Rule times are local: 00, 01, 02, 03, 04. 02:00 is taken at +02:00 (00:00Z); the repeated 02:00 +01:00
    // (01:00Z) is not a rule time of its own.
    expect(expand({ rrule: 'FREQ=HOURLY;COUNT=5', dtstart: '2025-10-26T00:00:00', tzid: AMS })).toEqual([
      '2025-10-26T00:00:00 2025-10-25T22:00:00Z +02:00',
      '2025-10-26T01:00:00 2025-10-25T23:00:00Z +02:00',
      '2025-10-26T02:00:00 2025-10-26T00:00:00Z +02:00',
      '2025-10-26T03:00:00 2025-10-26T02:00:00Z +01:00',
      '2025-10-26T04:00:00 2025-10-26T03:00:00Z +01:00',
    ]);
  });

  it('New York: hourly from 00:00 — 01:00 is taken as EDT (05:00Z)', () => {
    expect(expand({ rrule: 'FREQ=HOURLY;COUNT=4', dtstart: '2025-11-02T00:00:00', tzid: NY })).toEqual([
      '2025-11-02T00:00:00 2025-11-02T04:00:00Z -04:00',
      '2025-11-02T01:00:00 2025-11-02T05:00:00Z -04:00',
      '2025-11-02T02:00:00 2025-11-02T07:00:00Z -05:00',
      '2025-11-02T03:00:00 2025-11-02T08:00:00Z -05:00',
    ]);
  });

  it('weekly BYDAY=SU at 02:30 across the overlap', () => {
    expect(expand({ rrule: 'FREQ=WEEKLY;BYDAY=SU', dtstart: '2025-10-19T02:30:00', tzid: AMS }, { limit: 3 })).toEqual([
      '2025-10-19T02:30:00 2025-10-19T00:30:00Z +02:00',
      '2025-10-26T02:30:00 2025-10-26T00:30:00Z +02:00',
      '2025-11-02T02:30:00 2025-11-02T01:30:00Z +01:00',
    ]);
  });

  it('a half-hour overlap (Australia/Lord_Howe 2025-04-06 02:00 → 01:30): 01:45 takes the first instant', () => {
    expect(
      expand({ rrule: 'FREQ=DAILY;COUNT=3', dtstart: '2025-04-05T01:45:00', tzid: 'Australia/Lord_Howe' }),
    ).toEqual([
      '2025-04-05T01:45:00 2025-04-04T14:45:00Z +11:00',
      '2025-04-06T01:45:00 2025-04-05T14:45:00Z +11:00',
      '2025-04-07T01:45:00 2025-04-06T15:15:00Z +10:30',
    ]);
  });
});

describe('EXDATE and RDATE on DST days', () => {
  const gapDaily: RRuleInput = { rrule: 'FREQ=DAILY;COUNT=4', dtstart: '2025-03-29T02:30:00', tzid: AMS };
  const afterGap = [
    '2025-03-29T02:30:00 2025-03-29T01:30:00Z +01:00',
    '2025-03-31T02:30:00 2025-03-31T00:30:00Z +02:00',
    '2025-04-01T02:30:00 2025-04-01T00:30:00Z +02:00',
  ];

  it('an EXDATE written as the rule time in the gap (02:30) removes the shifted occurrence', () => {
    expect(expand({ ...gapDaily, exdates: ['2025-03-30T02:30:00'] })).toEqual(afterGap);
  });

  it('an EXDATE written as the shifted time (03:30) removes it too: both name the same instant', () => {
    expect(expand({ ...gapDaily, exdates: ['2025-03-30T03:30:00'] })).toEqual(afterGap);
  });

  it('a bare-date EXDATE removes the gap day', () => {
    expect(expand({ ...gapDaily, exdates: ['2025-03-30'] })).toEqual(afterGap);
  });

  it('an EXDATE at another time of the gap day removes nothing', () => {
    expect(expand({ ...gapDaily, exdates: ['2025-03-30T02:00:00'] })).toHaveLength(4);
  });

  const overlapDaily: RRuleInput = { rrule: 'FREQ=DAILY;COUNT=3', dtstart: '2025-10-25T02:30:00', tzid: AMS };
  const withoutOverlapDay = [
    '2025-10-25T02:30:00 2025-10-25T00:30:00Z +02:00',
    '2025-10-27T02:30:00 2025-10-27T01:30:00Z +01:00',
  ];

  it('an EXDATE at the ambiguous 02:30 removes the overlap-day occurrence (both read as the first instant)', () => {
    expect(expand({ ...overlapDaily, exdates: ['2025-10-26T02:30:00'] })).toEqual(withoutOverlapDay);
  });

  it('a bare-date EXDATE removes the overlap day', () => {
    expect(expand({ ...overlapDaily, exdates: ['2025-10-26'] })).toEqual(withoutOverlapDay);
  });

  it('New York: an EXDATE at the ambiguous 01:30 removes the overlap-day occurrence', () => {
    expect(
      expand({
        rrule: 'FREQ=DAILY;COUNT=3',
        dtstart: '2025-11-01T01:30:00',
        tzid: NY,
        exdates: ['2025-11-02T01:30:00'],
      }),
    ).toEqual(['2025-11-01T01:30:00 2025-11-01T05:30:00Z -04:00', '2025-11-03T01:30:00 2025-11-03T06:30:00Z -05:00']);
  });

  it('an RDATE in the gap (02:30) is added at 03:30 +02:00; the same instant given as 03:30 is not added twice', () => {
    expect(
      expand({
        rrule: 'FREQ=DAILY;COUNT=2',
        dtstart: '2025-03-28T09:00:00',
        tzid: AMS,
        rdates: ['2025-03-30T02:30:00', '2025-03-30T03:30:00'],
      }),
    ).toEqual([
      '2025-03-28T09:00:00 2025-03-28T08:00:00Z +01:00',
      '2025-03-29T09:00:00 2025-03-29T08:00:00Z +01:00',
      '2025-03-30T03:30:00 2025-03-30T01:30:00Z +02:00',
    ]);
  });

  it('New York: an RDATE in the gap (02:15) is added at 03:15 EDT', () => {
    expect(
      expand({
        rrule: 'FREQ=DAILY;COUNT=1',
        dtstart: '2025-03-08T09:00:00',
        tzid: NY,
        rdates: ['2025-03-09T02:15:00'],
      }),
    ).toEqual(['2025-03-08T09:00:00 2025-03-08T14:00:00Z -05:00', '2025-03-09T03:15:00 2025-03-09T07:15:00Z -04:00']);
  });

  it('a bare-date RDATE on the gap day, with DTSTART at 02:30, is added at the shifted 03:30', () => {
    expect(
      expand({ rrule: 'FREQ=WEEKLY;COUNT=2', dtstart: '2025-03-16T02:30:00', tzid: AMS, rdates: ['2025-03-30'] }),
    ).toEqual([
      '2025-03-16T02:30:00 2025-03-16T01:30:00Z +01:00',
      '2025-03-23T02:30:00 2025-03-23T01:30:00Z +01:00',
      '2025-03-30T03:30:00 2025-03-30T01:30:00Z +02:00',
    ]);
  });

  it('an RDATE at an ambiguous time takes the first instant', () => {
    expect(
      expand({
        rrule: 'FREQ=DAILY;COUNT=1',
        dtstart: '2025-10-25T09:00:00',
        tzid: AMS,
        rdates: ['2025-10-26T02:30:00'],
      }),
    ).toEqual(['2025-10-25T09:00:00 2025-10-25T07:00:00Z +02:00', '2025-10-26T02:30:00 2025-10-26T00:30:00Z +02:00']);
  });

  it('an EXDATE in the gap and an RDATE in the overlap together: one rule occurrence out, the RDATE in', () => {
    // COUNT=3 makes three rule occurrences; the EXDATE then removes one of them (it does not pull in a fourth).
    expect(
      expand({
        rrule: 'FREQ=DAILY;COUNT=3',
        dtstart: '2025-03-29T02:30:00',
        tzid: AMS,
        exdates: ['2025-03-30T02:30:00'],
        rdates: ['2025-10-26T02:30:00'],
      }),
    ).toEqual([
      '2025-03-29T02:30:00 2025-03-29T01:30:00Z +01:00',
      '2025-03-31T02:30:00 2025-03-31T00:30:00Z +02:00',
      '2025-10-26T02:30:00 2025-10-26T00:30:00Z +02:00',
    ]);
  });

  it('an RDATE that coincides with a rule occurrence after the gap shift is kept once', () => {
    // The rule's 2025-03-30 02:30 becomes 03:30 +02:00; the RDATE 03:30 is that same instant.
    expect(expand({ ...gapDaily, rdates: ['2025-03-30T03:30:00'] })).toEqual([
      '2025-03-29T02:30:00 2025-03-29T01:30:00Z +01:00',
      '2025-03-30T03:30:00 2025-03-30T01:30:00Z +02:00',
      '2025-03-31T02:30:00 2025-03-31T00:30:00Z +02:00',
      '2025-04-01T02:30:00 2025-04-01T00:30:00Z +02:00',
    ]);
  });
});

describe('independent of the host time zone', () => {
  const cases: { input: RRuleInput; range: ExpansionRange; expected: string[] }[] = [
    {
      input: { rrule: 'FREQ=DAILY', dtstart: '2025-03-29T02:30:00', tzid: AMS },
      range: { limit: 3 },
      expected: [
        '2025-03-29T02:30:00 2025-03-29T01:30:00Z +01:00',
        '2025-03-30T03:30:00 2025-03-30T01:30:00Z +02:00',
        '2025-03-31T02:30:00 2025-03-31T00:30:00Z +02:00',
      ],
    },
    {
      input: { rrule: 'FREQ=WEEKLY;BYDAY=SU', dtstart: '2025-11-02T01:30:00', tzid: NY },
      range: { limit: 2 },
      expected: ['2025-11-02T01:30:00 2025-11-02T05:30:00Z -04:00', '2025-11-09T01:30:00 2025-11-09T06:30:00Z -05:00'],
    },
    {
      input: { rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1', dtstart: '2025-01-31T23:30:00', tzid: 'Asia/Kolkata' },
      range: { limit: 2 },
      expected: ['2025-01-31T23:30:00 2025-01-31T18:00:00Z +05:30', '2025-02-28T23:30:00 2025-02-28T18:00:00Z +05:30'],
    },
  ];

  it('gives the same hard-coded results whatever process.env.TZ is', () => {
    const saved = process.env.TZ;
    try {
      const hourAtUtcMidnight: Record<string, number> = {
        UTC: 0,
        'America/New_York': 19,
        'Asia/Kolkata': 5,
        'Europe/Amsterdam': 1,
        'Pacific/Apia': 13,
      };
      for (const [tz, hour] of Object.entries(hourAtUtcMidnight)) {
        process.env.TZ = tz;
        // The switch really took effect in this process (otherwise the loop would prove nothing).
        expect(new Date(Date.UTC(2025, 0, 15)).getHours(), `TZ=${tz}`).toBe(hour);
        for (const { input, range, expected } of cases) {
          expect(expandRRule(input, range).map(show), `TZ=${tz} ${input.rrule}`).toEqual(expected);
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
