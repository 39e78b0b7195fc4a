import { PowerUpError } from '../../power-up-error.js';

/** A contract's ETag: its version, quoted (a strong validator: each version is one exact document). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header names; `undefined` for `*` (any version). A missing header is refused with 428:
 * a write without the version it was made on could silently overwrite someone else's change.
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') {
    throw new PowerUpError(
      'precondition-required',
      "send the contract's ETag from your last read as If-Match, so a change made meanwhile is not overwritten.",
      { path: ['if-match'] },
    );
  }
  const value = header.trim();
  if (value === '*') return undefined;
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(value);
  if (match === null) {
    throw new PowerUpError('invalid-input', 'send the ETag exactly as a read returned it, e.g. "3" with its quotes.', {
      path: ['if-match'],
    });
  }
  return Number(match[1]);
}

/** The 412 for a write made on a version that is no longer the current one. */
export function staleVersion(contractId: string, sentVersion: number, currentVersion: number): PowerUpError {
  return new PowerUpError(
    'precondition-failed',
    `contract '${contractId}' is at version ${currentVersion}, your change was made on version ${sentVersion}: ` +
      'reload it, apply the change again and send the new ETag.',
    { path: ['if-match'] },
  );
}
