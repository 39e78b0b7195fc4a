import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticationError, ConnectionError, createHostClient, ValidationError } from '../src/index.js';
import {
  createHostSandbox,
  createSandboxMarketplace,
  startSandboxServer,
  type RunningSandbox,
} from '../src/testing.js';
import { signWebhook, verifySignedRequest } from '../src/webhooks.js';

const SECRET = 'mkt_test_secret_0123456789_abcdefghij';

type Received = { path: string; body: Record<string, unknown>; signature: string };

/**
 * A stand-in for the power-up's marketplace routes: it verifies each request with the shared signature scheme,
 * refuses a replayed signature (as the power-up does) and records what arrived.
 */
async function startReceiver(secret = SECRET) {
  const received: Received[] = [];
  const seen = new Set<string>();
  const server: Server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const check = await verifySignedRequest({ rawBody, headers: req.headers, secrets: secret });
    const reply = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
      res.end(JSON.stringify(body));
    };
    if (!check.ok) {
      reply(401, { error: { code: 'invalid-signature', message: check.message, path: ['signature'] } });
      return;
    }
    if (seen.has(check.signature)) {
      reply(409, { error: { code: 'replayed-request', message: 'sign anew', path: ['signature'] } });
      return;
    }
    seen.add(check.signature);
    const body = JSON.parse(rawBody) as Record<string, unknown>;
    received.push({ path: req.url ?? '', body, signature: check.signature });
    const tenantId = body.tenantId;
    if (req.url === '/marketplace/install') {
      reply(201, { tenantId, status: 'installed', created: true, apiKey: 'cb_live_example' });
    } else if (req.url === '/marketplace/uninstall') {
      reply(200, { tenantId, status: 'uninstalled', uninstalledAt: null, retentionDays: 30, purgeableAfter: null });
    } else {
      reply(200, { tenantId, rotated: true });
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((close) => close()));
});

async function setUp(options: { receiverSecret?: string; now?: () => Date } = {}) {
  const sandbox = createHostSandbox();
  const host: RunningSandbox = await startSandboxServer(sandbox);
  const receiver = await startReceiver(options.receiverSecret);
  cleanup.push(() => host.close(), receiver.close);
  const marketplace = createSandboxMarketplace({
    sandbox,
    hostBaseUrl: host.baseUrl,
    powerUpUrl: receiver.url,
    secret: SECRET,
    ...(options.now && { now: options.now }),
  });
  return { sandbox, host, receiver, marketplace };
}

