// Every example of RFC 5545 §3.8.5.3 ("Recurrence Rule"), transcribed as a table: the rule, its DTSTART in
// America/New_York and the local wall times the RFC lists. Where the RFC's list is long it is either generated here
// day by day (plain runs of consecutive days) or checked by its head, its tail and its total.
import { describe, expect, it } from 'vitest';
import { expandRRule, type ExpansionRange } from '../src/index.js';

const NY = 'America/New_York';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local wall times on the given days of one month, at a time of day (09:00 unless told). */
function on(year: number, month: number, days: number[], time = '09:00:00'): string[] {
  return days.map((d) => `${year}-${pad(month)}-${pad(d)}T${time}`);
}

/** Every day from `first` to `last` (both 'YYYY-MM-DD', inclusive) at 09:00, computed with UTC date arithmetic. */
function everyDay(first: string, last: string, time = '09:00:00'): string[] {
  const out: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(`${new Date(t).toISOString().slice(0, 10)}T${time}`);
  }
  return out;
}

/** Times of day `HH:mm:00` for the given hours × minutes, in order. */
function times(hours: number[], minutes: number[]): string[] {
  return hours.flatMap((h) => minutes.map((m) => `${pad(h)}:${pad(m)}:00`));
}

type Example = {
  title: string;
  rrule: string;
  dtstart: string;
  range?: ExpansionRange;
  exdates?: string[];
  /** The full expected list; or, when `total` is given, its first entries. */
  expected: string[];
  /** The last entries, checked when `total` is given. */
  tail?: string[];
  total?: number;
};

