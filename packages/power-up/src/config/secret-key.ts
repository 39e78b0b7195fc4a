import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { PowerUpError } from '../power-up-error.js';
import { readOrCreateLocalSecret } from './local-secret-file.js';

/**
 * The key that encrypts tenant credentials at rest (AES-256: 32 bytes). The key id is stored next to everything it
 * encrypts, so a later key can be added and old data still found and re-encrypted: rotation without a flag day.
 */
export type SecretKey = { keyId: string; key: Buffer };

const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** The one-liner that makes a suitable key, for messages. */
export const HOW_TO_GENERATE = `node -e "console.log(require('node:crypto').randomBytes(32).toString('base64'))"`;

/** A key without an explicit id gets one derived from the key itself: stable, and reveals nothing useful. */
function fingerprint(key: Buffer): string {
  return `k-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/**
 * Reads a key written as `base64` or `keyId:base64`. The message on a bad key never repeats the value.
 *
 * @example
 * parseSecretKey('2026-01:' + randomBytes(32).toString('base64'), ['CONTRACTBEHEER_SECRET_KEY']).keyId; // '2026-01'
 */
export function parseSecretKey(text: string, errorPath: readonly string[]): SecretKey {
  const separator = text.indexOf(':');
  const keyId = separator === -1 ? undefined : text.slice(0, separator);
  const encoded = (separator === -1 ? text : text.slice(separator + 1)).trim();
  if (keyId !== undefined && !KEY_ID.test(keyId)) {
    throw new PowerUpError(
      'invalid-config',
      'the key id before the colon may only hold letters, digits, - and _ (at most 32).',
      {
        path: errorPath,
      },
    );
  }
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) {
    throw new PowerUpError(
      'invalid-config',
      `must be ${KEY_BYTES} random bytes in base64 (optionally prefixed by 'keyId:'); ` +
        `generate one with ${HOW_TO_GENERATE}.`,
      { path: errorPath },
    );
  }
  return { keyId: keyId ?? fingerprint(key), key };
}

/** The generated key's file in the data directory. */
export const SECRET_KEY_FILE = 'secret-key.json';

const keyFileSchema = z.object({ keyId: z.string(), key: z.string(), createdAt: z.string() });

/**
 * The key for a local start without `CONTRACTBEHEER_SECRET_KEY`: read from the data directory, or generated once
 * into it (mode 0600) with a warning, so a restart can still decrypt what the last run stored.
 */
export async function loadOrGenerateLocalKey(
  dataDir: string,
  { now, warn }: { now: () => Date; warn: (message: string) => void },
): Promise<SecretKey> {
  const { file, value, created } = await readOrCreateLocalSecret(dataDir, SECRET_KEY_FILE, {
    schema: keyFileSchema,
    variable: 'CONTRACTBEHEER_SECRET_KEY',
    whenDamaged: 'restore it from a backup, or set CONTRACTBEHEER_SECRET_KEY.',
    create: () => {
      const key = randomBytes(KEY_BYTES);
      return { keyId: fingerprint(key), key: key.toString('base64'), createdAt: now().toISOString() };
    },
  });
  const stored = parseSecretKey(`${value.keyId}:${value.key}`, ['CONTRACTBEHEER_SECRET_KEY']);
  if (!created) return stored;
  warn(
    `CONTRACTBEHEER_SECRET_KEY is not set: generated a key into ${file} for this local install. ` +
      'Back that file up with the data directory; in production set CONTRACTBEHEER_SECRET_KEY instead.',
  );
  return stored;
}
