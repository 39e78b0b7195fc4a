/** The host treats absent, null and whitespace-only values alike: the field is missing. */
const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The host's messages for every required field missing from any record in a batch, in order. The host names every
 * missing field at once, so a caller can fix a batch in one round trip.
 */
export function missingFields(records: readonly Record<string, unknown>[], required: readonly string[]): string[] {
  return records.flatMap((record) =>
    required.filter((field) => blank(record[field])).map((field) => `Required field missing: ${field}`),
  );
}
