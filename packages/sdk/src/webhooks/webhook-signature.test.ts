import { describe, expect, it } from 'vitest';
import { SignatureVerificationError } from '../errors/sdk-error.js';
import {
  constructEvent,
  generateTestHeaders,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhook,
} from './webhook-signature.js';

const event = {
  id: 'evt_1',
  type: 'workorder.status_changed',
  createdAt: '2025-03-14T10:00:00Z',
  data: { rowId: 2100457, workorderNo: 'WO-1', previousStatus: 'Opgehaald', status: 'Compleet' },
};
const secret = 'whsec_current_0123456789';
const now = Date.UTC(2025, 2, 14, 10, 0, 30);
const timestamp = Math.floor(now / 1000) - 30;

async function delivery(overrides: { secret?: string | string[]; timestamp?: number; payload?: object | string } = {}) {
  return signWebhook({
    payload: overrides.payload ?? event,
    secret: overrides.secret ?? secret,
    timestamp: overrides.timestamp ?? timestamp,
  });
}

describe('webhooks', () => {
  it('a signed delivery verifies and yields the typed event', async () => {
    const { body, headers } = await delivery();
    const result = await verifyWebhook({ rawBody: body, headers, secrets: secret, now });
    expect(result).toEqual({ ok: true, event });
    // The event id travels only inside the signed body: an unsigned id header could be forged.
    expect(headers['x-contractbeheer-event-id']).toBeUndefined();
  });

  it('accepts bytes and a Headers object', async () => {
    const { body, headers } = await delivery();
    const result = await verifyWebhook({
      rawBody: new TextEncoder().encode(body),
      headers: new Headers(headers),
      secrets: [secret],
      now,
    });
    expect(result.ok).toBe(true);
  });

  it.each([
    [
      'a tampered body',
      async () => {
        const { body, headers } = await delivery();
        return { rawBody: body.replace('Compleet', 'Afgehandeld'), headers, secrets: secret };
      },
      'bad-signature',
    ],
    [
      'a wrong secret',
      async () => {
        const { body, headers } = await delivery();
        return { rawBody: body, headers, secrets: 'whsec_other_secret' };
      },
      'bad-signature',
    ],
    [
      'an old timestamp',
      async () => {
        const { body, headers } = await delivery({ timestamp: timestamp - 400 });
        return { rawBody: body, headers, secrets: secret };
      },
      'too-old',
    ],
    [
      'a timestamp from the future',
      async () => {
        const { body, headers } = await delivery({ timestamp: timestamp + 900 });
        return { rawBody: body, headers, secrets: secret };
      },
      'timestamp-in-future',
    ],
    [
      'missing headers',
      async () => {
        const { body } = await delivery();
        return { rawBody: body, headers: {}, secrets: secret };
      },
      'missing-header',
    ],
    [
      'a header without a signature',
      async () => {
        const { body } = await delivery();
        return { rawBody: body, headers: { [SIGNATURE_HEADER]: `t=${timestamp}` }, secrets: secret };
      },
      'missing-header',
    ],
    [
      'a parsed body passed by mistake',
      async () => {
        const { headers } = await delivery();
        return { rawBody: event as unknown as string, headers, secrets: secret };
      },
      'malformed-body',
    ],
    [
      'a signed body that is no event',
      async () => {
        const { body, headers } = await delivery({ payload: { hello: 'world' } });
        return { rawBody: body, headers, secrets: secret };
      },
      'malformed-body',
    ],
  ])('refuses %s', async (_, make, reason) => {
    const result = await verifyWebhook({ ...(await make()), now });
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(20);
  });

  it('secret rotation: a delivery signed with the old secret verifies while both are configured', async () => {
    const old = 'whsec_old_secret_98765';
    const { body, headers } = await delivery({ secret: old });
    expect((await verifyWebhook({ rawBody: body, headers, secrets: [secret, old], now })).ok).toBe(true);
    expect((await verifyWebhook({ rawBody: body, headers, secrets: [secret], now })).ok).toBe(false);
    // A sender in rotation signs with both; a receiver with either accepts.
    const both = await delivery({ secret: [secret, old] });
    expect((await verifyWebhook({ rawBody: both.body, headers: both.headers, secrets: old, now })).ok).toBe(true);
  });

  it('constructEvent throws a SignatureVerificationError that says what to fix', async () => {
    const { body, headers } = await delivery();
    await expect(constructEvent({ rawBody: body, headers, secrets: 'whsec_wrong_secret', now })).rejects.toThrow(
      SignatureVerificationError,
    );
    await expect(constructEvent({ rawBody: JSON.parse(body), headers, secrets: secret, now })).rejects.toThrow(
      /not parsed JSON/,
    );
    expect(await constructEvent({ rawBody: body, headers, secrets: secret, now })).toEqual(event);
  });

  it('generateTestHeaders produces headers a receiver accepts', async () => {
    const body = JSON.stringify(event);
    const headers = await generateTestHeaders({ payload: body, secret, timestamp });
    expect((await verifyWebhook({ rawBody: body, headers, secrets: secret, now })).ok).toBe(true);
  });
});
