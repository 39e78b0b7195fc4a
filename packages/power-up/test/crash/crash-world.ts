import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseContract, planWorkOrders, type Contract } from '@contractbeheer/core';
import { workOrderNumberFor } from '@contractbeheer/sdk';
import type { DatabaseConfig } from '../../src/config/parse-config.js';
import { parseSecretKey } from '../../src/config/secret-key.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store, TenantStore } from '../../src/store/store.js';
import { createCredentialVault } from '../../src/tenants/credential-vault.js';
import { tenantLifecycle } from '../../src/tenants/tenant-lifecycle.js';
import { createScratchDatabase } from '../store/scratch-postgres.js';
import type { SandboxProcess } from './sandbox-process.js';

export type Engine = 'pglite' | 'postgres';

/**
 * A database the generating processes share with the test: a PGlite directory (one process at a time) or a scratch
 * PostgreSQL database, with the environment a `contractbeheer` process needs to open it and the tenant credentials.
 */
export type GenerationWorld = {
  engine: Engine;
  database: DatabaseConfig;
  /** `CONTRACTBEHEER_*` / `DATABASE_URL` for a child process: the same database, secret key and marketplace secret. */
  env: Record<string, string>;
  openStore: () => Promise<Store>;
  dispose: () => Promise<void>;
};

/** A fresh database of the engine; `undefined` when PostgreSQL is unreachable (the caller fails or skips). */
export async function createGenerationWorld(engine: Engine): Promise<GenerationWorld | { unreachable: string }> {
  const secretKeyText = `crash:${randomBytes(32).toString('base64')}`;
  const env: Record<string, string> = {
    CONTRACTBEHEER_SECRET_KEY: secretKeyText,
    CONTRACTBEHEER_MARKETPLACE_SECRET: `mkt_${randomBytes(24).toString('base64url')}`,
  };
  let database: DatabaseConfig;
  let dispose: () => Promise<void>;
  if (engine === 'postgres') {
    const scratch = await createScratchDatabase();
    if ('unreachable' in scratch) return scratch;
    database = { kind: 'postgres', connectionString: scratch.connectionString };
    env.DATABASE_URL = scratch.connectionString;
    dispose = scratch.drop;
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'contractbeheer-generation-'));
    // The layout `contractbeheer` uses for CONTRACTBEHEER_DATA_DIR: the database in `db/`.
    database = { kind: 'pglite', dataDir: join(dataDir, 'db') };
    env.CONTRACTBEHEER_DATA_DIR = dataDir;
    dispose = () => rm(dataDir, { recursive: true, force: true });
  }
  return { engine, database, env, openStore: () => openStore(database), dispose };
}

/** The sealing key of a world, as the child processes will read it from the environment. */
function worldSecretKey(world: GenerationWorld) {
  return parseSecretKey(world.env.CONTRACTBEHEER_SECRET_KEY as string, ['CONTRACTBEHEER_SECRET_KEY']);
}

/**
 * Installs a tenant whose host is the sandbox process, as the marketplace install does (tenant, host URL, sealed
 * host tokens), and lets it catch up a year: seeded occurrences lie in the past and must be generated, not skipped.
 */
export async function installSandboxTenant(
  store: Store,
  world: GenerationWorld,
  sandbox: SandboxProcess,
  tenantId: string,
  at: string,
): Promise<TenantStore> {
  const vault = createCredentialVault({ current: worldSecretKey(world) });
  const meta = { actor: 'generation test', at };
  await tenantLifecycle(store, vault).install(
    {
      tenantId,
      tenantName: `Installateur ${tenantId}`,
      hostBaseUrl: sandbox.baseUrl,
      hostTokens: sandbox.hostTokens,
      webhookSecret: `whsec_${randomBytes(16).toString('hex')}`,
    },
    meta,
  );
  const tenant = store.forTenant(tenantId);
  await tenant.settings.put({ catchUpLimitDays: 365 }, meta);
  return tenant;
}

/** A customer of the seeded master data and its objects (installations). */
type SeededCustomer = { debtorNumber: string; objectCodes: string[] };

