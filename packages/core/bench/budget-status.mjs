// budgetStatus over 100,000 contracts with 2,000,000 cost lines (20 each: labour, materials, other), against a
// naive pass that sums the same lines with floating-point euros and skips validation, planning and rounding rules.
import { budgetStatus, parseContract } from '../dist/esm/index.js';
import { median, perSecond, timeRounds } from './measure.mjs';

const CONTRACTS = 100_000;
const LINES_PER_CONTRACT = 20;
const eur = (amount) => ({ amount, currency: 'EUR' });
const rates = { NORMAAL: eur(6500), OVERWERK: eur(9750) };
const schedules = [
  { unit: 'month', day: 15 },
  { unit: 'week', weekdays: ['mon'], interval: 2 },
  { unit: 'month', weekday: 'fri', nth: 'last' },
  { unit: 'year', month: 3, day: 1 },
];

function makeContracts() {
  const contracts = [];
  const lines = [];
  for (let i = 0; i < CONTRACTS; i++) {
    contracts.push({
      id: `C-${i}`,
      type: 'preventive',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      debtorNumber: `D${i % 5000}`,
      objectCodes: [`OBJ-${i}`],
      schedule: schedules[i % schedules.length],
      budget: { amount: eur(150_000 + (i % 50) * 2000), per: 'contract' },
    });
    const own = [];
    for (let j = 0; j < LINES_PER_CONTRACT; j++) {
      const date = `2025-${String(1 + (j % 6)).padStart(2, '0')}-${String(1 + ((i + j) % 28)).padStart(2, '0')}`;
      const kind = j % 3;
      own.push(
        kind === 0
          ? { kind: 'labour', date, minutes: 15 + ((i + j) % 240), hourTypeCode: j % 2 ? 'NORMAAL' : 'OVERWERK' }
          : kind === 1
            ? { kind: 'material', date, quantity: `${1 + (j % 4)}.${j % 10}`, unitPrice: eur(455 + j) }
            : { kind: 'other', date, amount: eur(1000 + j) },
      );
    }
    lines.push(own);
  }
  return { contracts, lines };
}

/** The naive way: euros as floats, no checks, no planned work. */
function naiveStatus(contract, costLines) {
  let consumed = 0;
  for (const line of costLines) {
    if (line.kind === 'labour') consumed += ((rates[line.hourTypeCode].amount / 100) * line.minutes) / 60;
    else if (line.kind === 'material') consumed += parseFloat(line.quantity) * (line.unitPrice.amount / 100);
    else consumed += line.amount.amount / 100;
  }
  const budget = contract.budget.amount.amount / 100;
  return { consumed, remaining: budget - consumed, used: consumed / budget };
}

export function runBudget({ rounds = 3 } = {}) {
  const { contracts, lines } = makeContracts();
  const options = { asOf: '2025-06-30T10:00:00Z', hourTypeRates: rates, expectedCostPerWorkOrder: eur(4000) };
  let pressured = 0;
  // Raw input: every call validates its contract first.
  const raw = timeRounds(() => {
    for (let i = 0; i < CONTRACTS; i++) budgetStatus(contracts[i], { ...options, costLines: lines[i] });
  }, rounds);
  // Parsed once, as the service holds its contracts: budgetStatus trusts parseContract's result.
  const parsed = contracts.map((contract) => parseContract(contract));
  const ours = timeRounds(() => {
    pressured = 0;
    for (let i = 0; i < CONTRACTS; i++) {
      if (budgetStatus(parsed[i], { ...options, costLines: lines[i] }).underPressure) pressured++;
    }
  }, rounds);
  const naive = timeRounds(() => {
    for (let i = 0; i < CONTRACTS; i++) naiveStatus(contracts[i], lines[i]);
  }, rounds);
  // The float pass drifts from exact cents: count how many contracts it gets wrong by at least a cent.
  let drift = 0;
  for (let i = 0; i < 1000; i++) {
    const exact = budgetStatus(contracts[i], { ...options, costLines: lines[i] }).consumed.amount;
    if (Math.round(naiveStatus(contracts[i], lines[i]).consumed * 100) !== exact) drift++;
  }
  return {
    contracts: CONTRACTS,
    lines: CONTRACTS * LINES_PER_CONTRACT,
    oursTimes: ours,
    naiveTimes: naive,
    oursRate: perSecond(CONTRACTS, median(ours)),
    rawTimes: raw,
    rawRate: perSecond(CONTRACTS, median(raw)),
    naiveRate: perSecond(CONTRACTS, median(naive)),
    pressured,
    drift,
  };
}
