/**
 * Every error the power-up raises on purpose. `code` says what kind of problem it is, `path` names the offending
 * field or setting (an environment variable, a contract field), and the message says what to do about it. Messages
 * never contain a secret, a key or a connection password.
 */
export type PowerUpErrorCode =
  | 'invalid-config'
  | 'invalid-input'
  | 'not-found'
  | 'already-exists'
  | 'version-conflict'
  | 'in-use'
  | 'unknown-tenant'
  /** No API key, or one that is unknown or revoked. */
  | 'unauthenticated'
  /** A marketplace request whose signature is missing, wrong, or outside the time tolerance. */
  | 'invalid-signature'
  /** A signed marketplace request that was already used. */
  | 'replayed-request'
  /** The tenant was uninstalled: install it again first. */
  | 'not-installed'
  /** Stored credentials could not be opened (no key with their key id, or they were altered). */
  | 'credentials-unreadable'
  | 'payload-too-large'
  /** A write's `If-Match` names a version that is no longer current (two writers: the second one gets this). */
  | 'precondition-failed'
  /** A write that must name the version it was made on (`If-Match`) came without it. */
  | 'precondition-required'
  /** The tenant's host could not be reached, timed out, or failed (5xx, 429): try again later. */
  | 'host-unavailable'
  /** The tenant's host answered something that is not its API's answer: check the install's host URL. */
  | 'host-bad-answer';

/**
 * Like the core's `CoreError`: `message` is only the explanation and `path` names the field or setting, kept apart so
 * the HTTP body carries both unchanged and a page can put the message next to the field. `pathMessage` (and
 * `toString()`, what logs and `String(error)` show) joins them: `PowerUpError: PORT: use a port number 1–65535.`
 */
export class PowerUpError extends Error {
  override readonly name: string = 'PowerUpError';
  readonly code: PowerUpErrorCode;
  readonly path: readonly (string | number)[];

  constructor(
    code: PowerUpErrorCode,
    message: string,
    options: { path?: readonly (string | number)[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.path = options.path ?? [];
  }

  /** The field and the explanation in one line, for logs and the terminal: `PORT: use a port number 1–65535.` */
  get pathMessage(): string {
    return this.path.length > 0 ? `${this.path.join('.')}: ${this.message}` : this.message;
  }

  override toString(): string {
    return `${this.name}: ${this.pathMessage}`;
  }
}

/** A write was made against a version that is no longer the current one: reload, reapply the change, save again. */
export class VersionConflictError extends PowerUpError {
  override readonly name = 'VersionConflictError';
  readonly expectedVersion: number;
  /** The version now stored; `null` when the record no longer exists. */
  readonly actualVersion: number | null;

  constructor(what: string, expectedVersion: number, actualVersion: number | null) {
    super(
      'version-conflict',
      actualVersion === null
        ? `${what} no longer exists (the change was made on version ${expectedVersion}): reload the list.`
        : `${what} is at version ${actualVersion}, the change was made on version ${expectedVersion}: ` +
            'reload it and apply the change again.',
      { path: ['version'] },
    );
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}
