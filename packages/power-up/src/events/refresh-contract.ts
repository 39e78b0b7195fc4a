import { NotFoundError, type HostClient } from '@contractbeheer/sdk';
import type { Tenant, TenantStore } from '../store/store.js';
import { syncWorkOrder } from './sync-work-order.js';

/** Work orders read from the host at once during a refresh: quick for a contract, gentle on the host. */
const CONCURRENCY = 4;

export type RefreshResult = { workOrders: number; missingOnHost: string[] };

/**
 * The refresh action's work: every work order the ledger says was created for the contract is read from the host
 * again (`update_status=false`: reading must not close it) and synced — its host status, and its hours and materials
 * as the contract's cost lines, from which the budget is computed on every read. A work order the host no longer has
 * is reported, not an error: the others are still refreshed.
 */
export async function refreshContractWorkOrders(
  context: { store: TenantStore; tenant: Tenant; host: HostClient; now: () => Date },
  contractId: string,
): Promise<RefreshResult> {
  const entries = (await context.store.ledger.forContract(contractId)).filter((entry) => entry.state === 'created');
  const missingOnHost: string[] = [];
  let workOrders = 0;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < entries.length) {
      const entry = entries[next++]!;
      try {
        const order = await context.host.workOrders.get(
          { workorderNo: entry.workOrderNumber },
          { updateStatus: false },
        );
        await syncWorkOrder(context, { contractId, workOrderNumber: entry.workOrderNumber }, order);
        workOrders += 1;
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        missingOnHost.push(entry.workOrderNumber);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, entries.length) }, worker));
  return { workOrders, missingOnHost: missingOnHost.sort() };
}
