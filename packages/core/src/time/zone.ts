import { IANAZone } from 'luxon';
import { CoreError, clip, echo } from '../errors.js';
import {
  civilFromDays,
  daysFromCivil,
  formatLocalSeconds,
  isLeapYear,
  pad2,
  parseLocalSeconds,
  weekdayOfDays,
} from './civil.js';
import type { Occurrence } from './occurrence.js';

/** The segments of one year, with two days on either side, so any local time of the year resolves within it. */
type YearBlock = { starts: number[]; offsets: number[]; safeFrom: number; safeTo: number };

/** The first year of the 28-year window whose offsets stand in for the years from 2200 on. */
const TEMPLATE_FROM = 2172;

/** Years kept per zone before the memo starts over (a block is a handful of numbers). */
const MAX_YEARS_PER_ZONE = 4096;

/**
 * A zone's UTC offsets as a list of segments: `starts[i]` is the UTC second from which `offsets[i]` (seconds east of
 * UTC) holds, until `starts[i + 1]`. It is built per year on demand from the platform's time-zone database (via
 * luxon / Intl), only for the years a caller visits (a rule with INTERVAL=1000 touches a handful of years, not the
 * thousands between them), and then answers local → UTC in a few comparisons, with no Intl call and no allocation:
 * this is what makes expansion in a named zone as fast as floating expansion.
 */
class ZoneTimeline {
  readonly tzid: string;
  private readonly zone: IANAZone;
  private readonly years = new Map<number, YearBlock>();
  /** The segments of the year in use (see {@link YearBlock}). */
  private starts: number[] = [];
  private offsets: number[] = [];
  /** Local seconds that the year in use answers: that year's own days. */
  private safeFrom = Infinity;
  private safeTo = -Infinity;

  constructor(tzid: string, zone: IANAZone) {
    this.tzid = tzid;
    this.zone = zone;
  }

  private offsetAt(utcSeconds: number): number {
    return Math.round(this.zone.offset(utcSeconds * 1000) * 60);
  }

  /** Segments of [first, last) (UTC seconds), found by sampling every `days` days and bisecting to the second. */
  private segments(first: number, last: number, days: number): { starts: number[]; offsets: number[] } {
    const starts = [first];
    const offsets = [this.offsetAt(first)];
    let previous = offsets[0] as number;
    let sampled = first;
    while (sampled < last) {
      const at = Math.min(sampled + days * 86400, last);
      const offset = this.offsetAt(at);
      // Each change in (sampled, at]: bisect for the first second that no longer has the previous offset.
      let low = sampled;
      while (offset !== previous) {
        let high = at;
        while (high - low > 1) {
          const mid = low + Math.floor((high - low) / 2);
          if (this.offsetAt(mid) === previous) low = mid;
          else high = mid;
        }
        previous = this.offsetAt(high);
        if (high < last) {
          starts.push(high);
          offsets.push(previous);
        }
        low = high;
      }
      sampled = at;
    }
    return { starts, offsets };
  }

  private yearBlock(year: number): YearBlock {
    let block = this.years.get(year);
    if (block === undefined) {
      if (this.years.size >= MAX_YEARS_PER_ZONE) this.years.clear();
      block = year >= TEMPLATE_FROM + 28 ? this.shiftedBlock(year) : this.sampledBlock(year);
      this.years.set(year, block);
    }
    return block;
  }

  private sampledBlock(year: number): YearBlock {
    const first = daysFromCivil(year, 1, 1) * 86400;
    const end = daysFromCivil(year + 1, 1, 1) * 86400;
    const from = first - 2 * 86400;
    const to = end + 2 * 86400;
    // Before 1900 no zone changed its offset twice within a week (there was no DST: at most a switch from local
    // mean time, and before 1800 none at all), and from 2040 on the platform applies each zone's last rule, whose
    // changes lie weeks apart: sampling that far apart finds every change. From 1900 to 2040 each day is sampled.
    const step = year < 1800 ? 400 : year < 1900 || year >= 2040 ? 7 : 1;
    return { ...this.segments(from, to, step), safeFrom: first, safeTo: end };
  }

  /**
   * From 2200 on, the year of the 28-year window from 2172 that has the same weekday on 1 January and the same
   * leap-ness, shifted by whole days: far-future offsets come from each zone's last (weekday-based) rule, so the
   * two years change offsets on the same dates. This keeps a rule with INTERVAL=1000 as cheap as one near today.
   */
  private shiftedBlock(year: number): YearBlock {
    const firstDay = daysFromCivil(year, 1, 1);
    let template = TEMPLATE_FROM;
    const weekday = weekdayOfDays(firstDay);
    while (isLeapYear(template) !== isLeapYear(year) || weekdayOfDays(daysFromCivil(template, 1, 1)) !== weekday) {
      template++;
    }
    const source = this.yearBlock(template);
    const shift = (firstDay - daysFromCivil(template, 1, 1)) * 86400;
    return {
      starts: source.starts.map((start) => start + shift),
      offsets: source.offsets,
      safeFrom: source.safeFrom + shift,
      safeTo: source.safeTo + shift,
    };
  }

  /** Makes the year of a local time (or of a UTC second: the margins absorb any offset) the one in use. */
  private coverLocal(localSeconds: number): void {
    if (localSeconds >= this.safeFrom && localSeconds < this.safeTo) return;
    const [year] = civilFromDays(Math.floor(localSeconds / 86400));
    const block = this.yearBlock(year);
    this.starts = block.starts;
    this.offsets = block.offsets;
    this.safeFrom = block.safeFrom;
    this.safeTo = block.safeTo;
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
    // A caller outside TypeScript may hand in anything; luxon would throw a TypeError on a non-string.
    // Newer ICU (Node 22 on) accepts bare offsets such as '+02:00' as zones; an offset knows no daylight saving
    // time, so it is refused on every Node version alike. IANA names never start with a sign or a digit.
    const named = typeof tzid === 'string' && tzid.length <= 255 && !/^[+\-\d]/.test(tzid);
    const zone = named ? IANAZone.create(tzid) : undefined;
    if (zone === undefined || !zone.isValid) {
      throw new CoreError(
        'invalid-time-zone',
        `${typeof tzid === 'string' ? `'${clip(tzid)}'` : echo(tzid)} is not an IANA time zone: use e.g. 'Europe/Amsterdam'.`,
        {
          path,
        },
      );
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
