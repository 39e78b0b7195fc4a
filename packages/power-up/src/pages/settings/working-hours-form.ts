/** A time as people type it: `8:00`, `08:00`, `8.30`. */
const TIME = String.raw`(\d{1,2})[:.](\d{2})`;
/** One interval: two times with a dash (any of `-–—`) or a word between them (`tot`, `to`). */
const INTERVAL = new RegExp(String.raw`^${TIME}\s*(?:-|–|—|tot|to)\s*${TIME}$`, 'i');

/**
 * One day's working hours as typed in the settings form — `08:00–17:00`, several separated by commas or semicolons
 * (`8:00-12:00, 13:00-17:00`), empty for a day off — as the intervals the tenant setting holds, each time written
 * `HH:mm`. `undefined` when the text is not written that way. Whether the times exist and the intervals are in order is
 * left to the settings schema, which names the day.
 */
export function dayHoursOf(text: string): [string, string][] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const intervals: [string, string][] = [];
  for (const part of trimmed.split(/\s*[,;]\s*/)) {
    const match = INTERVAL.exec(part);
    if (match === null) return undefined;
    const [, fromHour, fromMinute, toHour, toMinute] = match as unknown as [string, string, string, string, string];
    intervals.push([`${fromHour.padStart(2, '0')}:${fromMinute}`, `${toHour.padStart(2, '0')}:${toMinute}`]);
  }
  return intervals;
}
