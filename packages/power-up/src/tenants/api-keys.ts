import * as crypto from 'node:crypto';
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKey, ChangeMeta, TenantStore } from '../store/store.js';

/** Every key starts so: recognisable in a leaked-secret scan, and in a support conversation. */
const API_KEY_PREFIX = 'cb_live_';
const KEY_SHAPE = /^cb_live_[A-Za-z0-9_-]{43}$/;

/** The SHA-256 hex digest the store keeps and looks keys up by. */
export function hashApiKey(key: string): string {
  return oneShotHash !== undefined
    ? oneShotHash('sha256', key, 'hex')
    : createHash('sha256').update(key, 'utf8').digest('hex');
}

// Node's one-shot digest (20.12 and later): every API request hashes its key, and a Hash object for 55 bytes costs
// several times the digest itself. The same SHA-256 over UTF-8; `createHash` where a runtime lacks it.
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** Whether a text looks like one of our keys: a cheap refusal before the database is asked. */
export function looksLikeApiKey(text: string): boolean {
  return KEY_SHAPE.test(text);
}

/**
 * Makes a key (256 random bits) for the tenant and stores only its hash. The key is in the result and nowhere else:
 * show it to the user once; it cannot be recovered, only revoked and replaced.
 */
export async function issueApiKey(
  store: TenantStore,
  name: string,
  meta: ChangeMeta,
): Promise<{ key: string; apiKey: ApiKey }> {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const apiKey = await store.apiKeys.create(
    { id: `key_${randomBytes(8).toString('hex')}`, name, hint: key.slice(-4), keyHash: hashApiKey(key) },
    meta,
  );
  return { key, apiKey };
}
