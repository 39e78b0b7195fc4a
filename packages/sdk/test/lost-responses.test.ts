import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, createContractsClient, createHostClient } from '../src/index.js';

const HOST = 'https://www.out-smart.com/openapi/8';
const API = 'https://contracts.example.com/api/v1';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

/** Answers from a script, one per request: the first answer is "lost" (a connection error after the change). */
function script(url: string, ...answers: (() => Response)[]) {
  let calls = 0;
  server.use(http.all(url, () => (answers[Math.min(calls++, answers.length - 1)] as () => Response)()));
  return {
    get calls() {
      return calls;
    },
  };
}
const host = () =>
  createHostClient({ token: 'client-token-lost', softwareToken: 'software-tok-lost', maxRetries: 2, random: () => 0 });
const noChange = () => HttpResponse.json({ code: 1503, messages: ['No data changed'], response: null });
const apiError = (status: number, code: string) => () =>
  HttpResponse.json({ error: { code, message: code } }, { status });
const api = () => createContractsClient({ baseUrl: API, apiKey: 'cb_key_lost_12345', maxRetries: 2, random: () => 0 });

describe('a retry after a lost response', () => {
  it('reschedule: "no data changed" (1503) on the retry means the first attempt was applied — success', async () => {
    const calls = script(`${HOST}/UpdateWorkorder/`, () => HttpResponse.error(), noChange);
    await expect(host().workOrders.reschedule({ rowId: 7 }, { date: '2025-03-20' })).resolves.toBeUndefined();
    expect(calls.calls).toBe(2);
  });

  it('reschedule: 1503 on the first attempt is still a ConflictError', async () => {
    script(`${HOST}/UpdateWorkorder/`, noChange);
    const rescheduled = host().workOrders.reschedule({ rowId: 7 }, { date: '2025-03-20' });
    await expect(rescheduled).rejects.toBeInstanceOf(ConflictError);
  });

  it('contracts delete: a 404 on the retry means the first attempt deleted it — success', async () => {
    const calls = script(`${API}/contracts/C-1`, () => HttpResponse.error(), apiError(404, 'not-found'));
    await expect(api().contracts.delete('C-1', { etag: '"3"' })).resolves.toBeUndefined();
    expect(calls.calls).toBe(2);
    script(`${API}/terms/T-1`, () => new HttpResponse(null, { status: 503 }), apiError(404, 'not-found'));
    await expect(api().terms.delete('T-1')).resolves.toBeUndefined();
  });

  it('contracts update: a 412 on the retry says the lost attempt may have been applied', async () => {
    script(`${API}/contracts/C-1`, () => HttpResponse.error(), apiError(412, 'precondition-failed'));
    const updated = api().contracts.update('C-1', { description: 'x' }, { etag: '"3"' });
    const error = await updated.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/earlier attempt .*may have been applied/);
  });
});
