import { signWebhook } from '@contractbeheer/sdk/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBody, rawRows, sendSigned, startPowerUp, type InstallBody, type Running } from '../api/harness.js';

/*
 * The webhook endpoint over real HTTP: what the host signs with the tenant's secret is stored once, before the 2xx;
 * everything else — forged, replayed too late, too old, another tenant's, malformed — is refused and stores nothing.
 */

let running: Running;
let acme: InstallBody;
let other: InstallBody;

beforeAll(async () => {
  running = await startPowerUp({ powerUp: { processEventsEveryMs: false } });
  acme = installBody('acme');
  other = installBody('other');
  for (const body of [acme, other]) {
    const response = await sendSigned(running, '/marketplace/install', body);
    expect(response.status).toBe(201);
  }
});
afterAll(() => running?.powerUp.close());

let counter = 0;
const statusEvent = (overrides: Record<string, unknown> = {}) => ({
  id: `evt_${++counter}`,
  type: 'workorder.status_changed',
  createdAt: '2026-01-15T09:00:00Z',
  data: { rowId: 7, workorderNo: 'CB-1', previousStatus: 'Klaargezet', status: 'Opgehaald' },
  ...overrides,
});

/** Signs `payload` as the host would (default: acme's secret, now) and posts it to `/webhooks/<tenant>`. */
async function deliver(
  payload: object | string,
  options: { tenant?: string; secret?: string | string[]; timestamp?: number; headers?: Record<string, string> } = {},
) {
  const signed = await signWebhook({
    payload,
    secret: options.secret ?? acme.webhookSecret,
    timestamp: options.timestamp ?? running.clock.unixSeconds(),
  });
  const send = () =>
    fetch(`${running.url}/webhooks/${options.tenant ?? 'acme'}`, {
      method: 'POST',
      body: signed.body,
      headers: { ...signed.headers, ...options.headers },
    });
  return { response: await send(), send };
}

async function inboxRows() {
  return (await rawRows(running, 'inbound_events')).map((row) => `${String(row.tenant_id)}/${String(row.event_id)}`);
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; path: string[]; message: string } }).error;
}

