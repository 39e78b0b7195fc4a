#!/usr/bin/env node
// Type-checks the packed packages the way a strict consumer does (issue 8, item 11).
//
// publint and attw check the package layout, but neither type-checks the shipped declarations: a consumer with
// `skipLibCheck: false` saw `TS2693: 'BudgetStatus' only refers to a type, but is being used as a value here` in
// the SDK's .d.ts and .d.cts. This script
//   1. packs every public package with `pnpm pack` (which rewrites `workspace:^`, unlike `npm pack`),
//   2. installs the tarballs into a scratch project in the OS temp directory, offline from the pnpm store,
//   3. imports every entry point of every package's `exports` map, from an ESM file and from a CommonJS (.cts) file,
//   4. runs `tsc` with `strict: true, skipLibCheck: false` under `module/moduleResolution: node16` (ESM and CJS, so
//      both .d.ts and .d.cts) and `module: esnext, moduleResolution: bundler`, once per TypeScript in the repo:
//      `typescript` (6.0) and the `typescript-5.9` alias.
// It expects built packages (turbo runs it after every package's `build`). Exit code 1 on any error.
//
// Usage: node scripts/check-consumer-types.mjs [--keep] [--ts=6.0|5.9]
//   --keep      leave the scratch project in place and print its path
//   --ts=…      only run with one TypeScript (the directory suffix: `typescript` = 6.0, `typescript-5.9` = 5.9)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const onlyTs = args.find((arg) => arg.startsWith('--ts='))?.slice('--ts='.length);
const started = Date.now();

/** Runs a command, resolving with its exit code and combined output (nothing is printed unless it fails). */
function run(command, commandArgs, cwd) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, commandArgs, { cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

async function mustRun(label, command, commandArgs, cwd) {
  const result = await run(command, commandArgs, cwd);
  if (result.code !== 0) {
    console.error(`consumer-types: ${label} failed (exit ${result.code}):\n${result.output}`);
    process.exit(1);
  }
  return result.output;
}

// pnpm runs this script, so npm_execpath names the pnpm that runs the repo (a native binary in pnpm 12, a .cjs file
// in older ones); `pnpm` on PATH is the fallback when the script is started by hand.
const pnpmPath = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? process.env.npm_execpath : 'pnpm';
const pnpmCommand = (pnpmArgs) =>
  /\.c?js$/.test(pnpmPath) ? [process.execPath, [pnpmPath, ...pnpmArgs]] : [pnpmPath, pnpmArgs];
const pnpm = (pnpmArgs, cwd) => mustRun(`pnpm ${pnpmArgs.join(' ')}`, ...pnpmCommand(pnpmArgs), cwd);

// Errors in other packages' declarations that a consumer sees whatever we ship, so they cannot fail this check. Any
// error in our own declarations, or any other third-party error, does.
const KNOWN_FOREIGN_ERRORS = [
  // msw 2.15's CommonJS declarations (lib/core/*.d.ts, no "type": "module") import the ESM-only `rettime`, which
  // `moduleResolution: node16` rejects in a CommonJS file; every CommonJS consumer of msw sees it, with or without us.
  { file: /^msw\//, code: 'TS1479' },
];

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const rootManifest = readJson(join(root, 'package.json'));
const packages = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, manifest: readJson(join(dir, 'package.json')) }))
  .filter(({ manifest }) => !manifest.private);

