import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { requestHeader } from './request-header.js';

const app = new Hono<AppEnv>().get('/', (c) =>
  c.json({ key: requestHeader(c, 'authorization') ?? null, tags: requestHeader(c, 'x-tag') ?? null }),
);

describe('requestHeader', () => {
  it("reads Node's parsed headers when the request came through Node, repeats joined as fetch joins them", async () => {
    const incoming = { headers: { authorization: 'Bearer node', 'x-tag': ['a', 'b'] } } as unknown as IncomingMessage;
    // The fetch request's own headers are not looked at: Node's message is the request.
    const answer = await app.request('/', { headers: { authorization: 'Bearer fetch' } }, { incoming });
    expect(await answer.json()).toEqual({ key: 'Bearer node', tags: 'a, b' });
  });

  it("falls back to hono's reading without Node's message", async () => {
    const answer = await app.request('/', { headers: { authorization: 'Bearer fetch', 'x-tag': 'c' } });
    expect(await answer.json()).toEqual({ key: 'Bearer fetch', tags: 'c' });
    expect(await (await app.request('/')).json()).toEqual({ key: null, tags: null });
  });
});
