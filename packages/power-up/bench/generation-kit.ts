// What bench/generation.mjs needs from the power-up's source beyond its public entry (the generator, the tenant's
// host clients, the install lifecycle, the store), bundled by tsup when the bench starts: node cannot run TypeScript.
export { createGenerator } from '../src/generation/generator.js';
export { createTenantHosts } from '../src/hosts/tenant-hosts.js';
export { openStore } from '../src/store/open-store.js';
export { createCredentialVault } from '../src/tenants/credential-vault.js';
export { tenantLifecycle } from '../src/tenants/tenant-lifecycle.js';
