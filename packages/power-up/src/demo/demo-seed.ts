import { parseContract, type CancellationReason, type Contract, type ContractInput } from '@contractbeheer/core';
import type { ChangeMeta, TenantStore, Termination } from '../store/store.js';
import { demoContracts } from './demo-contracts.js';

/** How many contracts the local demo's tenant starts with. */
const DEMO_CONTRACT_COUNT = 50;

const PLACES = ['Utrecht', 'Amersfoort', 'Zeist', 'Houten', 'Nieuwegein', 'Bunnik', 'Woerden', 'IJsselstein'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/**
 * A yearly budget and the expected cost of a visit, so the demo's budgets have a forecast, and move as the sandbox's
 * simulated field completes work orders (hours and materials become cost lines).
 */
function demoBudget(n: number): Pick<ContractInput, 'budget' | 'expectedCostPerWorkOrder'> {
  return {
    budget: { amount: { amount: 150_000 + (n % 5) * 50_000, currency: 'EUR' }, per: 'contract-year' },
    expectedCostPerWorkOrder: { amount: 11_000, currency: 'EUR' },
  };
}

/**
 * About fifty contracts across the three types, the same on every machine (no randomness, no clock): the five
 * contracts of `contractbeheer demo`, then preventive, corrective and yearly-orders contracts in turn, with varied
 * schedules, objects, lead times and planned employees.
 */
export function demoSeedContracts(count = DEMO_CONTRACT_COUNT): Contract[] {
  const inputs: ContractInput[] = [...demoContracts];
  for (let n = 1; inputs.length < count; n++) {
    const id = `DEMO-${String(n).padStart(3, '0')}`;
    const place = PLACES[n % PLACES.length]!;
    const debtorNumber = `D${2000 + n}`;
    const startDate = `2025-${String((n % 12) + 1).padStart(2, '0')}-01`;
    const objects = Array.from({ length: (n % 3) + 1 }, (_, i) => `OBJ-${2000 + n}-${String.fromCharCode(65 + i)}`);
    const kind = n % 5;
    if (kind === 3) {
      inputs.push({
        id,
        type: 'corrective',
        startDate,
        debtorNumber,
        objectCodes: objects,
        workOrder: { workType: 'Storing', description: `Storingsdienst ${place}` },
      });
    } else if (kind === 4) {
      inputs.push({
        id,
        type: 'yearly-orders',
        startDate,
        debtorNumber,
        objectCodes: objects,
        ordersPerYear: (n % 4) + 1,
        daysInAdvance: 7,
        ...demoBudget(n),
        workOrder: { workType: 'Onderhoud', description: `Jaarorders warmtepompen ${place}`, durationMinutes: 60 },
      });
    } else {
      const schedule =
        kind === 0
          ? { unit: 'month' as const, day: (n % 28) + 1, interval: [1, 3, 6, 12][n % 4]! }
          : kind === 1
            ? { unit: 'week' as const, interval: (n % 4) + 1, weekdays: [WEEKDAYS[n % 5]!] }
            : { unit: 'month' as const, weekday: WEEKDAYS[n % 5]!, nth: ((n % 4) + 1) as 1 | 2 | 3 | 4 };
      inputs.push({
        id,
        type: 'preventive',
        startDate,
        debtorNumber,
        objectCodes: objects,
        daysInAdvance: (n % 3) * 7,
        ...(n % 2 === 0 && { employeeNumber: `E${10 + (n % 6)}` }),
        ...demoBudget(n),
        schedule,
        workOrder: {
          workType: 'Onderhoud',
          description: `Periodiek onderhoud ${place}`,
          durationMinutes: 45 + (n % 4) * 15,
        },
      });
    }
  }
  return inputs.slice(0, count).map((input) => parseContract(input));
}

/** Reasons and a few recorded terminations, so `contractbeheer report cancellations` has something to show. */
const DEMO_REASONS: CancellationReason[] = [
  { code: 'PRIJS', label: 'Te duur', archived: false },
  { code: 'VERHUISD', label: 'Klant verhuisd', archived: false },
  { code: 'CONCURRENT', label: 'Naar een concurrent', archived: false },
];

const DEMO_TERMINATIONS: Omit<Termination, 'reasonLabel'>[] = [
  { contractId: 'DEMO-003', date: '2025-09-30', reasonCode: 'PRIJS', lostValue: { amount: 48_000, currency: 'EUR' } },
  {
    contractId: 'DEMO-008',
    date: '2025-11-15',
    reasonCode: 'VERHUISD',
    lostValue: { amount: 32_500, currency: 'EUR' },
  },
  { contractId: 'DEMO-013', date: '2026-02-28', reasonCode: 'PRIJS', lostValue: { amount: 61_000, currency: 'EUR' } },
  {
    contractId: 'DEMO-018',
    date: '2026-03-31',
    reasonCode: 'CONCURRENT',
    lostValue: { amount: 27_000, currency: 'EUR' },
  },
];

/**
 * Writes the demo data through the store in one transaction (all of it or none), on a tenant without contracts.
 * Returns how many contracts it wrote.
 */
export async function seedDemoTenant(store: TenantStore, meta: ChangeMeta): Promise<number> {
  const labelOf = (code: string | undefined) => DEMO_REASONS.find((reason) => reason.code === code)?.label;
  // A terminated contract carries its termination too, as the terminate action would leave it.
  const contracts = demoSeedContracts().map((contract) => {
    const termination = DEMO_TERMINATIONS.find((t) => t.contractId === contract.id);
    if (termination === undefined) return contract;
    const label = labelOf(termination.reasonCode);
    return parseContract({
      ...contract,
      termination: {
        date: termination.date,
        ...(termination.reasonCode !== undefined && { reasonCode: termination.reasonCode }),
        ...(label !== undefined && { reasonLabel: label }),
      },
    });
  });
  await store.transaction(async (tx) => {
    for (const reason of DEMO_REASONS) await tx.cancellationReasons.put(reason, meta);
    for (const contract of contracts) await tx.contracts.create(contract, meta);
    for (const termination of DEMO_TERMINATIONS) {
      const label = labelOf(termination.reasonCode);
      await tx.terminations.record({ ...termination, ...(label !== undefined && { reasonLabel: label }) }, meta);
    }
  });
  return contracts.length;
}
