import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

/** The built bin, run as users run it: `node packages/power-up/dist/cli.js …` (the package's test script builds it). */
const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');

export const newDataDir = () => mkdtemp(join(tmpdir(), 'contractbeheer-cli-'));

/**
 * The environment of a fresh local install: the data directory given, no database URL, no production settings and
 * none of the runner's own (`NODE_ENV=test` from vitest would change the defaults).
 */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, CONTRACTBEHEER_DATA_DIR: dataDir };
  return { ...env, ...extra };
}

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs one command to its end; stdin is closed. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a long-running command; `output()` is what it printed so far, `exited` resolves with its exit code. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv) {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    /** Resolves with stdout once it matches `pattern`; rejects when the process exits first or after `timeoutMs`. */
    waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          clearInterval(poll);
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; stdout:\n${stdout}\nstderr:\n${stderr}`));
        }, timeoutMs);
        const poll = setInterval(() => {
          const match = pattern.exec(stdout);
          if (match !== null) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve(match);
          }
        }, 50);
        void exited.then((code) => {
          clearInterval(poll);
          clearTimeout(timer);
          const match = pattern.exec(stdout);
          if (match !== null) resolve(match);
          else reject(new Error(`exited with ${code} before ${pattern}; stdout:\n${stdout}\nstderr:\n${stderr}`));
        });
      });
    },
  };
}

/** A port free right now on loopback (the power-up's PORT must be 1–65535, so 0 cannot be passed). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
