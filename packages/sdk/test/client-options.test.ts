import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContractsClient, createHostClient, ValidationError } from '../src/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

const base = { token: 'client-token-options', softwareToken: 'software-token-options' };

describe('client and per-call options are checked up front', () => {
  it('maxRetries: NaN is refused instead of retrying without end', async () => {
    let calls = 0;
    server.use(
      http.all('https://www.out-smart.com/openapi/8/*', () => {
        calls++;
        return new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } });
      }),
    );
    expect(() => createHostClient({ ...base, maxRetries: Number.NaN })).toThrow(ValidationError);
    expect(() => createHostClient({ ...base, maxRetries: Number.NaN })).toThrow(/maxRetries/);
    const host = createHostClient(base);
    await expect(host.employees.list({ maxRetries: Number.NaN })).rejects.toThrow(/maxRetries .*whole number/);
    expect(calls).toBe(0);
  });

  for (const bad of [Number.NaN, 0, -5, 1.5, Number.POSITIVE_INFINITY, 3e9]) {
    it(`timeoutMs ${bad} is refused with an error that names the option`, async () => {
      expect(() => createHostClient({ ...base, timeoutMs: bad })).toThrow(/createHostClient: timeoutMs must be/);
      const contracts = { baseUrl: 'https://contracts.example.com/api/v1', apiKey: 'cb_k_1234', timeoutMs: bad };
      expect(() => createContractsClient(contracts)).toThrow(/createContractsClient: timeoutMs must be/);
      const error = await createHostClient(base)
        .employees.list({ timeout: bad })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(/timeout must be/);
    });
  }

  it('maxRetries beyond the range, a non-integer or a negative one is refused', () => {
    for (const bad of [-1, 2.5, 1_000, Number.POSITIVE_INFINITY]) {
      expect(() => createHostClient({ ...base, maxRetries: bad })).toThrow(ValidationError);
    }
  });

  it('a baseUrl that is no http(s) URL is refused when the client is made', () => {
    expect(() => createHostClient({ ...base, baseUrl: 'not a url' })).toThrow(/baseUrl/);
    expect(() => createContractsClient({ baseUrl: 'ftp://x.example/api', apiKey: 'cb_k_1234' })).toThrow(/baseUrl/);
  });

  it('valid values still work', async () => {
    const empty = () => HttpResponse.json({ code: 200, messages: [], response: [] });
    server.use(http.all('https://www.out-smart.com/openapi/8/*', empty));
    const host = createHostClient({ ...base, timeoutMs: 2_147_483_647, maxRetries: 10 });
    await expect(host.employees.list({ timeout: 1_000, maxRetries: 0 })).resolves.toEqual([]);
  });
});
