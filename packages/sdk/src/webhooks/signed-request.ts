import { ValidationError } from '../errors/sdk-error.js';
import { parseSignatureHeader, type HeaderSource } from './signature-header.js';

/**
 * The one definition of Contractbeheer's request signature, shared by webhooks (`verifyWebhook`) and the
 * marketplace's install requests (the power-up verifies them with {@link verifySignedRequest}): header
 * `x-contractbeheer-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>." + the raw body>`, several `v1` while a
 * secret rotates, the timestamp within a tolerance either way. `signWebhook` produces it for any JSON payload.
 */

/** Why a signed request was refused (the header, the signature, the timestamp); the body is the caller's business. */
export type SignedRequestFailure =
  'missing-header' | 'malformed-header' | 'malformed-timestamp' | 'bad-signature' | 'too-old' | 'timestamp-in-future';

export type SignedRequestResult =
  | {
      ok: true;
      /** The signed unix seconds. */
      timestamp: number;
      /** The `v1` signature that matched (lower-case hex): unique per timestamp and body, so it names the request. */
      signature: string;
    }
  | { ok: false; reason: SignedRequestFailure; message: string };

const DEFAULT_TOLERANCE_SECONDS = 300;
/** Unix seconds from 13 digits on are milliseconds passed by mistake (the year 5138 and later). */
const MAX_UNIX_SECONDS = 99_999_999_999;

/**
 * The secrets to sign or verify with. A blank entry in a list is skipped, so an empty "new secret" during a rotation
 * (an unset environment variable) leaves the other one working; no usable secret at all is a configuration error,
 * thrown, because answering every delivery with a refusal would hide it. Messages never show a secret.
 */
export function usableSecrets(value: unknown, where: string): string[] {
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
export function unixSeconds(value: unknown, where: string, name: string): number {
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

const encoder = new TextEncoder();

/**
 * Imported HMAC keys by secret, the most recently used last. Importing costs more than signing (about four times on
 * Node), and a receiver verifies every delivery with the same few secrets. Bounded, so a signer fed many secrets does
 * not grow without end; the keys are not extractable.
 */
type HmacKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;
const importedKeys = new Map<string, Promise<HmacKey>>();
const MAX_IMPORTED_KEYS = 64;

function hmacKey(secret: string): Promise<HmacKey> {
  let key = importedKeys.get(secret);
  if (key === undefined) {
    const algorithm = { name: 'HMAC', hash: 'SHA-256' };
    key = globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), algorithm, false, ['sign']);
    // A failed import is not kept: the next call tries again.
    key.catch(() => importedKeys.delete(secret));
    if (importedKeys.size >= MAX_IMPORTED_KEYS) importedKeys.delete(importedKeys.keys().next().value!);
  } else {
    importedKeys.delete(secret);
  }
  importedKeys.set(secret, key);
  return key;
}

/** The part of `node:crypto` used here. */
type NodeHmac = {
  createHmac(algorithm: 'sha256', key: string): { update(data: Uint8Array): { digest(as: 'hex'): string } };
};

/**
 * Node's own HMAC where the runtime has it: synchronous, and several times cheaper per delivery than WebCrypto's,
 * which Node runs as a job on its thread pool. Looked up at run time (`process.getBuiltinModule`, Node ≥ 20.16), so a
 * bundle for a browser or an edge runtime holds no Node import and takes WebCrypto.
 */
const nodeHmac = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeHmac | undefined;

/** HMAC-SHA256 as lower-case hex: Node's own where there is one, else WebCrypto (edge runtimes, browsers). */
export async function hmacHex(secret: string, message: Uint8Array): Promise<string> {
  return nodeHmac === undefined
    ? webCryptoHmacHex(secret, message)
    : nodeHmac.createHmac('sha256', secret).update(message).digest('hex');
}

/** HMAC-SHA256 on WebCrypto, which every runtime has, as lower-case hex. */
export async function webCryptoHmacHex(secret: string, message: Uint8Array): Promise<string> {
  const key = await hmacKey(secret);
  const signature = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, message));
  let hex = '';
  for (const byte of signature) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** `"<t>."` followed by the body's bytes: what is signed is what travelled, not a decoding of it. */
