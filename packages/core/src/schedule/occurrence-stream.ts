import { CoreError } from '../errors.js';
import { parseLocalSeconds } from '../time/civil.js';
import { occurrenceOf, zoneTimeline, type ResolvedTime, type ZoneTimeline } from '../time/zone.js';
import type { ExpansionRange, Occurrence } from './occurrence.js';

/**
 * No zone is further east than this (historical LMT included), so a wall time `L` never maps to a UTC instant
 * before `L − MAX_OFFSET`. Occurrences are held back until the source has moved that far past them, which is what
 * lets a time shifted out of a DST gap be put back in order without sorting the whole result.
 */
const MAX_OFFSET_SECONDS = 16 * 3600;

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
}

/** The parts of a recurrence that are not the rule itself: start, zone, exceptions. */
export type RecurrenceBase = { dtstart: string; tzid: string; exdates?: string[] | undefined; rdates?: string[] | undefined };

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
  untilLocal?: number;
  untilInstant?: number;
};

/** Checks the start, zone, exceptions and range (errors name the field) and sets up a stream over `spec`. */
export function prepareExpansion(base: RecurrenceBase, range: ExpansionRange, spec: SourceSpec): Prepared {
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
  if (range.limit !== undefined && !(Number.isInteger(range.limit) && range.limit >= 0)) {
    throw new CoreError('invalid-range', `limit must be a whole number ≥ 0, got ${range.limit}.`, { path: ['limit'] });
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
  return {
    source,
    timeline,
    excluded,
    excludedDays,
    extra,
    from,
    until,
    limit,
    sourceUntilLocal: spec.untilLocal ?? Infinity,
    sourceUntilInstant: spec.untilInstant ?? Infinity,
  };
}

/**
 * The merge of the source's occurrences with the RDATEs, minus the EXDATEs, in UTC order, cut to the range. It pulls
 * one period of the source at a time, so a lazy caller pays only for what it reads.
 */
export class OccurrenceStream {
  private batchSize = 0;
  private batchIndex = 0;
  private sourceDone = false;
  /** Occurrences resolved but not yet released (see MAX_OFFSET_SECONDS), ascending by instant. */
  private readonly heldInstants: number[] = [];
  private readonly heldOffsets: number[] = [];
  private extraIndex = 0;
  private lastInstant = -Infinity;
  private lastPulled = -Infinity;
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
    let at = instants.length;
    while (at > 0 && (instants[at - 1] as number) > instant) at--;
    if (at > 0 && instants[at - 1] === instant) return;
    if (at === instants.length) {
      instants.push(instant);
      this.heldOffsets.push(offset);
    } else {
      instants.splice(at, 0, instant);
      this.heldOffsets.splice(at, 0, offset);
    }
  }

  /** Releases the earliest occurrence that no later source time can precede, if there is one. */
  private release(): Occurrence | undefined {
    const { prepared } = this;
    for (;;) {
      // Times to come are at least the last one pulled, so they land no earlier than this in UTC.
      const frontier = this.sourceDone ? Infinity : this.lastPulled - MAX_OFFSET_SECONDS;
      const heldInstant = this.heldInstants.length > 0 ? (this.heldInstants[0] as number) : Infinity;
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
        this.heldInstants.shift();
        offset = this.heldOffsets.shift() as number;
        if (extraInstant === heldInstant) this.extraIndex++;
      } else {
        offset = (extra as ResolvedTime).offset;
        this.extraIndex++;
      }
      if (instant === this.lastInstant || prepared.excluded.has(instant)) continue;
      this.lastInstant = instant;
      const local = instant + offset;
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

/** Drains a stream into an array. */
export function collect(prepared: Prepared): Occurrence[] {
  const stream = new OccurrenceStream(prepared);
  const result: Occurrence[] = [];
  for (let occurrence = stream.next(); occurrence !== undefined; occurrence = stream.next()) result.push(occurrence);
  return result;
}

/** Yields a stream's occurrences as they are read. */
export function* stream(prepared: Prepared): IterableIterator<Occurrence> {
  const occurrences = new OccurrenceStream(prepared);
  for (let occurrence = occurrences.next(); occurrence !== undefined; occurrence = occurrences.next()) yield occurrence;
}
