import { checkFunction, checkHttpUrl, checkInteger, checkRecord } from '../errors/argument-checks.js';
import { ValidationError } from '../errors/sdk-error.js';

/** The longest timer Node and browsers keep (2^31 − 1 ms, about 24.8 days); a longer one fires at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;
/** More retries than this only hide an outage. */
const MAX_RETRIES = 10;
/** The default cap on one answer's size: far above any real list, far below what exhausts memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export type ClientOptionValues = {
  baseUrl?: unknown;
  timeoutMs?: unknown;
  maxRetries?: unknown;
  maxResponseBytes?: unknown;
  fetch?: unknown;
  random?: unknown;
  logger?: unknown;
};

/** Checks a client's options when it is made, so a wrong one fails there, not on every call (`where`: the factory). */
export function checkClientOptions(where: string, options: ClientOptionValues): void {
  if (options.baseUrl !== undefined) checkHttpUrl(options.baseUrl, where, 'baseUrl');
  if (options.timeoutMs !== undefined) {
    checkInteger(options.timeoutMs, where, 'timeoutMs', 1, MAX_TIMEOUT_MS, ' of milliseconds');
  }
  if (options.maxRetries !== undefined) checkInteger(options.maxRetries, where, 'maxRetries', 0, MAX_RETRIES);
  if (options.maxResponseBytes !== undefined) {
    checkInteger(options.maxResponseBytes, where, 'maxResponseBytes', 1, Number.MAX_SAFE_INTEGER, ' of bytes');
  }
  checkFunction(options.fetch, where, 'fetch');
  checkFunction(options.random, where, 'random');
  if (options.logger !== undefined) {
    const logger = checkRecord(options.logger, where, 'logger', false) as Record<string, unknown>;
    checkFunction(logger.debug, where, 'logger.debug');
    checkFunction(logger.warn, where, 'logger.warn');
  }
}

/** Checks per-call options (`timeout`, `maxRetries`, `signal`) before anything is sent (`where`: method and path). */
export function checkCallOptions(where: string, options: unknown): void {
  const record = checkRecord(options, where, 'the call options', true);
  if (record === undefined) return;
  if (record.timeout !== undefined) {
    checkInteger(record.timeout, where, 'timeout', 1, MAX_TIMEOUT_MS, ' of milliseconds');
  }
  if (record.maxRetries !== undefined) checkInteger(record.maxRetries, where, 'maxRetries', 0, MAX_RETRIES);
  if (record.signal !== undefined && !(record.signal instanceof AbortSignal)) {
    throw new ValidationError(`${where}: signal must be an AbortSignal (from an AbortController).`);
  }
}
