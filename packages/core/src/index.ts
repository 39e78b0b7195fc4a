/**
 * @contractbeheer/core — the pure contract engine. Runs anywhere (Node, browsers, edge); does no I/O and reads no
 * clock: every "now", zone and id is an argument.
 */
export { CoreError, type CoreErrorCode } from './errors.js';
export type { ExpansionRange, Occurrence, RRuleInput } from './schedule/occurrence.js';
export { expandRRule, iterateRRule } from './schedule/expand-rrule.js';
export { localToOccurrence } from './time/zone.js';
