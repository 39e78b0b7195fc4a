import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createContractsClient } from '../src/index.js';

const API = 'https://contracts.example.com/api/v1';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());
const api = () => createContractsClient({ baseUrl: API, apiKey: 'cb_key_pages_12345', maxRetries: 0 });

describe('pagination that does not advance', () => {
  it('contracts.list stops with an ApiError when the server hands back the same cursor, instead of looping', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/contracts`, () => {
        calls++;
        return HttpResponse.json({ data: [], nextCursor: 'page-2' });
      }),
    );
    const pages = async () => {
      for await (const _ of api().contracts.list()) void _;
    };
    await expect(pages()).rejects.toThrow(ApiError);
    await expect(pages()).rejects.toThrow(/same nextCursor/);
    expect(calls).toBe(4);
  });
});
