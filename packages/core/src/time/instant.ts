import { CoreError } from '../errors.js';
import { formatDate, formatLocalSeconds, parseLocalSeconds } from './civil.js';
import { zoneTimeline } from './zone.js';

const INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})Z$/;

/** Seconds since the epoch of a UTC instant `'YYYY-MM-DDTHH:mm:ssZ'`; the error names `path`. */
export function parseInstant(text: string, path: (string | number)[]): number {
  const match = typeof text === 'string' ? INSTANT.exec(text) : null;
  const seconds = match ? parseLocalSeconds(match[1] as string) : undefined;
  if (seconds === undefined) {
    throw new CoreError('invalid-local-time', `${JSON.stringify(text)} is not a UTC instant: write 'YYYY-MM-DDTHH:mm:ssZ'.`, {
      path,
    });
  }
  return seconds;
}

export function formatInstant(seconds: number): string {
  return `${formatLocalSeconds(seconds)}Z`;
}

/** The local calendar date `'YYYY-MM-DD'` of a UTC instant in a zone: "today" for a tenant. */
export function localDateAt(instant: string, tzid: string, path: (string | number)[] = ['asOf']): string {
  const seconds = parseInstant(instant, path);
  const local = seconds + zoneTimeline(tzid).offsetAtInstant(seconds);
  return formatDate(Math.floor(local / 86400));
}
