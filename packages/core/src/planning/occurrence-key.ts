import { CoreError } from '../errors.js';

/** The object part of a key for a combined work order that lists all of the contract's objects. */
export const ALL_OBJECTS = '*';

/**
 * The deterministic identity of one planned work order: contract id, object code (or `*` for a combined work
 * order) and local target date, joined by `|`. Generation creates exactly the keys that are due and not yet in the
 * ledger, so the same key must come out of every run — it depends on nothing but these three values.
 *
 * @example
 * occurrenceKey('C-1', 'CV-01', '2025-03-15'); // 'C-1|CV-01|2025-03-15'
 * occurrenceKey('C-1', null, '2025-03-15');    // 'C-1|*|2025-03-15'
 */
export function occurrenceKey(contractId: string, objectCode: string | null, targetDate: string): string {
  return `${contractId}|${objectCode ?? ALL_OBJECTS}|${targetDate}`;
}

export type OccurrenceKeyParts = { contractId: string; objectCode: string | null; targetDate: string };

/** The inverse of {@link occurrenceKey}. */
export function parseOccurrenceKey(key: string): OccurrenceKeyParts {
  const match = /^([^|]+)\|([^|]+)\|(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (match === null) {
    throw new CoreError('invalid-input', `'${key}' is not an occurrence key 'contract|object|YYYY-MM-DD'.`, { path: ['key'] });
  }
  const [, contractId, objectCode, targetDate] = match as unknown as [string, string, string, string];
  return { contractId, objectCode: objectCode === ALL_OBJECTS ? null : objectCode, targetDate };
}
