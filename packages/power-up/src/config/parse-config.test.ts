import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PowerUpError } from '../power-up-error.js';
import { parseConfig } from './parse-config.js';

const cwd = '/srv/contractbeheer';
const key = randomBytes(32).toString('base64');
const oldKey = randomBytes(32).toString('base64');
const marketplaceSecret = 'mkt_0123456789abcdefghijklmnopqrstuvwxyz';

function configError(env: Record<string, string | undefined>): PowerUpError {
  try {
    parseConfig(env, { cwd });
  } catch (error) {
    expect(error).toBeInstanceOf(PowerUpError);
    return error as PowerUpError;
  }
  throw new Error('expected the environment to be refused');
}

describe('parseConfig', () => {
  it('starts locally with nothing set: embedded database in ./.contractbeheer, loopback, a key generated there', () => {
    expect(parseConfig({}, { cwd })).toEqual({
      environment: 'development',
      dataDir: '/srv/contractbeheer/.contractbeheer',
      database: { kind: 'pglite', dataDir: '/srv/contractbeheer/.contractbeheer/db' },
      http: { host: '127.0.0.1', port: 3000 },
      secretKey: { kind: 'generate-in-data-dir', dataDir: '/srv/contractbeheer/.contractbeheer' },
      previousSecretKeys: [],
      marketplaceSecret: { kind: 'generate-in-data-dir', dataDir: '/srv/contractbeheer/.contractbeheer' },
      generationIntervalMs: 60_000,
      hostPollIntervalMs: 0,
    });
  });

  it('reads the host poll interval in seconds: off unless set, 0 turns it off, and a bad value names the variable', () => {
    expect(parseConfig({ HOST_POLL_INTERVAL_SECONDS: '300' }, { cwd }).hostPollIntervalMs).toBe(300_000);
    expect(parseConfig({ HOST_POLL_INTERVAL_SECONDS: '0' }, { cwd }).hostPollIntervalMs).toBe(0);
    expect(parseConfig({ NODE_ENV: 'development' }, { cwd }).hostPollIntervalMs).toBe(0);
    expect(configError({ HOST_POLL_INTERVAL_SECONDS: '5m' })).toMatchObject({
      code: 'invalid-config',
      path: ['HOST_POLL_INTERVAL_SECONDS'],
    });
    expect(configError({ HOST_POLL_INTERVAL_SECONDS: '-1' })).toMatchObject({
      path: ['HOST_POLL_INTERVAL_SECONDS'],
      message: expect.stringMatching(/whole number of seconds/),
    });
    expect(configError({ HOST_POLL_INTERVAL_SECONDS: '90000' }).message).toMatch(/at most 86400 seconds/);
  });

  it('reads the generation interval in seconds: 0 turns it off, and tests run without it unless asked', () => {
    expect(parseConfig({ GENERATION_INTERVAL_SECONDS: '15' }, { cwd }).generationIntervalMs).toBe(15_000);
    expect(parseConfig({ GENERATION_INTERVAL_SECONDS: '0' }, { cwd }).generationIntervalMs).toBe(0);
    expect(parseConfig({ NODE_ENV: 'test' }, { cwd }).generationIntervalMs).toBe(0);
    expect(configError({ GENERATION_INTERVAL_SECONDS: '1.5' })).toMatchObject({
      code: 'invalid-config',
      path: ['GENERATION_INTERVAL_SECONDS'],
    });
    expect(configError({ GENERATION_INTERVAL_SECONDS: '100000' }).message).toMatch(/at most 86400 seconds/);
  });

  it('uses PostgreSQL, the port, the host, the data directory and the key when they are set', () => {
    const config = parseConfig(
      {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgresql://app:pw@db.internal:5432/contracts',
        PORT: '8080',
        HOST: '0.0.0.0',
        CONTRACTBEHEER_DATA_DIR: 'var/data',
        CONTRACTBEHEER_SECRET_KEY: `2026-01:${key}`,
        CONTRACTBEHEER_MARKETPLACE_SECRET: marketplaceSecret,
      },
      { cwd },
    );
    expect(config.database).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://app:pw@db.internal:5432/contracts',
    });
    expect(config.http).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(config.dataDir).toBe('/srv/contractbeheer/var/data');
    expect(config.secretKey).toEqual({
      kind: 'environment',
      key: { keyId: '2026-01', key: Buffer.from(key, 'base64') },
    });
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: '', HOST: '' }, { cwd }).http).toEqual({
      host: '127.0.0.1',
      port: 3000,
    });
  });

  it('names the variable and says what to use when a value is wrong', () => {
    expect(configError({ PORT: 'eighty' })).toMatchObject({ code: 'invalid-config', path: ['PORT'] });
    // The variable is the path, not part of the message; what the terminal and the logs show joins the two.
    const port = configError({ PORT: '70000' });
    expect(port).toMatchObject({ path: ['PORT'], message: 'use a port number 1–65535.' });
    expect(port.pathMessage).toBe('PORT: use a port number 1–65535.');
    expect(String(port)).toBe('PowerUpError: PORT: use a port number 1–65535.');
    // Uncaught (`await loadConfig()` at the top of a script), Node prints the error with its properties.
    expect(inspect(port)).toMatch(/path: \[ 'PORT' \]/);
    expect(configError({ DATABASE_URL: 'mysql://x' }).pathMessage).toMatch(/^DATABASE_URL: use a PostgreSQL URL/);
    expect(configError({ NODE_ENV: 'prod' }).path).toEqual(['NODE_ENV']);
    expect(configError({ LOG_LEVEL: 'loud' }).pathMessage).toMatch(/^LOG_LEVEL: use one of fatal, error, warn, info/);
  });

  it('reads LOG_LEVEL as pino names it, and leaves it out when unset', () => {
    expect(parseConfig({ LOG_LEVEL: 'debug' }, { cwd }).logLevel).toBe('debug');
    expect(parseConfig({}, { cwd })).not.toHaveProperty('logLevel');
  });

  it('requires the marketplace secret in production, and refuses a short one without repeating it', () => {
    const error = configError({ NODE_ENV: 'production', CONTRACTBEHEER_SECRET_KEY: key });
    expect(error.path).toEqual(['CONTRACTBEHEER_MARKETPLACE_SECRET']);
    expect(error.message).toMatch(/required when NODE_ENV=production: set it to the signing secret the marketplace/);
    const short = configError({ CONTRACTBEHEER_MARKETPLACE_SECRET: 'tooshort-secret' });
    expect(short.path).toEqual(['CONTRACTBEHEER_MARKETPLACE_SECRET']);
    expect(short.message).not.toContain('tooshort-secret');
  });

  it('reads previous secret keys, which still open old credentials after a key rotation', () => {
    const config = parseConfig(
      { CONTRACTBEHEER_SECRET_KEY: `new:${key}`, CONTRACTBEHEER_PREVIOUS_SECRET_KEYS: ` old:${oldKey}, ` },
      { cwd },
    );
    expect(config.previousSecretKeys).toEqual([{ keyId: 'old', key: Buffer.from(oldKey, 'base64') }]);
    const error = configError({ CONTRACTBEHEER_PREVIOUS_SECRET_KEYS: 'old:short' });
    expect(error.path).toEqual(['CONTRACTBEHEER_PREVIOUS_SECRET_KEYS']);
  });

  it('requires the secret key in production, and says how to make one', () => {
    const error = configError({ NODE_ENV: 'production', CONTRACTBEHEER_MARKETPLACE_SECRET: marketplaceSecret });
    expect(error.path).toEqual(['CONTRACTBEHEER_SECRET_KEY']);
    expect(error.message).toMatch(/required when NODE_ENV=production/);
    expect(error.message).toMatch(/randomBytes\(32\)/);
  });

  it('refuses a key of the wrong size without repeating it', () => {
    const short = randomBytes(16).toString('base64');
    const error = configError({ CONTRACTBEHEER_SECRET_KEY: short });
    expect(error.path).toEqual(['CONTRACTBEHEER_SECRET_KEY']);
    expect(error.message).not.toContain(short);
    expect(configError({ CONTRACTBEHEER_SECRET_KEY: `bad id!:${key}` }).message).not.toContain(key);
  });

  it('derives a stable key id from a key given without one', () => {
    const first = parseConfig({ CONTRACTBEHEER_SECRET_KEY: key }, { cwd }).secretKey;
    const second = parseConfig({ CONTRACTBEHEER_SECRET_KEY: key }, { cwd }).secretKey;
    expect(first.kind === 'environment' && first.key.keyId).toMatch(/^k-[0-9a-f]{12}$/);
    expect(first).toEqual(second);
  });
});
