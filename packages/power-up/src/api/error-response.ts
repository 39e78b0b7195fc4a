import type { CoreErrorCode } from '@contractbeheer/core';
import { CONTRACTS_ERROR_STATUSES } from '@contractbeheer/sdk';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PowerUpError, type PowerUpErrorCode } from '../power-up-error.js';
import { hostFailure, type HostFailure } from './host-error.js';

/**
 * Status per code: the SDK's map, shared with the client like the route table, so the core's and the power-up's
 * codes reach the body unchanged, with the field path, and the client picks the matching error class. The annotation
 * makes a power-up or core code without a status a compile error.
 */
const STATUS_BY_CODE: Record<PowerUpErrorCode | CoreErrorCode, ContentfulStatusCode> = CONTRACTS_ERROR_STATUSES;

export type ErrorBody = { error: { code: string; message: string; path: (string | number)[] } };

/** Errors that carry a known code and a field path: ours, and the core's (matched by shape, not class identity). */
function codedError(
  error: unknown,
): { code: keyof typeof STATUS_BY_CODE; message: string; path: (string | number)[] } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path } = error as { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || !Object.hasOwn(STATUS_BY_CODE, code)) return undefined;
  if (!(error instanceof PowerUpError) && error.name !== 'CoreError') return undefined;
  return {
    code: code as keyof typeof STATUS_BY_CODE,
    message: error.message,
    path: Array.isArray(path) ? (path as (string | number)[]).slice() : [],
  };
}

/**
 * The status and body for a thrown error. Anything unexpected is a 500 whose message gives only the request id:
 * its text may hold internals (SQL, a connection string), so it goes to the log, not the client.
 */
export function errorResponse(
  error: unknown,
  requestId: string,
): {
  status: ContentfulStatusCode;
  body: ErrorBody;
  expected: boolean;
  retryAfterSeconds?: number;
  /** What the SDK saw when the tenant's host failed, for the log (no URL, no credential). */
  hostFailure?: HostFailure['detail'];
} {
  const host = hostFailure(error);
  if (host !== undefined) {
    const { code, message } = host.error;
    return {
      status: STATUS_BY_CODE[code],
      body: { error: { code, message, path: [] } },
      expected: true,
      hostFailure: host.detail,
      ...(host.retryAfterSeconds !== undefined && { retryAfterSeconds: host.retryAfterSeconds }),
    };
  }
  const coded = codedError(error);
  if (coded !== undefined) {
    return { status: STATUS_BY_CODE[coded.code], body: { error: { ...coded } }, expected: true };
  }
  if (error instanceof HTTPException) {
    return {
      status: error.status,
      body: { error: { code: 'http-error', message: error.message || 'the request was refused.', path: [] } },
      expected: true,
    };
  }
  return {
    status: 500,
    body: {
      error: {
        code: 'internal',
        message: `an unexpected error occurred: report request id ${requestId} to the operator.`,
        path: [],
      },
    },
    expected: false,
  };
}
