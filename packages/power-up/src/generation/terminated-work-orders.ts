import { NotFoundError, type HostClient } from '@contractbeheer/sdk';
import type { GenerationLedgerRepository, LedgerEntry } from '../store/generation-ledger.js';

/** The host's status of a work order nobody has started: set out, not yet picked up by an employee. */
const NOT_STARTED = 'Klaargezet';

/**
 * The tenant policy `delete` after a termination: every generated work order whose target date lies after the
 * termination date and that nobody has started is deleted on the host, and the deletion is recorded on its ledger
 * row (which stays, so the occurrence is never generated again). The host's current status decides — the ledger's
 * may lag behind its events —, and a work order that was started is left to the planner. Returns how many were
 * deleted; a host failure is thrown (the caller backs off and the contract comes back later).
 */
export async function deleteNotStartedAfterTermination(options: {
  ledger: GenerationLedgerRepository;
  host: () => Promise<HostClient>;
  rows: readonly LedgerEntry[];
  terminationDate: string;
  at: string;
}): Promise<number> {
  const { ledger, rows, terminationDate, at } = options;
  const candidates = rows.filter(
    (row) =>
      row.state === 'created' &&
      row.targetDate > terminationDate &&
      row.deletedOnHostAt === null &&
      (row.hostStatus === null || row.hostStatus === NOT_STARTED),
  );
  let deleted = 0;
  for (const row of candidates) {
    const host = await options.host();
    let status: string | null;
    try {
      status = (await host.workOrders.get({ workorderNo: row.workOrderNumber })).status;
    } catch (error) {
      // Already gone from the host (deleted there by hand): nothing left to delete, and the row says so.
      if (!(error instanceof NotFoundError)) throw error;
      await ledger.markDeletedOnHost(row.key, at);
      continue;
    }
    if (status !== NOT_STARTED) {
      if (status !== null) await ledger.setHostStatus(row.workOrderNumber, status, at);
      continue;
    }
    await host.workOrders.delete({ workorderNo: row.workOrderNumber });
    if (await ledger.markDeletedOnHost(row.key, at)) deleted += 1;
  }
  return deleted;
}
