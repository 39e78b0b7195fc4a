/**
 * Every error the engine throws. `code` says what kind of mistake it is, `path` names the offending field (as a
 * zod-style path into the caller's input), and the message says what to do about it.
 */
export type CoreErrorCode =
  | 'invalid-input'
  | 'invalid-rrule'
  | 'invalid-local-time'
  | 'invalid-time-zone'
  | 'invalid-range'
  | 'invalid-schedule'
  | 'invalid-command'
  | 'not-allowed'
  | 'version-conflict';

export class CoreError extends Error {
  override readonly name = 'CoreError';
  readonly code: CoreErrorCode;
  readonly path: readonly (string | number)[];

  constructor(
    code: CoreErrorCode,
    message: string,
    options: { path?: readonly (string | number)[]; cause?: unknown } = {},
  ) {
    const path = options.path ?? [];
    super(path.length > 0 ? `${path.join('.')}: ${message}` : message, { cause: options.cause });
    this.code = code;
    this.path = path;
  }
}
