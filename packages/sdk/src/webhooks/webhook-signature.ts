import { SignatureVerificationError, ValidationError } from '../errors/sdk-error.js';
import { SIGNATURE_HEADER, type HeaderSource } from './signature-header.js';
import {
  checkSignedRequest,
  hmacHex,
  signedBytes,
  usableSecrets,
  unixSeconds,
  verifierSettings,
} from './signed-request.js';
import { webhookEventSchema, type WebhookEvent } from './webhook-event.js';

export { SIGNATURE_HEADER, type HeaderSource } from './signature-header.js';

/**
 * @deprecated No longer sent: the signature does not cover it, so a receiver could be made to trust any id. Use
 * `event.id` from the verified body to de-duplicate.
 */
export const EVENT_ID_HEADER = 'x-contractbeheer-event-id';

/** Why a delivery was refused; each reason has a message that says what to check. */
export type VerifyFailure =
  | 'missing-header'
  | 'malformed-header'
  | 'malformed-timestamp'
  | 'bad-signature'
  | 'too-old'
  | 'timestamp-in-future'
  | 'malformed-body';
export type VerifyResult = { ok: true; event: WebhookEvent } | { ok: false; reason: VerifyFailure; message: string };

/**
 * Signs a payload for delivery: returns the exact body to send and the headers that go with it. Throws a
 * `ValidationError` for input it cannot sign (no usable secret, no payload, an invalid timestamp).
 *
 * @example
 * const { body, headers } = await signWebhook({ payload: event, secret: 'whsec_…' });
 * await fetch(url, { method: 'POST', body, headers });
 */
export async function signWebhook(input: {
  payload: string | object;
  /** One secret, or several while rotating (blank entries are skipped). */
  secret: string | readonly string[];
  /** Unix seconds or a Date; default now. */
  timestamp?: number | Date;
}): Promise<{ body: string; headers: Record<string, string> }> {
  const where = 'signWebhook';
  if (input === null || typeof input !== 'object') throw new ValidationError(`${where}: pass { payload, secret }.`);
  const secrets = usableSecrets(input.secret, where);
  const timestamp =
    input.timestamp === undefined ? Math.floor(Date.now() / 1000) : unixSeconds(input.timestamp, where, 'timestamp');
  const { payload } = input;
  let body: unknown;
  if (typeof payload === 'string') body = payload;
  else if (payload !== null && typeof payload === 'object') {
    try {
      body = JSON.stringify(payload);
    } catch (cause) {
      throw new ValidationError(`${where}: the payload cannot be written as JSON (a cycle or a BigInt?).`, { cause });
    }
  }
  if (typeof body !== 'string') throw new ValidationError(`${where}: pass the payload as an object or a JSON string.`);
  const message = signedBytes(String(timestamp), body);
  const signatures = await Promise.all(secrets.map((secret) => hmacHex(secret, message)));
  return {
    body,
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: [`t=${timestamp}`, ...signatures.map((s) => `v1=${s}`)].join(','),
    },
  };
}

/**
 * Checks a delivery before anything is trusted, in this order: the signature header, the HMAC-SHA256 over
 * `"<t>."` and the *raw* body bytes with any of the current secrets (rotation: old and new both accepted), the
 * timestamp within the tolerance, and the body's shape. The signature comes first so that only an authentic
 * delivery can be "too old" or "in the future".
 *
 * Whatever arrives from the network (headers, body) gives `{ ok: false, reason, message }`, never a throw;
 * {@link constructEvent} is the throwing form. A mistake in the receiver's own settings (no usable secret, a
 * tolerance or `now` that is not a finite number) throws a `ValidationError` instead — it would refuse every
 * delivery, and a thrown error (an HTTP 500) makes the sender retry once it is fixed.
 *
 * De-duplicating deliveries by `event.id` is the receiver's job: a valid delivery may arrive more than once.
 */
export async function verifyWebhook(input: {
  rawBody: string | Uint8Array;
  headers: HeaderSource;
  /** The current secret, or several while rotating; blank entries are skipped. */
  secrets: string | readonly string[];
  /** How far the timestamp may lie from now, either way; default 300 s. */
  toleranceSeconds?: number;
  /** Unix milliseconds or a Date; default now. */
  now?: number | Date;
}): Promise<VerifyResult> {
  if (input === null || typeof input !== 'object') {
    throw new ValidationError('verifyWebhook: pass { rawBody, headers, secrets }.');
  }
  const settings = verifierSettings(input, 'verifyWebhook');
  const { rawBody } = input;
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    return {
      ok: false,
      reason: 'malformed-body',
      message:
        'rawBody must be the request body exactly as received (a string or bytes), not parsed JSON: read it before ' +
        'any JSON body parser runs.',
    };
  }
  const signed = await checkSignedRequest({ rawBody, headers: input.headers }, settings, {
    badSignature:
      'no signature matches: check the signing secret (during a rotation pass both), and pass the body unchanged.',
    tooOld: (age, tolerance) =>
      `the delivery is ${age} s old, more than the ${tolerance} s tolerance (replayed, or a clock is off).`,
    inFuture: (ahead, tolerance) =>
      `the delivery is dated ${ahead} s ahead, over the ${tolerance} s tolerance: check both clocks (NTP).`,
  });
  if (!signed.ok) return signed;
  let body: string;
  try {
    body = typeof rawBody === 'string' ? rawBody : new TextDecoder('utf-8', { fatal: true }).decode(rawBody);
  } catch {
    return { ok: false, reason: 'malformed-body', message: 'the signed body is not UTF-8 text.' };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'malformed-body', message: 'the signed body is not JSON.' };
  }
  const event = webhookEventSchema.safeParse(json);
  if (!event.success) {
    const issue = event.error.issues[0];
    return {
      ok: false,
      reason: 'malformed-body',
      message: `the event is not valid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    };
  }
  return { ok: true, event: event.data };
}

/**
 * Like {@link verifyWebhook}, but returns the event or throws a `SignatureVerificationError` that says what to fix
 * (and, like it, a `ValidationError` for the receiver's own settings).
 */
export async function constructEvent(input: Parameters<typeof verifyWebhook>[0]): Promise<WebhookEvent> {
  const result = await verifyWebhook(input);
  if (!result.ok) throw new SignatureVerificationError(`webhook ${result.reason}: ${result.message}`);
  return result.event;
}

/** Valid headers for a test delivery of `payload`, as a receiver under test would get them. */
export async function generateTestHeaders(input: {
  payload: string | object;
  secret: string | readonly string[];
  timestamp?: number | Date;
}): Promise<Record<string, string>> {
  return (await signWebhook(input)).headers;
}