export function signedBytes(timestampText: string, body: string | Uint8Array): Uint8Array {
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

export type VerifierSettings = { secrets: string[]; tolerance: number; nowSeconds: number };

/** The receiver's settings, checked before any request is looked at: a mistake here must never let one through. */
export function verifierSettings(
  input: { secrets?: unknown; toleranceSeconds?: unknown; now?: unknown },
  where: string,
): VerifierSettings {
  const secrets = usableSecrets(input.secrets, where);
  // Only a missing tolerance takes the default: `null` is a mistake (an unset setting read as null), refused like NaN.
  const tolerance = input.toleranceSeconds === undefined ? DEFAULT_TOLERANCE_SECONDS : input.toleranceSeconds;
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

/** What the refusals say; each caller words them for its own sender (a webhook delivery, a marketplace request). */
export type SignedRequestMessages = {
  badSignature: string;
  tooOld: (ageSeconds: number, toleranceSeconds: number) => string;
  inFuture: (aheadSeconds: number, toleranceSeconds: number) => string;
};

const DEFAULT_MESSAGES: SignedRequestMessages = {
  badSignature: 'no signature matches: sign the exact body with the shared secret (during a rotation pass both).',
  tooOld: (age, tolerance) =>
    `the request was signed ${age} s ago, more than the ${tolerance} s tolerance: sign it again just before sending.`,
  inFuture: (ahead, tolerance) =>
    `the request is dated ${ahead} s ahead, over the ${tolerance} s tolerance: check both clocks (NTP).`,
};

/**
 * The header, then the HMAC over `"<t>."` and the raw body with any of the secrets, then the timestamp: the
 * signature comes first so that only an authentic request can be "too old" or "in the future". Never throws on what
 * came from the network.
 */
export async function checkSignedRequest(
  request: { rawBody: string | Uint8Array; headers: HeaderSource },
  settings: VerifierSettings,
  messages: SignedRequestMessages = DEFAULT_MESSAGES,
): Promise<SignedRequestResult> {
  const header = parseSignatureHeader(request.headers);
  if (!('signatures' in header)) return { ok: false, ...header };
  const message = signedBytes(header.timestampText, request.rawBody);
  let matched: string | undefined;
  for (const secret of settings.secrets) {
    const expected = await hmacHex(secret, message);
    // Every candidate is compared, matched or not, so the time taken does not tell which one matched.
    for (const candidate of header.signatures) if (constantTimeEqual(candidate, expected)) matched ??= candidate;
  }
  if (matched === undefined) return { ok: false, reason: 'bad-signature', message: messages.badSignature };
  const age = settings.nowSeconds - header.timestamp;
  if (age > settings.tolerance) {
    return { ok: false, reason: 'too-old', message: messages.tooOld(age, settings.tolerance) };
  }
  if (-age > settings.tolerance) {
    return { ok: false, reason: 'timestamp-in-future', message: messages.inFuture(-age, settings.tolerance) };
  }
  return { ok: true, timestamp: header.timestamp, signature: matched };
}

/**
 * Verifies a request signed with {@link signWebhook}'s scheme whose body is not a webhook event (a marketplace
 * install, say): the header, the HMAC over the raw body, the timestamp. The body is not parsed. Network input gives
 * `{ ok: false, reason, message }`; the receiver's own settings (no usable secret, a bad tolerance or `now`) throw a
 * `ValidationError`, as in `verifyWebhook`.
 *
 * @example
 * const check = await verifySignedRequest({ rawBody, headers: req.headers, secrets: process.env.SIGNING_SECRET! });
 * if (!check.ok) return reply(401, check.message);
 */
export async function verifySignedRequest(input: {
  rawBody: string | Uint8Array;
  headers: HeaderSource;
  secrets: string | readonly string[];
  toleranceSeconds?: number;
  /** Unix milliseconds or a Date; default now. */
  now?: number | Date;
  /** The refusal messages, worded for the sender (defaults: generic ones). */
  messages?: SignedRequestMessages;
}): Promise<SignedRequestResult> {
  if (input === null || typeof input !== 'object') {
    throw new ValidationError('verifySignedRequest: pass { rawBody, headers, secrets }.');
  }
  const settings = verifierSettings(input, 'verifySignedRequest');
  if (typeof input.rawBody !== 'string' && !(input.rawBody instanceof Uint8Array)) {
    throw new ValidationError('verifySignedRequest: rawBody must be the body exactly as received (a string or bytes).');
  }
  return checkSignedRequest(input, settings, input.messages);
}
