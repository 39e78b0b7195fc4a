import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Inside the package, so the bundle's bare imports (pg, PGlite, kysely, the workspace packages) resolve as usual. */
const OUT_DIR = join(HERE, '..', '..', 'node_modules', '.cache', 'crash-tests');

/**
 * Bundles `generate-entry.ts` (the generator from source, as the tests see it) into one ESM file that node runs,
 * with the package's dependencies left as imports. Node 20 cannot run TypeScript; this is the build the package's
 * own tsup would do, for a test-only entry. Resolves with the file's path.
 */
export async function bundleGenerateEntry(): Promise<string> {
  await mkdir(OUT_DIR, { recursive: true });
  // A name per test process: parallel test files never overwrite a bundle another one is running.
  const name = `generate-entry-${process.pid}`;
  await build({
    entry: { [name]: join(HERE, 'generate-entry.ts') },
    outDir: OUT_DIR,
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    config: false,
    dts: false,
    clean: false,
    silent: true,
    sourcemap: false,
  });
  return join(OUT_DIR, `${name}.js`);
}

/** One generating process: `exited` resolves with its exit code (`null` when killed). */
export type GeneratorProcess = {
  pid: number;
  exited: Promise<number | null>;
  /** What it printed so far, stdout then stderr. */
  output(): string;
  /** Its JSON report line, once it finished. */
  report(): Record<string, unknown> | undefined;
  /** Sends the line a process started with `waitForGo` waits for. */
  go(): void;
  /** Resolves once a `waitForGo` process has opened the store and is ready. */
  ready: Promise<void>;
  kill(): void;
};

export function startGenerator(
  entry: string,
  env: Record<string, string>,
  options: { waitForGo?: boolean; batchSize?: number; concurrency?: number } = {},
): GeneratorProcess {
  const child = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...env,
      ...(options.waitForGo && { GENERATE_WAIT_FOR_GO: '1' }),
      ...(options.batchSize !== undefined && { GENERATE_BATCH_SIZE: String(options.batchSize) }),
      ...(options.concurrency !== undefined && { GENERATE_CONCURRENCY: String(options.concurrency) }),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    child.once('exit', (code) =>
      reject(new Error(`the generating process exited with ${code} before it was ready:\n${stdout}${stderr}`)),
    );
  });
  // Only a waiting process is asked for `ready`; a rejection nobody awaits must not fail the run.
  ready.catch(() => {});
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (/^ready$/m.test(stdout)) onReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    pid: child.pid ?? -1,
    exited,
    ready,
    output: () => `${stdout}${stderr}`,
    report() {
      const line = stdout
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      return line === undefined ? undefined : (JSON.parse(line) as Record<string, unknown>);
    },
    go: () => void child.stdin.write('go\n'),
    kill: () => void child.kill('SIGKILL'),
  };
}
