// A generating process, as the crash and two-process tests start it (bundled by `bundle-entry.ts`, run with node):
// the store and secrets from the environment as `contractbeheer` reads them, the real generator with a short lease
// and short back-offs (a killed process's claims come free in seconds, not minutes), run until idle. Prints one JSON
// line with its report. With GENERATE_WAIT_FOR_GO set it first prints `ready` and waits for a line on stdin, so two
// processes can be started together once both have opened the store.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import { createGenerator } from '../../src/generation/generator.js';
import { createTenantHosts } from '../../src/hosts/tenant-hosts.js';
import { openStore } from '../../src/store/open-store.js';
import { createCredentialVault } from '../../src/tenants/credential-vault.js';

const config = await loadConfig({ warn: (message) => process.stderr.write(`${message}\n`) });
const store = await openStore(config.database);
const vault = createCredentialVault({ current: config.secretKey, previous: config.previousSecretKeys });
const owner = `generate-entry-${process.pid}`;
const generator = createGenerator({
  store,
  hosts: createTenantHosts({ store, vault, timeoutMs: 10_000 }),
  clock: () => new Date(),
  owner,
  concurrency: Number(process.env.GENERATE_CONCURRENCY ?? 16),
  batchSize: Number(process.env.GENERATE_BATCH_SIZE ?? 32),
  leaseMs: 5_000,
  policy: { maxAttempts: 8, baseDelayMs: 300, maxDelayMs: 2_000 },
  logger: pino({ level: 'warn' }, pino.destination(2)),
});

if (process.env.GENERATE_WAIT_FOR_GO !== undefined) {
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  await once(lines, 'line');
  // An open stdin would keep the process alive after its work.
  lines.close();
  process.stdin.destroy();
}
const started = performance.now();
const report = await generator.runUntilIdle();
process.stdout.write(`${JSON.stringify({ owner, ms: Math.round(performance.now() - started), ...report })}\n`);
await store.close();
