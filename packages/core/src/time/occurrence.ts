/**
 * One occurrence of a schedule in a named time zone.
 *
 * - `local`: the wall-clock time in the zone, `'YYYY-MM-DDTHH:mm:ss'`. For a rule time that falls in a
 *   spring-forward gap this is the shifted wall time (02:30 on the DST day in Amsterdam → 03:30).
 * - `instant`: the same moment in UTC, `'YYYY-MM-DDTHH:mm:ssZ'`.
 * - `offset`: the zone's UTC offset at that instant, `'+02:00'`.
 *
 * A time value, not a schedule one: resolving any local time in a zone yields it (`localToOccurrence`), and the
 * schedule expanders return lists of it.
 */
export type Occurrence = { local: string; instant: string; offset: string };
