/**
 * One occurrence of a schedule in a named time zone.
 *
 * - `local`: the wall-clock time in the zone, `'YYYY-MM-DDTHH:mm:ss'`. For a rule time that falls in a
 *   spring-forward gap this is the shifted wall time (02:30 on the DST day in Amsterdam → 03:30).
 * - `instant`: the same moment in UTC, `'YYYY-MM-DDTHH:mm:ssZ'`.
 * - `offset`: the zone's UTC offset at that instant, `'+02:00'`.
 */
export type Occurrence = { local: string; instant: string; offset: string };

/** A recurrence as RFC 5545 states it, with every local time expressed in `tzid`. */
export type RRuleInput = {
  /** RRULE value, with or without the `RRULE:` prefix, e.g. `'FREQ=WEEKLY;BYDAY=MO,TH'`. */
  rrule: string;
  /** First instance's local wall time `'YYYY-MM-DDTHH:mm:ss'` in `tzid` (a bare `'YYYY-MM-DD'` means midnight). */
  dtstart: string;
  /** IANA time zone, e.g. `'Europe/Amsterdam'`. */
  tzid: string;
  /** Local wall times to leave out (EXDATE); a bare `'YYYY-MM-DD'` leaves out every occurrence on that day. */
  exdates?: string[];
  /** Extra local wall times to add (RDATE); a bare `'YYYY-MM-DD'` adds that day at DTSTART's time of day. */
  rdates?: string[];
};

/**
 * Which occurrences to return. `from` and `until` are local wall times in the rule's zone and both inclusive;
 * `limit` caps the number returned. With neither `until`, `limit` nor a COUNT/UNTIL in the rule, an endless rule
 * is refused rather than looping forever.
 */
export type ExpansionRange = { limit?: number; from?: string; until?: string };
