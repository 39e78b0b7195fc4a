import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installBody, newKey, rawRows, sendSigned, startPowerUp } from './harness.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'contractbeheer-rotation-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('rotating the secret key', () => {
  it('opens credentials sealed under the old key id, re-seals them under the new, then needs it no more', async () => {
    const oldKey = newKey('2025');
    const currentKey = newKey('2026');
    const acme = installBody('acme');
    const beta = installBody('beta');

    const before = await startPowerUp({ dataDir, config: { secretKey: oldKey } });
    await sendSigned(before, '/marketplace/install', acme);
    await sendSigned(before, '/marketplace/install', beta);
    expect((await rawRows(before, 'tenant_credentials')).map((row) => row.key_id)).toEqual(['2025', '2025']);
    await before.powerUp.close();

    // Without the old key, the records are refused with a message that says what to configure.
    const withoutOld = await startPowerUp({ dataDir, config: { secretKey: currentKey } });
    await expect(withoutOld.powerUp.credentialsFor('acme')).rejects.toMatchObject({
      code: 'credentials-unreadable',
      message: expect.stringMatching(/key '2025', which is not configured: add it to CONTRACTBEHEER_PREVIOUS_SECRET/),
    });
    await withoutOld.powerUp.close();

    const during = await startPowerUp({ dataDir, config: { secretKey: currentKey, previousSecretKeys: [oldKey] } });
    expect(await during.powerUp.credentialsFor('acme')).toEqual({
      hostTokens: acme.hostTokens,
      webhookSecret: acme.webhookSecret,
    });
    // A credential rotation seals with the current key; the other tenant still opens under the old one.
    const rotated = await sendSigned(during, '/marketplace/rotate', {
      tenantId: 'acme',
      webhookSecret: 'whsec_rotated-0123456789',
    });
    expect(rotated.status).toBe(200);
    const keyIds = async () =>
      Object.fromEntries((await rawRows(during, 'tenant_credentials')).map((row) => [row.tenant_id, row.key_id]));
    expect(await keyIds()).toEqual({ acme: '2026', beta: '2025' });
    expect((await during.powerUp.credentialsFor('beta'))?.hostTokens).toEqual(beta.hostTokens);

    expect(await during.powerUp.reencryptCredentials()).toBe(1);
    expect(await keyIds()).toEqual({ acme: '2026', beta: '2026' });
    expect(await during.powerUp.reencryptCredentials()).toBe(0);
    await during.powerUp.close();

    const after = await startPowerUp({ dataDir, config: { secretKey: currentKey } });
    expect(await after.powerUp.credentialsFor('acme')).toEqual({
      hostTokens: acme.hostTokens,
      webhookSecret: 'whsec_rotated-0123456789',
      // The webhook secret before the rotation stays valid for a day, so deliveries signed before it still verify.
      previousWebhookSecrets: [{ secret: acme.webhookSecret, until: expect.any(String) }],
    });
    expect((await after.powerUp.credentialsFor('beta'))?.webhookSecret).toBe(beta.webhookSecret);
    await after.powerUp.close();
  });
});
