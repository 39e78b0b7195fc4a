import { IANAZone } from 'luxon';
import { CoreError } from '../errors.js';
import { civilFromDays, daysFromCivil, formatLocalSeconds, pad2, parseLocalSeconds } from './civil.js';
import type { Occurrence } from '../schedule/occurrence.js';

/**
 * A zone's UTC offsets as a list of segments: `starts[i]` is the UTC second from which `offsets[i]` (seconds east of
 * UTC) holds, until `starts[i + 1]`. It is built year by year on demand from the platform's time-zone database (via
 * luxon / Intl) and then answers local → UTC in a few comparisons, with no Intl call and no allocation: this is what
 * makes expansion in a named zone as fast as floating expansion.
 */
class ZoneTimeline {
  readonly tzid: string;
  private readonly zone: IANAZone;
  private starts: number[] = [];
  private offsets: number[] = [];
  private firstYear = 0;
  private lastYear = -1;
  /** Local seconds for which `resolve` needs no new years: the covered years minus two days at each end. */
  private safeFrom = Infinity;
  private safeTo = -Infinity;
  /** The largest offset seen so far, used to bound how far a later local time can map back in UTC. */
  maxOffset = -Infinity;

  constructor(tzid: string, zone: IANAZone) {
    this.tzid = tzid;
    this.zone = zone;
  }

  private offsetAt(utcSeconds: number): number {
    return Math.round(this.zone.offset(utcSeconds * 1000) * 60);
  }

  /** Segments of one calendar year (in UTC), found by sampling each day and bisecting to the exact second. */
  private yearSegments(year: number): { starts: number[]; offsets: number[] } {
    const first = daysFromCivil(year, 1, 1) * 86400;
    const last = daysFromCivil(year + 1, 1, 1) * 86400;
    const starts = [first];
    const offsets = [this.offsetAt(first)];
    let previous = offsets[0] as number;
    for (let at = first + 86400; at <= last; at += 86400) {
      const offset = this.offsetAt(at);
      if (offset === previous) continue;
      // The change lies in (at − 1 day, at]: bisect for the first second with the new offset.
      let low = at - 86400;
      let high = at;
      while (high - low > 1) {
        const mid = low + Math.floor((high - low) / 2);
        if (this.offsetAt(mid) === previous) low = mid;
        else high = mid;
      }
      if (high < last) {
        starts.push(high);
        offsets.push(offset);
      }
      previous = offset;
    }
    return { starts, offsets };
  }

  /** Makes sure the segments cover the given years, keeping the covered range contiguous. */
  private cover(fromYear: number, toYear: number): void {
    if (this.lastYear >= this.firstYear && fromYear >= this.firstYear && toYear <= this.lastYear) return;
    const start = this.lastYear < this.firstYear ? fromYear : Math.min(fromYear, this.firstYear);
    const end = this.lastYear < this.firstYear ? toYear : Math.max(toYear, this.lastYear);
    const starts: number[] = [];
    const offsets: number[] = [];
    for (let year = start; year <= end; year++) {
      const reuse = year >= this.firstYear && year <= this.lastYear;
      const segments = reuse ? this.segmentsOfCoveredYear(year) : this.yearSegments(year);
      for (let i = 0; i < segments.starts.length; i++) {
        const offset = segments.offsets[i] as number;
        if (offsets.length > 0 && offsets[offsets.length - 1] === offset) continue;
        starts.push(segments.starts[i] as number);
        offsets.push(offset);
        if (offset > this.maxOffset) this.maxOffset = offset;
      }
    }
    this.starts = starts;
    this.offsets = offsets;
    this.firstYear = start;
    this.lastYear = end;
    this.safeFrom = daysFromCivil(start, 1, 1) * 86400 + 2 * 86400;
    this.safeTo = daysFromCivil(end + 1, 1, 1) * 86400 - 2 * 86400;
  }

  private segmentsOfCoveredYear(year: number): { starts: number[]; offsets: number[] } {
    const first = daysFromCivil(year, 1, 1) * 86400;
    const last = daysFromCivil(year + 1, 1, 1) * 86400;
    const index = this.indexAt(first);
    const starts = [first];
    const offsets = [this.offsets[index] as number];
    for (let i = index + 1; i < this.starts.length && (this.starts[i] as number) < last; i++) {
      starts.push(this.starts[i] as number);
      offsets.push(this.offsets[i] as number);
    }
    return { starts, offsets };
  }

  /** Index of the segment holding a UTC second (binary search). */
  private indexAt(utcSeconds: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= utcSeconds) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Ensures the years around a local time are covered (a day either side absorbs any offset). */
  private coverLocal(localSeconds: number): void {
    if (localSeconds >= this.safeFrom && localSeconds < this.safeTo) return;
    const days = Math.floor(localSeconds / 86400);
    const [yearBefore] = civilFromDays(days - 2);
    const [yearAfter] = civilFromDays(days + 2);
    this.cover(yearBefore, yearAfter);
  }

