// The crash test (issue 12), run by crash-pglite.test.ts and crash-postgres.test.ts: a process generating about 2,000 work orders into the sandbox host (its own process,
// real HTTP) is killed with SIGKILL at seeded points at least 20 times and restarted each time; in the end the host
// and the ledger hold exactly one work order per due occurrence key — no misses, no duplicates. On PGlite (a file
// directory, as the embedded default runs) and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { runWithCrashes } from './crash-run.js';
import {
  createGenerationWorld,
  installSandboxTenant,
  seedDueContracts,
  seedSandboxCustomers,
  type Engine,
  type SeededContracts,
} from './crash-world.js';
import { countExactlyOnce, exactlyOnce } from './exactly-once.js';
import { bundleGenerateEntry, startGenerator } from './generator-process.js';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process.js';

const TENANT = 'crash';
const TARGET_KEYS = 2_000;
const KILLS = 22;

async function withStore<T>(open: () => Promise<Store>, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await open();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The crash test on one engine; `seed` fixes the kill points. */
export function describeCrashTest(engine: Engine, seed: number): void {
  describe(`killed with SIGKILL while generating, on ${engine}`, () => {
    let entry: string;
    beforeAll(async () => {
      entry = await bundleGenerateEntry();
    }, 120_000);
    let sandbox: SandboxProcess | undefined;
    afterAll(async () => sandbox?.stop());

    it(`${KILLS} kills at seeded points, then every due key is on the host and in the ledger exactly once`, async (context) => {
      const world = await createGenerationWorld(engine);
      if ('unreachable' in world) {
        // In CI a skipped PostgreSQL run would pass silently: fail instead.
        if (process.env.CI) throw new Error(`PostgreSQL is not reachable: ${world.unreachable}`);
        console.warn(`PostgreSQL not reachable (${world.unreachable}): the crash test did NOT run on PostgreSQL.`);
        context.skip();
        return;
      }
      try {
        sandbox = await startSandboxProcess({ seed });
        const running = sandbox;
        const now = new Date();
        const seeded: SeededContracts = await withStore(world.openStore, async (store) => {
          const tenant = await installSandboxTenant(store, world, running, TENANT, now.toISOString());
          const customers = await seedSandboxCustomers(running, 20);
          return seedDueContracts(tenant, customers, { targetKeys: TARGET_KEYS, now });
        });

        const result = await runWithCrashes({
          sandbox: running,
          start: () => startGenerator(entry, world.env),
          kills: KILLS,
          seed,
          progressPerKill: [15, 60],
          done: () =>
            withStore(world.openStore, async (store) => {
              const counts = await countExactlyOnce(store, TENANT, seeded, running);
              return counts.missesInLedger === 0;
            }),
          // Generous: on two shared cores under heavy load a PGlite process takes many seconds just to start.
          deadlineMs: 1_200_000,
        });
        const counts = await withStore(world.openStore, (store) => countExactlyOnce(store, TENANT, seeded, running));

        console.log(
          `crash test (${engine}): ${result.kills} kills, ${result.runs} runs (${result.finishedRuns} finished; ` +
            `${(result.killingMs / 1000).toFixed(0)} s killing, ${(result.finishingMs / 1000).toFixed(0)} s finishing), ` +
            `${counts.keys} due keys on ${seeded.contractIds.length} contracts, ${counts.hostWorkOrders} work orders ` +
            `on the host, ${counts.ledgerRows} ledger rows, ${counts.duplicates} duplicates, ` +
            `${counts.missesOnHost + counts.missesInLedger} misses (host ${counts.missesOnHost}, ledger ` +
            `${counts.missesInLedger}), ${counts.strangers} strangers${counts.examples.length > 0 ? `: ${counts.examples.join('; ')}` : ''}`,
        );
        expect(result.kills).toBeGreaterThanOrEqual(20);
        expect(counts.keys).toBeGreaterThanOrEqual(TARGET_KEYS);
        expect(counts).toEqual(exactlyOnce(seeded.dueKeys.length));
      } finally {
        await sandbox?.stop();
        sandbox = undefined;
        await world.dispose();
      }
    }, 1_500_000);
  });
}