const examples: Example[] = [
  {
    title: 'Daily for 10 occurrences',
    rrule: 'FREQ=DAILY;COUNT=10',
    dtstart: '1997-09-02T09:00:00',
    expected: on(1997, 9, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
  },
  {
    title: 'Daily until December 24, 1997',
    rrule: 'FREQ=DAILY;UNTIL=19971224T000000Z',
    dtstart: '1997-09-02T09:00:00',
    // Sept 2 … Dec 23 every day: 29 + 31 + 30 + 23 = 113.
    expected: everyDay('1997-09-02', '1997-12-23'),
  },
  {
    title: 'Every other day - forever',
    rrule: 'FREQ=DAILY;INTERVAL=2',
    dtstart: '1997-09-02T09:00:00',
    // To the end of 1997: 15 + 15 + 15 + 16 = 61 occurrences, across the fall-back and the month ends.
    range: { until: '1997-12-31' },
    expected: [
      ...on(1997, 9, [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]),
      ...on(1997, 10, [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]),
      ...on(1997, 11, [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29]),
      ...on(1997, 12, [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31]),
    ],
  },
  {
    title: 'Every 10 days, 5 occurrences',
    rrule: 'FREQ=DAILY;INTERVAL=10;COUNT=5',
    dtstart: '1997-09-02T09:00:00',
    expected: [...on(1997, 9, [2, 12, 22]), ...on(1997, 10, [2, 12])],
  },
  {
    title: 'Every day in January, for 3 years (YEARLY form)',
    rrule: 'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
    dtstart: '1998-01-01T09:00:00',
    expected: [
      ...everyDay('1998-01-01', '1998-01-31'),
      ...everyDay('1999-01-01', '1999-01-31'),
      ...everyDay('2000-01-01', '2000-01-31'),
    ],
  },
  {
    title: 'Every day in January, for 3 years (DAILY form)',
    rrule: 'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1',
    dtstart: '1998-01-01T09:00:00',
    expected: [
      ...everyDay('1998-01-01', '1998-01-31'),
      ...everyDay('1999-01-01', '1999-01-31'),
      ...everyDay('2000-01-01', '2000-01-31'),
    ],
  },
  {
    title: 'Weekly for 10 occurrences',
    rrule: 'FREQ=WEEKLY;COUNT=10',
    dtstart: '1997-09-02T09:00:00',
    expected: [...on(1997, 9, [2, 9, 16, 23, 30]), ...on(1997, 10, [7, 14, 21, 28]), ...on(1997, 11, [4])],
  },
  {
    title: 'Weekly until December 24, 1997',
    rrule: 'FREQ=WEEKLY;UNTIL=19971224T000000Z',
    dtstart: '1997-09-02T09:00:00',
    expected: [
      ...on(1997, 9, [2, 9, 16, 23, 30]),
      ...on(1997, 10, [7, 14, 21, 28]),
      ...on(1997, 11, [4, 11, 18, 25]),
      ...on(1997, 12, [2, 9, 16, 23]),
    ],
  },
  {
    title: 'Every other week - forever',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;WKST=SU',
    dtstart: '1997-09-02T09:00:00',
    range: { limit: 13 },
    expected: [
      ...on(1997, 9, [2, 16, 30]),
      ...on(1997, 10, [14, 28]),
      ...on(1997, 11, [11, 25]),
      ...on(1997, 12, [9, 23]),
      ...on(1998, 1, [6, 20]),
      ...on(1998, 2, [3, 17]),
    ],
  },
  {
    title: 'Weekly on Tuesday and Thursday for five weeks (UNTIL form)',
    rrule: 'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH',
    dtstart: '1997-09-02T09:00:00',
    expected: [...on(1997, 9, [2, 4, 9, 11, 16, 18, 23, 25, 30]), ...on(1997, 10, [2])],
  },
  {
    title: 'Weekly on Tuesday and Thursday for five weeks (COUNT form)',
    rrule: 'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH',
    dtstart: '1997-09-02T09:00:00',
    expected: [...on(1997, 9, [2, 4, 9, 11, 16, 18, 23, 25, 30]), ...on(1997, 10, [2])],
  },
  {
    title: 'Every other week on Monday, Wednesday and Friday until December 24, 1997',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
    dtstart: '1997-09-01T09:00:00',
    expected: [
      ...on(1997, 9, [1, 3, 5, 15, 17, 19, 29]),
      ...on(1997, 10, [1, 3, 13, 15, 17, 27, 29, 31]),
      ...on(1997, 11, [10, 12, 14, 24, 26, 28]),
      ...on(1997, 12, [8, 10, 12, 22]),
    ],
  },
  {
    title: 'Every other week on Tuesday and Thursday, for 8 occurrences',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH',
    dtstart: '1997-09-02T09:00:00',
    expected: [...on(1997, 9, [2, 4, 16, 18, 30]), ...on(1997, 10, [2, 14, 16])],
  },
  {
    title: 'Monthly on the first Friday for 10 occurrences',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
    dtstart: '1997-09-05T09:00:00',
    expected: [
      ...on(1997, 9, [5]),
      ...on(1997, 10, [3]),
      ...on(1997, 11, [7]),
      ...on(1997, 12, [5]),
      ...on(1998, 1, [2]),
      ...on(1998, 2, [6]),
      ...on(1998, 3, [6]),
      ...on(1998, 4, [3]),
      ...on(1998, 5, [1]),
      ...on(1998, 6, [5]),
    ],
  },
  {
    title: 'Monthly on the first Friday until December 24, 1997',
    rrule: 'FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR',
    dtstart: '1997-09-05T09:00:00',
    expected: [...on(1997, 9, [5]), ...on(1997, 10, [3]), ...on(1997, 11, [7]), ...on(1997, 12, [5])],
  },
  {
    title: 'Every other month on the first and last Sunday of the month for 10 occurrences',
    rrule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU',
    dtstart: '1997-09-07T09:00:00',
    expected: [
      ...on(1997, 9, [7, 28]),
      ...on(1997, 11, [2, 30]),
      ...on(1998, 1, [4, 25]),
      ...on(1998, 3, [1, 29]),
      ...on(1998, 5, [3, 31]),
    ],
  },
  {
    title: 'Monthly on the second-to-last Monday of the month for 6 months',
    rrule: 'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
    dtstart: '1997-09-22T09:00:00',
    expected: [
      ...on(1997, 9, [22]),
      ...on(1997, 10, [20]),
      ...on(1997, 11, [17]),
      ...on(1997, 12, [22]),
      ...on(1998, 1, [19]),
      ...on(1998, 2, [16]),
    ],
  },
  {
    title: 'Monthly on the third-to-the-last day of the month, forever',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=-3',
    dtstart: '1997-09-28T09:00:00',
    range: { limit: 6 },
    expected: [
      ...on(1997, 9, [28]),
      ...on(1997, 10, [29]),
      ...on(1997, 11, [28]),
      ...on(1997, 12, [29]),
      ...on(1998, 1, [29]),
      ...on(1998, 2, [26]),
    ],
  },
  {
    title: 'Monthly on the 2nd and 15th of the month for 10 occurrences',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15',
    dtstart: '1997-09-02T09:00:00',
    expected: [
      ...on(1997, 9, [2, 15]),
      ...on(1997, 10, [2, 15]),
      ...on(1997, 11, [2, 15]),
      ...on(1997, 12, [2, 15]),
      ...on(1998, 1, [2, 15]),
    ],
  },
  {
    title: 'Monthly on the first and last day of the month for 10 occurrences',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1',
    dtstart: '1997-09-30T09:00:00',
    expected: [
      ...on(1997, 9, [30]),
      ...on(1997, 10, [1, 31]),
      ...on(1997, 11, [1, 30]),
      ...on(1997, 12, [1, 31]),
      ...on(1998, 1, [1, 31]),
      ...on(1998, 2, [1]),
    ],
  },
  {
    title: 'Every 18 months on the 10th thru 15th of the month for 10 occurrences',
    rrule: 'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15',
    dtstart: '1997-09-10T09:00:00',
    expected: [...on(1997, 9, [10, 11, 12, 13, 14, 15]), ...on(1999, 3, [10, 11, 12, 13])],
  },
  {
    title: 'Every Tuesday, every other month',
    rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU',
    dtstart: '1997-09-02T09:00:00',
    range: { until: '1998-03-31' },
    expected: [
      ...on(1997, 9, [2, 9, 16, 23, 30]),
      ...on(1997, 11, [4, 11, 18, 25]),
      ...on(1998, 1, [6, 13, 20, 27]),
      ...on(1998, 3, [3, 10, 17, 24, 31]),
    ],
  },
  {
    title: 'Yearly in June and July for 10 occurrences',
    rrule: 'FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
    dtstart: '1997-06-10T09:00:00',
    expected: [1997, 1998, 1999, 2000, 2001].flatMap((y) => [...on(y, 6, [10]), ...on(y, 7, [10])]),
  },
  {
    title: 'Every other year on January, February, and March for 10 occurrences',
    rrule: 'FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3',
    dtstart: '1997-03-10T09:00:00',
    expected: [
      ...on(1997, 3, [10]),
      ...[1999, 2001, 2003].flatMap((y) => [...on(y, 1, [10]), ...on(y, 2, [10]), ...on(y, 3, [10])]),
    ],
  },
  {
    title: 'Every third year on the 1st, 100th, and 200th day for 10 occurrences',
    rrule: 'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
    dtstart: '1997-01-01T09:00:00',
    expected: [
      ...on(1997, 1, [1]),
      ...on(1997, 4, [10]),
      ...on(1997, 7, [19]),
      ...on(2000, 1, [1]),
      ...on(2000, 4, [9]),
      ...on(2000, 7, [18]),
      ...on(2003, 1, [1]),
      ...on(2003, 4, [10]),
      ...on(2003, 7, [19]),
      ...on(2006, 1, [1]),
    ],
  },
  {
    title: 'Every 20th Monday of the year, forever',
    rrule: 'FREQ=YEARLY;BYDAY=20MO',
    dtstart: '1997-05-19T09:00:00',
    range: { limit: 3 },
    expected: [...on(1997, 5, [19]), ...on(1998, 5, [18]), ...on(1999, 5, [17])],
  },
  {
    title: 'Monday of week number 20 (where the default start of the week is Monday), forever',
    rrule: 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
    dtstart: '1997-05-12T09:00:00',
    range: { limit: 3 },
    expected: [...on(1997, 5, [12]), ...on(1998, 5, [11]), ...on(1999, 5, [17])],
  },
  {
    title: 'Every Thursday in March, forever',
    rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=TH',
    dtstart: '1997-03-13T09:00:00',
    range: { until: '1999-12-31' },
    expected: [...on(1997, 3, [13, 20, 27]), ...on(1998, 3, [5, 12, 19, 26]), ...on(1999, 3, [4, 11, 18, 25])],
  },
  {
    title: 'Every Thursday, but only during June, July, and August, forever',
    rrule: 'FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8',
    dtstart: '1997-06-05T09:00:00',
    range: { until: '1999-12-31' },
    expected: [
      ...on(1997, 6, [5, 12, 19, 26]),
      ...on(1997, 7, [3, 10, 17, 24, 31]),
      ...on(1997, 8, [7, 14, 21, 28]),
      ...on(1998, 6, [4, 11, 18, 25]),
      ...on(1998, 7, [2, 9, 16, 23, 30]),
      ...on(1998, 8, [6, 13, 20, 27]),
      ...on(1999, 6, [3, 10, 17, 24]),
      ...on(1999, 7, [1, 8, 15, 22, 29]),
      ...on(1999, 8, [5, 12, 19, 26]),
    ],
  },
  {
    title: 'Every Friday the 13th, forever (DTSTART excluded by EXDATE)',
    rrule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
    dtstart: '1997-09-02T09:00:00',
    exdates: ['1997-09-02T09:00:00'],
    range: { limit: 5 },
    expected: [
      ...on(1998, 2, [13]),
      ...on(1998, 3, [13]),
      ...on(1998, 11, [13]),
      ...on(1999, 8, [13]),
      ...on(2000, 10, [13]),
    ],
  },
  {
    title: 'The first Saturday that follows the first Sunday of the month, forever',
    rrule: 'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13',
    dtstart: '1997-09-13T09:00:00',
    range: { limit: 10 },
    expected: [
      ...on(1997, 9, [13]),
      ...on(1997, 10, [11]),
      ...on(1997, 11, [8]),
      ...on(1997, 12, [13]),
      ...on(1998, 1, [10]),
      ...on(1998, 2, [7]),
      ...on(1998, 3, [7]),
      ...on(1998, 4, [11]),
      ...on(1998, 5, [9]),
      ...on(1998, 6, [13]),
    ],
  },
  {
    title: 'Every 4 years, the first Tuesday after a Monday in November, forever (U.S. Presidential Election day)',
    rrule: 'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
    dtstart: '1996-11-05T09:00:00',
    range: { limit: 3 },
    expected: [...on(1996, 11, [5]), ...on(2000, 11, [7]), ...on(2004, 11, [2])],
  },
  {
    title: 'The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
    dtstart: '1997-09-04T09:00:00',
    expected: [...on(1997, 9, [4]), ...on(1997, 10, [7]), ...on(1997, 11, [6])],
  },
  {
    title: 'The second-to-last weekday of the month',
    rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
    dtstart: '1997-09-29T09:00:00',
    range: { limit: 7 },
    expected: [
      ...on(1997, 9, [29]),
      ...on(1997, 10, [30]),
      ...on(1997, 11, [27]),
      ...on(1997, 12, [30]),
      ...on(1998, 1, [29]),
      ...on(1998, 2, [26]),
      ...on(1998, 3, [30]),
    ],
  },
  {
    // The RFC writes UNTIL=19970902T170000Z and lists 09:00, 12:00 and 15:00 EDT; but 17:00Z is 13:00 EDT, so the
    // rule as written stops after 12:00 (15:00 EDT = 19:00Z is past UNTIL). A known inconsistency of the RFC text
    // (inherited from RFC 2445). The intended "until 5:00 PM" is checked in the two rows below.
    title: 'Every 3 hours from 9:00 AM to 5:00 PM on a specific day (UNTIL as written: 17:00Z = 13:00 EDT)',
    rrule: 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z',
    dtstart: '1997-09-02T09:00:00',
    expected: ['1997-09-02T09:00:00', '1997-09-02T12:00:00'],
  },
  {
    title: 'Every 3 hours from 9:00 AM to 5:00 PM on a specific day (UNTIL 5:00 PM EDT in UTC)',
    rrule: 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z',
    dtstart: '1997-09-02T09:00:00',
    expected: ['1997-09-02T09:00:00', '1997-09-02T12:00:00', '1997-09-02T15:00:00'],
  },
  {
    title: 'Every 3 hours from 9:00 AM to 5:00 PM on a specific day (UNTIL 5:00 PM as local time)',
    rrule: 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000',
    dtstart: '1997-09-02T09:00:00',
    expected: ['1997-09-02T09:00:00', '1997-09-02T12:00:00', '1997-09-02T15:00:00'],
  },
  {
    title: 'Every 15 minutes for 6 occurrences',
    rrule: 'FREQ=MINUTELY;INTERVAL=15;COUNT=6',
    dtstart: '1997-09-02T09:00:00',
    expected: ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15'].map((t) => `1997-09-02T${t}:00`),
  },
  {
    title: 'Every hour and a half for 4 occurrences',
    rrule: 'FREQ=MINUTELY;INTERVAL=90;COUNT=4',
    dtstart: '1997-09-02T09:00:00',
    expected: ['09:00', '10:30', '12:00', '13:30'].map((t) => `1997-09-02T${t}:00`),
  },
  {
    title: 'Every 20 minutes from 9:00 AM to 4:40 PM every day (DAILY form)',
    rrule: 'FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40',
    dtstart: '1997-09-02T09:00:00',
    range: { until: '1997-09-03' },
    expected: ['1997-09-02', '1997-09-03'].flatMap((d) =>
      times([9, 10, 11, 12, 13, 14, 15, 16], [0, 20, 40]).map((t) => `${d}T${t}`),
    ),
  },
  {
    title: 'Every 20 minutes from 9:00 AM to 4:40 PM every day (MINUTELY form)',
    rrule: 'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16',
    dtstart: '1997-09-02T09:00:00',
    range: { until: '1997-09-03' },
    expected: ['1997-09-02', '1997-09-03'].flatMap((d) =>
      times([9, 10, 11, 12, 13, 14, 15, 16], [0, 20, 40]).map((t) => `${d}T${t}`),
    ),
  },
  {
    title: 'WKST=MO: every other week on Tuesday and Sunday, 4 occurrences',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
    dtstart: '1997-08-05T09:00:00',
    expected: on(1997, 8, [5, 10, 19, 24]),
  },
  {
    title: 'WKST=SU: every other week on Tuesday and Sunday, 4 occurrences',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
    dtstart: '1997-08-05T09:00:00',
    expected: on(1997, 8, [5, 17, 19, 31]),
  },
  {
    title: 'An invalid date (February 30) is skipped, not counted',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5',
    dtstart: '2007-01-15T09:00:00',
    expected: [...on(2007, 1, [15, 30]), ...on(2007, 2, [15]), ...on(2007, 3, [15, 30])],
  },
];

/** Examples whose list is long enough to be checked by head, tail and total instead of element by element. */
const longExamples: Example[] = [
  {
    title: 'Daily until December 24, 1997 (head, tail and total)',
    rrule: 'FREQ=DAILY;UNTIL=19971224T000000Z',
    dtstart: '1997-09-02T09:00:00',
    expected: on(1997, 9, [2, 3, 4]),
    tail: on(1997, 12, [21, 22, 23]),
    total: 113,
  },
  {
    title: 'Every day in January, for 3 years (head, tail and total)',
    rrule: 'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1',
    dtstart: '1998-01-01T09:00:00',
    expected: [...on(1998, 1, [1, 2, 3])],
    tail: [...on(2000, 1, [29, 30, 31])],
    total: 93,
  },
  {
    title: 'Every 20 minutes from 9:00 AM to 4:40 PM every day (one week: head, tail and total)',
    rrule: 'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16',
    dtstart: '1997-09-02T09:00:00',
    range: { until: '1997-09-08' },
    expected: ['1997-09-02T09:00:00', '1997-09-02T09:20:00', '1997-09-02T09:40:00', '1997-09-02T10:00:00'],
    tail: ['1997-09-08T16:00:00', '1997-09-08T16:20:00', '1997-09-08T16:40:00'],
    total: 7 * 24,
  },
];

function expand(example: Example) {
  return expandRRule(
    {
      rrule: example.rrule,
      dtstart: example.dtstart,
      tzid: NY,
      ...(example.exdates && { exdates: example.exdates }),
    },
    example.range ?? {},
  );
}

describe('RFC 5545 §3.8.5.3 recurrence rule examples (America/New_York)', () => {
  it.each(examples)('$title', (example) => {
    expect(expand(example).map((o) => o.local)).toEqual(example.expected);
  });

  it.each(longExamples)('$title', (example) => {
    const locals = expand(example).map((o) => o.local);
    expect(locals).toHaveLength(example.total ?? -1);
    expect(locals.slice(0, example.expected.length)).toEqual(example.expected);
    const tail = example.tail ?? [];
    expect(locals.slice(locals.length - tail.length)).toEqual(tail);
  });

  it('the RRULE: prefix is accepted', () => {
    const locals = expandRRule({ rrule: 'RRULE:FREQ=DAILY;COUNT=3', dtstart: '1997-09-02T09:00:00', tzid: NY }, {}).map(
      (o) => o.local,
    );
    expect(locals).toEqual(on(1997, 9, [2, 3, 4]));
  });
});

describe('RFC examples across the 1997-10-26 fall-back (EDT −04:00 → EST −05:00)', () => {
  it('weekly for 10 occurrences: 9:00 local stays 9:00, the UTC instant moves by an hour', () => {
    const result = expandRRule({ rrule: 'FREQ=WEEKLY;COUNT=10', dtstart: '1997-09-02T09:00:00', tzid: NY }, {});
    expect(result.slice(6, 9)).toEqual([
      { local: '1997-10-14T09:00:00', instant: '1997-10-14T13:00:00Z', offset: '-04:00' },
      { local: '1997-10-21T09:00:00', instant: '1997-10-21T13:00:00Z', offset: '-04:00' },
      { local: '1997-10-28T09:00:00', instant: '1997-10-28T14:00:00Z', offset: '-05:00' },
    ]);
    expect(result[0]).toEqual({ local: '1997-09-02T09:00:00', instant: '1997-09-02T13:00:00Z', offset: '-04:00' });
    expect(result[9]).toEqual({ local: '1997-11-04T09:00:00', instant: '1997-11-04T14:00:00Z', offset: '-05:00' });
  });

  it('daily until December 24: Oct 25 is EDT, Oct 26 (the change day) is EST at 9:00', () => {
    const result = expandRRule(
      { rrule: 'FREQ=DAILY;UNTIL=19971224T000000Z', dtstart: '1997-09-02T09:00:00', tzid: NY },
      {},
    );
    const byLocal = new Map(result.map((o) => [o.local, o]));
    expect(byLocal.get('1997-10-25T09:00:00')).toEqual({
      local: '1997-10-25T09:00:00',
      instant: '1997-10-25T13:00:00Z',
      offset: '-04:00',
    });
    expect(byLocal.get('1997-10-26T09:00:00')).toEqual({
      local: '1997-10-26T09:00:00',
      instant: '1997-10-26T14:00:00Z',
      offset: '-05:00',
    });
    expect(result.at(-1)).toEqual({ local: '1997-12-23T09:00:00', instant: '1997-12-23T14:00:00Z', offset: '-05:00' });
  });

  it('every day in January for 3 years: the UTC UNTIL (14:00Z = 09:00 EST) is inclusive', () => {
    const result = expandRRule(
      { rrule: 'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1', dtstart: '1998-01-01T09:00:00', tzid: NY },
      {},
    );
    expect(result.at(-1)).toEqual({ local: '2000-01-31T09:00:00', instant: '2000-01-31T14:00:00Z', offset: '-05:00' });
  });

  it('every other week on MO,WE,FR: the last EDT and first EST occurrences', () => {
    const result = expandRRule(
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
        dtstart: '1997-09-01T09:00:00',
        tzid: NY,
      },
      { from: '1997-10-17T00:00:00', until: '1997-10-27T23:59:59' },
    );
    expect(result).toEqual([
      { local: '1997-10-17T09:00:00', instant: '1997-10-17T13:00:00Z', offset: '-04:00' },
      { local: '1997-10-27T09:00:00', instant: '1997-10-27T14:00:00Z', offset: '-05:00' },
    ]);
  });
});
