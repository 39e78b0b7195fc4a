import { CoreError } from '../errors.js';
import { parseLocalSeconds } from '../time/civil.js';
import { occurrenceOf, zoneTimeline, type ResolvedTime, type ZoneTimeline } from '../time/zone.js';
import type { Occurrence } from '../time/occurrence.js';
import type { ExpansionRange } from './expansion-input.js';

/**
 * No zone is further east than this (historical LMT included), so a wall time `L` never maps to a UTC instant
 * before `L − MAX_OFFSET`. Occurrences are held back until the source has moved that far past them, which is what
 * lets a time shifted out of a DST gap be put back in order without sorting the whole result.
 */
const MAX_OFFSET_SECONDS = 16 * 3600;

/** 9999-12-31T23:59:59Z: occurrences end with the four-digit years (a time shifted past it is not returned). */
const LAST_INSTANT = 253402300799;

/**
 * The most occurrences one eager call (expandRRule, expandSchedule) returns, and the largest `limit` it accepts.
 * Past it the caller narrows the range or reads lazily (iterateRRule, iterateSchedule), paying for what it reads.
 */
const MAX_OCCURRENCES = 100_000;

/**
 * Where recurring local times come from: an RRULE, or the workday counter. Times are "local seconds" (the wall
 * time read as if it were UTC), produced period by period in ascending order.
 */
export interface LocalTimeSource {
  /** The current period's times; valid up to the count {@link nextPeriod} returned. */
  readonly batch: ArrayLike<number>;
  /** Computes the next non-empty period into `batch` and returns its size; 0 means the source is exhausted. */
  nextPeriod(): number;
  /** Moves ahead to the period holding `fromLocalSeconds` when that is cheaper than walking there. */
  skipTo(fromLocalSeconds: number): void;
  /** Says that no time after `localSeconds` is needed, so a search for the next non-empty period may stop there. */
  endAt?(localSeconds: number): void;
}

/** The parts of a recurrence that are not the rule itself: start, zone, exceptions. */
export type RecurrenceBase = {
  dtstart: string;
  tzid: string;
  exdates?: string[] | undefined;
  rdates?: string[] | undefined;
};

/** Everything an expansion needs, checked once; the stream below runs on plain numbers. */
export type Prepared = {
  source: LocalTimeSource;
  timeline: ZoneTimeline;
  excluded: Set<number>;
  /** Local day numbers (days since 1970-01-01) whose occurrences are all excluded. */
  excludedDays: Set<number>;
  /** RDATEs as resolved instants and offsets, ascending. */
  extra: ResolvedTime[];
  from: number;
  until: number;
  limit: number;
  /** The source's COUNT (Infinity without): how many distinct instants it contributes, from DTSTART on. */
  count: number;
  /** DTSTART as an instant: the first instance, so no source time before it is one (RFC 5545 §3.3.10). */
  startInstant: number;
  /** The source's own end: a local time (a floating UNTIL) and a UTC instant (an UNTIL in UTC). */
  sourceUntilLocal: number;
  sourceUntilInstant: number;
};

export function localSeconds(text: unknown, path: (string | number)[], wholeDay = false): number {
  const seconds = typeof text === 'string' ? parseLocalSeconds(text) : undefined;
  if (seconds === undefined) {
    throw new CoreError(
      'invalid-local-time',
      `${JSON.stringify(text)} is not a local time: write 'YYYY-MM-DDTHH:mm:ss' (or 'YYYY-MM-DD').`,
      { path },
    );
  }
  // A bare date as the end of a range includes that whole day.
  return wholeDay && (text as string).length === 10 ? seconds + 86399 : seconds;
}

export type SourceSpec = {
  /** Builds the source once the start is known. */
  create(dtstartLocalSeconds: number): LocalTimeSource;
  /** Whether the source ends by itself (COUNT, UNTIL, an end date); an endless one needs a bounded range. */
  bounded: boolean;
  /** COUNT: applied here, to distinct instants, as two rule times can land on one instant around a DST gap. */
  count?: number | undefined;
  untilLocal?: number;
  untilInstant?: number;
};

/**
 * Checks the start, zone, exceptions and range (errors name the field) and sets up a stream over `spec`. `lazy`
 * is for the iterate* forms: their `limit` may exceed {@link MAX_OCCURRENCES}, as nothing is collected.
 */
