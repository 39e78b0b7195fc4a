import type { KnipConfig } from 'knip';

// Unused files, exports, types and dependencies (`pnpm lint` runs it as `//#lint:unused`).
// Every package's entry points are listed here, so an export is "used" only when an entry reaches it: the package's
// public surface (package.json `exports`, i.e. the tsup entries), its bins, its tests and its bench scripts. Exports
// of an entry file are the public API and count as used; anything else exported but imported nowhere is dead code,
// or belongs un-exported in its own file.
const config: KnipConfig = {
  $schema: 'https://unpkg.com/knip@6/schema.json',
  workspaces: {
    '.': {
      entry: ['scripts/*.mjs'],
      project: ['scripts/**/*.mjs'],
    },
    'packages/core': {
      // tsup builds every module of core on its own (`bundle: false`), so knip's tsup plugin would make each one an
      // entry and no export could ever be unused: the public surface is src/index.ts alone (package.json `exports`).
      tsup: false,
      entry: ['src/index.ts', 'src/**/*.test.ts', 'test/**/*.test.ts', 'bench/*.mjs'],
      project: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.mjs'],
    },
    'packages/sdk': {
      // index, ./webhooks, ./testing and ./sandbox (package.json `exports`), the contractbeheer-sandbox bin.
      entry: [
        'src/{index,webhooks,testing,sandbox,sandbox-cli}.ts',
        'src/**/*.test.ts',
        'test/**/*.test.ts',
        'bench/*.mjs',
      ],
      project: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.mjs'],
    },
    'packages/power-up': {
      // src/index.ts (package.json `exports`) and src/cli/main.ts (the contractbeheer bin) come from the tsup plugin.
      entry: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'bench/*.mjs'],
      project: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.mjs'],
    },
    'tooling/*': {
      entry: ['*.js'],
      project: ['*.js'],
    },
  },
};

export default config;