for (const { dir, manifest } of packages) {
  const types = manifest.exports?.['.']?.import?.types;
  if (types && !existsSync(join(dir, types))) {
    console.error(`consumer-types: ${manifest.name} is not built (${types} is missing); run \`pnpm build\` first.`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'contractbeheer-consumer-'));
const cleanup = () => {
  if (!keep) rmSync(work, { recursive: true, force: true });
};

try {
  // 1. Pack.
  const tarballDir = join(work, 'tarballs');
  await Promise.all(packages.map(({ dir }) => pnpm(['pack', '--pack-destination', tarballDir], dir)));
  const tarballs = new Map(
    readdirSync(tarballDir).map((file) => {
      const pkg = packages.find(
        ({ manifest }) => file === `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`,
      );
      if (!pkg) throw new Error(`unexpected tarball ${file}`);
      return [pkg.manifest.name, `file:${join(tarballDir, file)}`];
    }),
  );

  // 2. The scratch consumer: the tarballs, plus what a user of every entry point installs next to them (msw for
  //    /testing, @types/node), at the versions the repo pins so the store already holds them.
  const consumer = join(work, 'consumer');
  const peerVersion = (name) =>
    packages.map(({ manifest }) => manifest.devDependencies?.[name]).find(Boolean) ??
    rootManifest.devDependencies?.[name];
  const dependencies = Object.fromEntries(tarballs);
  for (const name of ['msw', '@types/node']) {
    const version = peerVersion(name);
    if (version) dependencies[name] = version;
  }
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }, null, 2),
  );
  // The packed packages depend on each other by version (`^0.1.0`), which no registry has yet: point them at the
  // tarballs. msw's postinstall only matters in browsers.
  writeFileSync(
    join(consumer, 'pnpm-workspace.yaml'),
    [
      'overrides:',
      ...[...tarballs].map(([name, spec]) => `  '${name}': '${spec}'`),
      'allowBuilds:',
      '  msw: false',
      'pmOnFail: ignore',
      '',
    ].join('\n'),
  );
  // Offline from the store the repo's install filled. A machine whose pnpm metadata cache has never seen msw or
  // @types/node (the repo's own install resolves from its lockfile) cannot resolve them offline: then fetch just that.
  const offline = await run(...pnpmCommand(['install', '--offline']), consumer);
  if (offline.code !== 0) {
    console.log(
      'consumer-types: offline install failed (pnpm metadata cache incomplete); retrying with --prefer-offline',
    );
    await pnpm(['install', '--prefer-offline'], consumer);
  }

  // 3. One import of every entry point, from ESM and from CommonJS.
  const entryPoints = packages.flatMap(({ manifest }) =>
    Object.keys(manifest.exports ?? { '.': {} })
      .filter((subpath) => !subpath.endsWith('.json'))
      .map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`)),
  );
  const esm = entryPoints.map((entry, i) => `import * as entry${i} from '${entry}';`);
  esm.push(`export const entryPoints = [${entryPoints.map((_, i) => `entry${i}`).join(', ')}];`, '');
  writeFileSync(join(consumer, 'esm.ts'), esm.join('\n'));
  const cjs = entryPoints.map((entry, i) => `import entry${i} = require('${entry}');`);
  cjs.push(`export const entryPoints = [${entryPoints.map((_, i) => `entry${i}`).join(', ')}];`, '');
  writeFileSync(join(consumer, 'cjs.cts'), cjs.join('\n'));

  // 4. tsc, strict and without skipLibCheck, per resolution mode and TypeScript version.
  const strict = { strict: true, skipLibCheck: false, noEmit: true, target: 'es2022', types: ['node'] };
  const configs = {
    node16: {
      compilerOptions: { ...strict, module: 'node16', moduleResolution: 'node16' },
      files: ['esm.ts', 'cjs.cts'],
    },
    bundler: { compilerOptions: { ...strict, module: 'esnext', moduleResolution: 'bundler' }, files: ['esm.ts'] },
  };
  for (const [name, config] of Object.entries(configs))
    writeFileSync(join(consumer, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));

  const compilers = ['typescript', 'typescript-5.9']
    .map((dir) => join(root, 'node_modules', dir))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, version: readJson(join(dir, 'package.json')).version }))
    .filter(({ version }) => !onlyTs || version.startsWith(onlyTs));
  if (compilers.length === 0)
    throw new Error(`no TypeScript found in node_modules${onlyTs ? ` for --ts=${onlyTs}` : ''}`);

  const jobs = compilers.flatMap((compiler) => Object.keys(configs).map((config) => ({ compiler, config })));
  const results = [];
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const jobStart = Date.now();
      const { code, output } = await run(
        process.execPath,
        [join(job.compiler.dir, 'bin', 'tsc'), '-p', `tsconfig.${job.config}.json`],
        consumer,
      );
      results.push({ ...job, code, output, seconds: (Date.now() - jobStart) / 1000 });
    }
  };
  await Promise.all(Array.from({ length: Math.min(2, availableParallelism(), jobs.length) }, worker));

  // Show the declaration file inside the package, not the pnpm virtual-store path.
  const tidy = (output) => output.replace(/node_modules\/\.pnpm\/[^/]+\/node_modules\//g, '').trim();
  let failed = 0;
  for (const { compiler, config, code, output, seconds } of results.sort(
    (a, b) => a.compiler.version.localeCompare(b.compiler.version) || a.config.localeCompare(b.config),
  )) {
    const label = `TypeScript ${compiler.version}, ${config}${config === 'node16' ? ' (ESM .d.ts + CJS .d.cts)' : ' (.d.ts)'}`;
    const errors = tidy(output)
      .split('\n')
      .filter((line) => /error TS\d+/.test(line));
    const ours = errors.filter(
      (line) =>
        !KNOWN_FOREIGN_ERRORS.some(({ file, code: tsCode }) => file.test(line) && line.includes(`error ${tsCode}:`)),
    );
    const ignored = errors.length - ours.length;
    const note =
      ignored > 0 ? ` (${ignored} known error${ignored === 1 ? '' : 's'} in third-party declarations ignored)` : '';
    if (code === 0 || (errors.length > 0 && ours.length === 0)) {
      console.log(`consumer-types: ok    ${label} [${seconds.toFixed(1)}s]${note}`);
    } else {
      failed++;
      console.log(
        `consumer-types: FAIL  ${label} [${seconds.toFixed(1)}s]${note}\n${ours.length > 0 ? ours.join('\n') : tidy(output)}\n`,
      );
    }
  }
  console.log(
    `consumer-types: ${entryPoints.length} entry points (${entryPoints.join(', ')}), strict, skipLibCheck false: ` +
      `${failed === 0 ? 'all clean' : `${failed} of ${results.length} checks failed`} in ${((Date.now() - started) / 1000).toFixed(1)}s` +
      (keep ? `\nconsumer-types: scratch project kept at ${relative(process.cwd(), consumer) || consumer}` : ''),
  );
  process.exitCode = failed === 0 ? 0 : 1;
} finally {
  cleanup();
}
