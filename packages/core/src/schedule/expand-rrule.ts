import { CoreError } from '../errors.js';
import { parseLocalSeconds } from '../time/civil.js';
import { occurrenceOf, zoneTimeline, type ResolvedTime, type ZoneTimeline } from '../time/zone.js';
import type { ExpansionRange, Occurrence, RRuleInput } from './occurrence.js';
import { parseRRule, type ParsedRule } from './rrule-parse.js';
import { RuleIterator } from './rule-iterator.js';

/**
 * No zone is further east than this (historical LMT included), so a wall time `L` never maps to a UTC instant
 * before `L − MAX_OFFSET`. Occurrences are held back until the rule has moved that far past them, which is what lets
 * a time shifted out of a DST gap be put back in order without sorting the whole result.
 */
const MAX_OFFSET_SECONDS = 16 * 3600;

function localSeconds(text: unknown, path: (string | number)[], wholeDay = false): number {
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

/** Everything an expansion needs, checked once; the stream below runs on plain numbers. */
type Prepared = {
  rule: ParsedRule;
  dtstart: number;
  timeline: ZoneTimeline;
  excluded: Set<number>;
  /** Local day numbers (days since 1970-01-01) whose occurrences are all excluded. */
  excludedDays: Set<number>;
  /** RDATEs as resolved instants and offsets, ascending. */
  extra: ResolvedTime[];
  from: number;
  until: number;
  limit: number;
};

function prepare(input: RRuleInput, range: ExpansionRange): Prepared {
  if (input === null || typeof input !== 'object') {
    throw new CoreError('invalid-input', 'expected { rrule, dtstart, tzid }.', { path: [] });
  }
  if (typeof input.rrule !== 'string') {
    throw new CoreError('invalid-rrule', 'rrule must be a string such as FREQ=WEEKLY;BYDAY=MO.', { path: ['rrule'] });
  }
  if (typeof input.tzid !== 'string') {
    throw new CoreError('invalid-time-zone', "tzid must be an IANA zone such as 'Europe/Amsterdam'.", {
      path: ['tzid'],
    });
  }
  const rule = parseRRule(input.rrule);
  const dtstart = localSeconds(input.dtstart, ['dtstart']);
  const timeline = zoneTimeline(input.tzid);
  const resolve = (seconds: number): ResolvedTime => {
    const out: ResolvedTime = { instant: 0, offset: 0 };
    timeline.resolve(seconds, out);
    return out;
  };
  // A bare date in EXDATE skips that whole local day; in RDATE it adds the day at DTSTART's time of day.
  const excluded = new Set<number>();
  const excludedDays = new Set<number>();
  (input.exdates ?? []).forEach((text, i) => {
    const seconds = localSeconds(text, ['exdates', i]);
    if (text.length === 10) excludedDays.add(seconds / 86400);
    else excluded.add(resolve(seconds).instant);
  });
  const timeOfDay = dtstart - Math.floor(dtstart / 86400) * 86400;
  const extra = (input.rdates ?? [])
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
  if (rule.count === undefined && rule.until === undefined && until === Infinity && limit === Infinity) {
    throw new CoreError(
      'invalid-range',
      'the rule never ends (no COUNT or UNTIL): give range.until or range.limit to bound the expansion.',
      { path: ['until'] },
    );
  }
  return { rule, dtstart, timeline, excluded, excludedDays, extra, from, until, limit };
}

/**
 * The merge of the rule's occurrences with the RDATEs, minus the EXDATEs, in UTC order, cut to the range. It pulls
 * one period of the rule at a time, so a lazy caller pays only for what it reads.
 */
class OccurrenceStream {
  private readonly iterator: RuleIterator;
  private batchSize = 0;
  private batchIndex = 0;
  private ruleDone = false;
  /** Occurrences resolved but not yet released (see MAX_OFFSET_SECONDS), ascending by instant. */
  private readonly heldInstants: number[] = [];
  private readonly heldOffsets: number[] = [];
  private extraIndex = 0;
  private lastInstant = -Infinity;
  private lastPulled = -Infinity;
  private emitted = 0;
  private finished = false;
  private readonly slot: ResolvedTime = { instant: 0, offset: 0 };
  /** Where the rule's generation can stop: past the range's end or the rule's local UNTIL. */
  private readonly stopLocal: number;
  private readonly untilInstant: number;

  constructor(private readonly prepared: Prepared) {
    const { rule, dtstart, from, until } = prepared;
    this.iterator = new RuleIterator(rule, dtstart);
    if (from !== -Infinity) this.iterator.skipTo(from - MAX_OFFSET_SECONDS);
    const ruleUntilLocal = rule.until && !rule.until.utc ? rule.until.seconds : Infinity;
    this.stopLocal = Math.min(until, ruleUntilLocal);
    this.untilInstant = rule.until?.utc ? rule.until.seconds : Infinity;
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

  /** Resolves the rule's next generated local time into the held buffer (or marks the rule done). */
  private pull(): void {
    if (this.batchIndex >= this.batchSize) {
      this.batchIndex = 0;
      this.batchSize = this.ruleDone ? 0 : this.iterator.nextPeriod();
      if (this.batchSize === 0) {
        this.ruleDone = true;
        return;
      }
    }
    const local = this.iterator.batch[this.batchIndex++] as number;
    this.lastPulled = local;
    if (local > this.stopLocal) {
      this.ruleDone = true;
      return;
    }
    const slot = this.slot;
    this.prepared.timeline.resolve(local, slot);
    if (slot.instant > this.untilInstant) {
      // Later rule times can only land later (beyond the DST shuffle that the hold-back absorbs).
      if (local - MAX_OFFSET_SECONDS > this.untilInstant) this.ruleDone = true;
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

  /** Releases the earliest occurrence that no later rule time can precede, if there is one. */
  private release(): Occurrence | undefined {
    const { prepared } = this;
    for (;;) {
      // Rule times to come are at least the last one pulled, so they land no earlier than this in UTC.
      const frontier = this.ruleDone ? Infinity : this.lastPulled - MAX_OFFSET_SECONDS;
      const heldInstant = this.heldInstants.length > 0 ? (this.heldInstants[0] as number) : Infinity;
      const extra = prepared.extra[this.extraIndex];
      const extraInstant = extra === undefined ? Infinity : extra.instant;
      const instant = Math.min(heldInstant, extraInstant);
      if (instant === Infinity) {
        if (this.ruleDone) this.finished = true;
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

/**
 * Expands an RFC 5545 recurrence (RRULE plus EXDATE/RDATE) in a named time zone.
 *
 * Semantics: full RFC 5545 §3.3.10 (BYSETPOS, BYWEEKNO, BYYEARDAY, negative BYMONTHDAY, WKST, UNTIL, COUNT); as in
 * python-dateutil and rrule.js, DTSTART is an occurrence only when it matches the rule. Rule times are computed in
 * local wall time and then placed in the zone by RFC 5545 §3.3.5: a time in a spring-forward gap moves forward by
 * the gap's length, a time that occurs twice in a fall-back overlap takes the first instant. Results are ordered by
 * instant without duplicates and never depend on the host's `TZ`.
 *
 * @throws CoreError `invalid-rrule` (malformed rule, naming the part), `invalid-local-time`, `invalid-time-zone`,
 *   or `invalid-range` (e.g. an endless rule with neither `range.until` nor `range.limit`).
 * @example
 * expandRRule(
 *   { rrule: 'FREQ=WEEKLY;BYDAY=MO,TH', dtstart: '2025-03-24T09:00:00', tzid: 'Europe/Amsterdam' },
 *   { limit: 3 },
 * );
 * // [{ local: '2025-03-24T09:00:00', instant: '2025-03-24T08:00:00Z', offset: '+01:00' },
 * //  { local: '2025-03-27T09:00:00', instant: '2025-03-27T08:00:00Z', offset: '+01:00' },
 * //  { local: '2025-03-31T09:00:00', instant: '2025-03-31T07:00:00Z', offset: '+02:00' }]
 */
export function expandRRule(input: RRuleInput, range: ExpansionRange): Occurrence[] {
  const stream = new OccurrenceStream(prepare(input, range ?? {}));
  const result: Occurrence[] = [];
  for (let occurrence = stream.next(); occurrence !== undefined; occurrence = stream.next()) result.push(occurrence);
  return result;
}

/**
 * The lazy form of {@link expandRRule}: occurrences are computed as they are read, so an endless rule may be
 * iterated without a bound as long as the caller stops (`break`) by itself.
 */
export function* iterateRRule(input: RRuleInput, range: ExpansionRange = {}): IterableIterator<Occurrence> {
  const prepared = prepare(input, { ...range, limit: range.limit ?? Number.MAX_SAFE_INTEGER });
  const stream = new OccurrenceStream(prepared);
  for (let occurrence = stream.next(); occurrence !== undefined; occurrence = stream.next()) yield occurrence;
}
