// Issue 8, item 6: the verifier fails closed on every bad input, and the signer refuses input it cannot sign.
import { describe, expect, it } from 'vitest';
import { SignatureVerificationError, ValidationError } from '../src/index.js';
import { constructEvent, EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook, verifyWebhook } from '../src/webhooks.js';

const event = {
  id: 'evt_1',
  type: 'workorder.completed',
  createdAt: '2025-03-14T10:00:00Z',
  data: { rowId: 2100457, workorderNo: 'WO-1', status: 'Compleet' },
};
const secret = 'whsec_current_0123456789';
const now = Date.UTC(2025, 2, 14, 10, 0, 30);
const timestamp = Math.floor(now / 1000) - 30;
const aYearAgo = timestamp - 365 * 24 * 3600;

const delivery = (at = timestamp, payload: object | string = event) => signWebhook({ payload, secret, timestamp: at });

describe('verifyWebhook fails closed on a misconfigured receiver', () => {
  it.each([
    ['a NaN tolerance', { toleranceSeconds: Number.NaN, now }],
    ['an infinite tolerance', { toleranceSeconds: Number.POSITIVE_INFINITY, now }],
    ['a negative tolerance', { toleranceSeconds: -1, now }],
    ['a NaN now', { now: Number.NaN }],
    ['an invalid Date as now', { now: new Date('not a date') }],
  ])('%s throws a ValidationError instead of skipping the timestamp check', async (_, options) => {
    const { body, headers } = await delivery(aYearAgo);
    await expect(verifyWebhook({ rawBody: body, headers, secrets: secret, ...options })).rejects.toThrow(
      ValidationError,
    );
  });

  it.each([
    ['an empty secret', ''],
    ['an empty list', []],
    ['a list of blank secrets', ['', '  ']],
  ])('%s throws a ValidationError that names no secret', async (_, secrets) => {
    const { body, headers } = await delivery();
    const error = await verifyWebhook({ rawBody: body, headers, secrets, now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/secret/);
  });

  it('an empty new secret during a rotation is ignored: a correctly signed delivery still verifies', async () => {
    const { body, headers } = await delivery();
    expect(await verifyWebhook({ rawBody: body, headers, secrets: [secret, ''], now })).toMatchObject({ ok: true });
    expect(await verifyWebhook({ rawBody: body, headers, secrets: ['', secret], now })).toMatchObject({ ok: true });
  });
});

describe('verifyWebhook answers { ok: false, reason } for a bad delivery', () => {
  it.each([
    ['null headers', null, 'missing-header'],
    ['undefined headers', undefined, 'missing-header'],
    ['a numeric header value', { [SIGNATURE_HEADER]: 12345 }, 'malformed-header'],
    ['an object as header value', { [SIGNATURE_HEADER]: { t: 1 } }, 'malformed-header'],
    ['a huge header', { [SIGNATURE_HEADER]: `t=${timestamp},${'v1=00,'.repeat(100_000)}` }, 'malformed-header'],
  ])('%s', async (_, headers, reason) => {
    const { body } = await delivery();
    const result = await verifyWebhook({ rawBody: body, headers: headers as never, secrets: secret, now });
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('checks the signature before the timestamp: a forged old delivery is a bad signature', async () => {
    const { body } = await delivery();
    const headers = { [SIGNATURE_HEADER]: `t=${aYearAgo},v1=${'ab'.repeat(32)}` };
    expect(await verifyWebhook({ rawBody: body, headers, secrets: secret, now })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('a signed delivery from the future has its own reason', async () => {
    const { body, headers } = await delivery(timestamp + 900);
    expect(await verifyWebhook({ rawBody: body, headers, secrets: secret, now })).toMatchObject({
      ok: false,
      reason: 'timestamp-in-future',
    });
    const late = await delivery(timestamp - 900);
    expect(await verifyWebhook({ rawBody: late.body, headers: late.headers, secrets: secret, now })).toMatchObject({
      reason: 'too-old',
    });
  });

  it.each(['', 't=', 't=abc', 't=1e9', 't=-5', 't=17.5', `t=${timestamp},t=${timestamp + 1}`])(
    'a malformed t= (%j) has its own reason',
    async (stamp) => {
      const { body } = await delivery();
      const headers = { [SIGNATURE_HEADER]: `${stamp}${stamp === '' ? '' : ','}v1=${'ab'.repeat(32)}` };
      expect(await verifyWebhook({ rawBody: body, headers, secrets: secret, now })).toMatchObject({
        ok: false,
        reason: 'malformed-timestamp',
      });
    },
  );

  it('HMACs the raw bytes: a BOM added in transit breaks the signature', async () => {
    const { body, headers } = await delivery();
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
    expect(await verifyWebhook({ rawBody: bytes, headers, secrets: secret, now })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('HMACs the raw bytes: invalid UTF-8 does not verify as the replacement character that was signed', async () => {
    const signed = JSON.stringify({ ...event, data: { ...event.data, workorderNo: 'WO-\uFFFD' } });
    const { headers } = await delivery(timestamp, signed);
    const bytes = new TextEncoder().encode(signed.replace('\uFFFD', '\u0000'));
    bytes[bytes.indexOf(0)] = 0xff;
    expect(await verifyWebhook({ rawBody: bytes, headers, secrets: secret, now })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('signed bytes that are not UTF-8 are a malformed body', async () => {
    const signed = new Uint8Array([0x7b, 0xff, 0x7d]);
    const { headers } = await delivery(timestamp, 'placeholder');
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const message = new Uint8Array([...new TextEncoder().encode(`${timestamp}.`), ...signed]);
    const hex = Buffer.from(await crypto.subtle.sign('HMAC', key, message)).toString('hex');
    headers[SIGNATURE_HEADER] = `t=${timestamp},v1=${hex}`;
    expect(await verifyWebhook({ rawBody: signed, headers, secrets: secret, now })).toMatchObject({
      ok: false,
      reason: 'malformed-body',
    });
  });

  it('constructEvent throws a SignatureVerificationError for the new reasons', async () => {
    const { body, headers } = await delivery(timestamp + 900);
    await expect(constructEvent({ rawBody: body, headers, secrets: secret, now })).rejects.toThrow(
      SignatureVerificationError,
    );
    await expect(constructEvent({ rawBody: body, headers: null as never, secrets: secret, now })).rejects.toThrow(
      SignatureVerificationError,
    );
  });
});

describe('signWebhook validates its input', () => {
  it.each([
    ['no secret', { payload: event, secret: [] }],
    ['an empty secret', { payload: event, secret: '' }],
    ['a NaN timestamp', { payload: event, secret, timestamp: Number.NaN }],
    ['an invalid Date', { payload: event, secret, timestamp: new Date('not a date') }],
    ['a fractional timestamp', { payload: event, secret, timestamp: 1.5 }],
    ['a negative timestamp', { payload: event, secret, timestamp: -1 }],
    ['an undefined payload', { payload: undefined, secret }],
    ['a null payload', { payload: null, secret }],
    ['a payload JSON cannot represent', { payload: { toJSON: () => undefined }, secret }],
  ])('%s throws a ValidationError', async (_, input) => {
    await expect(signWebhook(input as never)).rejects.toThrow(ValidationError);
  });

  it('never sends a header without v1=, nor an event-id header the signature does not cover', async () => {
    const { headers } = await signWebhook({ payload: event, secret: ['', secret], timestamp });
    expect(headers[SIGNATURE_HEADER]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(headers).not.toHaveProperty(EVENT_ID_HEADER);
  });
});
