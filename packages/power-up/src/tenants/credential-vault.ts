import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretKey } from '../config/secret-key.js';
import { PowerUpError } from '../power-up-error.js';
import type { SealedSecret } from '../store/store.js';

const ALGORITHM = 'aes-256-gcm';
/** 96-bit IVs are GCM's native size; a fresh random one per seal, so one key can seal ~2^32 times safely. */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals secrets at rest with AES-256-GCM. Seals with the current key; opens with any known key, found by the key id
 * stored with each ciphertext, so a new key can be introduced while old records still open (`needsReseal` tells
 * which to move). `context` is bound as additional authenticated data: a ciphertext copied to another tenant's
 * row does not open there.
 */
export interface CredentialVault {
  readonly currentKeyId: string;
  seal(plaintext: string, context: string): SealedSecret;
  /** Throws `credentials-unreadable` when no known key has the record's key id, or the record was altered. */
  open(sealed: SealedSecret, context: string): string;
  /** Whether the record was sealed with a key other than the current one. */
  needsReseal(sealed: SealedSecret): boolean;
}

export function createCredentialVault(keys: { current: SecretKey; previous?: readonly SecretKey[] }): CredentialVault {
  const byId = new Map<string, Buffer>();
  for (const key of [...(keys.previous ?? []), keys.current]) byId.set(key.keyId, key.key);
  const current = keys.current;

  return {
    currentKeyId: current.keyId,
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return {
        keyId: current.keyId,
        iv: iv.toString('base64'),
        authTag: cipher.getAuthTag().toString('base64'),
        ciphertext: ciphertext.toString('base64'),
      };
    },
    open(sealed, context) {
      const key = byId.get(sealed.keyId);
      if (key === undefined) {
        throw new PowerUpError(
          'credentials-unreadable',
          `the credentials were sealed with key '${sealed.keyId}', which is not configured: add it to ` +
            'CONTRACTBEHEER_PREVIOUS_SECRET_KEYS (or set it as CONTRACTBEHEER_SECRET_KEY).',
          { path: ['credentials'] },
        );
      }
      try {
        const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString(
          'utf8',
        );
      } catch (error) {
        throw new PowerUpError(
          'credentials-unreadable',
          `the credentials sealed with key '${sealed.keyId}' do not open: the record was altered or belongs to ` +
            'another tenant. Ask the marketplace to rotate the credentials.',
          { path: ['credentials'], cause: error },
        );
      }
    },
    needsReseal: (sealed) => sealed.keyId !== current.keyId,
  };
}
