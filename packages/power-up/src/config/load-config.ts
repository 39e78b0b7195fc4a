import { parseConfig, type PowerUpConfig } from './parse-config.js';
import { loadOrGenerateMarketplaceSecret } from './marketplace-secret.js';
import { loadOrGenerateLocalKey, type SecretKey } from './secret-key.js';

/** The configuration with the secret key and the marketplace secret in hand. */
export type ResolvedConfig = Omit<PowerUpConfig, 'secretKey' | 'marketplaceSecret'> & {
  secretKey: SecretKey;
  marketplaceSecret: string;
};

/**
 * The one place that reads `process.env`: the settings as parsed, secrets not yet resolved (commands that only need
 * the store use this, so no secret key is generated for them).
 */
export function readEnvironment(options: { cwd?: string } = {}): PowerUpConfig {
  return parseConfig(process.env, { cwd: options.cwd ?? process.cwd() });
}

/** The environment's settings with the secret key found (from the environment, or generated once on a local start). */
export async function loadConfig(
  options: { warn?: (message: string) => void; now?: () => Date; cwd?: string } = {},
): Promise<ResolvedConfig> {
  const config = readEnvironment(options);
  return resolveSecretKey(config, {
    warn: options.warn ?? ((message) => process.emitWarning(message)),
    now: options.now ?? (() => new Date()),
  });
}

/** Turns the key's and the marketplace secret's sources into the values. */
export async function resolveSecretKey(
  config: PowerUpConfig,
  io: { warn: (message: string) => void; now: () => Date },
): Promise<ResolvedConfig> {
  const secretKey =
    config.secretKey.kind === 'environment'
      ? config.secretKey.key
      : await loadOrGenerateLocalKey(config.secretKey.dataDir, io);
  const marketplaceSecret =
    config.marketplaceSecret.kind === 'environment'
      ? config.marketplaceSecret.secret
      : await loadOrGenerateMarketplaceSecret(config.marketplaceSecret.dataDir, io);
  return { ...config, secretKey, marketplaceSecret };
}