/**
 * Customers with three objects each, written into the sandbox's master data through the host API, so every
 * generated work order names a customer and objects the host knows.
 */
export async function seedSandboxCustomers(sandbox: SandboxProcess, count: number): Promise<SeededCustomer[]> {
  const customers = Array.from({ length: count }, (_, i) => {
    const debtorNumber = `D${7000 + i}`;
    return { debtorNumber, objectCodes: [1, 2, 3].map((n) => `OBJ-${debtorNumber}-${n}`) };
  });
  await sandbox.seedMasterData(
    'relations',
    customers.map(({ debtorNumber }, i) => ({
      name: `Klant ${debtorNumber}`,
      debtor_number: debtorNumber,
      contact: `Contactpersoon ${i}`,
      street: 'Stationsweg',
      house_number: String(1 + i),
      postal_code: '3511AB',
      city: 'Utrecht',
    })),
  );
  await sandbox.seedMasterData(
    'objects',
    customers.flatMap(({ debtorNumber, objectCodes }) =>
      objectCodes.map((code) => ({
        obj_code: code,
        obj_debiteur_nummer: debtorNumber,
        obj_description: `Installatie ${code}`,
      })),
    ),
  );
  return customers;
}

/** `YYYY-MM-DD`, `days` after the UTC date of `instant`. */
function dateAfter(instant: Date, days: number): string {
  return new Date(instant.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export type SeededContracts = {
  contractIds: string[];
  /** Every occurrence key due now, each exactly once: what generation must create, one work order per key. */
  dueKeys: string[];
  /** `workOrderNumberFor` of each due key, in the same order. */
  dueNumbers: string[];
};

/**
 * Writes contracts (1–3 objects each, weekly visits over a closed window that ended days ago) until together they
 * have at least `targetKeys` due occurrences, and returns those keys as the core plans them on `now` for the
 * tenant's catch-up limit. The window lies wholly in the past, so the due set is the same whenever the generators
 * run (crossing midnight changes nothing). The contracts are written as of a day before the window, so no version
 * starts after any of its occurrences.
 */
export async function seedDueContracts(
  tenant: TenantStore,
  customers: readonly SeededCustomer[],
  options: { targetKeys: number; now: Date; weeks?: number; idPrefix?: string },
): Promise<SeededContracts> {
  const weeks = options.weeks ?? 8;
  const endDate = dateAfter(options.now, -3);
  const startDate = dateAfter(options.now, -3 - 7 * weeks + 1);
  const writtenAt = `${dateAfter(options.now, -3 - 7 * weeks - 30)}T08:00:00.000Z`;
  const asOf = options.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const { catchUpLimitDays } = await tenant.settings.get();
  const result: SeededContracts = { contractIds: [], dueKeys: [], dueNumbers: [] };
  const contracts: Contract[] = [];
  const weekdays = ['mon', 'wed', 'fri'] as const;
  for (let i = 0; result.dueKeys.length < options.targetKeys; i++) {
    const customer = customers[i % customers.length] as SeededCustomer;
    const contract = parseContract({
      id: `${options.idPrefix ?? 'CR'}-${String(i).padStart(5, '0')}`,
      type: 'preventive',
      startDate,
      endDate,
      debtorNumber: customer.debtorNumber,
      objectCodes: customer.objectCodes.slice(0, 1 + (i % 3)),
      schedule: { unit: 'week', weekdays: [weekdays[i % 3] ?? 'mon'] },
      workOrder: { workType: 'Onderhoud', description: `Wekelijkse controle ${i}` },
    });
    const planned = planWorkOrders(contract, { asOf, generatedKeys: [], catchUpLimitDays });
    if (planned.skipped.length > 0) throw new Error(`seed contract ${contract.id}: the core skips some occurrences`);
    contracts.push(contract);
    result.contractIds.push(contract.id);
    for (const plan of planned.plans) {
      result.dueKeys.push(plan.key);
      result.dueNumbers.push(workOrderNumberFor(plan.key));
    }
  }
  await tenant.contracts.createMany(contracts, { actor: 'generation test', at: writtenAt });
  return result;
}
