import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBody, rawRows, sendSigned, signed, startPowerUp, type Running } from './harness.js';

let running: Running;
beforeAll(async () => {
  running = await startPowerUp();
});
afterAll(() => running?.powerUp.close());

let counter = 0;
const tenantId = (label: string) => `${label}-${++counter}`;

/** Everything the database holds about tenants and requests, to prove a refused request wrote nothing. */
async function snapshot() {
  return {
    tenants: await rawRows(running, 'tenants'),
    credentials: await rawRows(running, 'tenant_credentials'),
    apiKeys: await rawRows(running, 'api_keys'),
    requests: await rawRows(running, 'marketplace_requests'),
  };
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; path: string[] } }).error;
}

describe('POST /marketplace/install', () => {
  it('creates the tenant, seals its credentials (no plaintext in the row) and shows an API key once', async () => {
    const body = installBody(tenantId('acme'));
    const response = await sendSigned(running, '/marketplace/install', body);
    expect(response.status).toBe(201);
    const result = (await response.json()) as { tenantId: string; created: boolean; apiKey: string };
    expect(result).toMatchObject({ tenantId: body.tenantId, status: 'installed', created: true });
    expect(result.apiKey).toMatch(/^cb_live_[A-Za-z0-9_-]{43}$/);

    expect(await running.powerUp.store.tenants.get(body.tenantId)).toMatchObject({
      name: body.tenantName,
      status: 'installed',
      hostBaseUrl: body.hostBaseUrl,
    });
    const [row] = (await rawRows(running, 'tenant_credentials')).filter((r) => r.tenant_id === body.tenantId);
    expect(row).toMatchObject({ key_id: 'k-current' });
    const dump = JSON.stringify(row);
    for (const secret of [body.hostTokens.token, body.hostTokens.softwareToken, body.webhookSecret]) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(Buffer.from(secret).toString('base64'));
    }
    expect(JSON.stringify(await rawRows(running, 'api_keys'))).not.toContain(result.apiKey);
    expect(await running.powerUp.credentialsFor(body.tenantId)).toEqual({
      hostTokens: body.hostTokens,
      webhookSecret: body.webhookSecret,
    });
  });

  it('is idempotent for the same tenant: a repeat replaces the credentials and issues no second key', async () => {
    const first = installBody(tenantId('repeat'));
    expect((await sendSigned(running, '/marketplace/install', first)).status).toBe(201);
    running.clock.advance(1);
    const second = { ...installBody(first.tenantId), tenantName: 'Renamed' };
    const response = await sendSigned(running, '/marketplace/install', second);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ created: false, apiKey: null });
    expect((await running.powerUp.credentialsFor(first.tenantId))?.hostTokens).toEqual(second.hostTokens);
    expect((await running.powerUp.store.tenants.get(first.tenantId))?.name).toBe('Renamed');
    expect(await running.powerUp.store.forTenant(first.tenantId).apiKeys.list()).toHaveLength(1);
  });

  it('installs a new tenant once when two installs of it arrive at the same time', async () => {
    const body = installBody(tenantId('twice'));
    const responses = await Promise.all([
      sendSigned(running, '/marketplace/install', body),
      sendSigned(running, '/marketplace/install', { ...body, tenantName: 'Second' }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 201]);
    expect(await running.powerUp.store.forTenant(body.tenantId).apiKeys.list()).toHaveLength(1);
  });

  it('refuses a forged signature and stores nothing', async () => {
    const before = await snapshot();
    const body = installBody(tenantId('forged'));
    const response = await sendSigned(running, '/marketplace/install', body, { secret: 'not-the-marketplace-secret' });
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({
      code: 'invalid-signature',
      path: ['signature'],
      message: expect.stringMatching(/signature does not match/),
    });
    const unsigned = await fetch(`${running.url}/marketplace/install`, { method: 'POST', body: JSON.stringify(body) });
    expect(unsigned.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body changed after signing', async () => {
    const before = await snapshot();
    const request = await signed(running, '/marketplace/install', installBody(tenantId('tampered')));
    const tampered = request.body.replace('https://host.example', 'https://evil.example');
    const response = await fetch(`${running.url}/marketplace/install`, {
      method: 'POST',
      body: tampered,
      headers: request.headers,
    });
    expect(response.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a request signed too long ago, or dated in the future, and stores nothing', async () => {
    const before = await snapshot();
    const body = installBody(tenantId('old'));
    const old = await sendSigned(running, '/marketplace/install', body, {
      timestamp: running.clock.unixSeconds() - 301,
    });
    expect(old.status).toBe(401);
    expect((await errorOf(old)).message).toMatch(/signed 301 s ago, more than 300 s: sign it again/);
    const ahead = await sendSigned(running, '/marketplace/install', body, {
      timestamp: running.clock.unixSeconds() + 600,
    });
    expect(ahead.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a replayed request, even within the time tolerance, and changes nothing', async () => {
    const body = installBody(tenantId('replay'));
    const install = await signed(running, '/marketplace/install', body);
    expect((await install.send()).status).toBe(201);
    running.clock.advance(1);
    expect((await sendSigned(running, '/marketplace/uninstall', { tenantId: body.tenantId })).status).toBe(200);

    const before = await snapshot();
    const replay = await install.send();
    expect(replay.status).toBe(409);
    expect(await errorOf(replay)).toMatchObject({ code: 'replayed-request', path: ['signature'] });
    expect(await snapshot()).toEqual(before);
    expect((await running.powerUp.store.tenants.get(body.tenantId))?.status).toBe('uninstalled');
  });

  it('refuses a malformed body, naming the field without echoing secrets, and stores nothing', async () => {
    const before = await snapshot();
    const body = installBody(tenantId('malformed'));
    const { hostTokens, ...withoutTokens } = body;
    const missing = await sendSigned(running, '/marketplace/install', withoutTokens);
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({ code: 'invalid-input', path: ['hostTokens'] });

    const badUrl = await sendSigned(running, '/marketplace/install', {
      ...body,
      hostBaseUrl: `ftp://${hostTokens.token}`,
    });
    expect(badUrl.status).toBe(400);
    const badUrlError = await errorOf(badUrl);
    expect(badUrlError.path).toEqual(['hostBaseUrl']);
    expect(JSON.stringify(badUrlError)).not.toContain(hostTokens.token);

    const notJson = await sendSigned(running, '/marketplace/install', '{ "tenantId": ');
    expect(notJson.status).toBe(400);
    expect(await errorOf(notJson)).toMatchObject({ code: 'invalid-input', path: ['body'] });

    const badId = await sendSigned(running, '/marketplace/install', { ...body, tenantId: '../etc' });
    expect(await errorOf(badId)).toMatchObject({ code: 'invalid-input', path: ['tenantId'] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const body = { ...installBody(tenantId('huge')), padding: 'x'.repeat(1024 * 1024) };
    const request = await signed(running, '/marketplace/install', body);
    // A connection of its own: the server answers before reading the whole body, and then closes the connection,
    // which a pooled fetch connection would carry into the next test.
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const outgoing = http.request(
        `${running.url}/marketplace/install`,
        { method: 'POST', headers: request.headers, agent: false },
        (incoming) => {
          let text = '';
          incoming.setEncoding('utf8');
          incoming.on('data', (chunk: string) => (text += chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
        },
      );
      // A reset after the answer (the body still being written) rejects nothing: the promise has settled.
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
    expect(status).toBe(413);
    expect(JSON.parse(text).error.code).toBe('payload-too-large');
  });
});

describe('POST /marketplace/uninstall', () => {
  it('removes the credentials and API keys, keeps the data for the retention period, and reinstalls', async () => {
    const body = installBody(tenantId('leaving'));
    const installed = (await (await sendSigned(running, '/marketplace/install', body)).json()) as { apiKey: string };
    const tenantStore = running.powerUp.store.forTenant(body.tenantId);
    await tenantStore.terms.put(
      {
        code: 'JAAR',
        name: 'Jaarcontract',
        description: '',
        autoExtend: true,
        period: { count: 1, unit: 'year' },
        noticeBeforeCancellation: { count: 1, unit: 'month' },
        invoicePeriod: { count: 1, unit: 'month' },
      },
      { actor: 'test', at: running.clock.now().toISOString() },
    );
    running.clock.advance(5);

    const response = await sendSigned(running, '/marketplace/uninstall', { tenantId: body.tenantId });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      tenantId: body.tenantId,
      status: 'uninstalled',
      uninstalledAt: running.clock.now().toISOString(),
      retentionDays: 30,
      purgeableAfter: new Date(running.clock.now().getTime() + 30 * 24 * 3600 * 1000).toISOString(),
    });
    expect((await rawRows(running, 'tenant_credentials')).map((r) => r.tenant_id)).not.toContain(body.tenantId);
    expect(await running.powerUp.credentialsFor(body.tenantId)).toBeUndefined();
    const denied = await fetch(`${running.url}/api/v1/tenant`, {
      headers: { authorization: `Bearer ${installed.apiKey}` },
    });
    expect(denied.status).toBe(401);
    expect(await tenantStore.terms.get('JAAR')).toBeDefined();

    // Rotating an uninstalled tenant's credentials is refused: it has none.
    const rotate = await sendSigned(running, '/marketplace/rotate', {
      tenantId: body.tenantId,
      webhookSecret: 'whsec_new-secret-0123456789',
    });
    expect(rotate.status).toBe(409);
    expect((await errorOf(rotate)).code).toBe('not-installed');

    running.clock.advance(1);
    const again = await sendSigned(running, '/marketplace/install', body);
    expect(again.status).toBe(200);
    const reinstalled = (await again.json()) as { apiKey: string | null };
    expect(reinstalled.apiKey).toMatch(/^cb_live_/);
    expect(await tenantStore.terms.get('JAAR')).toBeDefined();
  });

  it('purges the data only after the retention period', async () => {
    const body = installBody(tenantId('purged'));
    await sendSigned(running, '/marketplace/install', body);
    await sendSigned(running, '/marketplace/uninstall', { tenantId: body.tenantId });
    running.clock.advance(29 * 24 * 3600);
    expect(await running.powerUp.purgeExpiredTenants()).not.toContain(body.tenantId);
    running.clock.advance(24 * 3600);
    expect(await running.powerUp.purgeExpiredTenants()).toContain(body.tenantId);
    expect(await running.powerUp.store.tenants.get(body.tenantId)).toBeUndefined();
  });

  it('says not-found for a tenant that was never installed', async () => {
    const response = await sendSigned(running, '/marketplace/uninstall', { tenantId: 'never-installed' });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).path).toEqual(['tenantId']);
  });
});

describe('POST /marketplace/rotate', () => {
  it('replaces the host tokens and keeps the webhook secret when only the tokens are sent', async () => {
    const body = installBody(tenantId('rotating'));
    await sendSigned(running, '/marketplace/install', body);
    const before = (await rawRows(running, 'tenant_credentials')).find((r) => r.tenant_id === body.tenantId);
    const hostTokens = { token: 'tok-rotated-1', softwareToken: 'sw-rotated-1' };
    const response = await sendSigned(running, '/marketplace/rotate', { tenantId: body.tenantId, hostTokens });
    expect(response.status).toBe(200);
    expect(await running.powerUp.credentialsFor(body.tenantId)).toEqual({
      hostTokens,
      webhookSecret: body.webhookSecret,
    });
    const after = (await rawRows(running, 'tenant_credentials')).find((r) => r.tenant_id === body.tenantId);
    expect(after?.iv).not.toBe(before?.iv);
    expect(JSON.stringify(after)).not.toContain('tok-rotated-1');

    const nothing = await sendSigned(running, '/marketplace/rotate', { tenantId: body.tenantId });
    expect(nothing.status).toBe(400);
    expect((await errorOf(nothing)).path).toEqual(['hostTokens']);
  });
});
