import { statusForErrorCode } from './error-statuses.js';
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
  type ContractbeheerError,
  type SdkErrorOptions,
} from './sdk-error.js';

/** What each of the host's application codes means (OPENApi v8 §4). */
const HOST_CODES: Record<number, string> = {
  1000: 'the URL names no endpoint',
  1001: 'the endpoint is unknown',
  1002: 'the token query parameter is missing',
  1003: 'the software_token query parameter is missing',
  1004: 'the client token is not authorized for this request',
  1005: 'the software token is wrong or does not belong to the client token',
  1006: 'the host only accepts HTTPS',
  1007: 'the host had an uncaught server error',
  1008: 'the host received no request body',
  1009: 'the request body is not a JSON array or object',
  1400: 'the host has no location data for this customer',
  1500: 'no work order matches the given criteria',
  1501: 'the work order misses a required field',
  1502: 'the update has no data',
  1503: 'no data changed',
  1504: 'the host could not parse the data (date, time or employee)',
  1600: 'the delete failed',
};

/** The host's explanation of an application code, for messages. */
export function describeHostCode(code: number): string {
  if (HOST_CODES[code] !== undefined) return HOST_CODES[code];
  if (code === 1051 || (code >= 1100 && code % 100 === 1)) return 'a required field is missing';
  if (code >= 1100 && code % 100 === 0) return 'the insert or update failed';
  return 'the host reported an error';
}

/** The error class for a host application code other than 200. */
export function hostError(code: number, message: string, options: SdkErrorOptions): ContractbeheerError {
  const full = { ...options, appCode: code };
  if (code === 1002 || code === 1003 || code === 1005) return new AuthenticationError(message, full);
  if (code === 1004) return new PermissionError(message, full);
  if (code === 1500) return new NotFoundError(message, full);
  if (code === 1503) return new ConflictError(message, full);
  if (code === 1007 || code === 1000 || code === 1001 || code === 1006) return new ApiError(message, full);
  return new ValidationError(message, full);
}

/**
 * The error class for an HTTP status (the contracts API, or a host behind a proxy that answers 4xx/5xx). A known
 * contracts API `code` chooses by the status the server's map gives it, so class and code cannot disagree; `status`
 * stays what the server answered.
 */
export function httpError(status: number, message: string, options: SdkErrorOptions): ContractbeheerError {
  const full = { ...options, status };
  const byCode = options.code === undefined ? undefined : statusForErrorCode(options.code);
  return errorForStatus(byCode ?? status, message, full);
}

function errorForStatus(status: number, message: string, full: SdkErrorOptions): ContractbeheerError {
  if (status === 401) return new AuthenticationError(message, full);
  if (status === 403) return new PermissionError(message, full);
  if (status === 404) return new NotFoundError(message, full);
  if (status === 409 || status === 412) return new ConflictError(message, full);
  if (status === 400 || status === 422) return new ValidationError(message, full);
  if (status === 429) return new RateLimitError(message, full);
  return new ApiError(message, full);
}
