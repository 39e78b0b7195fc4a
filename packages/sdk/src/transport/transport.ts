import ky from 'ky';
import { readErrorBody } from '../errors/error-body.js';
import { httpError } from '../errors/error-for.js';
import {
  ApiError,
  ConflictError,
  ConnectionError,
  ContractbeheerError,
  TimeoutError,
  ValidationError,
  type RequestInfo,
} from '../errors/sdk-error.js';
import { describeFailure, networkCode } from './network-code.js';
import { checkCallOptions, DEFAULT_MAX_RESPONSE_BYTES } from './option-checks.js';
import { BodyTooLarge, readBody } from './read-body.js';
import { describeLocation, isRedirect } from './redirects.js';
import { redactText } from '../errors/redact.js';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs, type RetryPolicy } from './retry-policy.js';

/** Where the SDK writes what it does; every line is already scrubbed of credentials. */
export type Logger = {
  debug?(message: string, meta?: Record<string, unknown>): void;
  warn?(message: string, meta?: Record<string, unknown>): void;
};

export type Auth =
  /** The host: credentials as query parameters on every call (also POST). */
  | { kind: 'query'; params: Readonly<Record<string, string>> }
  /** The contracts API: a bearer key. */
  | { kind: 'bearer'; token: string };

export type TransportOptions = {
  baseUrl: string;
  auth: Auth;
  /** Per attempt — connecting, headers and the whole body — in ms (default 30 000). */
  timeoutMs?: number;
  /** The largest answer read, in bytes (default 64 MiB); a larger one fails without a retry. */
  maxResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  logger?: Logger;
  /** A fetch implementation (default: the global one, which msw intercepts in tests). */
  fetch?: typeof globalThis.fetch;
  /** Jitter source (default `Math.random`); tests pass a fixed one. */
  random?: () => number;
  headers?: Readonly<Record<string, string>>;
};

/** Per-call overrides of the client defaults. */
export type CallOptions = { timeout?: number; maxRetries?: number; signal?: AbortSignal };

export type TransportRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: ReadonlyArray<readonly [string, string]>;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  /** Whether repeating the call cannot do harm; only such calls are retried. */
  idempotent: boolean;
  options?: CallOptions | undefined;
  /**
   * Reads an error out of a successful HTTP answer (the host answers HTTP 200 with an error code in its envelope),
   * so it goes through the same retry rules as an HTTP error.
   */
  check?: (body: unknown, request: RequestInfo) => ContractbeheerError | undefined;
  /**
   * Whether an error on a retry only says the goal is reached (a delete answered "not found", an absolute update
   * answered "nothing changed"): the earlier attempt whose answer was lost did it, and the call succeeds.
   */
  doneOnRetry?: (error: ContractbeheerError) => boolean;
};

export type TransportResponse = { status: number; headers: Headers; body: unknown; attempts: number };

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason passes on as given, as fetch does
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason passes on as given, as fetch does
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The HTTP layer both clients share, on ky: base URL, authentication, a timeout per attempt, retries with
 * exponential backoff and jitter that honour `Retry-After` (up to a cap) for calls that are safe to repeat, per-call
 * overrides and an injectable logger. Errors come out typed; credentials never leave it in a message or log line.
 */
export class Transport {
  private readonly secrets: string[];
  private readonly policy: RetryPolicy;
  private readonly random: () => number;

  constructor(private readonly options: TransportOptions) {
    this.secrets = options.auth.kind === 'query' ? Object.values(options.auth.params) : [options.auth.token];
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.random = options.random ?? Math.random;
  }

  /** Scrubs this client's credentials from a text. */
  redact(text: string): string {
    return redactText(text, this.secrets);
  }

  get secretValues(): readonly string[] {
    return this.secrets;
  }

