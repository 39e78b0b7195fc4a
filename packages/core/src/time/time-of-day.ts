/** A wall-clock time `'HH:mm'` from 00:00 through 23:59; the forms below differ only in what they add to it. */
const HOURS_MINUTES = String.raw`([01]\d|2[0-3]):[0-5]\d`;

/** `'HH:mm'` exactly: a planned time of day. */
export const TIME_OF_DAY = new RegExp(`^${HOURS_MINUTES}$`);

/** `'HH:mm'` or `'HH:mm:ss'`: a schedule's time, which may name seconds as RFC 5545 does. */
export const TIME_OF_DAY_WITH_SECONDS = new RegExp(`^${HOURS_MINUTES}(:[0-5]\\d)?$`);

/** `'HH:mm'` or `'24:00'`: a bound of working hours, where 24:00 is the end of the day (a shift until midnight). */
export const TIME_OF_DAY_OR_MIDNIGHT_END = new RegExp(`^${HOURS_MINUTES}$|^24:00$`);
