import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCredentialVault } from './credential-vault.js';

const key = (keyId: string) => ({ keyId, key: randomBytes(32) });

describe('the credential vault', () => {
  const old = key('2025');
  const current = key('2026');

  it('seals with a fresh IV each time, stores the key id, and opens what it sealed', () => {
    const vault = createCredentialVault({ current });
    const first = vault.seal('token-123', 'tenant:a');
    const second = vault.seal('token-123', 'tenant:a');
    expect(first.keyId).toBe('2026');
    expect(Buffer.from(first.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(first.authTag, 'base64')).toHaveLength(16);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(JSON.stringify(first)).not.toContain('token-123');
    expect(vault.open(first, 'tenant:a')).toBe('token-123');
  });

  it('opens records of a previous key after rotation, and says which to reseal', () => {
    const sealedBefore = createCredentialVault({ current: old }).seal('s3cret', 'tenant:a');
    const rotated = createCredentialVault({ current, previous: [old] });
    expect(rotated.open(sealedBefore, 'tenant:a')).toBe('s3cret');
    expect(rotated.needsReseal(sealedBefore)).toBe(true);
    expect(rotated.needsReseal(rotated.seal('s3cret', 'tenant:a'))).toBe(false);
  });

  it('refuses an unknown key id, an altered record and another context, without showing the secret', () => {
    const vault = createCredentialVault({ current });
    const sealed = vault.seal('s3cret', 'tenant:a');
    expect(() => createCredentialVault({ current: key('other') }).open(sealed, 'tenant:a')).toThrow(
      expect.objectContaining({ code: 'credentials-unreadable', message: expect.stringMatching(/key '2026'/) }),
    );
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0]! ^= 1;
    expect(() => vault.open({ ...sealed, ciphertext: flipped.toString('base64') }, 'tenant:a')).toThrow(
      expect.objectContaining({ code: 'credentials-unreadable' }),
    );
    expect(() => vault.open(sealed, 'tenant:b')).toThrow(expect.objectContaining({ code: 'credentials-unreadable' }));
  });
});
