import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSecretKey } from './load-config.js';
import { MARKETPLACE_SECRET_FILE } from './marketplace-secret.js';
import { parseConfig } from './parse-config.js';

describe('the local marketplace secret', () => {
  let cwd: string;
  const warnings: string[] = [];
  const io = { warn: (message: string) => void warnings.push(message), now: () => new Date('2026-01-15T09:00:00Z') };

  beforeEach(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'contractbeheer-marketplace-'));
    warnings.length = 0;
  });
  afterEach(() => rm(cwd, { recursive: true, force: true }));

  it('is generated once into the data directory (0600) with a warning that does not show it, then reused', async () => {
    const first = await resolveSecretKey(parseConfig({}, { cwd }), io);
    expect(first.marketplaceSecret).toMatch(/^mkt_[A-Za-z0-9_-]{43}$/);
    const warning = warnings.find((message) => message.startsWith('CONTRACTBEHEER_MARKETPLACE_SECRET'));
    expect(warning).toMatch(/is not set: generated one into .*marketplace-secret\.json/);
    expect(warning).not.toContain(first.marketplaceSecret);
    const file = path.join(cwd, '.contractbeheer', MARKETPLACE_SECRET_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).secret).toBe(first.marketplaceSecret);

    const second = await resolveSecretKey(parseConfig({}, { cwd }), io);
    expect(second.marketplaceSecret).toBe(first.marketplaceSecret);
  });

  it('comes from the environment when set, and nothing is generated', async () => {
    const secret = 'mkt_given-by-the-marketplace-0123456789';
    const config = await resolveSecretKey(parseConfig({ CONTRACTBEHEER_MARKETPLACE_SECRET: secret }, { cwd }), io);
    expect(config.marketplaceSecret).toBe(secret);
    expect(warnings.filter((message) => message.includes('MARKETPLACE'))).toEqual([]);
  });
});
