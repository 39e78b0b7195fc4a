import { defineConfig } from 'tsup';

const dts = { compilerOptions: { ignoreDeprecations: '6.0' } };

export default defineConfig([
  {
    // ESM stays one file per module, so a bundler with `sideEffects: false` keeps only the modules an app imports
    // (expandRRule alone does not pull in zod or rrule.js).
    entry: ['src/**/*.ts', '!src/**/*.test.ts'],
    outDir: 'dist/esm',
    format: ['esm'],
    bundle: false,
    sourcemap: true,
    target: 'es2022',
  },
  // The ESM types, rolled into one declaration file.
  { entry: ['src/index.ts'], outDir: 'dist/esm', format: ['esm'], dts: { ...dts, only: true } },
  // CommonJS: one bundled file with its own declarations.
  { entry: ['src/index.ts'], format: ['cjs'], dts, sourcemap: true, target: 'es2022' },
]);
