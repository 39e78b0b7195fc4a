/**
 * @contractbeheer/sdk/sandbox — the OutSmart host emulator as a real HTTP server on loopback, and the marketplace's
 * side of installing a power-up into it, without msw: a service's local demo can run it with only the SDK's own
 * dependencies installed. `@contractbeheer/sdk/testing` is this plus the msw handlers, for msw users.
 */
export {
  createHostSandbox,
  HostSandbox,
  SANDBOX_SOFTWARE_TOKEN,
  SANDBOX_TOKEN,
  type SandboxAnswer,
  type SandboxOptions,
  type WorkOrderTally,
} from './testing/host-sandbox.js';
export { NO_FAULTS, type SandboxFaults } from './testing/sandbox-faults.js';
export { SANDBOX_TALLY_PATH, startSandboxServer, type RunningSandbox } from './testing/loopback-server.js';
export {
  createSandboxMarketplace,
  SandboxMarketplace,
  type HostTokens,
  type InstallAnswer,
  type RotateAnswer,
  type SandboxMarketplaceOptions,
  type UninstallAnswer,
} from './testing/sandbox-marketplace.js';
