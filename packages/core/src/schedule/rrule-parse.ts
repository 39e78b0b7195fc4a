import { CoreError } from '../errors.js';
import { daysFromCivil, daysInMonth } from '../time/civil.js';

/** RFC 5545 frequencies, ordered from the coarsest to the finest (the order the expansion relies on). */
const FREQUENCIES = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'] as const;
/** Frequencies as numbers in the same order, so "finer than" is a plain comparison. */
export const Freq = { Yearly: 0, Monthly: 1, Weekly: 2, Daily: 3, Hourly: 4, Minutely: 5, Secondly: 6 } as const;
export type Freq = (typeof Freq)[keyof typeof Freq];

/** RFC 5545 weekday codes in ISO order: index 0 = Monday … 6 = Sunday, matching `weekdayOfDays`. */
const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A BYDAY entry: a weekday (0 = Monday) and, for "the 2nd Monday" / "the last Friday", its ordinal. */
type WeekdayEntry = { weekday: number; nth?: number };

/**
 * An RRULE as written, checked against RFC 5545 §3.3.10 but not yet combined with a DTSTART (the defaults that
 * DTSTART supplies are added by the expansion).
 */
export type ParsedRule = {
  readonly freq: Freq;
  interval: number;
  count?: number;
  /** UNTIL as a UTC instant (epoch seconds) when written with `Z`, otherwise as local seconds in the rule's zone. */
  until?: { seconds: number; utc: boolean };
  bySecond?: number[];
  byMinute?: number[];
  byHour?: number[];
  byDay?: WeekdayEntry[];
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  /** Week start, 0 = Monday (the default) … 6 = Sunday. */
  wkst: number;
};

const RULE_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);

function invalid(message: string, path: (string | number)[] = ['rrule']): CoreError {
  return new CoreError('invalid-rrule', message, { path });
}

/**
 * The largest COUNT and INTERVAL accepted. They keep every expansion's cost bounded: a COUNT must be walked from
 * DTSTART on even when only a late window is asked for.
 */
const MAX_COUNT = 1_000_000;
const MAX_INTERVAL = 1_000_000;
/** The longest rule text accepted (a rule listing every BYYEARDAY value both ways is about 3,500 characters). */
const MAX_RULE_LENGTH = 10_000;

function parseInteger(part: string, text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw invalid(`${part} must be a whole number, got '${text}'.`);
  return Number(text);
}

/** A whole number in 1…max, for COUNT and INTERVAL. */
function parseBounded(part: string, text: string, max: number): number {
  const value = parseInteger(part, text);
  if (value < 1) throw invalid(`${part} must be 1 or more.`);
  if (value > max) throw invalid(`${part} must be at most ${max.toLocaleString('en')}, got ${text}.`);
  return value;
}

/** A comma list of signed integers, each within ±[min, max] (zero refused where the RFC refuses it). */
function parseIntegerList(part: string, text: string, min: number, max: number, signed: boolean): number[] {
  const values = text.split(',').map((item) => parseInteger(part, item.trim()));
  for (const value of values) {
    const magnitude = Math.abs(value);
    if ((value < 0 && !signed) || magnitude < min || magnitude > max) {
      const range = signed ? `${min}…${max} or -${max}…-${min}` : `${min}…${max}`;
      throw invalid(`${part} value ${value} is out of range: use ${range}.`);
    }
  }
  return [...new Set(values)];
}

function parseWeekdayCode(part: string, code: string): number {
  const index = (WEEKDAY_CODES as readonly string[]).indexOf(code);
  if (index < 0) throw invalid(`${part} has an unknown weekday '${code}': use one of ${WEEKDAY_CODES.join(', ')}.`);
  return index;
}

function parseByDay(text: string): WeekdayEntry[] {
  return text.split(',').map((raw) => {
    const item = raw.trim();
    const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    if (!match) throw invalid(`BYDAY entry '${item}' is malformed: write e.g. MO, 2TU or -1FR.`);
    const weekday = parseWeekdayCode('BYDAY', match[2] as string);
    if (match[1] === undefined) return { weekday };
    const nth = Number(match[1]);
    if (nth === 0 || Math.abs(nth) > 53) throw invalid(`BYDAY ordinal in '${item}' must be 1…53 or -53…-1.`);
    return { weekday, nth };
  });
}