export function prepareExpansion(
  base: RecurrenceBase,
  range: ExpansionRange,
  spec: SourceSpec,
  lazy = false,
): Prepared {
  if (typeof base.tzid !== 'string') {
    throw new CoreError('invalid-time-zone', "tzid must be an IANA zone such as 'Europe/Amsterdam'.", {
      path: ['tzid'],
    });
  }
  const dtstart = localSeconds(base.dtstart, ['dtstart']);
  const timeline = zoneTimeline(base.tzid);
  const resolve = (seconds: number): ResolvedTime => {
    const out: ResolvedTime = { instant: 0, offset: 0 };
    timeline.resolve(seconds, out);
    return out;
  };
  // A bare date in EXDATE skips that whole local day; in RDATE it adds the day at DTSTART's time of day.
  const excluded = new Set<number>();
  const excludedDays = new Set<number>();
  (base.exdates ?? []).forEach((text, i) => {
    const seconds = localSeconds(text, ['exdates', i]);
    if (text.length === 10) excludedDays.add(seconds / 86400);
    else excluded.add(resolve(seconds).instant);
  });
  const timeOfDay = dtstart - Math.floor(dtstart / 86400) * 86400;
  const extra = (base.rdates ?? [])
    .map((text, i) => resolve(localSeconds(text, ['rdates', i]) + (text.length === 10 ? timeOfDay : 0)))
    .sort((a, b) => a.instant - b.instant);

  const limit = range.limit ?? Infinity;
  const maxLimit = lazy ? Number.MAX_SAFE_INTEGER : MAX_OCCURRENCES;
  if (range.limit !== undefined && !(Number.isInteger(range.limit) && range.limit >= 0 && range.limit <= maxLimit)) {
    const more = lazy ? '' : ' (to read more, iterate lazily with iterateRRule or iterateSchedule)';
    throw new CoreError(
      'invalid-range',
      `limit must be a whole number from 0 to ${maxLimit.toLocaleString('en')}${more}, got ${range.limit}.`,
      { path: ['limit'] },
    );
  }
  const from = range.from === undefined ? -Infinity : localSeconds(range.from, ['from']);
  const until = range.until === undefined ? Infinity : localSeconds(range.until, ['until'], true);
  if (from > until) {
    throw new CoreError('invalid-range', `from (${range.from}) is after until (${range.until}).`, { path: ['from'] });
  }
  if (!spec.bounded && until === Infinity && limit === Infinity) {
    throw new CoreError(
      'invalid-range',
      'the schedule never ends (no COUNT, UNTIL or end date): give range.until or range.limit to bound the expansion.',
      { path: ['until'] },
    );
  }
  const source = spec.create(dtstart);
  if (from !== -Infinity) source.skipTo(from - MAX_OFFSET_SECONDS);
  const untilInstant = spec.untilInstant ?? Infinity;
  source.endAt?.(Math.min(until, spec.untilLocal ?? Infinity, untilInstant + MAX_OFFSET_SECONDS));
  return {
    source,
    timeline,
    excluded,
    excludedDays,
    extra,
    from,
    until,
    limit,
    count: spec.count ?? Infinity,
    // Only source times within a day or so of DTSTART can land before it (a gap is at most a day long): a range
    // that starts later cuts them anyway, unless a COUNT must count from DTSTART.
    startInstant: spec.count === undefined && from - dtstart > 2 * 86400 ? -Infinity : resolve(dtstart).instant,
    sourceUntilLocal: spec.untilLocal ?? Infinity,
    sourceUntilInstant: untilInstant,
  };
}

/**
 * The merge of the source's occurrences with the RDATEs, minus the EXDATEs, in UTC order, cut to the range. It pulls
 * one period of the source at a time, so a lazy caller pays only for what it reads.
 */
class OccurrenceStream {
  private batchSize = 0;
  private batchIndex = 0;
  private sourceDone = false;
  /** Occurrences resolved but not yet released (see MAX_OFFSET_SECONDS), ascending by instant. */
  private readonly heldInstants: number[] = [];
  private readonly heldOffsets: number[] = [];
  /** Index of the first held occurrence still to release: a queue, as a SECONDLY rule holds 16 hours' worth. */
  private heldHead = 0;
  private extraIndex = 0;
  private lastInstant = -Infinity;
  private lastPulled = -Infinity;
  /** Distinct source instants released so far, against the source's COUNT. */
  private counted = 0;
  private lastSourceInstant = -Infinity;
  private emitted = 0;
  private finished = false;
  private readonly slot: ResolvedTime = { instant: 0, offset: 0 };
  /** Where generation can stop: past the range's end or the source's local end. */
  private readonly stopLocal: number;

  constructor(private readonly prepared: Prepared) {
    this.stopLocal = Math.min(prepared.until, prepared.sourceUntilLocal);
  }

  /** The next occurrence, or undefined when there are no more. */
  next(): Occurrence | undefined {
    for (;;) {
      if (this.finished) return undefined;
      const candidate = this.release();
      if (candidate !== undefined) return candidate;
      if (this.finished) return undefined;
      this.pull();
    }
  }

