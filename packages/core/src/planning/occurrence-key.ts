import { clip, CoreError } from '../errors.js';
import { localDateSchema, parseInput, requireString } from '../validation.js';

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
  const part = (value: unknown, path: string, what: string) => {
    const text = requireString(value, [path], what, 255);
    if (text === '' || text.includes('|'))
      throw new CoreError('invalid-input', `${what} may not be empty or contain '|'.`, { path: [path] });
  };
  part(contractId, 'contractId', 'the contract id');
  if (objectCode !== null) part(objectCode, 'objectCode', 'the object code (or null for all objects)');
  parseInput(localDateSchema, targetDate, { path: ['targetDate'] });
  return keyOf(contractId, objectCode, targetDate);
}

/** {@link occurrenceKey} without the checks, for the planner's inner loops over already valid values. */
export function keyOf(contractId: string, objectCode: string | null, targetDate: string): string {
  return `${contractId}|${objectCode ?? ALL_OBJECTS}|${targetDate}`;
}

export type OccurrenceKeyParts = { contractId: string; objectCode: string | null; targetDate: string };

/** The inverse of {@link occurrenceKey}. */
export function parseOccurrenceKey(key: string): OccurrenceKeyParts {
  requireString(key, ['key'], "an occurrence key 'contract|object|YYYY-MM-DD'", 1_000);
  const match = /^([^|]+)\|([^|]+)\|(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (match === null) {
    throw new CoreError('invalid-input', `'${clip(key)}' is not an occurrence key 'contract|object|YYYY-MM-DD'.`, {
      path: ['key'],
    });
  }
  const [, contractId, objectCode, targetDate] = match as unknown as [string, string, string, string];
  return { contractId, objectCode: objectCode === ALL_OBJECTS ? null : objectCode, targetDate };
}
