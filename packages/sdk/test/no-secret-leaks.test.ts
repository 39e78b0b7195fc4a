import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostClient } from '../src/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** Ways a call can fail; the server even echoes the token back in its messages, as a careless proxy might. */
const failures = [
  'http-404',
  'http-500',
  'app-1004',
  'app-1501',
  'network',
  'invalid-json',
  'not-an-envelope',
  'request-id-echo',
] as const;

function answer(kind: (typeof failures)[number], token: string): Response {
  switch (kind) {
    case 'http-404':
      return HttpResponse.json({ message: `no route for token ${token}` }, { status: 404 });
    case 'http-500':
      return new HttpResponse(`upstream failed for ${token}`, { status: 500 });
    case 'app-1004':
      return HttpResponse.json({ code: 1004, messages: [`token ${token} not authorized`], response: null });
    case 'app-1501':
      return HttpResponse.json({ code: 1501, messages: ['Required field missing: CustomerCity'], response: null });
    case 'network':
      return HttpResponse.error();
    case 'invalid-json':
      return new HttpResponse(`{"code": 200, "token": "${token}"`, { headers: { 'content-type': 'application/json' } });
    case 'not-an-envelope':
      return HttpResponse.json({ token });
    case 'request-id-echo':
      // A proxy that builds its request id from the URL, token and all.
      return new HttpResponse(null, {
        status: 502,
        headers: { 'x-request-id': `req-${encodeURIComponent(token)}-${token}` },
      });
  }
}

const secretArbitrary = fc.stringMatching(/^[A-Za-z0-9+/=_ .~-]{8,40}$/).filter((s) => s.trim().length >= 8);

describe('credentials never leak', () => {
  it('no token or software token appears in any error output or log line', async () => {
    await fc.assert(
      fc.asyncProperty(
        secretArbitrary,
        secretArbitrary,
        fc.constantFrom(...failures),
        async (token, softwareToken, kind) => {
          fc.pre(token !== softwareToken);
          server.resetHandlers(http.all('https://www.out-smart.com/openapi/8/*', () => answer(kind, token)));
          const lines: string[] = [];
          const host = createHostClient({
            token,
            softwareToken,
            maxRetries: 0,
            logger: {
              debug: (m, meta) => lines.push(m, JSON.stringify(meta ?? {})),
              warn: (m, meta) => lines.push(m, JSON.stringify(meta ?? {})),
            },
          });
          const error = (await host.employees.list().catch((e: unknown) => e)) as Error & {
            cause?: unknown;
            request?: unknown;
          };
          expect(error).toBeInstanceOf(Error);
          const cause = error.cause as Error | undefined;
          const outputs = [
            error.message,
            String(error),
            JSON.stringify(error),
            error.stack ?? '',
            cause?.message ?? '',
            cause?.stack ?? '',
            JSON.stringify(error.request ?? {}),
            (error as { requestId?: string }).requestId ?? '',
            ...lines,
          ];
          const forms = (secret: string) => [
            secret,
            encodeURIComponent(secret),
            new URLSearchParams({ s: secret }).toString().slice(2),
          ];
          for (const output of outputs) {
            for (const secret of [token, softwareToken]) {
              for (const form of forms(secret)) expect(output.includes(form), `leaked in: ${output}`).toBe(false);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
