/**
 * Weekdays as the engine names them, Monday first (the ISO order the engine counts in: index 0 is Monday, matching
 * `weekdayOfDays`). Schedules pick days from this list and a business calendar's working hours are keyed by it.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number];
