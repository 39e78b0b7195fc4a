import { ContractbeheerError } from '@contractbeheer/sdk';
import { PowerUpError } from '../power-up-error.js';

/** A failure of the tenant's host, as the contracts API answers it. */
export type HostFailure = {
  error: PowerUpError;
  retryAfterSeconds: number | undefined;
  /** For the operator's log: what the SDK saw, without the URL or any credential. */
  detail: { kind: string; status?: number; appCode?: number; networkCode?: string };
};

const TRY_AGAIN =
  "nothing was changed; try again in a few minutes, and if it persists check the install's host URL in the marketplace.";

/**
 * The one place where the SDK's host errors become the API's: a request that had to ask the tenant's host (an object
 * link is checked there) and could not is the host's failure, not ours, so it is a 503 (unreachable, timed out, 5xx,
 * 429: try again later) or a 502 (the host answered something that is not its API), never a 500.
 *
 * The message is ours, not the SDK's: the SDK's names the host URL (redacted, but the client has no use for it) and
 * the path would show the host's internals. The SDK error stays the cause, for the log.
 *
 * @returns `undefined` for anything that is not a host failure (a host 4xx — a rejected token, an unknown object —
 *   keeps its usual handling)
 */
export function hostFailure(error: unknown): HostFailure | undefined {
  if (!(error instanceof ContractbeheerError)) return undefined;
  const detail = {
    kind: error.kind,
    ...(error.status !== undefined && { status: error.status }),
    ...(error.appCode !== undefined && { appCode: error.appCode }),
    ...(error.networkCode !== undefined && { networkCode: error.networkCode }),
  };
  const unavailable = (what: string): HostFailure => ({
    error: new PowerUpError('host-unavailable', `the host (OutSmart) ${what}: ${TRY_AGAIN}`, { cause: error }),
    retryAfterSeconds: error.retryAfterSeconds,
    detail,
  });
  switch (error.kind) {
    case 'connection':
      return unavailable('could not be reached');
    case 'timeout':
      return unavailable('did not answer in time');
    case 'rate-limit':
      return unavailable('asked to slow down (HTTP 429)');
    case 'api':
      break;
    default:
      return undefined;
  }
  // An ApiError: a 5xx (or the host's "uncaught error" code) is the host being down; anything else — an answer that
  // is not JSON (the transport calls it a 502), not the host's envelope, a redirect, too large — is an answer we
  // cannot read, most likely from something that is not the host at that URL.
  const unreadable = error.cause instanceof Error && error.cause.name === 'SyntaxError';
  if (!unreadable && ((error.status !== undefined && error.status >= 500) || error.appCode === 1007)) {
    return unavailable(`failed (HTTP ${error.status ?? 200})`);
  }
  return {
    error: new PowerUpError(
      'host-bad-answer',
      "the host (OutSmart) answered with something that is not its API's answer: check the install's host URL in " +
        'the marketplace (install again if it changed), then try again.',
      { cause: error },
    ),
    retryAfterSeconds: undefined,
    detail,
  };
}
