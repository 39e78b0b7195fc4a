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
