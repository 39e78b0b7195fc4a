import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  ConnectionError,
  type ContractbeheerError,
  createContractsClient,
  createHostClient,
  NotFoundError,
  ValidationError,
} from '../src/index.js';
import { closedPort, startLoopback, type Loopback } from './support/loopback.js';

const TOKEN = 'client-token-hierarchy-3c';
const SOFTWARE = 'software-token-hierarchy-9e';
const HOST = 'https://www.out-smart.com/openapi/8';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => server.close());
let loopback: Loopback | undefined;
afterEach(async () => {
  server.resetHandlers();
  await loopback?.close();
  loopback = undefined;
});

const host = (extra: Partial<Parameters<typeof createHostClient>[0]> = {}) =>
  createHostClient({ token: TOKEN, softwareToken: SOFTWARE, maxRetries: 0, timeoutMs: 2_000, ...extra });
const answer = (response: unknown) =>
  server.use(http.all(`${HOST}/*`, () => HttpResponse.json({ code: 200, messages: [], response })));
const API = 'https://contracts.example.com/api/v1';

describe('every failure is a ContractbeheerError', () => {
  it('a work order of the wrong shape from get or list is a ValidationError, not a ZodError', async () => {
    answer('not a record');
    await expect(host().workOrders.get({ rowId: 1 })).rejects.toBeInstanceOf(ValidationError);
    answer([1, 2, 3]);
    await expect(host().workOrders.list({ status: 'Compleet' })).rejects.toBeInstanceOf(ValidationError);
    answer({ not: 'a list' });
    const error = await host()
      .workOrders.list({ status: 'Compleet' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/GetWorkorders/);
  });

  for (const empty of [null, [], {}, [null]]) {
    it(`get with an empty answer (${JSON.stringify(empty)}) is a NotFoundError, not an all-null order`, async () => {
      answer(empty);
      await expect(host().workOrders.get({ workorderNo: 'WO-404' })).rejects.toBeInstanceOf(NotFoundError);
    });
  }

  it('delete with a non-numeric answer is an error, not NaN', async () => {
    answer('deleted!');
    await expect(host().workOrders.delete({ rowId: 5 })).rejects.toBeInstanceOf(ValidationError);
    answer('1');
    await expect(host().workOrders.delete({ rowId: 5 })).resolves.toBe(1);
  });

  it('the request id is scrubbed of credentials (a host echoing the token there)', async () => {
    const echo = () => new HttpResponse(null, { status: 500, headers: { 'x-request-id': `req-${TOKEN}` } });
    server.use(http.all(`${HOST}/*`, echo));
    const error = (await host()
      .employees.list()
      .catch((e: unknown) => e)) as ContractbeheerError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.requestId).toBe('req-***');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('connection refused keeps ECONNREFUSED', async () => {
    const port = await closedPort();
    const client = host({ baseUrl: `http://127.0.0.1:${port}/openapi/8` });
    const error = (await client.employees.list().catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toMatch(/connect ECONNREFUSED 127\.0\.0\.1:\d+/); // Node's reason, not only "fetch failed"
    expect(error.networkCode).toBe('ECONNREFUSED');
  });

  it('a name that does not resolve keeps ENOTFOUND', async () => {
    const client = host({ baseUrl: 'http://host-that-does-not-exist.invalid/openapi/8' });
    const error = (await client.employees.list().catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain('ENOTFOUND');
    expect(error.networkCode).toBe('ENOTFOUND');
    expect(error.message).not.toContain(TOKEN);
  });

  it('an answer beyond maxResponseBytes fails once, not retried, whether announced or streamed', async () => {
    const big = JSON.stringify({ code: 200, messages: [], response: [{ number: 'x'.repeat(200_000) }] });
    loopback = await startLoopback((req, res) => {
      const announced = req.url?.includes('employees');
      const length = announced ? { 'content-length': String(Buffer.byteLength(big)) } : {};
      res.writeHead(200, { 'content-type': 'application/json', ...length });
      if (announced) return res.end(big);
      for (let i = 0; i < big.length; i += 10_000) res.write(big.slice(i, i + 10_000));
      res.end();
    });
    const client = host({ baseUrl: loopback.baseUrl, maxRetries: 3, maxResponseBytes: 100_000, random: () => 0 });
    for (const call of [() => client.employees.list(), () => client.materials.list()]) {
      const error = (await call().catch((e: unknown) => e)) as ContractbeheerError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.isRetryable).toBe(false);
      expect(error.message).toMatch(/maxResponseBytes/);
    }
    expect(loopback.requests).toHaveLength(2);
  });

  it('hostile JSON (an object with its own "toString") in messages, fields or error paths is contained', async () => {
    const hostile = { toString: 1, valueOf: 2 };
    server.use(http.all(`${HOST}/*`, () => HttpResponse.json({ code: 1501, messages: [hostile], response: null })));
    await expect(host().employees.list()).rejects.toBeInstanceOf(ValidationError);
    answer([{ WorkorderNo: hostile, WorkObjects: [hostile, 'CV-1'] }]);
    const [order] = await host().workOrders.list({ status: 'Alle' });
    expect(order).toMatchObject({ workorderNo: null, workObjects: ['CV-1'] });
    const error = { code: 'invalid', message: 'bad', path: [hostile, 'name'] };
    const invalid = () => HttpResponse.json({ error }, { status: 422 });
    server.use(http.all(`${API}/*`, invalid));
    const api = createContractsClient({ baseUrl: API, apiKey: 'cb_key_hostile_1234', maxRetries: 0 });
    await expect(api.terms.list()).rejects.toThrow(/name: bad/);
  });

  it('the contracts client has the same size cap', async () => {
    server.use(http.all(`${API}/*`, () => HttpResponse.json({ data: [{ code: 'x'.repeat(5_000) }] })));
    const api = createContractsClient({ baseUrl: API, apiKey: 'cb_key_size_12', maxRetries: 0, maxResponseBytes: 999 });
    await expect(api.terms.list()).rejects.toThrow(/maxResponseBytes/);
  });
});
