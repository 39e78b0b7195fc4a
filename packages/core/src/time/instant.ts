import { CoreError, echo } from '../errors.js';
import { formatDate, formatLocalSeconds, parseLocalSeconds } from './civil.js';
import { dateOutOfRange, inDateRange, MAX_DAY, MIN_DAY } from './date-range.js';
import { zoneTimeline } from './zone.js';
import { MAX_ZONE_NAME, offsetAt } from './zone-offset.js';

const INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})Z$/;

/** Seconds since the epoch of a UTC instant `'YYYY-MM-DDTHH:mm:ssZ'`; the error names `path`. */
export function parseInstant(text: string, path: (string | number)[]): number {
  const match = typeof text === 'string' ? INSTANT.exec(text) : null;
  const seconds = match ? parseLocalSeconds(match[1] as string) : undefined;
  if (seconds === undefined) {
    throw new CoreError('invalid-local-time', `${echo(text)} is not a UTC instant: write 'YYYY-MM-DDTHH:mm:ssZ'.`, {
      path,
    });
  }
  if (seconds < FIRST_SECOND) throw dateOutOfRange('the instant', path, text);
  return seconds;
}

/** The supported instants: 0001-01-01T00:00:00Z through 9999-12-31T23:59:59Z (see `MIN_DATE`). */
const FIRST_SECOND = MIN_DAY * 86400;
const LAST_SECOND = MAX_DAY * 86400 + 86399;

/** `'YYYY-MM-DDTHH:mm:ssZ'` of a computed instant; one past 9999-12-31 is refused rather than written with 5 digits. */
export function formatInstant(seconds: number, path: readonly (string | number)[] = []): string {
  if (seconds < FIRST_SECOND || seconds > LAST_SECOND) throw dateOutOfRange('the computed time', path);
  return `${formatLocalSeconds(seconds)}Z`;
}

/*
 * The last instant's local dates, by zone: "today" is asked again and again with one `asOf` (every row of a list,
 * every request within a second), and parsing the instant and finding the zone's offset cost more than the rest of a
 * contract's status. Only the same instant and zone name, answered before, hit: a memo answers what computing would.
 */
let lastInstant = { instant: '', dateByZone: new Map<string, string>() };

/** The local calendar date `'YYYY-MM-DD'` of a UTC instant in a zone: "today" for a tenant. */
export function localDateAt(instant: string, tzid: string, path: (string | number)[] = ['asOf']): string {
  if (instant === lastInstant.instant) {
    const known = lastInstant.dateByZone.get(tzid);
    if (known !== undefined) return known;
  }
  const seconds = parseInstant(instant, path);
  if (typeof tzid !== 'string' || tzid.length > MAX_ZONE_NAME) {
    throw new CoreError('invalid-time-zone', `${echo(tzid)} is not an IANA time zone: use e.g. 'Europe/Amsterdam'.`, {
      path: ['tzid'],
    });
  }
  const day = Math.floor((seconds + offsetAt(zoneTimeline(tzid), seconds)) / 86400);
  // 9999-12-31T23:00:00Z is already 10000-01-01 in Kolkata.
  if (!inDateRange(day)) throw dateOutOfRange(`the local date of ${instant} in ${tzid}`, path);
  const date = formatDate(day);
  if (instant !== lastInstant.instant) lastInstant = { instant, dateByZone: new Map() };
  lastInstant.dateByZone.set(tzid, date);
  return date;
}