  private url(request: TransportRequest): string {
    const base = this.options.baseUrl.replace(/\/+$/, '');
    const params = new URLSearchParams();
    for (const [key, value] of request.query ?? []) params.append(key, value);
    if (this.options.auth.kind === 'query')
      for (const [key, value] of Object.entries(this.options.auth.params)) params.append(key, value);
    const query = params.toString();
    return `${base}/${request.path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    if (request.options !== undefined) checkCallOptions(`${request.method} ${request.path}`, request.options);
    const url = this.url(request);
    const safeUrl = this.redact(url);
    const maxRetries = request.idempotent ? (request.options?.maxRetries ?? this.policy.maxRetries) : 0;
    const payload = this.serialize(request);
    for (let attempt = 1; ; attempt++) {
      const info: RequestInfo = { method: request.method, url: safeUrl, attempt };
      this.options.logger?.debug?.(`${request.method} ${safeUrl} (attempt ${attempt})`);
      const outcome = await this.attempt(url, request, payload, info);
      if (!(outcome instanceof ContractbeheerError)) return { ...outcome, attempts: attempt };
      // A retry runs after an attempt whose outcome is unknown: it may have been applied. Where an error then only
      // says "already done" (the thing is gone, nothing changed), the call has reached its goal.
      if (attempt > 1 && request.doneOnRetry?.(outcome)) {
        this.options.logger?.debug?.(`${outcome.message} — an earlier attempt did it`, { kind: outcome.kind });
        return { status: outcome.status ?? 200, headers: new Headers(), body: null, attempts: attempt };
      }
      const retryAfter = outcome.retryAfterSeconds;
      const waitable = retryAfter === undefined || retryAfter <= this.policy.maxRetryAfterSeconds;
      if (!outcome.isRetryable || attempt > maxRetries || !waitable) {
        if (attempt > 1 && outcome instanceof ConflictError) {
          outcome.message += ' An earlier attempt got no answer and may have been applied: reload and compare.';
        }
        throw outcome;
      }
      const delay = retryDelayMs(this.policy, attempt - 1, retryAfter, this.random);
      this.options.logger?.warn?.(`${outcome.message} — retrying in ${delay} ms (retry ${attempt} of ${maxRetries})`, {
        kind: outcome.kind,
      });
      await sleep(delay, request.options?.signal);
    }
  }

  /** The request body as JSON, checked once before the first attempt. */
  private serialize(request: TransportRequest): string | undefined {
    if (request.body === undefined) return undefined;
    try {
      const json = JSON.stringify(request.body);
      if (typeof json === 'string') return json;
    } catch {
      // reported below
    }
    const message = `${request.method} ${request.path}: the request body cannot be sent as JSON (a cycle, a BigInt?).`;
    throw new ValidationError(message, { secrets: this.secrets });
  }

  /**
   * One attempt: the response, or the typed error it amounts to. Aborts by the caller are rethrown as they are.
   * The deadline covers the whole attempt — connecting, headers and reading the body — and is enforced even when a
   * custom fetch ignores its signal, so a host that stalls or trickles its answer cannot hold a call past it.
   */
  private async attempt(
    url: string,
    request: TransportRequest,
    payload: string | undefined,
    info: RequestInfo,
  ): Promise<Omit<TransportResponse, 'attempts'> | ContractbeheerError> {
    const timeout = request.options?.timeout ?? this.options.timeoutMs ?? 30_000;
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...request.headers };
    if (this.options.auth.kind === 'bearer') headers.authorization = `Bearer ${this.options.auth.token}`;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const common = { request: info, secrets: this.secrets };
    const callerSignal = request.options?.signal;
    // One controller per attempt: the deadline and the caller's abort both end it. Joining signals with
    // `AbortSignal.any` (here, or in ky when it is given a signal) was most of what the hardening added to a call's
    // cost on Node 20 (bench/ab.mjs); a listener that aborts this controller costs next to nothing.
    const deadline = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onCallerAbort: (() => void) | undefined;
    // Settles with the exchange, or fails when the deadline passes or the caller aborts, even if the fetch in use
    // ignores its signal: one promise, no race between two.
    const exchanged = new Promise<{ response: Response; text: string }>((resolve, reject) => {
      const stop = (reason: unknown) => {
        deadline.abort(reason);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason passes on as given, as fetch does
        reject(reason);
      };
      timer = setTimeout(() => stop(new Error(`timed out after ${timeout} ms`)), timeout);
      if (callerSignal !== undefined) {
        onCallerAbort = () => stop(callerSignal.reason);
        if (callerSignal.aborted) onCallerAbort();
        else callerSignal.addEventListener('abort', onCallerAbort, { once: true });
      }
      if (!deadline.signal.aborted) {
        this.exchange(url, request.method, headers, payload, deadline.signal).then(resolve, reject);
      }
    });
    let response: Response;
    let text: string;
    try {
      ({ response, text } = await exchanged);
    } catch (cause) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (deadline.signal.aborted) {
        const message = `${info.method} ${info.url} timed out after ${timeout} ms (connecting, headers and body).`;
        return new TimeoutError(message, { ...common, cause });
      }
      if (cause instanceof BodyTooLarge) {
        const announced = cause.announced === undefined ? '' : ` (Content-Length ${cause.announced})`;
        return new ApiError(
          `${info.method} ${info.url} answered with more than maxResponseBytes (${cause.limit} bytes)${announced}; ` +
            'narrow the request (a filter) or raise maxResponseBytes if such answers are expected.',
          { ...common, retryable: false },
        );
      }
      const code = networkCode(cause);
      const reason = describeFailure(cause);
      const message = `${info.method} ${info.url} could not reach the server${code ? ` (${code})` : ''}: ${reason}.`;
      return new ConnectionError(message, { ...common, cause, networkCode: code });
    } finally {
      clearTimeout(timer);
      // A signal the caller reuses for many calls must not collect a listener per attempt.
      if (onCallerAbort) callerSignal?.removeEventListener('abort', onCallerAbort);
    }
    if (isRedirect(response)) {
      const location = describeLocation(response.headers.get('location'), url, this.secrets);
      return new ApiError(
        `${info.method} ${info.url} was redirected (HTTP ${response.status}) to ${location}; the SDK follows no ` +
          'redirects, so neither the request body nor the credentials go elsewhere. ' +
          'Set baseUrl to the address that answers.',
        { ...common, status: response.status },
      );
    }
    let body: unknown = text;
    if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) {
      try {
        body = JSON.parse(text);
      } catch (cause) {
        return httpError(502, `${info.method} ${info.url} answered with invalid JSON.`, { ...common, cause });
      }
    }
    if (response.status >= 400) {
      const { detail, code, path } = readErrorBody(body);
      return httpError(response.status, `${info.method} ${info.url} failed with HTTP ${response.status}${detail}`, {
        ...common,
        code,
        path,
        retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
        requestId: response.headers.get('x-request-id') ?? undefined,
      });
    }
    return request.check?.(body, info) ?? { status: response.status, headers: response.headers, body };
  }

  /** Sends the request (redirects are not followed) and reads the body within `maxResponseBytes`. */
  private async exchange(
    url: string,
    method: TransportRequest['method'],
    headers: Record<string, string>,
    payload: string | undefined,
    signal: AbortSignal,
  ): Promise<{ response: Response; text: string }> {
    // Read at each call, not once: msw and other test tools replace the global fetch after a client is made.
    const fetchInUse = this.options.fetch ?? globalThis.fetch;
    const response = await ky(url, {
      method,
      headers,
      body: payload,
      timeout: false,
      retry: 0,
      throwHttpErrors: false,
      redirect: 'manual',
      // The signal goes to fetch, not to ky: ky would join it to its own controller with `AbortSignal.any`.
      fetch: (input, init) => fetchInUse(input, { ...init, signal }),
    });
    if (isRedirect(response)) {
      response.body?.cancel().catch(() => undefined); // not awaited: it may settle only when the peer closes
      return { response, text: '' };
    }
    return { response, text: await readBody(response, this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES) };
  }
}
