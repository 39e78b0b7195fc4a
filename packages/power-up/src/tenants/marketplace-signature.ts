import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The header the marketplace signs with: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>." + raw body>`, the same
 * scheme as Contractbeheer webhooks, so `signWebhook` from `@contractbeheer/sdk/webhooks` signs valid requests.
 */
export const MARKETPLACE_SIGNATURE_HEADER = 'x-contractbeheer-signature';
/** How far a request's timestamp may lie from now, either way. */
export const MARKETPLACE_TOLERANCE_SECONDS = 300;

export type SignatureCheck =
  | {
      ok: true;
      /** The matched signature: unique per timestamp and body, so it identifies the request for replay checks. */
      requestId: string;
    }
  | { ok: false; reason: 'missing-signature' | 'bad-signature' | 'too-old' | 'in-future'; message: string };

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * Verifies a marketplace request before anything in it is trusted: signature first (so only an authentic request
 * can be called "too old"), then the timestamp. Returns a result; never throws on what came from the network.
 */
export function verifyMarketplaceSignature(input: {
  rawBody: string;
  header: string | undefined;
  secret: string;
  nowMs: number;
  toleranceSeconds?: number;
}): SignatureCheck {
  const tolerance = input.toleranceSeconds ?? MARKETPLACE_TOLERANCE_SECONDS;
  const parts = (input.header ?? '').split(',').map((part) => part.trim().split('='));
  const stamps = parts.filter(([key]) => key === 't').map(([, value]) => value ?? '');
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => (value ?? '').toLowerCase());
  if (stamps.length !== 1 || !/^\d{1,12}$/.test(stamps[0]!) || signatures.length === 0) {
    return {
      ok: false,
      reason: 'missing-signature',
      message: `sign the request: send ${MARKETPLACE_SIGNATURE_HEADER}: t=<unix seconds>,v1=<HMAC-SHA256 hex>.`,
    };
  }
  const timestamp = stamps[0]!;
  const expected = createHmac('sha256', input.secret).update(`${timestamp}.`).update(input.rawBody, 'utf8').digest();
  const matched = signatures.find(
    (candidate) => HEX_SHA256.test(candidate) && timingSafeEqual(Buffer.from(candidate, 'hex'), expected),
  );
  if (matched === undefined) {
    return {
      ok: false,
      reason: 'bad-signature',
      message: 'the signature does not match: sign the exact body with the marketplace secret of this power-up.',
    };
  }
  const age = Math.floor(input.nowMs / 1000) - Number(timestamp);
  if (age > tolerance) {
    return {
      ok: false,
      reason: 'too-old',
      message: `the request was signed ${age} s ago, more than ${tolerance} s: sign it again just before sending.`,
    };
  }
  if (-age > tolerance) {
    return {
      ok: false,
      reason: 'in-future',
      message: `the request is dated ${-age} s ahead, more than ${tolerance} s: check the sender's clock (NTP).`,
    };
  }
  return { ok: true, requestId: matched };
}
