import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  installBody,
  MARKETPLACE_SECRET,
  sendSigned,
  startPowerUp,
  type InstallBody,
  type Running,
} from './harness.js';

let running: Running;
/** Every secret this file hands the power-up: none may appear in a log line. */
const secrets: string[] = [MARKETPLACE_SECRET];
let acme: { body: InstallBody; key: string };
let other: { body: InstallBody; key: string };

async function install(tenantId: string): Promise<{ body: InstallBody; key: string }> {
  const body = installBody(tenantId);
  const response = await sendSigned(running, '/marketplace/install', body);
  const { apiKey } = (await response.json()) as { apiKey: string };
  secrets.push(body.hostTokens.token, body.hostTokens.softwareToken, body.webhookSecret, apiKey);
  return { body, key: apiKey };
}

const get = (path: string, key?: string) =>
  fetch(`${running.url}${path}`, key === undefined ? {} : { headers: { authorization: `Bearer ${key}` } });

beforeAll(async () => {
  running = await startPowerUp();
  acme = await install('acme');
  other = await install('other');
});
afterAll(() => running?.powerUp.close());

describe('API keys and the tenant context', () => {
  it('resolves a key to its own tenant, and never to another', async () => {
    expect(await (await get('/api/v1/tenant', acme.key)).json()).toMatchObject({ id: 'acme', status: 'installed' });
    expect(await (await get('/api/v1/tenant', other.key)).json()).toMatchObject({ id: 'other' });
    const otherKeys = (await (await get('/api/v1/api-keys', other.key)).json()) as { data: { id: string }[] };
    const acmeKeys = (await (await get('/api/v1/api-keys', acme.key)).json()) as { data: { id: string }[] };
    expect(otherKeys.data).toHaveLength(1);
    expect(otherKeys.data.map((k) => k.id)).not.toContain(acmeKeys.data[0]!.id);

    // Another tenant's key cannot revoke this tenant's key: to it, the key does not exist.
    const revokeOthers = await fetch(`${running.url}/api/v1/api-keys/${acmeKeys.data[0]!.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${other.key}` },
    });
    expect(revokeOthers.status).toBe(404);
    expect((await get('/api/v1/tenant', acme.key)).status).toBe(200);
  });

  it('issues a key shown once (only a hint is listed), which authenticates until revoked', async () => {
    const created = await fetch(`${running.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${acme.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'CI pipeline' }),
    });
    expect(created.status).toBe(201);
    const { key, apiKey } = (await created.json()) as { key: string; apiKey: { id: string; hint: string } };
    secrets.push(key);
    expect(apiKey.hint).toBe(key.slice(-4));
    expect((await get('/api/v1/tenant', key)).status).toBe(200);
    expect(JSON.stringify(await (await get('/api/v1/api-keys', acme.key)).json())).not.toContain(key);

    const revoked = await fetch(`${running.url}/api/v1/api-keys/${apiKey.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${acme.key}` },
    });
    expect(revoked.status).toBe(200);
    const refused = await get('/api/v1/tenant', key);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect(await refused.json()).toEqual({
      error: { code: 'unauthenticated', message: expect.stringMatching(/Bearer cb_live_/), path: ['authorization'] },
    });
  });

  it('refuses requests without a key, with a malformed one, or with a made-up one', async () => {
    for (const key of [undefined, 'nonsense', `cb_live_${'A'.repeat(43)}`]) {
      const response = await get('/api/v1/tenant', key);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
    const validation = await fetch(`${running.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${acme.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    });
    expect(validation.status).toBe(400);
    // The field is the path; the message does not repeat it.
    expect(await validation.json()).toEqual({
      error: { code: 'invalid-input', message: 'name the key.', path: ['name'] },
    });
  });

  it('answers an unknown route with the error body and 404', async () => {
    const response = await get('/no/such/route');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not-found');
  });
});