describe('POST /webhooks/{tenantId}', () => {
  it('stores a signed event once, answering 200 after it is stored; the same event again is a 200 duplicate', async () => {
    const event = statusEvent();
    const first = await deliver(event);
    expect(first.response.status).toBe(200);
    expect(await first.response.json()).toEqual({
      received: true,
      eventId: event.id,
      type: event.type,
      duplicate: false,
    });
    const rows = (await rawRows(running, 'inbound_events')).filter((row) => row.event_id === event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenant_id: 'acme', type: event.type, state: 'received', source: 'webhook' });
    expect(rows[0]!.payload).toEqual(event);

    // The host delivers it again (its retry after a lost answer): signed anew, same id.
    const again = await deliver(event);
    expect(again.response.status).toBe(200);
    expect(((await again.response.json()) as { duplicate: boolean }).duplicate).toBe(true);
    // The very same request replayed within the tolerance: the id de-duplicates it too.
    const replayed = await first.send();
    expect(replayed.status).toBe(200);
    expect((await inboxRows()).filter((row) => row === `acme/${event.id}`)).toHaveLength(1);
  });

  it('refuses a replay once the tolerance has passed, and a delivery signed too long ago', async () => {
    const event = statusEvent();
    const { response, send } = await deliver(event);
    expect(response.status).toBe(200);
    running.clock.advance(301);
    const late = await send();
    expect(late.status).toBe(401);
    expect((await errorOf(late)).code).toBe('invalid-signature');

    const old = statusEvent();
    const stale = await deliver(old, { timestamp: running.clock.unixSeconds() - 301 });
    expect(stale.response.status).toBe(401);
    expect((await errorOf(stale.response)).message).toMatch(/tolerance/);
    const future = await deliver(statusEvent(), { timestamp: running.clock.unixSeconds() + 301 });
    expect(future.response.status).toBe(401);
    expect(await inboxRows()).not.toContain(`acme/${old.id}`);
  });

  it('refuses forged and unsigned deliveries, and stores nothing', async () => {
    const before = await inboxRows();
    const forged = await deliver(statusEvent(), { secret: 'whsec_not-the-tenants-secret-at-all' });
    expect(forged.response.status).toBe(401);
    expect(await errorOf(forged.response)).toMatchObject({ code: 'invalid-signature', path: ['signature'] });

    const unsigned = await fetch(`${running.url}/webhooks/acme`, {
      method: 'POST',
      body: JSON.stringify(statusEvent()),
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);

    // The body changed after signing (one status swapped): the signature no longer matches.
    const signed = await signWebhook({
      payload: statusEvent(),
      secret: acme.webhookSecret,
      timestamp: running.clock.unixSeconds(),
    });
    const tampered = await fetch(`${running.url}/webhooks/acme`, {
      method: 'POST',
      body: signed.body.replace('Opgehaald', 'Compleet'),
      headers: signed.headers,
    });
    expect(tampered.status).toBe(401);
    expect(await inboxRows()).toEqual(before);
  });

  it("refuses another tenant's deliveries: signed with its secret, or naming it in the event", async () => {
    const before = await inboxRows();
    const withOthersSecret = await deliver(statusEvent(), { secret: other.webhookSecret });
    expect(withOthersSecret.response.status).toBe(401);
    const addressedToOther = await deliver(statusEvent({ tenantId: 'other' }));
    expect(addressedToOther.response.status).toBe(400);
    expect((await errorOf(addressedToOther.response)).path).toEqual(['body', 'tenantId']);
    // Acme's event sent to the other tenant's URL: signed with the wrong secret for that tenant.
    const wrongUrl = await deliver(statusEvent(), { tenant: 'other' });
    expect(wrongUrl.response.status).toBe(401);
    const unknown = await deliver(statusEvent(), { tenant: 'nobody' });
    expect(unknown.response.status).toBe(404);
    expect(await inboxRows()).toEqual(before);
    // Its own event, for the other tenant, goes in its own inbox.
    const own = statusEvent({ tenantId: 'other' });
    expect((await deliver(own, { tenant: 'other', secret: other.webhookSecret })).response.status).toBe(200);
    expect(await inboxRows()).toContain(`other/${own.id}`);
  });

  it('refuses malformed bodies that are correctly signed', async () => {
    const before = await inboxRows();
    for (const payload of [
      'not json at all',
      JSON.stringify({ id: 'x' }),
      JSON.stringify(statusEvent({ type: 'bogus' })),
    ]) {
      const { response } = await deliver(payload);
      expect(response.status).toBe(400);
      expect((await errorOf(response)).path).toEqual(['body']);
    }
    expect(await inboxRows()).toEqual(before);
  });

  it('accepts the previous secret for a day after a rotation, and the new one from the start', async () => {
    const rotated = `whsec_rotated-${counter}-0123456789abcdef`;
    const response = await sendSigned(running, '/marketplace/rotate', { tenantId: 'acme', webhookSecret: rotated });
    expect(response.status).toBe(200);
    expect((await deliver(statusEvent(), { secret: rotated })).response.status).toBe(200);
    expect((await deliver(statusEvent(), { secret: acme.webhookSecret })).response.status).toBe(200);
    // A sender mid-rotation signs with both: one match is enough.
    expect((await deliver(statusEvent(), { secret: [acme.webhookSecret, rotated] })).response.status).toBe(200);
    running.clock.advance(24 * 3600 + 1);
    const expired = statusEvent();
    expect((await deliver(expired, { secret: acme.webhookSecret })).response.status).toBe(401);
    expect((await deliver(statusEvent(), { secret: rotated })).response.status).toBe(200);
    expect(await inboxRows()).not.toContain(`acme/${expired.id}`);
  });

  it('refuses deliveries for an uninstalled tenant', async () => {
    const gone = installBody('gone');
    await sendSigned(running, '/marketplace/install', gone);
    await sendSigned(running, '/marketplace/uninstall', { tenantId: 'gone' });
    const { response } = await deliver(statusEvent(), { tenant: 'gone', secret: gone.webhookSecret });
    expect(response.status).toBe(409);
    expect((await inboxRows()).some((row) => row.startsWith('gone/'))).toBe(false);
  });
});
