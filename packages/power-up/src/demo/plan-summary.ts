import type { ContractInput } from '@contractbeheer/core';
import { simulateGeneration } from './simulate-generation.js';

/** How many upcoming work orders the summary lists line by line. */
const LISTED = 10;

/**
 * The demo tenant's coming work orders in a few lines: how many the scheduler will create over the window, each on
 * its creation date, per contract type, and the first few (computed from the contracts alone, for a quick look).
 */
export function renderPlanSummary(
  contracts: readonly ContractInput[],
  options: { from: string; days: number },
): string {
  const { generated } = simulateGeneration(contracts, { ...options, catchUpLimitDays: 14 });
  const typeOf = new Map(contracts.map((contract) => [contract.id, contract.type]));
  const perType = new Map<string, number>();
  for (const { plan } of generated) {
    const type = typeOf.get(plan.contractId) ?? '?';
    perType.set(type, (perType.get(type) ?? 0) + 1);
  }
  const lines = [
    `Werkbonplanning: ${generated.length} werkbonnen in ${options.days} dagen vanaf ${options.from}, elk aangemaakt op zijn aanmaakdatum` +
      (perType.size === 0 ? '' : ` (${[...perType].map(([type, n]) => `${type} ${n}`).join(', ')})`),
  ];
  for (const { runDate, workOrderNumber, plan } of generated.slice(0, LISTED)) {
    lines.push(`  ${runDate}  ${workOrderNumber}  ${plan.contractId.padEnd(11)} doel ${plan.targetDate}`);
  }
  if (generated.length > LISTED) lines.push(`  … en ${generated.length - LISTED} meer`);
  return lines.join('\n');
}
