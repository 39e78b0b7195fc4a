import ky, { TimeoutError as KyTimeoutError } from 'ky';
import { httpError } from '../errors/error-for.js';
import { ConnectionError, ContractbeheerError, TimeoutError, type RequestInfo } from '../errors/sdk-error.js';
import { redactText } from './redact.js';
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
  /** Per attempt, in ms (default 30 000). */
  timeoutMs?: number;
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
};

export type TransportResponse = { status: number; headers: Headers; body: unknown; attempts: number };

/** The server's own explanation in an error body: `{ error: { message, path } }` (the contracts API) or `{ message }`. */
function errorDetail(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const nested = (body as { error?: unknown }).error;
  const source = typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : (body as Record<string, unknown>);
  if (typeof source.message !== 'string') return '';
  const path = Array.isArray(source.path) && source.path.length > 0 ? `${source.path.join('.')}: ` : '';
  return `: ${path}${source.message}`;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
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
    if (this.options.auth.kind === 'query') for (const [key, value] of Object.entries(this.options.auth.params)) params.append(key, value);
    const query = params.toString();
    return `${base}/${request.path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const url = this.url(request);
    const safeUrl = this.redact(url);
    const maxRetries = request.idempotent ? (request.options?.maxRetries ?? this.policy.maxRetries) : 0;
    for (let attempt = 1; ; attempt++) {
      const info: RequestInfo = { method: request.method, url: safeUrl, attempt };
      this.options.logger?.debug?.(`${request.method} ${safeUrl} (attempt ${attempt})`);
      const outcome = await this.attempt(url, request, info);
      if (!(outcome instanceof ContractbeheerError)) return { ...outcome, attempts: attempt };
      const retryAfter = outcome.retryAfterSeconds;
      const waitable = retryAfter === undefined || retryAfter <= this.policy.maxRetryAfterSeconds;
      if (!outcome.isRetryable || attempt > maxRetries || !waitable) throw outcome;
      const delay = retryDelayMs(this.policy, attempt - 1, retryAfter, this.random);
      this.options.logger?.warn?.(`${outcome.message} — retrying in ${delay} ms (retry ${attempt} of ${maxRetries})`, { kind: outcome.kind });
      await sleep(delay, request.options?.signal);
    }
  }

  /** One attempt: the response, or the typed error it amounts to. Aborts by the caller are rethrown as they are. */
  private async attempt(url: string, request: TransportRequest, info: RequestInfo): Promise<Omit<TransportResponse, 'attempts'> | ContractbeheerError> {
    const timeout = request.options?.timeout ?? this.options.timeoutMs ?? 30_000;
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...request.headers };
    if (this.options.auth.kind === 'bearer') headers.authorization = `Bearer ${this.options.auth.token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const common = { request: info, secrets: this.secrets };
    let response: Response;
    let text: string;
    try {
      response = await ky(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        timeout,
        retry: 0,
        throwHttpErrors: false,
        signal: request.options?.signal,
        fetch: this.options.fetch,
      });
      text = await response.text();
    } catch (cause) {
      if (request.options?.signal?.aborted) throw cause;
      return cause instanceof KyTimeoutError
        ? new TimeoutError(`${info.method} ${info.url} timed out after ${timeout} ms.`, { ...common, cause })
        : new ConnectionError(`${info.method} ${info.url} could not reach the server: ${(cause as Error)?.message ?? cause}.`, { ...common, cause });
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
      const detail = errorDetail(body);
      return httpError(response.status, `${info.method} ${info.url} failed with HTTP ${response.status}${detail}`, {
        ...common,
        retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
        requestId: response.headers.get('x-request-id') ?? undefined,
      });
    }
    return request.check?.(body, info) ?? { status: response.status, headers: response.headers, body };
  }
}
