import { IANAZone } from 'luxon';
import { daysFromCivil } from './civil.js';
import type { ZoneTimeline } from './zone.js';

// The shared zone timeline is built year by year and kept contiguous, so one instant in year 9999 (or 0001) would
// make it sample every day of thousands of years: minutes of work. Far from the years contracts live in, a single
// direct lookup in the time-zone database is cheaper by orders of magnitude.
const NEAR_FROM = daysFromCivil(1900, 1, 1) * 86400;
const NEAR_TO = daysFromCivil(2200, 1, 1) * 86400;

/** The longest zone name worth looking up: IANA names stay under about 30 characters. */
export const MAX_ZONE_NAME = 64;

/** The UTC offset in seconds at a UTC instant (seconds since the epoch), cheap for any year. */
export function offsetAt(timeline: ZoneTimeline, utcSeconds: number): number {
  if (utcSeconds >= NEAR_FROM && utcSeconds < NEAR_TO) return timeline.offsetAtInstant(utcSeconds);
  return Math.round(IANAZone.create(timeline.tzid).offset(utcSeconds * 1000) * 60);
}
