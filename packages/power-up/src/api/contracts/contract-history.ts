import type { Contract } from '@contractbeheer/core';
import type { contractsApi } from '@contractbeheer/sdk';
import { PowerUpError } from '../../power-up-error.js';
import type { ContractVersion } from '../../store/store.js';

const DEFAULT_LIMIT = 50;

/** The top-level fields whose values differ between two versions (the version number itself aside). */
function changedFields(before: Contract | undefined, after: Contract): string[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  fields.delete('version');
  // Set by the engine on every edit (the day it takes effect), like the version: not a field the user changed.
  fields.delete('effectiveFrom');
  const value = (contract: Contract | undefined, field: string) =>
    JSON.stringify((contract as Record<string, unknown> | undefined)?.[field]);
  return [...fields].filter((field) => before === undefined || value(before, field) !== value(after, field)).sort();
}

/** The cursor of the history: the last version on the page, opaque to the caller. */
const encode = (version: number) => Buffer.from(JSON.stringify({ v: version })).toString('base64url');
function decode(cursor: string): number {
  try {
    const { v } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown };
    if (typeof v === 'number' && Number.isInteger(v)) return v;
  } catch {
    // Refused below, like any other cursor this route did not hand out.
  }
  throw new PowerUpError('invalid-input', "is not a cursor this list handed out: pass a page's nextCursor unchanged.", {
    path: ['cursor'],
  });
}

/**
 * One page of a contract's history, oldest version first, from the versions the store keeps of every save: who saved
 * each version (the API key, the operator), when, and which fields it changed.
 */
export function contractHistoryPage(
  versions: readonly ContractVersion[],
  query: { limit?: number | undefined; cursor?: string | undefined },
): contractsApi.Page<contractsApi.ContractHistoryEntry> {
  const after = query.cursor === undefined ? undefined : decode(query.cursor);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const entries = versions.map((version, index) => ({
    version: version.version,
    at: version.effectiveFrom,
    actor: version.recordedBy,
    changedFields: changedFields(versions[index - 1]?.contract, version.contract),
    contract: version.contract,
  }));
  const rest = after === undefined ? entries : entries.filter((entry) => entry.version > after);
  const data = rest.slice(0, limit);
  return { data, nextCursor: rest.length > limit ? encode(data[data.length - 1]!.version) : null };
}
