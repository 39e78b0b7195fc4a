import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashApiKey, looksLikeApiKey } from './api-keys.js';

describe('hashApiKey', () => {
  it('is the SHA-256 hex digest of the key, as the keys stored so far were hashed', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const key = `cb_live_${'a1B2-_'.repeat(7)}z`;
    expect(looksLikeApiKey(key)).toBe(true);
    expect(hashApiKey(key)).toBe(createHash('sha256').update(key, 'utf8').digest('hex'));
    expect(hashApiKey('sleutel-ë')).toBe(createHash('sha256').update('sleutel-ë', 'utf8').digest('hex'));
  });
});