  /** Offset in seconds at a UTC instant. */
  offsetAtInstant(utcSeconds: number): number {
    this.coverLocal(utcSeconds);
    return this.offsets[this.indexAt(utcSeconds)] as number;
  }

  /**
   * The UTC instant of a local wall time, by RFC 5545 §3.3.5: a time in a spring-forward gap is moved forward by
   * the gap's length (it is read with the offset from before the gap); a time that occurs twice takes the first.
   * Writes the instant and the offset in effect into `out` to keep the hot path free of allocation.
   */
  resolve(localSeconds: number, out: ResolvedTime): void {
    this.coverLocal(localSeconds);
    const starts = this.starts;
    const offsets = this.offsets;
    const last = starts.length - 1;
    let index = this.indexAt(localSeconds - (offsets[this.indexAt(localSeconds)] as number));
    // The earliest segment in which the wall time is valid wins: that gives the first of two instants.
    if (index > 0) index--;
    for (let i = index; i <= index + 2 && i <= last; i++) {
      const offset = offsets[i] as number;
      const instant = localSeconds - offset;
      const segmentEnd = i < last ? (starts[i + 1] as number) : Infinity;
      if (instant >= (starts[i] as number) && instant < segmentEnd) {
        out.instant = instant;
        out.offset = offset;
        return;
      }
      if (instant >= segmentEnd && i < last && localSeconds - (offsets[i + 1] as number) < segmentEnd) {
        // In the gap between segment i and i+1: keep the earlier offset, which lands after the transition.
        out.instant = instant;
        out.offset = offsets[i + 1] as number;
        return;
      }
    }
    // Unreachable for real zones; fall back to the offset at the naive instant rather than fail.
    const fallback = offsets[this.indexAt(localSeconds)] as number;
    out.instant = localSeconds - fallback;
    out.offset = this.offsets[this.indexAt(out.instant)] as number;
  }
}

/** Output slot of {@link ZoneTimeline.resolve}. */
export type ResolvedTime = { instant: number; offset: number };

const timelines = new Map<string, ZoneTimeline>();

/**
 * The offset table of an IANA zone, shared by every expansion in that zone. This memo is the engine's only state:
 * it holds facts of the time-zone database, never inputs or results.
 */
export function zoneTimeline(tzid: string, path: (string | number)[] = ['tzid']): ZoneTimeline {
  let timeline = timelines.get(tzid);
  if (timeline === undefined) {
    const zone = IANAZone.create(tzid);
    if (!zone.isValid) {
      throw new CoreError('invalid-time-zone', `'${tzid}' is not an IANA time zone: use e.g. 'Europe/Amsterdam'.`, {
        path,
      });
    }
    timeline = new ZoneTimeline(tzid, zone);
    timelines.set(tzid, timeline);
  }
  return timeline;
}

export type { ZoneTimeline };

const offsetTexts = new Map<number, string>();

/** `'+02:00'` for 7200 seconds; seconds in historical offsets (LMT) are dropped, as ISO 8601 offsets do. */
export function formatOffset(offsetSeconds: number): string {
  let text = offsetTexts.get(offsetSeconds);
  if (text === undefined) {
    const sign = offsetSeconds < 0 ? '-' : '+';
    const minutes = Math.floor(Math.abs(offsetSeconds) / 60);
    text = `${sign}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
    offsetTexts.set(offsetSeconds, text);
  }
  return text;
}

/** Builds the public occurrence for a resolved instant. */
export function occurrenceOf(instant: number, offset: number): Occurrence {
  return {
    local: formatLocalSeconds(instant + offset),
    instant: `${formatLocalSeconds(instant)}Z`,
    offset: formatOffset(offset),
  };
}

/**
 * Resolves one local wall time `'YYYY-MM-DDTHH:mm:ss'` in a zone to an occurrence, with the same DST rules as the
 * schedule expansion (a time in a gap moves forward by the gap; a repeated time takes the first instant).
 */
export function localToOccurrence(local: string, tzid: string): Occurrence {
  const seconds = parseLocalSeconds(local);
  if (seconds === undefined) {
    throw new CoreError('invalid-local-time', `'${local}' is not a local time: write 'YYYY-MM-DDTHH:mm:ss'.`, {
      path: ['local'],
    });
  }
  const resolved: ResolvedTime = { instant: 0, offset: 0 };
  zoneTimeline(tzid).resolve(seconds, resolved);
  return occurrenceOf(resolved.instant, resolved.offset);
}
