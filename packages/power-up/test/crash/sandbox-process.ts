import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  SANDBOX_SOFTWARE_TOKEN,
  SANDBOX_TALLY_PATH,
  SANDBOX_TOKEN,
  type WorkOrderTally,
} from '@contractbeheer/sdk/sandbox';

/** The SDK's sandbox bin (`contractbeheer-sandbox`), as its package ships it. */
const SANDBOX_CLI = join(
  dirname(createRequire(import.meta.url).resolve('@contractbeheer/sdk/package.json')),
  'dist',
  'sandbox-cli.js',
);

export type SandboxProcessOptions = {
  /** Share of requests answered 503 before anything happens. */
  errorRate?: number;
  /** Every Nth request answered 429 with Retry-After. */
  rateLimitEvery?: number;
  /** Share of requests whose effect is committed and whose answer is then dropped. */
  dropRate?: number;
  latencyMs?: number;
  /** Seed of the fault generator, so a fault scenario repeats. */
  seed?: number;
};

/** The sandbox host running in a process of its own, reached only over HTTP as a real host would be. */
export type SandboxProcess = {
  /** The host API's base URL, as a tenant's `hostBaseUrl`. */
  baseUrl: string;
  /** The host tokens every tenant installed into this sandbox gets. */
  hostTokens: { token: string; softwareToken: string };
  /** Work orders held and posts per WorkorderNo, read from the sandbox process. */
  tally(): Promise<WorkOrderTally>;
  /** Upserts master data (`relations`, `objects`, …) through the host API, in batches. */
  seedMasterData(endpoint: string, records: readonly Record<string, string>[]): Promise<void>;
  stop(): Promise<void>;
};

function flagsOf(options: SandboxProcessOptions): string[] {
  const flags: [string, number | undefined][] = [
    ['--error-rate', options.errorRate],
    ['--rate-limit-every', options.rateLimitEvery],
    ['--drop-rate', options.dropRate],
    ['--latency', options.latencyMs],
    ['--seed', options.seed],
  ];
  return flags.flatMap(([flag, value]) => (value === undefined ? [] : [flag, String(value)]));
}

/** Starts `contractbeheer-sandbox --port 0` and resolves once it printed the URL it listens on. */
export async function startSandboxProcess(options: SandboxProcessOptions = {}): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, [SANDBOX_CLI, '--port', '0', ...flagsOf(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /OutSmart sandbox on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code} before listening:\n${stderr}`)));
  });
  const origin = new URL(baseUrl).origin;
  const credentials = `token=${SANDBOX_TOKEN}&software_token=${SANDBOX_SOFTWARE_TOKEN}`;

  return {
    baseUrl,
    hostTokens: { token: SANDBOX_TOKEN, softwareToken: SANDBOX_SOFTWARE_TOKEN },
    async tally() {
      // Asked every few ms while the sandbox closes idle keep-alive sockets: a request that lands on a socket the
      // server is closing fails with "other side closed", and is simply asked again.
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await fetch(`${origin}${SANDBOX_TALLY_PATH}`);
          if (!response.ok) throw new Error(`the sandbox tally answered HTTP ${response.status}`);
          return (await response.json()) as WorkOrderTally;
        } catch (error) {
          if (attempt >= 5 || child.exitCode !== null) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    },
    async seedMasterData(endpoint, records) {
      for (let i = 0; i < records.length; i += 500) {
        // Seeding runs before any fault matters; a refused batch (fault injection) is simply sent again.
        for (let attempt = 1; ; attempt++) {
          const response = await fetch(`${baseUrl}/${endpoint}/?${credentials}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(records.slice(i, i + 500)),
          }).catch(() => undefined);
          const envelope = response?.ok ? ((await response.json()) as { code: number }) : undefined;
          if (envelope?.code === 200) break;
          if (attempt >= 20) throw new Error(`seeding ${endpoint} failed: ${JSON.stringify(envelope)}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