describe('operations endpoints', () => {
  it('/healthz says the process is up; /readyz that the database answers', async () => {
    const health = await get('/healthz');
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await get('/readyz');
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('/openapi.json serves the contracts API document of the SDK', async () => {
    const response = await get('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown>; servers: unknown };
    expect(document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(document.paths)).toContain('/contracts/{id}');
    expect(document.servers).toEqual([{ url: '/api/v1' }]);
  });

  it('/metrics gives Prometheus text with request counts and durations by route and status', async () => {
    await get('/no/such/route');
    const response = await get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const sample =
      /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? -?([0-9.e+-]+|NaN|\+Inf|-Inf)$/;
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
      expect(line).toMatch(sample);
    }
    const count = (labels: string) =>
      Number(new RegExp(`^contractbeheer_http_requests_total\\{${labels}\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    expect(count('method="POST",route="/marketplace/install",status="201"')).toBeGreaterThanOrEqual(2);
    expect(count('method="GET",route="/api/v1/tenant",status="401"')).toBeGreaterThanOrEqual(1);
    // Unmatched paths share one label, so probing random URLs cannot grow the label set.
    expect(count('method="GET",route="unmatched",status="404"')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(
      new RegExp(
        '^contractbeheer_http_request_duration_seconds_bucket' +
          '\\{le="0.005",method="GET",route="/healthz",status="200"\\} \\d+$',
        'm',
      ),
    );
    expect(text).toContain('contractbeheer_process_cpu_user_seconds_total');
  });
});

describe('request ids', () => {
  it("answer every route in X-Request-Id: the caller's own when it is a sane token, else a new one", async () => {
    const send = (path: string, init: RequestInit = {}, requestId?: string) =>
      fetch(`${running.url}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${acme.key}`,
          'content-type': 'application/json',
          ...(requestId !== undefined && { 'x-request-id': requestId }),
        },
      });
    const body = JSON.stringify({
      id: 'RID-1',
      name: 'Storingen',
      type: 'corrective',
      startDate: '2026-01-01',
      debtorNumber: 'D1',
    });
    // A contracts API answer (built apart from the context), a 204, an error, and a route answered through the context.
    const created = await send('/api/v1/contracts', { method: 'POST', body }, 'create-1');
    expect([created.status, created.headers.get('x-request-id'), created.headers.get('etag')]).toEqual([
      201,
      'create-1',
      '"0"',
    ]);
    const deleted = await send('/api/v1/contracts/RID-1', { method: 'DELETE', headers: {} }, 'delete-1');
    expect(deleted.status).toBe(428);
    expect(deleted.headers.get('x-request-id')).toBe('delete-1');
    const gone = await fetch(`${running.url}/api/v1/contracts/RID-1`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${acme.key}`, 'if-match': '"0"', 'x-request-id': 'delete-2' },
    });
    expect([gone.status, gone.headers.get('x-request-id')]).toEqual([204, 'delete-2']);
    expect((await get('/healthz')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // Answered through the context too: a tenant route outside the contracts API, an unknown route, a refused key.
    const tenant = await send('/api/v1/tenant', {}, 'tenant-1');
    expect([tenant.status, tenant.headers.get('x-request-id')]).toEqual([200, 'tenant-1']);
    const unknown = await send('/api/v1/nothing-here', {}, 'unknown-1');
    expect([unknown.status, unknown.headers.get('x-request-id')]).toEqual([404, 'unknown-1']);
    const refused = await fetch(`${running.url}/api/v1/contracts`, { headers: { 'x-request-id': 'refused-1' } });
    expect([refused.status, refused.headers.get('x-request-id')]).toEqual([401, 'refused-1']);
    const odd = await send('/api/v1/contracts', {}, 'not a token; <script>');
    expect(odd.status).toBe(200);
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await send('/api/v1/contracts', {}, 'x'.repeat(129))).headers.get('x-request-id')).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });

  it('count each answer once in /metrics, scrape after scrape', async () => {
    const count = async () => {
      const text = await (await get('/metrics')).text();
      const labels = 'method="GET",route="/api/v1/contracts",status="200"';
      return Number(new RegExp(`^contractbeheer_http_requests_total\\{${labels}\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    };
    const before = await count();
    for (let i = 0; i < 3; i++) expect((await get('/api/v1/contracts', acme.key)).status).toBe(200);
    expect(await count()).toBe(before + 3);
    expect(await count()).toBe(before + 3);
  });
});

describe('logs', () => {
  it('are JSON lines with the request id, route and status, and hold no token, key or secret', async () => {
    const response = await fetch(`${running.url}/api/v1/tenant`, {
      headers: { authorization: `Bearer ${acme.key}`, 'x-request-id': 'req-from-the-caller' },
    });
    expect(response.headers.get('x-request-id')).toBe('req-from-the-caller');
    const lines = running.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        requestId: 'req-from-the-caller',
        route: '/api/v1/tenant',
        status: 200,
        method: 'GET',
      }),
    );
    // A handler's own line carries its request's id too (and once: the id is not repeated by a second child).
    const installed = lines.find((line) => line.msg === 'tenant installed' && line.tenantId === 'acme');
    expect(installed?.requestId).toEqual(expect.any(String));
    expect(running.logs.find((line) => line.includes('"tenant installed"') && line.includes('"acme"'))).toMatch(
      /^(?!.*"requestId".*"requestId")/,
    );

    // A careless log call with a whole credentials object is redacted too.
    running.powerUp.log.info({ hostTokens: acme.body.hostTokens, headers: { authorization: `Bearer ${acme.key}` } });
    const all = running.logs.join('\n');
    expect(all).toContain('[redacted]');
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});
