/**
 * @contractbeheer/sdk/testing — a faithful in-memory emulator of the OutSmart host for tests and local runs: msw
 * handlers (msw is an optional peer dependency) and a real HTTP server on loopback, and the marketplace's side of
 * installing a power-up into it. Everything but the msw handlers is also `@contractbeheer/sdk/sandbox`, which does not
 * import msw.
 */
export * from './sandbox.js';
export { sandboxHandlers } from './testing/msw-handlers.js';
