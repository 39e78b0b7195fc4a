import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostClient, TimeoutError } from '../src/index.js';
import { envelope, startLoopback, type Loopback } from './support/loopback.js';

// The attempt has one AbortController: the deadline and the caller's signal both abort it (no `AbortSignal.any`).
// These tests show that both really stop the fetch, not only the wait for it, and that a caller's signal is left clean.

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tokens = { token: 'client-token-abort', softwareToken: 'software-token-abort' };

/** Resolves when the server sees the client close the connection of the request it is holding. */
function connectionClosed(): {
  closed: Promise<void>;
  onRequest: (res: { on(e: 'close', f: () => void): void }) => void;
} {
  let onClose: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (onClose = resolve));
  return { closed, onRequest: (res) => res.on('close', onClose) };
}

describe("the caller's signal stops the attempt itself", () => {
  it('an abort while the body stalls ends the call with its reason and closes the connection', async () => {
    const watch = connectionClosed();
    server = await startLoopback((_req, res) => {
      watch.onRequest(res);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"code":200,"messages":[],"response":['); // …and never more
    });
    const client = createHostClient({ ...tokens, baseUrl: server.baseUrl, timeoutMs: 30_000, maxRetries: 0 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = client.employees.list({ signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(new Error('stopped by the caller')), 100);
    const error = await pending;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('stopped by the caller');
    expect(error).not.toBeInstanceOf(TimeoutError);
    await watch.closed; // the fetch was aborted, not merely left behind
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('an abort before the headers closes the connection too', async () => {
    const watch = connectionClosed();
    server = await startLoopback((_req, res) => watch.onRequest(res)); // never answers
    const client = createHostClient({ ...tokens, baseUrl: server.baseUrl, timeoutMs: 30_000, maxRetries: 0 });
    const controller = new AbortController();
    const pending = client.employees.list({ signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(new Error('stopped before the headers')), 100);
    expect(((await pending) as Error).message).toBe('stopped before the headers');
    await watch.closed;
  });

  it('a signal reused for many calls keeps no listener from any of them', async () => {
    server = await startLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(envelope([{ number: '17', firstname: 'Sanne' }]));
    });
    const client = createHostClient({ ...tokens, baseUrl: server.baseUrl });
    const controller = new AbortController();
    for (let i = 0; i < 5; i++) await client.employees.list({ signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('a custom fetch gets the attempt’s signal', () => {
  it('the signal it is given aborts at the deadline', async () => {
    const seen: AbortSignal[] = [];
    const waitsForItsSignal: typeof fetch = (_input, init) =>
      new Promise<Response>((_, reject) => {
        const signal = init?.signal ?? undefined;
        if (signal) seen.push(signal);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as fetch does: the abort reason
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    const client = createHostClient({ ...tokens, fetch: waitsForItsSignal, timeoutMs: 150, maxRetries: 0 });
    await expect(client.employees.list()).rejects.toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.aborted).toBe(true);
  });
});
