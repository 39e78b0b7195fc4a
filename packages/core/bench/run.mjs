// `pnpm bench` for @contractbeheer/core. The machine is shared and noisy: every figure is a median over rounds, and
// every speed is put beside a baseline measured in the same run.
import { runBudget } from './budget-status.mjs';
import { runPlanning } from './plan-work-orders.mjs';
import { formatRate, ratio } from './measure.mjs';
import { runSla } from './sla-working-minutes.mjs';
import { runW1 } from './w1-expansion.mjs';

const only = process.argv[2];
const range = (times) => `(rounds ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms)`;
console.log(`@contractbeheer/core benchmarks — Node ${process.version}, medians of repeated rounds\n`);

if (!only || only === 'w1') {
  console.log(
    'W1: 2,000 contracts × 5 rules, Europe/Amsterdam, 2025-01-01 … 2027-01-01 (106,800 occurrences) — measuring…',
  );
  const w1 = runW1();
  for (const row of w1.rows) {
    console.log(`  ${row.method.padEnd(40)} ${formatRate(row.rate).padStart(10)}   ${range(row.times)}`);
  }
  const [ours, floating, floatingLuxon, tzid] = w1.rows;
  console.log(`  expandRRule / rrule.js floating          ${ratio(ours.rate, floating.rate)}`);
  console.log(`  expandRRule / rrule.js floating + luxon  ${ratio(ours.rate, floatingLuxon.rate)}`);
  console.log(`  expandRRule / rrule.js with TZID         ${ratio(ours.rate, tzid.rate)}`);
  if (w1.tzidCount !== w1.tzidSubsetExpected) {
    console.log(
      `  note: rrule.js with TZID returned ${w1.tzidCount} occurrences for the subset, expected ${w1.tzidSubsetExpected}`,
    );
  }
  console.log(
    w1.difference === null
      ? '  same dates as rrule.js floating mode converted to the zone with luxon: yes (all five rules, every occurrence)'
      : `  DIFFERENT dates from rrule.js floating + luxon: ${w1.difference}`,
  );
  const met = ours.rate >= 2_000_000 && ours.rate >= 10 * floating.rate;
  console.log(
    `  target (≥ 2,000,000/s and ≥ 10× rrule.js floating): ${met ? 'met' : 'NOT met'} — ${formatRate(ours.rate)}, ${ratio(ours.rate, floating.rate)}\n`,
  );
  if (w1.difference !== null) process.exitCode = 1;
}

if (!only || only === 'sla') {
  console.log('SLA: addWorkingMinutes, 1,000,000 calls, Amsterdam 08:00–17:00 with Dutch days off — measuring…');
  const sla = runSla();
  console.log(
    `  addWorkingMinutes                        ${formatRate(sla.oursRate).padStart(10)} calls  ${range(sla.oursTimes)}`,
  );
  console.log(
    `  naive minute-by-minute walk (luxon)      ${formatRate(sla.naiveRate).padStart(10)} calls  (${sla.naiveCalls} calls) ${range(sla.naiveTimes)}`,
  );
  console.log(`  addWorkingMinutes / naive walk           ${ratio(sla.oursRate, sla.naiveRate)}`);
  console.log(
    sla.mismatch === null
      ? `  same results as the naive walk: yes (${sla.naiveCalls} calls)\n`
      : `  DIFFERENT from the naive walk: ${sla.mismatch}\n`,
  );
  if (sla.mismatch !== null) process.exitCode = 1;
}

if (!only || only === 'budget') {
  console.log('Budgets: budgetStatus over 100,000 contracts, 2,000,000 cost lines — measuring…');
  const budget = runBudget();
  console.log(
    `  budgetStatus, parsed contracts (exact cents, planned work) ${formatRate(budget.oursRate).padStart(10)} contracts  ${range(budget.oursTimes)}`,
  );
  console.log(
    `  budgetStatus, raw contracts (each validated first)         ${formatRate(budget.rawRate).padStart(10)} contracts  ${range(budget.rawTimes)}`,
  );
  console.log(
    `  naive float pass (no checks, no planning)                  ${formatRate(budget.naiveRate).padStart(10)} contracts  ${range(budget.naiveTimes)}`,
  );
  console.log(
    `  budgetStatus (parsed) / naive float pass                   ${ratio(budget.oursRate, budget.naiveRate)}`,
  );
  console.log(
    `  all ${budget.contracts.toLocaleString('en')} contracts in ${(budget.contracts / budget.oursRate).toFixed(2)} s; ${budget.pressured.toLocaleString('en')} under pressure`,
  );
  console.log(`  the float pass is off by at least a cent on ${budget.drift} of the first 1,000 contracts`);
}

if (!only || only === 'plan') {
  console.log(
    'Planning: planWorkOrders over 2,000 contracts, three years of history, a month not yet generated — measuring…',
  );
  const planning = runPlanning();
  console.log(
    `  one version                              ${formatRate(planning.singleRate).padStart(10)} contracts  ${range(planning.singleTimes)} (${planning.singlePlans} plans)`,
  );
  console.log(
    `  two versions (an edit a month ago)       ${formatRate(planning.versionedRate).padStart(10)} contracts  ${range(planning.versionedTimes)} (${planning.versionedPlans} plans)`,
  );
}
