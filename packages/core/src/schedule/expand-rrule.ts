import { CoreError } from '../errors.js';
import type { Occurrence } from '../time/occurrence.js';
import type { ExpansionRange, RRuleInput } from './expansion-input.js';
import { collect, prepareExpansion, stream, type Prepared } from './occurrence-stream.js';
import { parseRRule } from './rrule-parse.js';
import { RuleIterator } from './rule/rule-iterator.js';

function prepare(input: RRuleInput, range: ExpansionRange, lazy: boolean): Prepared {
  if (input === null || typeof input !== 'object') {
    throw new CoreError('invalid-input', 'expected { rrule, dtstart, tzid }.', { path: [] });
  }
  if (typeof input.rrule !== 'string') {
    throw new CoreError('invalid-rrule', 'rrule must be a string such as FREQ=WEEKLY;BYDAY=MO.', { path: ['rrule'] });
  }
  const rule = parseRRule(input.rrule);
  return prepareExpansion(
    input,
    range ?? {},
    {
      create: (dtstart) => new RuleIterator(rule, dtstart),
      bounded: rule.count !== undefined || rule.until !== undefined,
      count: rule.count,
      ...(rule.until && { [rule.until.utc ? 'untilInstant' : 'untilLocal']: rule.until.seconds }),
    },
    lazy,
  );
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
 * Where python-dateutil and rrule.js depart from RFC 5545 the RFC wins: BYDAY=1MO,FR is a union, a weekly BYSETPOS
 * counts over the whole week, COUNT counts distinct instants, BYWEEKNO uses each year's own week count, and no
 * instance precedes DTSTART. The cost follows the occurrences returned and the range asked for (see the README's
 * limits): at most 100,000 occurrences per call, COUNT and INTERVAL up to 1,000,000.
 *
 * @throws CoreError `invalid-rrule` (malformed rule, naming the part), `invalid-local-time`, `invalid-time-zone`,
 *   or `invalid-range` (e.g. an endless rule with neither `range.until` nor `range.limit`, a `limit` that is not a
 *   whole number from 0 to 100,000, or more than 100,000 occurrences).
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
  return collect(prepare(input, range, false));
}

/**
 * The lazy form of {@link expandRRule}: occurrences are computed as they are read, so an endless rule may be
 * iterated without a bound as long as the caller stops (`break`) by itself.
 */
export function* iterateRRule(input: RRuleInput, range: ExpansionRange = {}): IterableIterator<Occurrence> {
  const limit = range?.limit ?? Number.MAX_SAFE_INTEGER;
  yield* stream(prepare(input, { ...range, limit }, true));
}
