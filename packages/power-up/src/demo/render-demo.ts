import { describeSchedule, expandSchedule, parseContract, type ContractInput } from '@contractbeheer/core';
import { simulateGeneration } from './simulate-generation.js';

function timingText(plan: {
  timing:
    | { kind: 'deadline'; deadline: string }
    | { kind: 'planned'; date: string; time: string | null; employeeNumber: string };
}): string {
  const { timing } = plan;
  return timing.kind === 'deadline'
    ? `deadline ${timing.deadline}`
    : `gepland ${timing.date}${timing.time === null ? '' : ` ${timing.time}`} voor ${timing.employeeNumber}`;
}

/**
 * The demo report: each contract with its schedule in words and its next dates, then a day-by-day run of the
 * generator over the window, which creates every work order exactly once on its creation date.
 */
export function renderDemo(
  contracts: readonly ContractInput[],
  options: { from: string; days: number; catchUpLimitDays?: number },
): string {
  const lines: string[] = [];
  lines.push(
    `Contractbeheer demo — werkbonplanning van ${contracts.length} contracten, ${options.days} dagen vanaf ${options.from}`,
  );
  lines.push('');
  for (const input of contracts) {
    const contract = parseContract(input);
    const what =
      contract.schedule !== undefined
        ? describeSchedule(contract.schedule, 'nl')
        : `${contract.ordersPerYear} werkbonnen per contractjaar`;
    lines.push(
      `${contract.id}  (${contract.type}, ${contract.objectCodes.length} object(en), ${contract.daysInAdvance} dagen van tevoren)`,
    );
    lines.push(`  schema: ${what}`);
    if (contract.schedule !== undefined) {
      const next = expandSchedule(
        contract.schedule,
        { start: contract.startDate, end: contract.endDate, tzid: contract.timeZone },
        { from: options.from, limit: 4 },
      );
      lines.push(`  volgende data: ${next.map((o) => o.local.slice(0, 10)).join(', ')}`);
    }
  }
  lines.push('');
  const { generated, skipped } = simulateGeneration(contracts, options);
  let currentDate = '';
  for (const { runDate, workOrderNumber, plan } of generated) {
    if (runDate !== currentDate) {
      currentDate = runDate;
      lines.push(`${runDate}`);
    }
    const late = plan.late ? ' (ingehaald)' : '';
    lines.push(
      `  ${workOrderNumber}  ${plan.contractId.padEnd(11)} ${plan.objectCodes.join('+').padEnd(24)} doel ${plan.targetDate}  ${timingText(plan)}${late}`,
    );
  }
  const keys = new Set(generated.map((g) => g.plan.key));
  lines.push('');
  lines.push(
    `${generated.length} werkbonnen aangemaakt, ${keys.size} unieke sleutels (elke werkbon precies één keer).`,
  );
  if (skipped > 0) {
    lines.push(
      `${skipped} oudere werkbonnen overgeslagen: hun doeldatum ligt meer dan ${options.catchUpLimitDays} dagen terug (inhaalgrens).`,
    );
  }
  return lines.join('\n');
}
