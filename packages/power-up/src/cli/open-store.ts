import { loadConfig, readEnvironment, type ResolvedConfig } from '../config/load-config.js';
import type { PowerUpConfig } from '../config/parse-config.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { CliOutput } from './cli-output.js';

/** The full configuration, secrets resolved (for `start`); warnings (a generated secret) go to stderr. */
export function loadCliConfig(output: CliOutput): Promise<ResolvedConfig> {
  return loadConfig({ warn: (message) => output.err(`contractbeheer: warning: ${message}\n`) });
}

/**
 * Runs `fn` on the configured store and closes it afterwards, whatever happens. Only the environment is parsed:
 * the data commands need no secret key, so none is generated for them.
 */
export async function withStore<T>(fn: (store: Store, config: PowerUpConfig) => Promise<T>): Promise<T> {
  const config = readEnvironment();
  const store = await openStore(config.database);
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}