/** UNTIL as `YYYYMMDD`, `YYYYMMDDTHHMMSS` (local) or `YYYYMMDDTHHMMSSZ` (UTC). A bare date covers that whole day. */
function parseUntil(text: string): { seconds: number; utc: boolean } {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(text);
  if (!match) throw invalid(`UNTIL '${text}' is malformed: write YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ.`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw invalid(`UNTIL '${text}' is not a real date.`);
  const day = daysFromCivil(y, m, d) * 86400;
  if (match[4] === undefined) return { seconds: day + 86399, utc: false };
  const [h, mi, s] = [Number(match[4]), Number(match[5]), Number(match[6])];
  if (h > 23 || mi > 59 || s > 60) throw invalid(`UNTIL '${text}' has an impossible time of day.`);
  return { seconds: day + h * 3600 + mi * 60 + Math.min(s, 59), utc: match[7] === 'Z' };
}

/**
 * Parses an RRULE value (`FREQ=WEEKLY;BYDAY=MO,TH`, optionally prefixed with `RRULE:`) strictly: unknown parts,
 * out-of-range values and combinations RFC 5545 forbids are refused with an error naming the part.
 */
export function parseRRule(text: string): ParsedRule {
  let rule = parsedCache.get(text);
  if (rule === undefined) {
    rule = parseUncached(text);
    if (parsedCache.size > 1000) parsedCache.clear();
    parsedCache.set(text, rule);
  }
  return rule;
}

/** Contracts share a handful of rule texts; parsed rules are immutable, so each text is parsed once. */
const parsedCache = new Map<string, ParsedRule>();

function parseUncached(text: string): ParsedRule {
  if (text.length > MAX_RULE_LENGTH) {
    const max = MAX_RULE_LENGTH.toLocaleString('en');
    throw invalid(`the rule is ${text.length} characters long: at most ${max} are accepted; shorten the BYxxx lists.`);
  }
  // A line break would otherwise end up inside a value and be reported as, say, an unknown FREQ.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point of this pattern
  const control = /[\u0000-\u001f\u007f]/.exec(text.trim());
  if (control) {
    const what = control[0] === '\n' || control[0] === '\r' ? 'a line break' : 'a control character';
    throw invalid(
      `the rule contains ${what} at position ${control.index}: write it on one line, parts separated by ;.`,
    );
  }
  const body = text.trim().replace(/^RRULE:/i, '');
  if (body === '') throw invalid('the rule is empty: write at least FREQ=…, e.g. FREQ=WEEKLY;BYDAY=MO.');
  const seen = new Map<string, string>();
  for (const segment of body.split(';')) {
    if (segment.trim() === '') continue;
    const eq = segment.indexOf('=');
    if (eq <= 0) throw invalid(`'${segment}' is not a NAME=VALUE part.`);
    const name = segment.slice(0, eq).trim().toUpperCase();
    const value = segment
      .slice(eq + 1)
      .trim()
      .toUpperCase();
    if (!RULE_PARTS.has(name)) throw invalid(`unknown part '${name}': RFC 5545 allows ${[...RULE_PARTS].join(', ')}.`);
    if (seen.has(name)) throw invalid(`${name} is given twice.`);
    if (value === '') throw invalid(`${name} has no value.`);
    seen.set(name, value);
  }

  const freqText = seen.get('FREQ');
  if (freqText === undefined) throw invalid('FREQ is missing: every rule needs one, e.g. FREQ=MONTHLY.');
  const freq = (FREQUENCIES as readonly string[]).indexOf(freqText);
  if (freq < 0) throw invalid(`FREQ '${freqText}' is unknown: use one of ${FREQUENCIES.join(', ')}.`);

  const rule: ParsedRule = { freq: freq as Freq, interval: 1, wkst: 0 };
  for (const [name, value] of seen) {
    switch (name) {
      case 'INTERVAL':
        rule.interval = parseBounded(name, value, MAX_INTERVAL);
        break;
      case 'COUNT':
        rule.count = parseBounded(name, value, MAX_COUNT);
        break;
      case 'UNTIL':
        rule.until = parseUntil(value);
        break;
      case 'BYSECOND':
        rule.bySecond = parseIntegerList(name, value, 0, 59, false);
        break;
      case 'BYMINUTE':
        rule.byMinute = parseIntegerList(name, value, 0, 59, false);
        break;
      case 'BYHOUR':
        rule.byHour = parseIntegerList(name, value, 0, 23, false);
        break;
      case 'BYDAY':
        rule.byDay = parseByDay(value);
        break;
      case 'BYMONTHDAY':
        rule.byMonthDay = parseIntegerList(name, value, 1, 31, true);
        break;
      case 'BYYEARDAY':
        rule.byYearDay = parseIntegerList(name, value, 1, 366, true);
        break;
      case 'BYWEEKNO':
        rule.byWeekNo = parseIntegerList(name, value, 1, 53, true);
        break;
      case 'BYMONTH':
        rule.byMonth = parseIntegerList(name, value, 1, 12, false);
        break;
      case 'BYSETPOS':
        rule.bySetPos = parseIntegerList(name, value, 1, 366, true);
        break;
      case 'WKST':
        rule.wkst = parseWeekdayCode(name, value);
        break;
    }
  }
  checkCombinations(rule);
  return rule;
}

/**
 * The most times of day a rule with a FREQ of a day or coarser may list: a period's times are built at once, so
 * this bounds the memory of one period (a year of 366 days × 1,440 times).
 */
const MAX_TIMES_PER_DAY = 1440;

/** The combinations RFC 5545 §3.3.10 rules out, refused so a rule never silently means something else. */
function checkCombinations(rule: ParsedRule): void {
  const freqName = FREQUENCIES[rule.freq];
  if (rule.count !== undefined && rule.until !== undefined) {
    throw invalid('COUNT and UNTIL cannot both be given: keep one of them.');
  }
  if (rule.byWeekNo && rule.freq !== Freq.Yearly) {
    throw invalid(`BYWEEKNO is only allowed with FREQ=YEARLY, not FREQ=${freqName}.`);
  }
  if (rule.byYearDay && (rule.freq === Freq.Monthly || rule.freq === Freq.Weekly || rule.freq === Freq.Daily)) {
    throw invalid(`BYYEARDAY is not allowed with FREQ=${freqName}.`);
  }
  if (rule.byMonthDay && rule.freq === Freq.Weekly) {
    throw invalid('BYMONTHDAY is not allowed with FREQ=WEEKLY: use BYDAY, or FREQ=MONTHLY.');
  }
  if (rule.byDay?.some((entry) => entry.nth !== undefined)) {
    if (rule.freq !== Freq.Monthly && rule.freq !== Freq.Yearly) {
      throw invalid(`BYDAY ordinals such as 1MO need FREQ=MONTHLY or FREQ=YEARLY, not FREQ=${freqName}.`);
    }
    if (rule.freq === Freq.Yearly && rule.byWeekNo) {
      throw invalid('BYDAY ordinals such as 1MO cannot be combined with BYWEEKNO.');
    }
    if (rule.freq === Freq.Monthly && rule.byDay.some((entry) => Math.abs(entry.nth ?? 0) > 5)) {
      throw invalid('with FREQ=MONTHLY a BYDAY ordinal must be 1…5 or -5…-1.');
    }
  }
  if (rule.freq < Freq.Hourly) {
    const timesPerDay = (rule.byHour?.length ?? 1) * (rule.byMinute?.length ?? 1) * (rule.bySecond?.length ?? 1);
    if (timesPerDay > MAX_TIMES_PER_DAY) {
      throw invalid(
        `BYHOUR × BYMINUTE × BYSECOND give ${timesPerDay} times a day with FREQ=${freqName}: at most ` +
          `${MAX_TIMES_PER_DAY.toLocaleString('en')} are supported; use FREQ=MINUTELY or FREQ=SECONDLY with the ` +
          'same BYxxx parts.',
      );
    }
  }
  if (rule.bySetPos) {
    const hasOtherBy = rule.bySecond || rule.byMinute || rule.byHour || rule.byDay || rule.byMonthDay || rule.byYearDay;
    if (!hasOtherBy && !rule.byWeekNo && !rule.byMonth) {
      throw invalid('BYSETPOS needs another BYxxx part to pick from, e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1.');
    }
  }
}
