import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, ConnectionError, createHostClient, RateLimitError, TimeoutError } from '../src/index.js';

const TOKEN = 'client-token-7f3a91c2';
const SOFTWARE = 'software-token-d00d';
const URL_EMPLOYEES = 'https://www.out-smart.com/openapi/8/employees/';
const ok = () =>
  HttpResponse.json({ code: 200, messages: [], response: [{ number: '17', firstname: 'Sanne', lastname: 'de Boer' }] });

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});

/** Answers from a script, one entry per request, and counts the requests. */
function script(...answers: (() => Response | Promise<Response>)[]) {
  let calls = 0;
  server.use(
    http.all(`https://www.out-smart.com/openapi/8/*`, () => {
      const answer = answers[Math.min(calls, answers.length - 1)] as () => Response;
      calls++;
      return answer();
    }),
  );
  return {
    get calls() {
      return calls;
    },
  };
}

function host(extra: Partial<Parameters<typeof createHostClient>[0]> = {}) {
  const lines: string[] = [];
  const client = createHostClient({
    token: TOKEN,
    softwareToken: SOFTWARE,
    random: () => 0.5,
    logger: { debug: (m) => lines.push(m), warn: (m) => lines.push(m) },
    ...extra,
  });
  return { client, lines };
}

describe('retries', () => {
  it('retries a safe call on 503 with exponential backoff and jitter', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls = script(
      () => new HttpResponse(null, { status: 503 }),
      () => new HttpResponse(null, { status: 503 }),
      ok,
    );
    const { client, lines } = host();
    const result = client.employees.list();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toHaveLength(1);
    expect(calls.calls).toBe(3);
    // base 500 ms doubling, full jitter at 0.5: 250 ms then 500 ms.
    expect(lines.filter((l) => l.includes('retrying in')).map((l) => /retrying in (\d+) ms/.exec(l)?.[1])).toEqual([
      '250',
      '500',
    ]);
  });

  it('never retries a call that is not safe to repeat (creating work orders)', async () => {
    const calls = script(() => new HttpResponse(null, { status: 503 }), ok);
    const { client } = host();
    await expect(client.workOrders.create({ WorkorderNo: 'X' } as never)).rejects.toBeInstanceOf(ApiError);
    expect(calls.calls).toBe(1);
  });

  it('honours Retry-After on 429', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls = script(() => new HttpResponse(null, { status: 429, headers: { 'retry-after': '3' } }), ok);
    const { client } = host();
    const result = client.employees.list();
    await vi.advanceTimersByTimeAsync(2_900);
    expect(calls.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(await result).toHaveLength(1);
    expect(calls.calls).toBe(2);
  });

  it('does not wait for a Retry-After beyond the cap; the error carries it', async () => {
    script(() => new HttpResponse(null, { status: 429, headers: { 'retry-after': '120' } }), ok);
    const error = await host()
      .client.employees.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 120, isRetryable: true });
  });

  it("retries the host's uncaught-error code 1007 (HTTP 200) like a 5xx", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls = script(() => HttpResponse.json({ code: 1007, messages: [], response: null }), ok);
    const result = host().client.employees.list();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await result).toHaveLength(1);
    expect(calls.calls).toBe(2);
  });

  it('gives up after maxRetries on connection errors, with the attempt on the error', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls = script(() => HttpResponse.error());
    const result = host({ maxRetries: 3 })
      .client.employees.list()
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const error = await result;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ request: { method: 'GET', attempt: 4 } });
    expect(calls.calls).toBe(4);
  });

  it('per-call options override the client: maxRetries, timeout, signal', async () => {
    const calls = script(() => new HttpResponse(null, { status: 503 }), ok);
    const { client } = host();
    await expect(client.employees.list({ maxRetries: 0 })).rejects.toBeInstanceOf(ApiError);
    expect(calls.calls).toBe(1);

    script(async () => {
      await delay(300);
      return ok();
    });
    await expect(client.employees.list({ timeout: 50, maxRetries: 0 })).rejects.toBeInstanceOf(TimeoutError);

    script(() => new HttpResponse(null, { status: 503 }));
    const controller = new AbortController();
    const pending = client.employees.list({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stopped by the caller')), 20);
    await expect(pending).rejects.toThrow('stopped by the caller');
  });

  it('logs each attempt without credentials', async () => {
    script(ok);
    const { client, lines } = host();
    await client.employees.list();
    expect(lines).toEqual([`GET ${URL_EMPLOYEES}?token=***&software_token=*** (attempt 1)`]);
  });
});
