import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SOFTWARE_TOKEN, SANDBOX_TOKEN } from '@contractbeheer/sdk/testing';
import { cliEnv, freePort, newDataDir, runCli, spawnCli } from './run-built-cli.js';

/** The acceptance limit: `start` on a fresh data directory serves the demo within 60 s. */
const START_LIMIT_MS = 60_000;
const CURL = /curl -H 'Authorization: Bearer (cb_live_[A-Za-z0-9_-]{43})' (http:\/\/127\.0\.0\.1:\d+\S*)/;
const SANDBOX = /Sandbox-host: (http:\/\/127\.0\.0\.1:\d+\S*)/;

type Started = { key: string; curlUrl: string; sandboxUrl: string; stdout: string; ms: number };

let dataDir: string;
const running: ReturnType<typeof spawnCli>[] = [];

beforeAll(async () => {
  dataDir = await newDataDir();
});
afterAll(() => {
  for (const process of running) process.child.kill('SIGKILL');
});

/** Runs `contractbeheer start` until it prints its `curl`; returns what it printed and how long that took. */
async function start(): Promise<{
  started: Started;
  cli: ReturnType<typeof spawnCli>;
  stop: (signal: NodeJS.Signals, times?: number) => Promise<{ code: number | null; stderr: string }>;
}> {
  const port = await freePort();
  const began = performance.now();
  const cli = spawnCli(['start'], cliEnv(dataDir, { PORT: String(port) }));
  running.push(cli);
  const [, key, curlUrl] = await cli.waitFor(CURL, START_LIMIT_MS);
  const ms = Math.round(performance.now() - began);
  const { stdout } = cli.output();
  const sandboxUrl = SANDBOX.exec(stdout)?.[1] ?? '';
  return {
    started: { key: key!, curlUrl: curlUrl!, sandboxUrl, stdout, ms },
    cli,
    stop: async (signal, times = 1) => {
      for (let i = 0; i < times; i++) cli.child.kill(signal);
      const code = await cli.exited;
      return { code, stderr: cli.output().stderr };
    },
  };
}

const curl = (url: string, key: string) => fetch(url, { headers: { authorization: `Bearer ${key}` } });

describe('contractbeheer start on a fresh data directory (the local demo)', () => {
  let first: Started;

  it(
    'serves within 60 s: the printed curl works, and SIGINT stops it with exit code 0',
    { timeout: 300_000 },
    async () => {
      const { started, stop, cli } = await start();
      first = started;
      console.info(`start on a fresh data directory: curl printed after ${started.ms} ms`);
      expect(started.ms).toBeLessThan(START_LIMIT_MS);
      expect(started.stdout).toMatch(/50 democontracten aangemaakt/);
      expect(started.stdout).toMatch(/Werkbonplanning: \d+ werkbonnen in 31 dagen/);

      const response = await curl(started.curlUrl, started.key);
      expect(response.status).toBe(200);
      // The printed curl lists the demo tenant's contracts (a first page of the 50 seeded).
      const page = (await response.json()) as { data: { contract: { id: string; type: string } }[] };
      expect(page.data.length).toBeGreaterThan(0);
      expect(new Set(page.data.map((item) => item.contract.type)).size).toBeGreaterThan(1);
      // Installed into the sandbox by the marketplace's signed request: the tenant's host is the sandbox.
      const tenant = await curl(new URL('/api/v1/tenant', started.curlUrl).href, started.key);
      expect(await tenant.json()).toEqual({
        id: 'demo',
        name: 'Installatiebedrijf Demo',
        status: 'installed',
        hostBaseUrl: started.sandboxUrl,
      });
      const sandbox = await fetch(
        `${started.sandboxUrl}/employees/?token=${SANDBOX_TOKEN}&software_token=${SANDBOX_SOFTWARE_TOKEN}`,
      );
      expect(sandbox.status).toBe(200);

      // The first generation pass creates the work orders due today in the sandbox, then the scheduler goes on.
      const [, created] = await cli.waitFor(/Generatie: (\d+) werkbonnen aangemaakt in de sandbox-host/, 120_000);
      expect(Number(created)).toBeGreaterThan(0);
      const query = `token=${SANDBOX_TOKEN}&software_token=${SANDBOX_SOFTWARE_TOKEN}&status=Alle&update_status=false`;
      const orders = (await (await fetch(`${started.sandboxUrl}/GetWorkorders/?${query}`)).json()) as {
        response: { WorkorderNo: string }[];
      };
      expect(orders.response.filter((order) => order.WorkorderNo.startsWith('CB-'))).toHaveLength(Number(created));

      // The sandbox's simulated field completes work orders; its signed webhooks become cost lines: budgets move.
      const contractIds = page.data.map((item) => item.contract.id);
      const consumed = async () => {
        let total = 0;
        for (const id of contractIds) {
          const budget = await curl(new URL(`/api/v1/contracts/${id}/budget`, started.curlUrl).href, started.key);
          if (budget.status === 200)
            total += ((await budget.json()) as { consumed: { amount: number } }).consumed.amount;
        }
        return total;
      };
      await expect.poll(consumed, { timeout: 90_000, interval: 2_000 }).toBeGreaterThan(0);

      expect(await stop('SIGINT')).toMatchObject({
        code: 0,
        stderr: expect.stringMatching(/SIGINT: stopping .*\n[^]*stopped\n$/),
      });
      await expect(fetch(started.curlUrl)).rejects.toThrow();
    },
  );

  it('a second start reuses the data (no second seeding) and replaces the demo key', { timeout: 180_000 }, async () => {
    const { started, stop } = await start();
    console.info(`second start on the same data directory: curl printed after ${started.ms} ms`);
    // The 50 seeded and the host preview's 2 (written on the first start too, dated from that day).
    expect(started.stdout).toMatch(/52 contracten, hergebruikt/);
    expect(started.stdout).toMatch(/Host-preview: http:\/\/127\.0\.0\.1:\d+\/host-preview/);
    expect(started.key).not.toBe(first.key);
    expect((await curl(started.curlUrl, started.key)).status).toBe(200);
    expect((await curl(started.curlUrl, first.key)).status).toBe(401);
    // Ctrl-C under `pnpm start` arrives twice (terminal and pnpm): the second must not cut the shutdown short.
    expect(await stop('SIGTERM', 2)).toMatchObject({ code: 0, stderr: expect.stringMatching(/stopped\n$/) });
  });

  it(
    'left data the other commands read: the cancellation report over the seeded terminations',
    { timeout: 120_000 },
    async () => {
      const args = ['report', 'cancellations', '--tenant', 'demo', '--from', '2025-01-01', '--to', '2026-12-31'];
      const result = await runCli([...args, '--group-by', 'year', '--json'], cliEnv(dataDir));
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as { totals: { reasonCode: string; count: number }[] };
      expect(report.totals.map((row) => [row.reasonCode, row.count])).toEqual([
        ['PRIJS', 2],
        ['CONCURRENT', 1],
        ['VERHUISD', 1],
      ]);
    },
  );
});
