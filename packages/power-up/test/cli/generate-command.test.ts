import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  createHostSandbox,
  SANDBOX_SOFTWARE_TOKEN,
  SANDBOX_TOKEN,
  startSandboxServer,
  type HostSandbox,
  type RunningSandbox,
} from '@contractbeheer/sdk/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSecretKey } from '../../src/config/secret-key.js';
import { createPgliteStore } from '../../src/store/kysely/create-pglite-store.js';
import { createCredentialVault } from '../../src/tenants/credential-vault.js';
import { tenantLifecycle } from '../../src/tenants/tenant-lifecycle.js';
import { preventive } from '../store/fixtures.js';
import { cliEnv, newDataDir, runCli } from './run-built-cli.js';

/** Each command opens the embedded database anew (seconds each on a busy 2-core machine). */
const SLOW = { timeout: 240_000 };
const AS_OF = '2026-03-10T08:00:00Z';

let env: NodeJS.ProcessEnv;
let sandbox: HostSandbox;
let host: RunningSandbox;

beforeAll(async () => {
  const dataDir = await newDataDir();
  const secretKey = `cli-test:${randomBytes(32).toString('base64')}`;
  env = cliEnv(dataDir, { CONTRACTBEHEER_SECRET_KEY: secretKey });
  sandbox = createHostSandbox();
  host = await startSandboxServer(sandbox);
  // Installed as the marketplace would (credentials sealed with the same key the CLI reads), then closed: the CLI
  // opens the embedded database itself.
  const store = await createPgliteStore({ dataDir: join(dataDir, 'db') });
  try {
    const vault = createCredentialVault({ current: parseSecretKey(secretKey, ['key']) });
    const meta = { actor: 'test', at: '2026-01-01T00:00:00.000Z' };
    await tenantLifecycle(store, vault).install(
      {
        tenantId: 'acme',
        tenantName: 'Acme',
        hostBaseUrl: host.baseUrl,
        hostTokens: { token: SANDBOX_TOKEN, softwareToken: SANDBOX_SOFTWARE_TOKEN },
        webhookSecret: 'a-webhook-secret-of-some-length',
      },
      meta,
    );
    for (const id of ['C-1', 'C-2']) {
      await store
        .forTenant('acme')
        .contracts.create(preventive(id, { startDate: '2026-01-01', debtorNumber: 'D1001', daysInAdvance: 14 }), meta);
    }
  } finally {
    await store.close();
  }
}, 240_000);
afterAll(async () => {
  await host?.close();
});

describe('contractbeheer generate', () => {
  it('shows with --dry-run what a run would create and skip, and writes nothing', SLOW, async () => {
    const first = await runCli(['generate', '--tenant', 'acme', '--as-of', AS_OF, '--dry-run'], env);
    expect(first.code).toBe(0);
    // On 10 March, 15 January and 15 February lie past the default catch-up limit (14 days); 15 March is due
    // since 1 March (14 days ahead), so it is created late.
    for (const id of ['C-1', 'C-2']) {
      for (const date of ['2026-01-15', '2026-02-15']) {
        expect(first.stdout).toContain(`acme\t${id}\tskip\t\t${id}|CV-01|${date}\tpast-catch-up-limit\n`);
      }
      expect(first.stdout).toMatch(
        new RegExp(`acme\\t${id}\\tcreate\\tCB-\\w+\\t${id}\\|CV-01\\|2026-03-15\\tdue 2026-03-01 \\(late\\)\\n`),
      );
    }
    expect(first.stdout).toMatch(
      /would create 2, skip 4 and retry 0 work order\(s\) for 2 due contract\(s\); nothing was written/,
    );
    expect(sandbox.requests).toEqual([]);
    // Nothing was written: the same dry run answers the same.
    const again = await runCli(['generate', '--tenant', 'acme', '--as-of', AS_OF, '--dry-run'], env);
    expect(again.stdout).toBe(first.stdout);
  });

  it('creates the due work orders on the host once, and a second run finds nothing to do', SLOW, async () => {
    const run = await runCli(['generate', '--tenant', 'acme', '--as-of', AS_OF, '--until-idle', '--json'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      contracts: 2,
      created: 2,
      skipped: 4,
      failed: 0,
      lookedUp: 0,
      errors: 0,
      deleted: 0,
    });
    expect(sandbox.workOrders.size).toBe(2);

    const second = await runCli(['generate', '--tenant', 'acme', '--as-of', AS_OF], env);
    expect(second).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^generated: 0 created, .* 0 contract\(s\)\n$/),
    });
    expect(sandbox.workOrders.size).toBe(2);
  });

  it('refuses a malformed --as-of and an unknown tenant', SLOW, async () => {
    const [badInstant, unknown] = await Promise.all([
      runCli(['generate', '--as-of', '10-03-2026', '--dry-run'], env),
      runCli(['generate', '--tenant', 'nobody', '--dry-run'], env),
    ]);
    expect(badInstant).toMatchObject({ code: 2, stderr: expect.stringMatching(/--as-of must be a UTC instant/) });
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/there is no tenant 'nobody'/) });
  });
});
