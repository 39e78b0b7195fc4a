import { localDateAt } from '@contractbeheer/core';
import type { HostWorkOrder } from '@contractbeheer/sdk';
import type { Tenant, TenantStore } from '../store/store.js';
import { workOrderCostLines } from './work-order-costs.js';

export type WorkOrderSync = { contractId: string; status: string | null; costLines: number };

/**
 * Brings what the power-up knows of one generated work order in line with the host's copy of it: the ledger row's
 * host status, and the contract's cost lines for its hours and materials (replaced whole, so reading it again never
 * doubles them). Shared by the `workorder.completed` handler and the contract's refresh action.
 */
export async function syncWorkOrder(
  context: { store: TenantStore; tenant: Tenant; now: () => Date },
  entry: { contractId: string; workOrderNumber: string },
  order: HostWorkOrder,
): Promise<WorkOrderSync> {
  const { store, tenant } = context;
  const at = context.now();
  if (order.status !== null) await store.ledger.setHostStatus(entry.workOrderNumber, order.status, at.toISOString());
  const stored = await store.contracts.get(entry.contractId);
  const rates = tenant.settings.hourTypeRates;
  const currency = stored?.contract.budget?.amount.currency ?? Object.values(rates)[0]?.currency ?? 'EUR';
  const zone = stored?.contract.timeZone ?? tenant.settings.timeZone;
  const lines = workOrderCostLines(order, {
    workOrderNumber: entry.workOrderNumber,
    hourTypeRates: rates,
    currency,
    today: localDateAt(at.toISOString().replace(/\.\d{3}Z$/, 'Z'), zone),
  });
  const hostRowId = order.rowId;
  const costLines = await store.costLines.replaceForWorkOrder(
    { contractId: entry.contractId, workOrderNumber: entry.workOrderNumber, hostRowId },
    lines,
    at.toISOString(),
  );
  return { contractId: entry.contractId, status: order.status, costLines };
}
