import { SIGNATURE_HEADER, verifySignedRequest } from '@contractbeheer/sdk/webhooks';

/**
 * The header the marketplace signs with: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>." + raw body>`, the same
 * scheme as Contractbeheer webhooks and defined once, in the SDK (`verifySignedRequest`, `signWebhook`), so
 * `signWebhook` from `@contractbeheer/sdk/webhooks` signs valid requests.
 */
export const MARKETPLACE_SIGNATURE_HEADER = SIGNATURE_HEADER;
/** How far a request's timestamp may lie from now, either way. */
export const MARKETPLACE_TOLERANCE_SECONDS = 300;

export type SignatureCheck =
  | {
      ok: true;
      /** The matched signature: unique per timestamp and body, so it identifies the request for replay checks. */
      requestId: string;
    }
  | { ok: false; reason: 'missing-signature' | 'bad-signature' | 'too-old' | 'in-future'; message: string };

/**
 * Verifies a marketplace request before anything in it is trusted: signature first (so only an authentic request
 * can be called "too old"), then the timestamp. Returns a result; never throws on what came from the network.
 */
export async function verifyMarketplaceSignature(input: {
  rawBody: string;
  header: string | undefined;
  secret: string;
  nowMs: number;
  toleranceSeconds?: number;
}): Promise<SignatureCheck> {
  const check = await verifySignedRequest({
    rawBody: input.rawBody,
    headers: input.header === undefined ? {} : { [MARKETPLACE_SIGNATURE_HEADER]: input.header },
    secrets: input.secret,
    now: input.nowMs,
    toleranceSeconds: input.toleranceSeconds ?? MARKETPLACE_TOLERANCE_SECONDS,
    messages: {
      badSignature: 'the signature does not match: sign the exact body with the marketplace secret of this power-up.',
      tooOld: (age, tolerance) =>
        `the request was signed ${age} s ago, more than ${tolerance} s: sign it again just before sending.`,
      inFuture: (ahead, tolerance) =>
        `the request is dated ${ahead} s ahead, more than ${tolerance} s: check the sender's clock (NTP).`,
    },
  });
  if (check.ok) return { ok: true, requestId: check.signature };
  switch (check.reason) {
    case 'bad-signature':
    case 'too-old':
      return { ok: false, reason: check.reason, message: check.message };
    case 'timestamp-in-future':
      return { ok: false, reason: 'in-future', message: check.message };
    default:
      return {
        ok: false,
        reason: 'missing-signature',
        message: `sign the request: send ${MARKETPLACE_SIGNATURE_HEADER}: t=<unix seconds>,v1=<HMAC-SHA256 hex>.`,
      };
  }
}