describe('the sandbox marketplace installs a power-up by URL', () => {
  it('POSTs a signed install with the tenant, the sandbox URL, tokens that work there, and a new webhook secret', async () => {
    const { host, receiver, marketplace } = await setUp();
    const answer = await marketplace.install({ tenantId: 'demo', tenantName: 'Demo BV' });
    expect(answer).toMatchObject({ tenantId: 'demo', status: 'installed', created: true, apiKey: 'cb_live_example' });
    expect(answer.webhookSecret).toMatch(/^whsec_[0-9a-f]{48}$/);

    const [install] = receiver.received;
    expect(install?.path).toBe('/marketplace/install');
    expect(install?.body).toEqual({
      tenantId: 'demo',
      tenantName: 'Demo BV',
      hostBaseUrl: host.baseUrl,
      hostTokens: { token: expect.any(String), softwareToken: expect.any(String) },
      webhookSecret: answer.webhookSecret,
    });
    // The power-up can call the host with what it was given.
    const { hostTokens, hostBaseUrl } = install!.body as { hostTokens: { token: string; softwareToken: string } } & {
      hostBaseUrl: string;
    };
    const client = createHostClient({ ...hostTokens, baseUrl: hostBaseUrl, maxRetries: 0 });
    expect((await client.employees.list()).length).toBeGreaterThan(0);
    expect(marketplace.webhookSecrets.get('demo')).toBe(answer.webhookSecret);
  });

  it('signs a repeated identical request anew within the same second, so it is not refused as a replay', async () => {
    // A frozen clock: both requests are signed "in the same second", the case that would repeat a signature.
    const frozen = new Date();
    const live = await setUp({ now: () => frozen });
    const body = { tenantId: 'twice', tenantName: 'Twice', webhookSecret: 'x'.repeat(20) };
    await live.marketplace.install(body);
    await live.marketplace.install(body);
    const [first, second] = live.receiver.received;
    expect(second?.body).toEqual(first?.body);
    expect(second?.signature).not.toBe(first?.signature);
  });

  it('uninstalls and rotates with signed requests to the sibling URLs', async () => {
    const { receiver, marketplace } = await setUp();
    await marketplace.install({ tenantId: 'acme', tenantName: 'Acme' });
    const rotated = await marketplace.rotate('acme', { webhookSecret: true });
    expect(rotated).toMatchObject({ tenantId: 'acme', rotated: true });
    expect(rotated.webhookSecret).toMatch(/^whsec_/);
    expect(marketplace.webhookSecrets.get('acme')).toBe(rotated.webhookSecret);
    const tokens = { token: 'new-token', softwareToken: 'new-software-token' };
    await marketplace.rotate('acme', { hostTokens: tokens });
    expect(await marketplace.uninstall('acme')).toMatchObject({ tenantId: 'acme', status: 'uninstalled' });
    expect(marketplace.webhookSecrets.has('acme')).toBe(false);

    expect(receiver.received.map((r) => [r.path, r.body])).toEqual([
      ['/marketplace/install', expect.objectContaining({ tenantId: 'acme' })],
      ['/marketplace/rotate', { tenantId: 'acme', webhookSecret: rotated.webhookSecret }],
      ['/marketplace/rotate', { tenantId: 'acme', hostTokens: tokens }],
      ['/marketplace/uninstall', { tenantId: 'acme' }],
    ]);
  });

  it("a refusal is the SDK's error with the power-up's code and path; the secrets stay out of the message", async () => {
    const { marketplace } = await setUp({ receiverSecret: 'a-different-secret-of-the-power-up' });
    const error = await marketplace.install({ tenantId: 'demo', tenantName: 'Demo' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid-signature', path: ['signature'], requestId: 'req-1' });
    expect(String(error)).not.toContain(SECRET);
  });

  it('an unreachable power-up is a ConnectionError that says what to check', async () => {
    const { receiver, marketplace } = await setUp();
    await receiver.close();
    cleanup.splice(cleanup.indexOf(receiver.close), 1);
    const error = await marketplace.uninstall('demo').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/is the power-up running/);
  });

  it('refuses options it cannot work with before sending anything', () => {
    const sandbox = createHostSandbox();
    const base = {
      sandbox,
      hostBaseUrl: 'http://127.0.0.1:1/openapi/8',
      powerUpUrl: 'http://127.0.0.1:2',
      secret: SECRET,
    };
    expect(() => createSandboxMarketplace({ ...base, powerUpUrl: 'not a url' })).toThrow(ValidationError);
    expect(() => createSandboxMarketplace({ ...base, secret: ' ' })).toThrow(/marketplace secret/);
  });
});

describe('verifySignedRequest (the one signature definition, shared with webhooks)', () => {
  const now = Date.UTC(2026, 0, 15, 9, 0, 0);
  const at = Math.floor(now / 1000);

  it('accepts what signWebhook signs and names the matched signature', async () => {
    const { body, headers } = await signWebhook({ payload: { tenantId: 't' }, secret: SECRET, timestamp: at });
    const check = await verifySignedRequest({ rawBody: body, headers, secrets: SECRET, now });
    expect(check).toEqual({ ok: true, timestamp: at, signature: headers['x-contractbeheer-signature']!.slice(-64) });
  });

  it('refuses a changed body, a wrong secret, a stale or future timestamp and a missing header', async () => {
    const { body, headers } = await signWebhook({ payload: { tenantId: 't' }, secret: SECRET, timestamp: at });
    const verify = (input: Partial<Parameters<typeof verifySignedRequest>[0]>) =>
      verifySignedRequest({ rawBody: body, headers, secrets: SECRET, now, ...input });
    expect(await verify({ rawBody: body.replace('"t"', '"u"') })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await verify({ secrets: 'another-secret' })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await verify({ now: now + 301_000 })).toMatchObject({ ok: false, reason: 'too-old' });
    expect(await verify({ now: now - 301_000 })).toMatchObject({ ok: false, reason: 'timestamp-in-future' });
    expect(await verify({ headers: {} })).toMatchObject({ ok: false, reason: 'missing-header' });
    await expect(verify({ secrets: '' })).rejects.toThrow(ValidationError);
    // An unset setting read as null is refused, not taken for the default (the fuzz suite found it).
    await expect(verify({ toleranceSeconds: null as never })).rejects.toThrow(
      /toleranceSeconds must be a finite number/,
    );
  });
});
