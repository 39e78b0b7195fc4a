import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createContractsClient, createHostClient } from '../src/index.js';
import { envelope, startLoopback, type Loopback } from './support/loopback.js';

const TOKEN = 'client-token-redirect-91';
const SOFTWARE = 'software-token-redirect-42';
const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The configured host, which redirects everything to `target` keeping path and query, and another origin. */
async function hostRedirectingTo(status: number, other: 'other-origin' | 'same-origin') {
  const elsewhere = await startLoopback((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(envelope([{ workorder_no: 'EVIL-1', row_id: 666 }]));
  });
  servers.push(elsewhere);
  const configured = await startLoopback((req, res) => {
    if (req.url?.startsWith('/moved/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(envelope([{ workorder_no: 'WO-1', row_id: 1 }]));
    }
    const target = other === 'other-origin' ? `${elsewhere.origin}${req.url}` : `/moved${req.url}`;
    res.writeHead(status, { location: target });
    res.end();
  });
  servers.push(configured);
  const host = createHostClient({ token: TOKEN, softwareToken: SOFTWARE, baseUrl: configured.baseUrl, maxRetries: 0 });
  return { host, configured, elsewhere };
}

describe('redirects are refused, not followed', () => {
  for (const status of [301, 302, 307, 308]) {
    it(`a ${status} to another origin never reaches it: no body, no tokens, an error naming the Location`, async () => {
      const { host, elsewhere } = await hostRedirectingTo(status, 'other-origin');
      const error = await host.workOrders.create({ WorkorderNo: 'WO-1' } as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status, isRetryable: false });
      expect(elsewhere.requests).toHaveLength(0);
      const message = (error as Error).message;
      expect(message).toContain(`${elsewhere.origin}/openapi/8/PostWorkorders/`);
      expect(message).toMatch(/redirect/i);
      for (const output of [message, JSON.stringify(error), String((error as Error).stack)]) {
        expect(output).not.toContain(TOKEN);
        expect(output).not.toContain(SOFTWARE);
      }
    });
  }

  it('a redirect within the configured origin is refused too (set baseUrl to the final address)', async () => {
    const { host, configured } = await hostRedirectingTo(307, 'same-origin');
    const error = await host.employees.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/baseUrl/);
    expect(configured.requests).toHaveLength(1);
  });

  it('a Location with credentials in its user info shows without them', async () => {
    const configured = await startLoopback((_req, res) => {
      res.writeHead(302, { location: `http://admin:hunter2-secret@elsewhere.invalid/x?token=${TOKEN}&page=2` });
      res.end();
    });
    servers.push(configured);
    const api = createContractsClient({ baseUrl: configured.origin, apiKey: 'cb_key_redirect_5678', maxRetries: 0 });
    const error = await api.terms.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const message = (error as Error).message;
    expect(message).toContain('http://elsewhere.invalid/x');
    expect(message).not.toContain('hunter2-secret');
    expect(message).not.toContain(TOKEN);
  });
});