  /** Resolves the source's next local time into the held buffer (or marks the source done). */
  private pull(): void {
    if (this.sourceDone) return;
    const { source } = this.prepared;
    if (this.batchIndex >= this.batchSize) {
      this.batchIndex = 0;
      this.batchSize = this.sourceDone ? 0 : source.nextPeriod();
      if (this.batchSize === 0) {
        this.sourceDone = true;
        return;
      }
    }
    const local = source.batch[this.batchIndex++] as number;
    this.lastPulled = local;
    if (local > this.stopLocal) {
      this.sourceDone = true;
      return;
    }
    const slot = this.slot;
    this.prepared.timeline.resolve(local, slot);
    // DTSTART is the first instance: a rule time in a DST gap moves forward past later rule times, which then lie
    // before DTSTART's instant (FREQ=MINUTELY from 02:30 in a gap: 03:00 precedes DTSTART, now 03:30).
    if (slot.instant < this.prepared.startInstant) return;
    const untilInstant = this.prepared.sourceUntilInstant;
    if (slot.instant > untilInstant) {
      // Later times can only land later (beyond the DST shuffle that the hold-back absorbs).
      if (local - MAX_OFFSET_SECONDS > untilInstant) this.sourceDone = true;
      return;
    }
    this.hold(slot.instant, slot.offset);
  }

  private hold(instant: number, offset: number): void {
    const instants = this.heldInstants;
    const head = this.heldHead;
    let at = instants.length;
    while (at > head && (instants[at - 1] as number) > instant) at--;
    if (at > head && instants[at - 1] === instant) return;
    if (at === instants.length) {
      instants.push(instant);
      this.heldOffsets.push(offset);
    } else {
      instants.splice(at, 0, instant);
      this.heldOffsets.splice(at, 0, offset);
    }
  }

  /** The source has given all its instances: what it still holds lies later and is dropped. */
  private endSource(): void {
    this.sourceDone = true;
    this.heldInstants.length = 0;
    this.heldOffsets.length = 0;
    this.heldHead = 0;
  }

  /** Releases the earliest occurrence that no later source time can precede, if there is one. */
  private release(): Occurrence | undefined {
    const { prepared } = this;
    for (;;) {
      // Times to come are at least the last one pulled, so they land no earlier than this in UTC.
      const frontier = this.sourceDone ? Infinity : this.lastPulled - MAX_OFFSET_SECONDS;
      const head = this.heldHead;
      const heldInstant = head < this.heldInstants.length ? (this.heldInstants[head] as number) : Infinity;
      const extra = prepared.extra[this.extraIndex];
      const extraInstant = extra === undefined ? Infinity : extra.instant;
      const instant = Math.min(heldInstant, extraInstant);
      if (instant === Infinity) {
        if (this.sourceDone) this.finished = true;
        return undefined;
      }
      if (instant > frontier) return undefined;
      let offset: number;
      if (heldInstant <= extraInstant) {
        offset = this.heldOffsets[head] as number;
        this.heldHead = head + 1;
        if (this.heldHead >= 1024 && this.heldHead * 2 >= this.heldInstants.length) {
          this.heldInstants.splice(0, this.heldHead);
          this.heldOffsets.splice(0, this.heldHead);
          this.heldHead = 0;
        }
        if (extraInstant === heldInstant) this.extraIndex++;
        if (heldInstant !== this.lastSourceInstant) {
          this.lastSourceInstant = heldInstant;
          // COUNT counts instances, i.e. distinct instants (§3.3.10, §3.8.5.3), before EXDATE and the range apply.
          if (++this.counted >= prepared.count) this.endSource();
        }
      } else {
        offset = (extra as ResolvedTime).offset;
        this.extraIndex++;
      }
      if (instant === this.lastInstant || prepared.excluded.has(instant)) continue;
      this.lastInstant = instant;
      const local = instant + offset;
      if (instant > LAST_INSTANT || local > LAST_INSTANT) {
        this.finished = true;
        return undefined;
      }
      if (local < prepared.from) continue;
      if (prepared.excludedDays.size > 0 && prepared.excludedDays.has(Math.floor(local / 86400))) continue;
      if (local > prepared.until || this.emitted >= prepared.limit) {
        this.finished = true;
        return undefined;
      }
      this.emitted++;
      if (this.emitted >= prepared.limit) this.finished = true;
      return occurrenceOf(instant, offset);
    }
  }
}

/** Drains a stream into an array of at most {@link MAX_OCCURRENCES}; one more is an error, not a truncation. */
export function collect(prepared: Prepared): Occurrence[] {
  const stream = new OccurrenceStream(prepared);
  const result: Occurrence[] = [];
  for (let occurrence = stream.next(); occurrence !== undefined; occurrence = stream.next()) {
    if (result.length === MAX_OCCURRENCES) {
      throw new CoreError(
        'invalid-range',
        `more than ${MAX_OCCURRENCES.toLocaleString('en')} occurrences: give an earlier range.until or a ` +
          'range.limit, or read them lazily with iterateRRule / iterateSchedule.',
        { path: ['until'] },
      );
    }
    result.push(occurrence);
  }
  return result;
}

/** Yields a stream's occurrences as they are read. */
export function* stream(prepared: Prepared): IterableIterator<Occurrence> {
  const occurrences = new OccurrenceStream(prepared);
  for (let occurrence = occurrences.next(); occurrence !== undefined; occurrence = occurrences.next()) yield occurrence;
}
