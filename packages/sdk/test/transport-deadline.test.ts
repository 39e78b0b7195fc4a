import { afterEach, describe, expect, it } from 'vitest';
import { createContractsClient, createHostClient, TimeoutError } from '../src/index.js';
import { envelope, startLoopback, type Loopback } from './support/loopback.js';

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tokens = { token: 'client-token-deadline', softwareToken: 'software-token-deadline' };
const host = (baseUrl: string, maxRetries = 0) =>
  createHostClient({ ...tokens, baseUrl, timeoutMs: 300, maxRetries, random: () => 0 });

describe('the timeout covers the whole attempt, body included', () => {
  it('a host that sends headers and then stalls the body times out at timeoutMs', async () => {
    server = await startLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"code":200,"messages":[],"response":['); // …and never more
    });
    const started = Date.now();
    const error = await host(server.baseUrl)
      .employees.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('an announced Content-Length that never arrives times out too (the one-go read of an announced body)', async () => {
    server = await startLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"code":200,"messages":[],"response":['); // …and never the rest of the 1,000 bytes
    });
    const started = Date.now();
    const error = await host(server.baseUrl)
      .employees.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a body trickled a byte at a time is cut off at the deadline, on every attempt', async () => {
    const body = envelope([{ number: '17', firstname: 'Sanne' }]);
    server = await startLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent >= body.length) return clearInterval(timer);
        res.write(body[sent++]);
      }, 50);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const error = await host(server.baseUrl, 1)
      .employees.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('the contracts client has the same deadline (per-call timeout)', async () => {
    server = await startLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[');
    });
    const api = createContractsClient({ baseUrl: server.origin, apiKey: 'cb_key_deadline_1234', maxRetries: 0 });
    const started = Date.now();
    await expect(api.terms.list({ timeout: 250 })).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('the deadline holds whatever the fetch does', () => {
  it('a custom fetch that ignores its signal and never answers still times out', async () => {
    const never: typeof fetch = () => new Promise<Response>(() => undefined);
    const client = createHostClient({ ...tokens, fetch: never, timeoutMs: 200 });
    await expect(client.employees.list({ maxRetries: 0 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it("an already aborted caller's signal ends the call with its reason, not a timeout", async () => {
    const never: typeof fetch = () => new Promise<Response>(() => undefined);
    const client = createHostClient({ ...tokens, fetch: never, timeoutMs: 200 });
    const signal = AbortSignal.abort(new Error('stopped early'));
    await expect(client.employees.list({ signal })).rejects.toThrow('stopped early');
  });
});
