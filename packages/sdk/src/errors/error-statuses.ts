import type { CoreErrorCode } from '@contractbeheer/core';

/**
 * The codes an error body of the contracts API carries (`{ error: { code, message, path } }`): the core's codes
 * unchanged, the power-up's own, `internal` for an unexpected failure and `http-error` for a refusal by the HTTP layer
 * (its status varies, so it is not in {@link CONTRACTS_ERROR_STATUSES}).
 */
export type ContractsErrorCode = keyof typeof CONTRACTS_ERROR_STATUSES | 'http-error';

/**
 * The one map from error codes to HTTP statuses, shared like the route table: the server answers with it and the
 * client picks its error class with it. `satisfies` makes a new core code a compile error here until it has a status.
 */
export const CONTRACTS_ERROR_STATUSES = {
  // The core's codes: a caller's mistake in the input is a 400; a refused action or a stale version a 409.
  'invalid-input': 400,
  'invalid-rrule': 400,
  'invalid-local-time': 400,
  'invalid-time-zone': 400,
  'invalid-range': 400,
  'date-out-of-range': 400,
  'invalid-schedule': 400,
  'invalid-command': 400,
  'not-allowed': 409,
  'version-conflict': 409,
  // The power-up's codes.
  unauthenticated: 401,
  'invalid-signature': 401,
  'not-found': 404,
  'unknown-tenant': 404,
  'already-exists': 409,
  'in-use': 409,
  'replayed-request': 409,
  'not-installed': 409,
  'payload-too-large': 413,
  /** A write's `If-Match` names a version that is no longer the current one: reload, reapply, send again. */
  'precondition-failed': 412,
  /** A write that needs `If-Match` came without it. */
  'precondition-required': 428,
  'invalid-config': 500,
  'credentials-unreadable': 500,
  internal: 500,
  /**
   * The tenant's host (OutSmart), which the request had to ask (an object link is checked there), answered with an
   * unreadable answer (not the host's JSON envelope): check the install's host URL.
   */
  'host-bad-answer': 502,
  /**
   * The tenant's host could not be reached, timed out, failed (5xx) or asked to slow down (429): nothing was written;
   * try again later (`Retry-After` when the host gave one).
   */
  'host-unavailable': 503,
} as const satisfies Record<CoreErrorCode, number> &
  Record<string, 400 | 401 | 404 | 409 | 412 | 413 | 422 | 428 | 500 | 502 | 503>;

/** The status for a code of the contracts API, or `undefined` for a code it does not know (a newer server's). */
export function statusForErrorCode(code: string): number | undefined {
  return Object.hasOwn(CONTRACTS_ERROR_STATUSES, code)
    ? CONTRACTS_ERROR_STATUSES[code as keyof typeof CONTRACTS_ERROR_STATUSES]
    : undefined;
}
