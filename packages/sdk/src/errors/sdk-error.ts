import type { ContractsErrorCode } from './error-statuses.js';
import { redactText, redactUrl } from './redact.js';

/** What went wrong, in one word; each has its own subclass. */
export type SdkErrorKind =
  | 'authentication'
  | 'permission'
  | 'not-found'
  | 'validation'
  | 'conflict'
  | 'rate-limit'
  | 'api'
  | 'connection'
  | 'timeout'
  | 'signature-verification';

/** The request an error belongs to, with credentials already removed from the URL. */
export type RequestInfo = { method: string; url: string; attempt: number };

export type SdkErrorOptions = {
  status?: number | undefined;
  /** The host's application code (`code` in the envelope), when there is one. */
  appCode?: number | undefined;
  /** The contracts API's error code (`error.code` in the body), e.g. the core's `invalid-schedule`. */
  code?: string | undefined;
  /** The offending field from the contracts API's error body (`error.path`), e.g. `['schedule', 'weekdays']`. */
  path?: readonly (string | number)[] | undefined;
  messages?: readonly string[] | undefined;
  request?: RequestInfo | undefined;
  requestId?: string | undefined;
  retryAfterSeconds?: number | undefined;
  cause?: unknown;
  /** The operating system's code for a failed connection (`ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, …). */
  networkCode?: string | undefined;
  /**
   * Overrides whether repeating the call may help, for failures whose class says otherwise (an answer too large to
   * read is an `ApiError` that a retry would only download again).
   */
  retryable?: boolean | undefined;
  /** Secret values to scrub from every text this error shows. */
  secrets?: readonly string[] | undefined;
};

/**
 * The base of every error the SDK throws. It carries the HTTP status, the host's application code, the request
 * (method and redacted URL), whether repeating the call may help, and the cause. No token, software token or key
 * ever appears in its message, `toString()` or `toJSON()`: secrets are scrubbed when the error is made.
 */
export class ContractbeheerError extends Error {
  override readonly name: string = 'ContractbeheerError';
  readonly kind: SdkErrorKind = 'api';
  readonly status: number | undefined;
  readonly appCode: number | undefined;
  /**
   * The contracts API's error code from the body, unchanged from the server (the core's codes, the power-up's, or
   * `internal`); see `CONTRACTS_ERROR_STATUSES`. `undefined` for the host and for failures without a body.
   */
  readonly code: ContractsErrorCode | (string & {}) | undefined;
  /** The offending field from the contracts API's error body, to show the message next to it; `[]` when none. */
  readonly path: readonly (string | number)[];
  readonly messages: readonly string[];
  readonly request: RequestInfo | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** The operating system's code for a failed connection (`ECONNREFUSED`, `ENOTFOUND`, …), when there is one. */
  readonly networkCode: string | undefined;
  protected readonly retryable: boolean | undefined;

  constructor(message: string, options: SdkErrorOptions = {}) {
    const secrets = options.secrets ?? [];
    super(
      redactText(message, secrets),
      options.cause === undefined ? undefined : { cause: scrubCause(options.cause, secrets) },
    );
    this.status = options.status;
    this.appCode = options.appCode;
    this.code = options.code;
    // A server may echo a caller's key in the path: shown next to the message, so scrubbed like it.
    this.path = (options.path ?? []).map((part) => (typeof part === 'string' ? redactText(part, secrets) : part));
    this.messages = (options.messages ?? []).map((m) => redactText(m, secrets));
    this.request = options.request && { ...options.request, url: redactText(redactUrl(options.request.url), secrets) };
    // A server may echo anything in its request id, the token included: it is shown, so it is scrubbed too.
    this.requestId = options.requestId === undefined ? undefined : redactText(options.requestId, secrets);
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.networkCode = options.networkCode;
    this.retryable = options.retryable;
  }

  /** Whether the same call may succeed when repeated (the transport retries only safe calls). */
  get isRetryable(): boolean {
    return false;
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      appCode: this.appCode,
      ...(this.code !== undefined && { code: this.code }),
      ...(this.path.length > 0 && { path: this.path }),
      messages: this.messages,
      request: this.request,
      requestId: this.requestId,
      ...(this.networkCode !== undefined && { networkCode: this.networkCode }),
      isRetryable: this.isRetryable,
    };
  }
}

/**
 * A cause may be a library error whose message holds the full URL: keep its type, stack, system `code` and its own
 * cause (where Node puts `ECONNREFUSED`), scrub its text.
 */
function scrubCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (cause instanceof Error) {
    const scrubbed = new Error(redactText(String(cause.message), secrets));
    scrubbed.name = cause.name;
    if (cause.stack) scrubbed.stack = redactText(cause.stack, secrets);
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') Object.assign(scrubbed, { code });
    if (cause.cause !== undefined && depth < 3) scrubbed.cause = scrubCause(cause.cause, secrets, depth + 1);
    return scrubbed;
  }
  return typeof cause === 'string' ? redactText(cause, secrets) : cause;
}

export class AuthenticationError extends ContractbeheerError {
  override readonly name = 'AuthenticationError';
  override readonly kind = 'authentication';
}
export class PermissionError extends ContractbeheerError {
  override readonly name = 'PermissionError';
  override readonly kind = 'permission';
}
export class NotFoundError extends ContractbeheerError {
  override readonly name = 'NotFoundError';
  override readonly kind = 'not-found';
}
export class ValidationError extends ContractbeheerError {
  override readonly name = 'ValidationError';
  override readonly kind = 'validation';
}
export class ConflictError extends ContractbeheerError {
  override readonly name = 'ConflictError';
  override readonly kind = 'conflict';
}
export class RateLimitError extends ContractbeheerError {
  override readonly name = 'RateLimitError';
  override readonly kind = 'rate-limit';
  override get isRetryable(): boolean {
    return true;
  }
}
/** The server failed (5xx, or the host's uncaught-error code 1007). */
export class ApiError extends ContractbeheerError {
  override readonly name = 'ApiError';
  override readonly kind = 'api';
  override get isRetryable(): boolean {
    return this.retryable ?? (this.status === undefined || this.status >= 500 || this.appCode === 1007);
  }
}
export class ConnectionError extends ContractbeheerError {
  override readonly name = 'ConnectionError';
  override readonly kind = 'connection';
  override get isRetryable(): boolean {
    return true;
  }
}
export class TimeoutError extends ContractbeheerError {
  override readonly name = 'TimeoutError';
  override readonly kind = 'timeout';
  override get isRetryable(): boolean {
    return true;
  }
}
export class SignatureVerificationError extends ContractbeheerError {
  override readonly name = 'SignatureVerificationError';
  override readonly kind = 'signature-verification';
}
