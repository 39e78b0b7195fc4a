/**
 * @contractbeheer/sdk/testing — a faithful in-memory emulator of the OutSmart host for tests and local runs: msw
 * handlers (msw is an optional peer dependency) and a real HTTP server on loopback, and the marketplace's side of
 * installing a power-up into it.
 */
export {
  createHostSandbox,
  HostSandbox,
  SANDBOX_SOFTWARE_TOKEN,
  SANDBOX_TOKEN,
  type SandboxAnswer,
  type SandboxOptions,
} from './testing/host-sandbox.js';
export { NO_FAULTS, type SandboxFaults } from './testing/sandbox-faults.js';
export { sandboxHandlers } from './testing/msw-handlers.js';
export { startSandboxServer, type RunningSandbox } from './testing/loopback-server.js';
export {
  createSandboxMarketplace,
  SandboxMarketplace,
  type HostTokens,
  type InstallAnswer,
  type RotateAnswer,
  type SandboxMarketplaceOptions,
  type UninstallAnswer,
} from './testing/sandbox-marketplace.js';
