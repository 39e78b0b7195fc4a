/**
 * Calendar arithmetic on plain integers, independent of any time zone and of JS `Date`.
 *
 * A civil date is counted as days since 1970-01-01 (proleptic Gregorian). The conversions are Howard Hinnant's
 * `days_from_civil` / `civil_from_days`, which are exact for every year the engine can meet and cost a handful of
 * integer operations, so the schedule engine can do its date maths without allocating.
 */

/** Days since 1970-01-01 of year `y`, month `m` (1–12), day `d` (1–31). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number, as `[year, month 1–12, day 1–31]`. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

/** ISO weekday of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** Two-digit zero padding for 0–99, from a table: formatting sits on the expansion hot path. */
export function pad2(n: number): string {
  return PAD2[n] as string;
}

function pad4(n: number): string {
  if (n >= 1000 && n <= 9999) return `${n}`;
  return n < 0 ? `-${String(-n).padStart(4, '0')}` : String(n).padStart(4, '0');
}

/** `'YYYY-MM-DD'` of a day number. */
export function formatDate(days: number): string {
  const slot = days & (DATE_CACHE_SIZE - 1);
  if (dateCacheKeys[slot] === days) return dateCacheTexts[slot] as string;
  const [y, m, d] = civilFromDays(days);
  const text = `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
  dateCacheKeys[slot] = days;
  dateCacheTexts[slot] = text;
  return text;
}

// Formatting dominates expansion time, and schedules revisit the same few thousand dates and times of day over and
// over: a direct-mapped cache of date texts and a table of time-of-day texts turn most of it into lookups.
const DATE_CACHE_SIZE = 8192;
const dateCacheKeys = new Float64Array(DATE_CACHE_SIZE).fill(Number.NaN);
const dateCacheTexts = new Array<string | undefined>(DATE_CACHE_SIZE);
const timeTexts = new Array<string | undefined>(86400);

/** `'HH:mm:ss'` of a second of the day (0–86399). */
function formatTimeOfDay(secondOfDay: number): string {
  let text = timeTexts[secondOfDay];
  if (text === undefined) {
    const h = Math.floor(secondOfDay / 3600);
    const m = Math.floor((secondOfDay % 3600) / 60);
    text = `${pad2(h)}:${pad2(m)}:${pad2(secondOfDay % 60)}`;
    timeTexts[secondOfDay] = text;
  }
  return text;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Whether `text` is a date `'YYYY-MM-DD'` that exists; the fast check for hot paths (cost lines). */
export function isLocalDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    year = year * 10 + digit;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses `'YYYY-MM-DD'`, `'YYYY-MM-DDTHH:mm'` or `'YYYY-MM-DDTHH:mm:ss'` into seconds since 1970-01-01T00:00:00 of
 * the same wall clock ("local seconds": the wall time read as if it were UTC). Returns `undefined` when the text is
 * not such a time or names a date that does not exist (2025-02-30, 24:00).
 */
export function parseLocalSeconds(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = LOCAL_PATTERN.exec(text);
  if (!match) return undefined;
  const y = Number(match[1]);
  const mo = Number(match[2]);
  const d = Number(match[3]);
  const h = match[4] === undefined ? 0 : Number(match[4]);
  const mi = match[5] === undefined ? 0 : Number(match[5]);
  const s = match[6] === undefined ? 0 : Number(match[6]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

/** `'YYYY-MM-DDTHH:mm:ss'` of local seconds. */
export function formatLocalSeconds(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  return `${formatDate(days)}T${formatTimeOfDay(seconds - days * 86400)}`;
}
