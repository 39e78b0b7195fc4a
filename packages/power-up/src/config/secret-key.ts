import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { PowerUpError } from '../power-up-error.js';

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
  const file = path.join(dataDir, SECRET_KEY_FILE);
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    let stored: z.infer<typeof keyFileSchema>;
    try {
      stored = keyFileSchema.parse(JSON.parse(text));
    } catch (error) {
      throw new PowerUpError(
        'invalid-config',
        `${file} is damaged: restore it from a backup, or set CONTRACTBEHEER_SECRET_KEY.`,
        {
          path: ['CONTRACTBEHEER_SECRET_KEY'],
          cause: error,
        },
      );
    }
    return parseSecretKey(`${stored.keyId}:${stored.key}`, ['CONTRACTBEHEER_SECRET_KEY']);
  }
  const key = randomBytes(KEY_BYTES);
  const keyId = fingerprint(key);
  await mkdir(dataDir, { recursive: true });
  const body = JSON.stringify({ keyId, key: key.toString('base64'), createdAt: now().toISOString() }, null, 2);
  // 'wx': if two processes start at once, the second fails here instead of overwriting the first one's key.
  await writeFile(file, `${body}\n`, { mode: 0o600, flag: 'wx' });
  warn(
    `CONTRACTBEHEER_SECRET_KEY is not set: generated a key into ${file} for this local install. ` +
      'Back that file up with the data directory; in production set CONTRACTBEHEER_SECRET_KEY instead.',
  );
  return { keyId, key };
}
