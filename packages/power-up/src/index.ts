/**
 * @contractbeheer/power-up — the installable Contractbeheer plugin for OutSmart. `createPowerUp(config)` is the
 * entry: it opens the store, builds the services and the HTTP app, and returns `{ app, listen(), close() }`.
 */
export { createPowerUp, type PowerUp, type PowerUpOptions } from './create-power-up.js';
export { loadConfig, resolveSecretKey, type ResolvedConfig } from './config/load-config.js';
export {
  parseConfig,
  type DatabaseConfig,
  type MarketplaceSecretSource,
  type PowerUpConfig,
  type SecretKeySource,
} from './config/parse-config.js';
export type { SecretKey } from './config/secret-key.js';
export { PowerUpError, VersionConflictError, type PowerUpErrorCode } from './power-up-error.js';
export type { HostCredentials } from './tenants/tenant-lifecycle.js';
export { RETENTION_DAYS } from './tenants/retention.js';
export { MARKETPLACE_SIGNATURE_HEADER } from './tenants/marketplace-signature.js';
export type { ApiKey, Tenant, TenantStatus } from './store/store.js';
