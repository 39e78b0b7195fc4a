import type { GeneratedWorkOrder } from '@contractbeheer/core';
import type { LedgerEntry } from '../store/generation-ledger.js';

/** The core's lifecycle of a generated work order, from the host's status as last heard. */
const STATE_BY_HOST_STATUS: Readonly<Record<string, GeneratedWorkOrder['state']>> = {
  Klaargezet: 'open',
  Opgehaald: 'started',
  Compleet: 'completed',
  Afgehandeld: 'handled',
};

/**
 * The contract's generated work orders as the core's actions take them: every ledger row that is (or may be, while
 * pending) on the host and was not deleted there, in the state its host status says (`open` until heard otherwise).
 * Skipped and failed occurrences never reached the host and are not work orders.
 */
export function generatedWorkOrders(rows: readonly LedgerEntry[]): GeneratedWorkOrder[] {
  return rows
    .filter((row) => (row.state === 'created' || row.state === 'pending') && row.deletedOnHostAt === null)
    .map((row) => ({
      key: row.key,
      state: (row.hostStatus === null ? undefined : STATE_BY_HOST_STATUS[row.hostStatus]) ?? 'open',
    }));
}
