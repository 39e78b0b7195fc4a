import { describe, expect, it } from 'vitest';
import { expandRRule } from './expand-rrule.js';
import type { ExpansionRange } from './expansion-input.js';

/**
 * Every example of RFC 5545 §3.8.5.3, transcribed from the RFC. All use TZID=America/New_York. Dates are written
 * compactly: 'YYYYMMDD' at the example's DTSTART time, or 'YYYYMMDDTHHMM'.
 */
type Example = {
  title: string;
  rrule: string;
  dtstart: string;
  range?: ExpansionRange;
  exdates?: string[];
  expected: string[];
  /** For long or endless lists: the expected total (the list then holds the first ones only). */
  total?: number;
};

function local(compact: string, dtstart: string): string {
  const date = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
  const time = compact.length > 8 ? `${compact.slice(9, 11)}:${compact.slice(11, 13)}:00` : dtstart.slice(11);
  return `${date}T${time}`;
}

const days = (prefix: string, list: number[]) => list.map((d) => `${prefix}${String(d).padStart(2, '0')}`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const times = (date: string, list: string[]) => list.map((t) => `${date}T${t.replace(':', '')}`);

const examples: Example[] = [
  {
    title: 'Daily for 10 occurrences',
    rrule: 'FREQ=DAILY;COUNT=10',
    dtstart: '1997-09-02T09:00:00',
    expected: days('199709', range(2, 11)),
  },
  {
    title: 'Daily until December 24, 1997',
    rrule: 'FREQ=DAILY;UNTIL=19971224T000000Z',
    dtstart: '1997-09-02T09:00:00',
    expected: [
      ...days('199709', range(2, 30)),
      ...days('199710', range(1, 31)),
      ...days('199711', range(1, 30)),
      ...days('199712', range(1, 23)),
    ],
  },
  {
    title: 'Every other day - forever',
    rrule: 'FREQ=DAILY;INTERVAL=2',
    dtstart: '1997-09-02T09:00:00',
    range: { until: '1997-12-31' },
    expected: [
      ...days('199709', [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]),
      ...days('199710', [2, 4, 6]),
    ],
    total: 61,
  },
  {
    title: 'Every 10 days, 5 occurrences',
    rrule: 'FREQ=DAILY;INTERVAL=10;COUNT=5',
    dtstart: '1997-09-02T09:00:00',
    expected: ['19970902', '19970912', '19970922', '19971002', '19971012'],
  },
  {
    title: 'Every day in January, for 3 years (yearly form)',
    rrule: 'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
    dtstart: '1998-01-01T09:00:00',
    expected: [...days('199801', range(1, 31)), ...days('199901', range(1, 31)), ...days('200001', range(1, 31))],
  },
  {
    title: 'Every day in January, for 3 years (daily form)',
    rrule: 'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1',
    dtstart: '1998-01-01T09:00:00',
    expected: [...days('199801', range(1, 31)), ...days('199901', range(1, 31)), ...days('200001', range(1, 31))],
  },
  {
    title: 'Weekly for 10 occurrences',
    rrule: 'FREQ=WEEKLY;COUNT=10',
    dtstart: '1997-09-02T09:00:00',
    expected: [...days('199709', [2, 9, 16, 23, 30]), ...days('199710', [7, 14, 21, 28]), '19971104'],
  },
  {
    title: 'Weekly until December 24, 1997',
    rrule: 'FREQ=WEEKLY;UNTIL=19971224T000000Z',
    dtstart: '1997-09-02T09:00:00',
    expected: [
      ...days('199709', [2, 9, 16, 23, 30]),
      ...days('199710', [7, 14, 21, 28]),
      ...days('199711', [4, 11, 18, 25]),
      ...days('199712', [2, 9, 16, 23]),
    ],
  },
  {
    title: 'Every other week - forever',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;WKST=SU',
    dtstart: '1997-09-02T09:00:00',
    range: { limit: 13 },
    expected: [
      ...days('199709', [2, 16, 30]),
      ...days('199710', [14, 28]),
      ...days('199711', [11, 25]),
      ...days('199712', [9, 23]),
      ...days('199801', [6, 20]),
      ...days('199802', [3, 17]),
    ],
  },
  {
    title: 'Weekly on Tuesday and Thursday for five weeks (UNTIL form)',
    rrule: 'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH',
    dtstart: '1997-09-02T09:00:00',
    expected: [...days('199709', [2, 4, 9, 11, 16, 18, 23, 25, 30]), '19971002'],
  },
  {
    title: 'Weekly on Tuesday and Thursday for five weeks (COUNT form)',
    rrule: 'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH',
    dtstart: '1997-09-02T09:00:00',
    expected: [...days('199709', [2, 4, 9, 11, 16, 18, 23, 25, 30]), '19971002'],
  },
  {
    title: 'Every other week on Monday, Wednesday, and Friday until December 24, 1997',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
    dtstart: '1997-09-01T09:00:00',
    expected: [
      ...days('199709', [1, 3, 5, 15, 17, 19, 29]),
      ...days('199710', [1, 3, 13, 15, 17, 27, 29, 31]),
      ...days('199711', [10, 12, 14, 24, 26, 28]),
      ...days('199712', [8, 10, 12, 22]),
    ],
  },
  {
    title: 'Every other week on Tuesday and Thursday, for 8 occurrences',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH',
    dtstart: '1997-09-02T09:00:00',
    expected: [...days('199709', [2, 4, 16, 18, 30]), ...days('199710', [2, 14, 16])],
  },
  {
    title: 'Monthly on the first Friday for 10 occurrences',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
    dtstart: '1997-09-05T09:00:00',
    expected: [
      '19970905',
      '19971003',
      '19971107',
      '19971205',
      '19980102',
      '19980206',
      '19980306',
      '19980403',
      '19980501',
      '19980605',
    ],
  },
  {
    title: 'Monthly on the first Friday until December 24, 1997',
    rrule: 'FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR',
    dtstart: '1997-09-05T09:00:00',
    expected: ['19970905', '19971003', '19971107', '19971205'],
  },
  {
    title: 'Every other month on the first and last Sunday of the month for 10 occurrences',
    rrule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU',
    dtstart: '1997-09-07T09:00:00',
    expected: [
      '19970907',
      '19970928',
      '19971102',
      '19971130',
      '19980104',
      '19980125',
      '19980301',
      '19980329',
      '19980503',
      '19980531',
    ],
  },
  {
    title: 'Monthly on the second-to-last Monday of the month for 6 months',
    rrule: 'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
    dtstart: '1997-09-22T09:00:00',
    expected: ['19970922', '19971020', '19971117', '19971222', '19980119', '19980216'],
  },
  {
    title: 'Monthly on the third-to-the-last day of the month, forever',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=-3',
    dtstart: '1997-09-28T09:00:00',
    range: { limit: 6 },
    expected: ['19970928', '19971029', '19971128', '19971229', '19980129', '19980226'],
  },
  {
    title: 'Monthly on the 2nd and 15th of the month for 10 occurrences',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15',
    dtstart: '1997-09-02T09:00:00',
    expected: [
      '19970902',
      '19970915',
      '19971002',
      '19971015',
      '19971102',
      '19971115',
      '19971202',
      '19971215',
      '19980102',
      '19980115',
    ],
  },
  {
    title: 'Monthly on the first and last day of the month for 10 occurrences',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1',
    dtstart: '1997-09-30T09:00:00',
    expected: [
      '19970930',
      '19971001',
      '19971031',
      '19971101',
      '19971130',
      '19971201',
      '19971231',
      '19980101',
      '19980131',
      '19980201',
    ],
  },
  {
    title: 'Every 18 months on the 10th thru 15th of the month for 10 occurrences',
    rrule: 'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15',
    dtstart: '1997-09-10T09:00:00',
    expected: [...days('199709', range(10, 15)), ...days('199903', range(10, 13))],
  },
  {
    title: 'Every Tuesday, every other month',
    rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU',
    dtstart: '1997-09-02T09:00:00',
    range: { until: '1998-03-31' },
    expected: [
      ...days('199709', [2, 9, 16, 23, 30]),
      ...days('199711', [4, 11, 18, 25]),
      ...days('199801', [6, 13, 20, 27]),
      ...days('199803', [3, 10, 17, 24, 31]),
    ],
  },
  {
    title: 'Yearly in June and July for 10 occurrences',
    rrule: 'FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
    dtstart: '1997-06-10T09:00:00',
    expected: [
      '19970610',
      '19970710',
      '19980610',
      '19980710',
      '19990610',
      '19990710',
      '20000610',
      '20000710',
      '20010610',
      '20010710',
    ],
  },
  {
    title: 'Every other year on January, February, and March for 10 occurrences',
    rrule: 'FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3',
    dtstart: '1997-03-10T09:00:00',
    expected: [
      '19970310',
      '19990110',
      '19990210',
      '19990310',
      '20010110',
      '20010210',
      '20010310',
      '20030110',
      '20030210',
      '20030310',
    ],
  },
  {
    title: 'Every third year on the 1st, 100th, and 200th day for 10 occurrences',
    rrule: 'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
    dtstart: '1997-01-01T09:00:00',
    expected: [
      '19970101',
      '19970410',
      '19970719',
      '20000101',
      '20000409',
      '20000718',
      '20030101',
      '20030410',
      '20030719',
      '20060101',
    ],
  },
  {
    title: 'Every 20th Monday of the year, forever',
    rrule: 'FREQ=YEARLY;BYDAY=20MO',
    dtstart: '1997-05-19T09:00:00',
    range: { limit: 3 },
    expected: ['19970519', '19980518', '19990517'],
  },
  {
    title: 'Monday of week number 20 (where the default start of the week is Monday), forever',
    rrule: 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
    dtstart: '1997-05-12T09:00:00',
    range: { limit: 3 },
    expected: ['19970512', '19980511', '19990517'],
  },
  {
    title: 'Every Thursday in March, forever',
    rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=TH',
    dtstart: '1997-03-13T09:00:00',
    range: { until: '1999-12-31' },
    expected: [...days('199703', [13, 20, 27]), ...days('199803', [5, 12, 19, 26]), ...days('199903', [4, 11, 18, 25])],
  },
  {
    title: 'Every Thursday, but only during June, July, and August, forever',
    rrule: 'FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8',
    dtstart: '1997-06-05T09:00:00',
    range: { until: '1999-12-31' },
    expected: [
      ...days('199706', [5, 12, 19, 26]),
      ...days('199707', [3, 10, 17, 24, 31]),
      ...days('199708', [7, 14, 21, 28]),
      ...days('199806', [4, 11, 18, 25]),
      ...days('199807', [2, 9, 16, 23, 30]),
      ...days('199808', [6, 13, 20, 27]),
      ...days('199906', [3, 10, 17, 24]),
      ...days('199907', [1, 8, 15, 22, 29]),
      ...days('199908', [5, 12, 19, 26]),
    ],
  },
  {
    title: 'Every Friday the 13th, forever (DTSTART excluded by EXDATE)',
    rrule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
    dtstart: '1997-09-02T09:00:00',
    exdates: ['1997-09-02T09:00:00'],
    range: { limit: 5 },
    expected: ['19980213', '19980313', '19981113', '19990813', '20001013'],
  },
  {
    title: 'The first Saturday that follows the first Sunday of the month, forever',
    rrule: 'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13',
    dtstart: '1997-09-13T09:00:00',
    range: { limit: 10 },
    expected: [
      '19970913',
      '19971011',
      '19971108',
      '19971213',
      '19980110',
      '19980207',
      '19980307',
      '19980411',
      '19980509',
      '19980613',
    ],
  },
  {
    title: 'Every 4 years, the first Tuesday after a Monday in November, forever (U.S. Presidential Election day)',
    rrule: 'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
    dtstart: '1996-11-05T09:00:00',
    range: { limit: 3 },
    expected: ['19961105', '20001107', '20041102'],
  },
  {
    title: 'The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
    dtstart: '1997-09-04T09:00:00',
    expected: ['19970904', '19971007', '19971106'],
  },
  {
    title: 'The second-to-last weekday of the month',
    rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
    dtstart: '1997-09-29T09:00:00',
    range: { limit: 7 },
    expected: ['19970929', '19971030', '19971127', '19971230', '19980129', '19980226', '19980330'],
  },
  {
    // The RFC writes UNTIL=19970902T170000Z but lists 15:00 EDT (19:00Z): its intent is 17:00 local, written here
    // as a local UNTIL (erratum 3883).
    title: 'Every 3 hours from 9:00 AM to 5:00 PM on a specific day',
    rrule: 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000',
    dtstart: '1997-09-02T09:00:00',
    expected: times('19970902', ['09:00', '12:00', '15:00']),
  },
  {
    title: 'Every 15 minutes for 6 occurrences',
    rrule: 'FREQ=MINUTELY;INTERVAL=15;COUNT=6',
    dtstart: '1997-09-02T09:00:00',
    expected: times('19970902', ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15']),
  },
  {
    title: 'Every hour and a half for 4 occurrences',
    rrule: 'FREQ=MINUTELY;INTERVAL=90;COUNT=4',
    dtstart: '1997-09-02T09:00:00',
    expected: times('19970902', ['09:00', '10:30', '12:00', '13:30']),
  },
  ...[
    'FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40',
    'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16',
  ].map((rrule): Example => ({
    title: `Every 20 minutes from 9:00 AM to 4:40 PM every day (${rrule.split(';')[0]})`,
    rrule,
    dtstart: '1997-09-02T09:00:00',
    range: { until: '1997-09-03' },
    expected: ['19970902', '19970903'].flatMap((date) =>
      range(9, 16).flatMap((hour) =>
        ['00', '20', '40'].map((minute) => `${date}T${String(hour).padStart(2, '0')}${minute}`),
      ),
    ),
  })),
  {
    title: 'WKST=MO changes the result of a weekly rule with INTERVAL=2',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
    dtstart: '1997-08-05T09:00:00',
    expected: ['19970805', '19970810', '19970819', '19970824'],
  },
  {
    title: 'WKST=SU changes the result of a weekly rule with INTERVAL=2',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
    dtstart: '1997-08-05T09:00:00',
    expected: ['19970805', '19970817', '19970819', '19970831'],
  },
  {
    title: 'An invalid date (30 February) is ignored and does not count',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5',
    dtstart: '2007-01-15T09:00:00',
    expected: ['20070115', '20070130', '20070215', '20070315', '20070330'],
  },
];

describe('RFC 5545 §3.8.5.3 examples (TZID=America/New_York)', () => {
  it.each(examples)('$title', ({ rrule, dtstart, range: window, exdates, expected, total }) => {
    const result = expandRRule({ rrule, dtstart, tzid: 'America/New_York', exdates }, window ?? {});
    const locals = result.map((o) => o.local);
    const wanted = expected.map((compact) => local(compact, dtstart));
    if (total === undefined) {
      expect(locals).toEqual(wanted);
    } else {
      expect(locals.slice(0, wanted.length)).toEqual(wanted);
      expect(locals).toHaveLength(total);
    }
  });

  it('keeps 09:00 local across the 1997 fall-back: EDT (-04:00) before 26 October, EST (-05:00) after', () => {
    const result = expandRRule(
      { rrule: 'FREQ=WEEKLY;COUNT=10', dtstart: '1997-09-02T09:00:00', tzid: 'America/New_York' },
      {},
    );
    expect(result[7]).toEqual({ local: '1997-10-21T09:00:00', instant: '1997-10-21T13:00:00Z', offset: '-04:00' });
    expect(result[8]).toEqual({ local: '1997-10-28T09:00:00', instant: '1997-10-28T14:00:00Z', offset: '-05:00' });
  });

  it('a UTC UNTIL is compared as an instant: 17:00Z is 13:00 EDT', () => {
    const result = expandRRule(
      {
        rrule: 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z',
        dtstart: '1997-09-02T09:00:00',
        tzid: 'America/New_York',
      },
      {},
    );
    expect(result.map((o) => o.local)).toEqual(['1997-09-02T09:00:00', '1997-09-02T12:00:00']);
  });
});
