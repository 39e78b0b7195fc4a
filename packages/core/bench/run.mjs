// `pnpm bench` for @contractbeheer/core. The machine is shared and noisy: every figure is a median over rounds, and
// every speed is put beside a baseline measured in the same run.
import { formatRate, ratio } from './measure.mjs';
import { runW1 } from './w1-expansion.mjs';

console.log(`@contractbeheer/core benchmarks — Node ${process.version}, medians of repeated rounds\n`);

const w1 = runW1();
console.log('W1: 2,000 contracts × 5 rules, Europe/Amsterdam, 2025-01-01 … 2027-01-01 (106,800 occurrences)');
for (const row of w1.rows) {
  const min = Math.min(...row.times).toFixed(1);
  const max = Math.max(...row.times).toFixed(1);
  console.log(`  ${row.method.padEnd(40)} ${formatRate(row.rate).padStart(10)}   (rounds ${min}–${max} ms)`);
}
const [ours, floating, floatingLuxon, tzid] = w1.rows;
console.log(`  expandRRule / rrule.js floating          ${ratio(ours.rate, floating.rate)}`);
console.log(`  expandRRule / rrule.js floating + luxon  ${ratio(ours.rate, floatingLuxon.rate)}`);
console.log(`  expandRRule / rrule.js with TZID         ${ratio(ours.rate, tzid.rate)}`);
if (w1.tzidCount !== w1.tzidSubsetExpected) {
  console.log(`  note: rrule.js with TZID returned ${w1.tzidCount} occurrences for the subset, expected ${w1.tzidSubsetExpected}`);
}
console.log(
  w1.difference === null
    ? '  same dates as rrule.js floating mode converted to the zone with luxon: yes (all five rules, every occurrence)'
    : `  DIFFERENT dates from rrule.js floating + luxon: ${w1.difference}`,
);
const met = ours.rate >= 2_000_000 && ours.rate >= 10 * floating.rate;
console.log(
  `  target (≥ 2,000,000/s and ≥ 10× rrule.js floating): ${met ? 'met' : 'NOT met'} — ` +
    `${formatRate(ours.rate)}, ${ratio(ours.rate, floating.rate)}`,
);
if (w1.difference !== null) process.exitCode = 1;
