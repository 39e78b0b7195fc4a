import { SignatureVerificationError, ValidationError } from '../errors/sdk-error.js';
import { parseSignatureHeader, SIGNATURE_HEADER, type HeaderSource } from './signature-header.js';
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

const DEFAULT_TOLERANCE_SECONDS = 300;
/** Unix seconds from 13 digits on are milliseconds passed by mistake (the year 5138 and later). */
const MAX_UNIX_SECONDS = 99_999_999_999;

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: Uint8Array): Promise<string> {
  const algorithm = { name: 'HMAC', hash: 'SHA-256' };
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), algorithm, false, ['sign']);
  const signature = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, message));
  let hex = '';
  for (const byte of signature) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** `"<t>."` followed by the body's bytes: what is signed is what travelled, not a decoding of it. */
function signedBytes(timestampText: string, body: string | Uint8Array): Uint8Array {
  const prefix = encoder.encode(`${timestampText}.`);
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const message = new Uint8Array(prefix.length + bytes.length);
  message.set(prefix);
  message.set(bytes, prefix.length);
  return message;
}

/** Compares in time independent of where the texts differ. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * The secrets to sign or verify with. A blank entry in a list is skipped, so an empty "new secret" during a rotation
 * (an unset environment variable) leaves the other one working; no usable secret at all is a configuration error,
 * thrown, because answering every delivery with a refusal would hide it. Messages never show a secret.
 */
function usableSecrets(value: unknown, where: string): string[] {
  if (typeof value !== 'string' && !Array.isArray(value)) {
    throw new ValidationError(`${where}: pass the signing secret as a string, or a list of strings while rotating.`);
  }
  const list: unknown[] = typeof value === 'string' ? [value] : value;
  const wrong = list.findIndex((secret) => typeof secret !== 'string');
  if (wrong >= 0) throw new ValidationError(`${where}: secret #${wrong + 1} is a ${typeof list[wrong]}: pass strings.`);
  const usable = (list as string[]).filter((secret) => secret.trim() !== '');
  if (usable.length === 0) {
    throw new ValidationError(`${where}: no usable secret (all are empty): set the webhook signing secret.`);
  }
  return usable;
}

/** Unix seconds from a Date or a number, in the range the verifier reads; anything else is a programmer error. */
function unixSeconds(value: unknown, where: string, name: string): number {
  if (value instanceof Date && Number.isNaN(value.getTime())) {
    throw new ValidationError(`${where}: ${name} is an invalid Date.`);
  }
  const seconds = value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
    // Only a number is shown: String() throws on some objects, and any other value could be a secret passed by mistake.
    const got = typeof seconds === 'number' ? String(seconds) : `a ${seconds === null ? 'null' : typeof seconds}`;
    throw new ValidationError(`${where}: ${name} must be a Date or whole unix seconds from 1970 on, got ${got}.`);
  }
  if (seconds > MAX_UNIX_SECONDS) {
    throw new ValidationError(`${where}: ${name} is past the year 5138 — milliseconds? Pass unix seconds or a Date.`);
  }
  return seconds;
}

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

/** The receiver's settings, checked before any delivery is looked at: a mistake here must never let one through. */
function verifierSettings(input: { secrets?: unknown; toleranceSeconds?: unknown; now?: unknown }) {
  const where = 'verifyWebhook';
  const secrets = usableSecrets(input.secrets, where);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new ValidationError(
      `${where}: toleranceSeconds must be a finite number of seconds, 0 or more (default 300).`,
    );
  }
  let nowMs: number;
  if (input.now === undefined) nowMs = Date.now();
  else if (input.now instanceof Date) nowMs = input.now.getTime();
  else nowMs = typeof input.now === 'number' ? input.now : Number.NaN;
  if (!Number.isFinite(nowMs)) throw new ValidationError(`${where}: now must be a valid Date or unix milliseconds.`);
  return { secrets, tolerance, nowSeconds: Math.floor(nowMs / 1000) };
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
  const { secrets, tolerance, nowSeconds } = verifierSettings(input);
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
  const header = parseSignatureHeader(input.headers);
  if (!('signatures' in header)) return { ok: false, ...header };
  const message = signedBytes(header.timestampText, rawBody);
  let matched = false;
  for (const secret of secrets) {
    const expected = await hmacHex(secret, message);
    if (header.signatures.some((candidate) => constantTimeEqual(candidate, expected))) matched = true;
  }
  if (!matched) {
    return {
      ok: false,
      reason: 'bad-signature',
      message:
        'no signature matches: check the signing secret (during a rotation pass both), and pass the body unchanged.',
    };
  }
  const age = nowSeconds - header.timestamp;
  if (age > tolerance) {
    return {
      ok: false,
      reason: 'too-old',
      message: `the delivery is ${age} s old, more than the ${tolerance} s tolerance (replayed, or a clock is off).`,
    };
  }
  if (-age > tolerance) {
    return {
      ok: false,
      reason: 'timestamp-in-future',
      message: `the delivery is dated ${-age} s ahead, over the ${tolerance} s tolerance: check both clocks (NTP).`,
    };
  }
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
