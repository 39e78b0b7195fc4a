// Random recurrence rules for the property and differential suites: the family where rrule.js (a port of
// python-dateutil) is known to follow RFC 5545, so its output can serve as an oracle.
//
// FREQ YEARLY/MONTHLY/WEEKLY/DAILY, INTERVAL 1–4, optional BYDAY (plain weekdays; ordinals ±1…4 with MONTHLY only),
// optional BYMONTHDAY (1…28 or −1…−3, never with WEEKLY nor with ordinal BYDAY, which could make a rule that never
// matches), optional BYMONTH, optional BYSETPOS (only MONTHLY with plain BYDAY, and then without BYMONTHDAY so that
// a position ±1…4 always exists), optional WKST, and COUNT 1…60 or a floating date-time UNTIL. DTSTART 2020…2030 at
// 09:00, any day of the month (29–31 included: months without that day are then skipped).
import fc from 'fast-check';

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'] as const;
type Freq = (typeof FREQS)[number];

/** Zones in which 09:00 exists exactly once on every day of 2020 onwards. */
export const ZONES = [
  'Europe/Amsterdam',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'America/Sao_Paulo',
  'UTC',
] as const;

export const pad2 = (n: number): string => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date; `day` already fits the month. */
export type CivilDate = { year: number; month: number; day: number };

export const civilDateArb = (minYear: number, maxYear: number): fc.Arbitrary<CivilDate> =>
  fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

export const dateText = (d: CivilDate): string => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;

export type RuleSpec = {
  freq: Freq;
  interval: number;
  byDay?: string[];
  byMonthDay?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  wkst?: string;
  /** COUNT, a floating UNTIL, or null for an endless rule. */
  end: { count: number } | { until: string } | null;
  /** Local DTSTART, 'YYYY-MM-DDT09:00:00'. */
  dtstart: string;
};

const ordinalArb = fc.constantFrom(1, 2, 3, 4, -1, -2, -3, -4);
const weekdaysArb = fc.uniqueArray(fc.constantFrom(...WEEKDAY_CODES), { minLength: 1, maxLength: 3 });
/** `arb` with probability `present`/10, otherwise undefined. */
const opt = <T>(arb: fc.Arbitrary<T>, present = 5): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 10 - present, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary: arb });

function byDayArb(freq: Freq): fc.Arbitrary<{ codes: string[]; ordinal: boolean } | undefined> {
  const plain = weekdaysArb.map((codes) => ({ codes: [...codes], ordinal: false }));
  if (freq !== 'MONTHLY') return opt(plain, 6);
  const ordinal = fc
    .uniqueArray(fc.tuple(ordinalArb, fc.constantFrom(...WEEKDAY_CODES)), {
      minLength: 1,
      maxLength: 3,
      selector: ([n, code]) => `${n}${code}`,
    })
    .map((entries) => ({ codes: entries.map(([n, code]) => `${n}${code}`), ordinal: true }));
  return opt(fc.oneof(plain, ordinal), 7);
}

/** A floating UNTIL 'YYYYMMDDTHHMMSS' after DTSTART (never date-only, never UTC). */
function untilArb(start: CivilDate): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 0, max: 4 * 366 }), fc.constantFrom('000000', '085959', '090000', '235959'))
    .map(([days, time]) => {
      const d = new Date(Date.UTC(start.year, start.month - 1, start.day + days));
      return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}T${time}`;
    });
}

export const ruleSpecArb: fc.Arbitrary<RuleSpec> = fc
  .tuple(fc.constantFrom(...FREQS), civilDateArb(2020, 2030))
  .chain(([freq, start]) =>
    fc.record({
      freq: fc.constant(freq),
      interval: fc.integer({ min: 1, max: 4 }),
      byDay: byDayArb(freq),
      byMonthDay: opt(
        fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: -3, max: -1 })), {
          minLength: 1,
          maxLength: 3,
        }),
        4,
      ),
      byMonth: opt(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }), 3),
      // All of one sign: 4 and −2 can name the same day, which rrule.js then returns twice (see the differential test).
      bySetPos: opt(
        fc
          .tuple(fc.boolean(), fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }))
          .map(([negative, positions]) => positions.map((p) => (negative ? -p : p))),
        7,
      ),
      wkst: opt(fc.constantFrom(...WEEKDAY_CODES)),
      end: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 60 }).map((count) => ({ count })) },
        { weight: 1, arbitrary: untilArb(start).map((until) => ({ until })) },
      ),
      dtstart: fc.constant(`${dateText(start)}T09:00:00`),
    }),
  )
  .map((raw) => {
    const spec: RuleSpec = { freq: raw.freq, interval: raw.interval, end: raw.end, dtstart: raw.dtstart };
    const ordinal = raw.byDay?.ordinal === true;
    if (raw.byDay) spec.byDay = raw.byDay.codes;
    const setPosApplies = raw.bySetPos !== undefined && raw.freq === 'MONTHLY' && raw.byDay !== undefined && !ordinal;
    if (setPosApplies) spec.bySetPos = raw.bySetPos;
    else if (raw.byMonthDay && raw.freq !== 'WEEKLY' && !ordinal) spec.byMonthDay = raw.byMonthDay;
    if (raw.byMonth) spec.byMonth = raw.byMonth;
    if (raw.wkst) spec.wkst = raw.wkst;
    return spec;
  });

/** The RRULE text of a spec, parts in a fixed order. */
export function ruleText(spec: RuleSpec): string {
  const parts = [`FREQ=${spec.freq}`];
  if (spec.interval !== 1) parts.push(`INTERVAL=${spec.interval}`);
  if (spec.end !== null) parts.push('count' in spec.end ? `COUNT=${spec.end.count}` : `UNTIL=${spec.end.until}`);
  if (spec.byMonth) parts.push(`BYMONTH=${spec.byMonth.join(',')}`);
  if (spec.byMonthDay) parts.push(`BYMONTHDAY=${spec.byMonthDay.join(',')}`);
  if (spec.byDay) parts.push(`BYDAY=${spec.byDay.join(',')}`);
  if (spec.bySetPos) parts.push(`BYSETPOS=${spec.bySetPos.join(',')}`);
  if (spec.wkst) parts.push(`WKST=${spec.wkst}`);
  return parts.join(';');
}

/** Shifts a local 'YYYY-MM-DDTHH:mm:ss' by whole days (plain calendar arithmetic, no zone). */
export function addDays(local: string, days: number): string {
  const t = Date.parse(`${local}Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 19);
}
