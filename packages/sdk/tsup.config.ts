import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts', 'src/webhooks.ts', 'src/testing.ts', 'src/sandbox.ts'],
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    clean: true,
    target: 'es2022',
  },
  {
    // The sandbox bin: ESM executable only, not part of the import surface.
    entry: { 'sandbox-cli': 'src/sandbox-cli.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
