import { SignatureVerificationError } from '../errors/sdk-error.js';
import { webhookEventSchema, type WebhookEvent } from './webhook-event.js';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` — several `v1` while a secret is being rotated. */
export const SIGNATURE_HEADER = 'x-contractbeheer-signature';
export const EVENT_ID_HEADER = 'x-contractbeheer-event-id';

export type VerifyFailure = 'missing-header' | 'bad-signature' | 'too-old' | 'malformed-body';
export type VerifyResult = { ok: true; event: WebhookEvent } | { ok: false; reason: VerifyFailure; message: string };

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  let hex = '';
  for (const byte of signature) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Compares in time independent of where the texts differ. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

const seconds = (now: number | Date | undefined) => Math.floor((now instanceof Date ? now.getTime() : (now ?? Date.now())) / 1000);

/**
 * Signs a payload for delivery: returns the exact body to send and the headers that go with it.
 *
 * @example
 * const { body, headers } = await signWebhook({ payload: event, secret: 'whsec_…' });
 * await fetch(url, { method: 'POST', body, headers });
 */
export async function signWebhook(input: {
  payload: string | object;
  secret: string | readonly string[];
  /** Unix seconds or a Date; default now. */
  timestamp?: number | Date;
}): Promise<{ body: string; headers: Record<string, string> }> {
  const body = typeof input.payload === 'string' ? input.payload : JSON.stringify(input.payload);
  const timestamp = input.timestamp instanceof Date ? seconds(input.timestamp) : (input.timestamp ?? seconds(undefined));
  const secrets = typeof input.secret === 'string' ? [input.secret] : input.secret;
  const signatures = await Promise.all(secrets.map((secret) => hmacHex(secret, `${timestamp}.${body}`)));
  const id = typeof input.payload === 'object' && input.payload !== null && 'id' in input.payload ? String((input.payload as { id: unknown }).id) : undefined;
  return {
    body,
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: [`t=${timestamp}`, ...signatures.map((s) => `v1=${s}`)].join(','),
      ...(id !== undefined && { [EVENT_ID_HEADER]: id }),
    },
  };
}

/**
 * Checks a delivery before anything is trusted: the signature header, the HMAC over the *raw* body with any of the
 * current secrets (rotation: old and new both accepted), the timestamp within the tolerance, and the body's shape.
 * Returns `{ ok: false, reason, message }` rather than throwing; {@link constructEvent} is the throwing form.
 */
export async function verifyWebhook(input: {
  rawBody: string | Uint8Array;
  headers: HeaderSource;
  secrets: string | readonly string[];
  toleranceSeconds?: number;
  /** Unix milliseconds or a Date; default now. */
  now?: number | Date;
}): Promise<VerifyResult> {
  const { rawBody } = input;
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    return {
      ok: false,
      reason: 'malformed-body',
      message: 'rawBody must be the request body exactly as received (a string or bytes), not parsed JSON: read it before any JSON body parser runs.',
    };
  }
  const signature = header(input.headers, SIGNATURE_HEADER);
  if (signature === undefined || signature === '') {
    return { ok: false, reason: 'missing-header', message: `the ${SIGNATURE_HEADER} header is missing: is this request from Contractbeheer?` };
  }
  const parts = signature.split(',').map((part) => part.trim().split('=') as [string, string | undefined]);
  const timestamp = Number(parts.find(([k]) => k === 't')?.[1]);
  const candidates = parts.filter(([k, v]) => k === 'v1' && v !== undefined).map(([, v]) => v as string);
  if (!Number.isInteger(timestamp) || candidates.length === 0) {
    return { ok: false, reason: 'missing-header', message: `the ${SIGNATURE_HEADER} header has no t= timestamp or no v1= signature.` };
  }
  const tolerance = input.toleranceSeconds ?? 300;
  const age = seconds(input.now) - timestamp;
  if (Math.abs(age) > tolerance) {
    return { ok: false, reason: 'too-old', message: `the delivery is ${age} s old, more than the ${tolerance} s tolerance (replayed, or a clock is off).` };
  }
  const body = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  const secrets = typeof input.secrets === 'string' ? [input.secrets] : input.secrets;
  let matched = false;
  for (const secret of secrets) {
    const expected = await hmacHex(secret, `${timestamp}.${body}`);
    if (candidates.some((candidate) => constantTimeEqual(candidate, expected))) matched = true;
  }
  if (!matched) {
    return {
      ok: false,
      reason: 'bad-signature',
      message: 'no signature matches: check the signing secret (during a rotation pass both), and pass the body unchanged.',
    };
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
    return { ok: false, reason: 'malformed-body', message: `the event is not valid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
  }
  return { ok: true, event: event.data };
}

/** Like {@link verifyWebhook}, but returns the event or throws a `SignatureVerificationError` that says what to fix. */
export async function constructEvent(input: Parameters<typeof verifyWebhook>[0]): Promise<WebhookEvent> {
  const result = await verifyWebhook(input);
  if (!result.ok) throw new SignatureVerificationError(`webhook ${result.reason}: ${result.message}`);
  return result.event;
}

/** Valid headers for a test delivery of `payload`, as a receiver under test would get them. */
export async function generateTestHeaders(input: { payload: string | object; secret: string; timestamp?: number | Date }): Promise<Record<string, string>> {
  return (await signWebhook(input)).headers;
}
