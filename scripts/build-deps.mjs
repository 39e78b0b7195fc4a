#!/usr/bin/env node
// First step of every package's `test` script (issue 8, item 12): the tests import the built `dist/` of the package
// and of its workspace dependencies (through their `exports`), so `pnpm test` inside one package on a fresh clone
// failed with vite's misleading "incorrect main/module/exports" error. This builds the package and its workspace
// dependencies through turbo, which replays cached builds in about a second.
//
// Under `turbo run test` (the root `test` script) turbo has already run every `build` the task depends on, and sets
// TURBO_HASH for the task: then this does nothing, so the root command never builds twice.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TURBO_HASH) process.exit(0);

const { name } = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
console.log(
  `build-deps: building ${name} and its workspace dependencies before its tests (cached builds are replayed)`,
);
// `turbo` is on PATH in a pnpm script (the root's node_modules/.bin); it needs pnpm on PATH too, which pnpm provides.
const result = spawnSync('turbo', ['run', 'build', `--filter=${name}...`, '--output-logs=errors-only'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (result.status !== 0) {
  console.error(
    `build-deps: building ${name} and its dependencies failed${result.error ? ` (${result.error.message})` : ''}.\n` +
      `The tests import the built packages: fix the build, or run \`pnpm install && pnpm build\` at the repository root.`,
  );
  process.exit(result.status ?? 1);
}
