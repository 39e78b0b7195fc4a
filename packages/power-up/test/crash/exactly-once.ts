import type { LedgerEntry } from '../../src/store/generation-ledger.js';
import type { Store } from '../../src/store/store.js';
import type { SeededContracts } from './crash-world.js';
import type { SandboxProcess } from './sandbox-process.js';

/** What the host and the ledger hold after generation, against the due occurrence keys. */
export type ExactlyOnceCounts = {
  /** Due occurrence keys: the work orders that must exist, once each. */
  keys: number;
  /** Work orders the sandbox holds. */
  hostWorkOrders: number;
  /** Posts of a number beyond its first: a host that does not upsert would hold that many duplicates. */
  duplicates: number;
  /** Numbers posted that belong to no due key. */
  strangers: number;
  /** Due keys whose number the host never received. */
  missesOnHost: number;
  /** Due keys without a `created` ledger row. */
  missesInLedger: number;
  /** Ledger rows of the tenant, and of those, rows for keys that are not due. */
  ledgerRows: number;
  strangerRows: number;
  /** A few examples of anything wrong, for the failure message. */
  examples: string[];
};

/** The counts of a run that created each of `keys` due keys exactly once: what every crash test expects to read. */
export function exactlyOnce(keys: number): ExactlyOnceCounts {
  return {
    keys,
    hostWorkOrders: keys,
    duplicates: 0,
    strangers: 0,
    missesOnHost: 0,
    missesInLedger: 0,
    ledgerRows: keys,
    strangerRows: 0,
    examples: [],
  };
}

/** Reads the sandbox's tally and the tenant's whole ledger and counts every way exactly-once could have failed. */
export async function countExactlyOnce(
  store: Store,
  tenantId: string,
  seeded: SeededContracts,
  sandbox: SandboxProcess,
): Promise<ExactlyOnceCounts> {
  const tally = await sandbox.tally();
  const tenant = store.forTenant(tenantId);
  const rows: LedgerEntry[] = [];
  for (const contractId of seeded.contractIds) rows.push(...(await tenant.ledger.forContract(contractId)));
  const rowByKey = new Map(rows.map((row) => [row.key, row]));
  const dueNumbers = new Set(seeded.dueNumbers);
  const dueKeys = new Set(seeded.dueKeys);
  const examples: string[] = [];
  const example = (text: string) => void (examples.length < 5 && examples.push(text));

  let duplicates = 0;
  let strangers = 0;
  for (const [number, posts] of Object.entries(tally.postsByNumber)) {
    if (!dueNumbers.has(number)) {
      strangers += 1;
      example(`posted ${number}, which belongs to no due key`);
    }
    if (posts > 1) {
      duplicates += posts - 1;
      example(`posted ${number} ${posts} times`);
    }
  }
  let missesOnHost = 0;
  let missesInLedger = 0;
  seeded.dueKeys.forEach((key, i) => {
    const number = seeded.dueNumbers[i] as string;
    if (tally.postsByNumber[number] === undefined) {
      missesOnHost += 1;
      example(`${key} (${number}) never reached the host`);
    }
    const row = rowByKey.get(key);
    if (row?.state !== 'created' || row.workOrderNumber !== number || row.hostId === null) {
      missesInLedger += 1;
      example(`${key}: ledger row ${row === undefined ? 'missing' : `${row.state} (${row.lastError ?? ''})`}`);
    }
  });
  const strangerRows = rows.filter((row) => !dueKeys.has(row.key)).length;
  return {
    keys: seeded.dueKeys.length,
    hostWorkOrders: tally.workOrders,
    duplicates,
    strangers,
    missesOnHost,
    missesInLedger,
    ledgerRows: rows.length,
    strangerRows,
    examples,
  };
}
