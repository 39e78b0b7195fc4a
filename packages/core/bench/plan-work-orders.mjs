// planWorkOrders for 2,000 contracts, each planned once a day as a generator would: parsed contracts with three years
// of history (all generated but the last month, so the look-back and the ledger both matter), a one-version call and
// a two-version call (an edit a month ago). The one-version figure is the cost of planning one contract, which the
// version windows must not raise.
import { parseContract, planWorkOrders } from '../dist/esm/index.js';
import { median, perSecond, timeRounds } from './measure.mjs';

const CONTRACTS = 2_000;
const ASOF = '2025-06-01T06:00:00Z';
const schedules = [
  { unit: 'month', day: 15 },
  { unit: 'week', weekdays: ['mon', 'thu'] },
  { unit: 'month', weekday: 'fri', nth: 'last' },
  { unit: 'workday', interval: 5 },
];

function makeContracts() {
  const single = [];
  const versioned = [];
  const ledgers = [];
  for (let i = 0; i < CONTRACTS; i++) {
    const contract = parseContract({
      id: `C-${i}`,
      type: 'preventive',
      startDate: '2022-06-01',
      debtorNumber: `D${i % 500}`,
      objectCodes: [`OBJ-${i}`, `OBJ-${i}-B`],
      daysInAdvance: 14,
      schedule: schedules[i % schedules.length],
    });
    // Everything due up to a month ago is in the ledger.
    const due = planWorkOrders(contract, { asOf: '2025-05-01T06:00:00Z', generatedKeys: [] }).plans;
    ledgers.push(new Set(due.map((p) => p.key)));
    single.push(contract);
    versioned.push([
      contract,
      parseContract({ ...contract, version: 1, effectiveFrom: '2025-05-01', daysInAdvance: 21 }),
    ]);
  }
  return { single, versioned, ledgers };
}

export function runPlanning() {
  const { single, versioned, ledgers } = makeContracts();
  let plans = 0;
  const run = (inputs) => () => {
    plans = 0;
    for (let i = 0; i < CONTRACTS; i++) {
      plans += planWorkOrders(inputs[i], { asOf: ASOF, generatedKeys: ledgers[i] }).plans.length;
    }
  };
  const singleTimes = timeRounds(run(single), 15);
  const singlePlans = plans;
  const versionedTimes = timeRounds(run(versioned), 15);
  return {
    contracts: CONTRACTS,
    singleRate: perSecond(CONTRACTS, median(singleTimes)),
    singleTimes,
    singlePlans,
    versionedRate: perSecond(CONTRACTS, median(versionedTimes)),
    versionedTimes,
    versionedPlans: plans,
  };
}
