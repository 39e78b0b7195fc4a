import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSecretKey } from './load-config.js';
import { parseConfig } from './parse-config.js';
import { SECRET_KEY_FILE } from './secret-key.js';

describe('the local secret key', () => {
  let cwd: string;
  const warnings: string[] = [];
  const io = {
    // The marketplace secret is generated alongside and warns too: marketplace-secret.test.ts looks at that one.
    warn: (message: string) => void (message.startsWith('CONTRACTBEHEER_SECRET_KEY') && warnings.push(message)),
    now: () => new Date('2026-01-15T09:00:00Z'),
  };

  beforeEach(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'contractbeheer-config-'));
    warnings.length = 0;
  });
  afterEach(() => rm(cwd, { recursive: true, force: true }));

  it('is generated once into the data directory with a warning, then reused silently', async () => {
    const first = await resolveSecretKey(parseConfig({}, { cwd }), io);
    expect(first.secretKey.key).toHaveLength(32);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/CONTRACTBEHEER_SECRET_KEY is not set: generated a key into .*secret-key\.json/);
    expect(warnings[0]).not.toContain(first.secretKey.key.toString('base64'));
    const file = path.join(cwd, '.contractbeheer', SECRET_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const second = await resolveSecretKey(parseConfig({}, { cwd }), io);
    expect(second.secretKey).toEqual(first.secretKey);
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      keyId: first.secretKey.keyId,
      createdAt: '2026-01-15T09:00:00.000Z',
    });
  });

  it('is not generated when the environment gives one', async () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = await resolveSecretKey(parseConfig({ CONTRACTBEHEER_SECRET_KEY: `main:${key}` }, { cwd }), io);
    expect(config.secretKey.keyId).toBe('main');
    expect(warnings).toEqual([]);
  });

  it('says how to recover when the key file is damaged', async () => {
    await resolveSecretKey(parseConfig({}, { cwd }), io);
    await writeFile(path.join(cwd, '.contractbeheer', SECRET_KEY_FILE), '{ not json');
    await expect(resolveSecretKey(parseConfig({}, { cwd }), io)).rejects.toMatchObject({
      code: 'invalid-config',
      path: ['CONTRACTBEHEER_SECRET_KEY'],
      message: expect.stringMatching(/is damaged: restore it from a backup, or set CONTRACTBEHEER_SECRET_KEY/),
    });
  });
});
