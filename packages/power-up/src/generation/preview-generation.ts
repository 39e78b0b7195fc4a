import { planWorkOrders, type SkippedOccurrence, type WorkOrderPlan } from '@contractbeheer/core';
import { workOrderNumberFor } from '@contractbeheer/sdk';
import type { Store } from '../store/store.js';

/** What a generation run would do for one due contract. */
export type ContractPreview = {
  tenantId: string;
  contractId: string;
  /** New occurrences it would insert and post, with their host work-order numbers. */
  create: (WorkOrderPlan & { workOrderNumber: string })[];
  /** New occurrences it would record as skipped. */
  skip: SkippedOccurrence[];
  /** Pending rows it would reconcile (look up, then post again if the host lacks them). */
  retry: string[];
};

/**
 * A dry run: what the generator would do now for every due contract, computed as it does (the core's plan with every
 * ledger key as generated) — but read only: nothing is claimed, written or sent to a host.
 */
export async function previewGeneration(options: {
  store: Store;
  now: Date;
  tenantId?: string;
  /** At most this many contracts (default 10 000). */
  limit?: number;
}): Promise<ContractPreview[]> {
  const { store } = options;
  const nowIso = options.now.toISOString();
  const due = await store.dueIndex.listDue({
    now: nowIso,
    limit: options.limit ?? 10_000,
    ...(options.tenantId !== undefined && { tenantId: options.tenantId }),
  });
  const previews: ContractPreview[] = [];
  for (const { tenantId, contractId } of due) {
    const tenant = await store.tenants.get(tenantId);
    if (tenant === undefined || tenant.status !== 'installed') continue;
    const tenantStore = store.forTenant(tenantId);
    const versions = (await tenantStore.contracts.versions(contractId)).map((version) => version.contract);
    if (versions.length === 0) continue;
    const rows = await tenantStore.ledger.forContract(contractId);
    const planned = planWorkOrders(versions, {
      asOf: nowIso.replace(/\.\d+Z$/, 'Z'),
      generatedKeys: rows.map((row) => row.key),
      catchUpLimitDays: tenant.settings.catchUpLimitDays,
    });
    previews.push({
      tenantId,
      contractId,
      create: planned.plans.map((plan) => ({ ...plan, workOrderNumber: workOrderNumberFor(plan.key) })),
      skip: planned.skipped,
      retry: rows.filter((row) => row.state === 'pending').map((row) => row.key),
    });
  }
  return previews;
}
