import { planWorkOrders, type ContractInput, type WorkOrderPlan } from '@contractbeheer/core';
import { workOrderNumberFor } from '@contractbeheer/sdk';

type GeneratedWorkOrder = { runDate: string; workOrderNumber: string; plan: WorkOrderPlan };
export type SimulationResult = { generated: GeneratedWorkOrder[]; skipped: number };

const DAY_MS = 86_400_000;

/** `'2025-01-31'` plus `days`, on the proleptic calendar (UTC arithmetic on a date, never on a local time). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Runs the generator once a day from `from` for `days` days, as the scheduler would: each run creates the keys that
 * are due and not yet in the ledger, and skips those further back than the catch-up limit. The ledger here is a
 * Set; in the service it is a table.
 */
export function simulateGeneration(
  contracts: readonly ContractInput[],
  options: { from: string; days: number; runTime?: string; catchUpLimitDays?: number },
): SimulationResult {
  const ledger = new Set<string>();
  const generated: GeneratedWorkOrder[] = [];
  let skipped = 0;
  for (let day = 0; day < options.days; day++) {
    const runDate = addDays(options.from, day);
    const asOf = `${runDate}T${options.runTime ?? '05:00:00'}Z`;
    for (const contract of contracts) {
      const result = planWorkOrders(contract, {
        asOf,
        generatedKeys: ledger,
        catchUpLimitDays: options.catchUpLimitDays,
      });
      // Skipped occurrences go into the ledger too, so they are decided once and not reported again.
      for (const { key } of result.skipped) ledger.add(key);
      skipped += result.skipped.length;
      for (const plan of result.plans) {
        ledger.add(plan.key);
        generated.push({ runDate, workOrderNumber: workOrderNumberFor(plan.key), plan });
      }
    }
  }
  return { generated, skipped };
}
