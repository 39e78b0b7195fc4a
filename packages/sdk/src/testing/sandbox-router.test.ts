import { describe, expect, it } from 'vitest';
import { envelope, envelopeResponse } from './sandbox-envelope.js';
import { SandboxRouter, type SandboxCall } from './sandbox-router.js';

const credentials = 'token=t0k&software_token=s0ft';

function router(options: { requireHttps?: boolean } = {}) {
  const calls: SandboxCall[] = [];
  const sandboxRouter = new SandboxRouter({
    token: 't0k',
    softwareToken: 's0ft',
    basePath: '/openapi/8',
    requireHttps: options.requireHttps ?? false,
    routes: {
      GetThing: (call) => {
        calls.push(call);
        return envelope(200, 'thing');
      },
    },
    fallback: () => envelope(1001),
  });
  return { sandboxRouter, calls };
}

const url = (path: string, query = credentials) => new URL(`https://host.example/openapi/8/${path}?${query}`);

describe('SandboxRouter: credentials', () => {
  it.each([
    ['no token', 'software_token=s0ft', 1002],
    ['no software token', 'token=t0k', 1003],
    ['a wrong token', 'token=nope&software_token=s0ft', 1004],
    ['a wrong software token', 'token=t0k&software_token=nope', 1005],
  ])('answers %s with code %i and neither routes nor logs the request', (_, query, code) => {
    const { sandboxRouter, calls } = router();
    expect(sandboxRouter.route('GET', url('GetThing', query), undefined).code).toBe(code);
    expect(calls).toEqual([]);
    expect(sandboxRouter.requests).toEqual([]);
  });

  it('answers 1006 to plain HTTP when HTTPS is required, and routes HTTPS', () => {
    const { sandboxRouter } = router({ requireHttps: true });
    expect(
      sandboxRouter.route('GET', new URL(`http://host.example/openapi/8/GetThing?${credentials}`), undefined).code,
    ).toBe(1006);
    const answer = sandboxRouter.route('GET', url('GetThing'), undefined);
    expect(answer).toEqual({ code: 200, messages: [], response: 'thing' });
  });

  it('answers 1000 outside the base path and for the base path itself', () => {
    const { sandboxRouter } = router();
    expect(
      sandboxRouter.route('GET', new URL(`https://host.example/other/GetThing?${credentials}`), undefined).code,
    ).toBe(1000);
    expect(sandboxRouter.route('GET', url(''), undefined).code).toBe(1000);
  });
});

describe('SandboxRouter: routing', () => {
  it('logs the request without credentials and gives the route the endpoint, query and parsed body', () => {
    const { sandboxRouter, calls } = router();
    sandboxRouter.route('POST', url('/GetThing/', `${credentials}&status=Alle`), '[{"a":"1"}]');
    expect(sandboxRouter.requests).toEqual([{ method: 'POST', endpoint: 'GetThing', query: { status: 'Alle' } }]);
    expect(calls[0]).toMatchObject({ method: 'POST', endpoint: 'GetThing', body: [{ a: '1' }] });
    expect(calls[0]?.query.get('status')).toBe('Alle');
  });

  it('hands an endpoint without a route to the fallback, including names of Object.prototype members', () => {
    const { sandboxRouter } = router();
    for (const endpoint of ['employees', 'constructor', '__proto__', 'toString']) {
      expect(sandboxRouter.route('GET', url(endpoint), undefined).code).toBe(1001);
    }
  });

  it.each([
    ['an empty body', '  ', 1008, 'Unable to fetch body'],
    ['a body that is not JSON', '{oops', 1009, 'Unable to parse body'],
    ['a JSON object instead of an array', '{"a":1}', 1009, 'Unable to parse body'],
    ['an array holding a non-object', '[{"a":1}, 2]', 1009, 'Unable to parse body'],
  ])('answers %s with %i before any route runs', (_, text, code, message) => {
    const { sandboxRouter, calls } = router();
    expect(sandboxRouter.route('POST', url('GetThing'), text)).toEqual({ code, messages: [message], response: null });
    expect(calls).toEqual([]);
  });
});

describe('envelopeResponse', () => {
  it('sends every envelope, error codes too, as HTTP 200 JSON', async () => {
    const response = envelopeResponse(envelope(1504, null, ['Status invalid']));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ code: 1504, messages: ['Status invalid'], response: null });
  });
});
