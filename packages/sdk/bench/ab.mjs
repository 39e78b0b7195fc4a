// `node bench/ab.mjs <other sdk dist> [rounds] [calls]`: an A/B of the SDK's own cost per call. Two builds of the
// SDK — this package's dist ("new") and another one, for instance a worktree of an older commit ("old", e.g.
// `git worktree add /tmp/old <commit>`, install, build the sdk, pass /tmp/old/packages/sdk/dist) — run in the same
// process, in alternating rounds (ABBA, so neither build always runs on a warmer or cooler machine):
//   1. client only: workOrders.create with a fetch that answers at once (no socket, no server), CPU µs per call —
//      the most exact figure on a shared machine, since only the client's own work is measured;
//   2. loopback: work orders created against one sandbox server (this build's), 16 in flight, as `pnpm bench` does;
//      calls/s by the wall clock and CPU µs per call of the whole process (client and server).
// Reports medians and new/old (above 1: new is faster). Compare medians over many rounds, never one round.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import * as current from '../dist/index.js';
import { createHostSandbox, SANDBOX_SOFTWARE_TOKEN, SANDBOX_TOKEN, startSandboxServer } from '../dist/testing.js';

const [otherDist, roundsArg = '20', callsArg = '2000'] = process.argv.slice(2);
if (!otherDist)
  throw new Error('usage: node bench/ab.mjs <path to the other build of packages/sdk/dist> [rounds] [calls]');
const other = await import(pathToFileURL(path.resolve(otherDist, 'index.js')).href);
const ROUNDS = Number(roundsArg);
const CALLS = Number(callsArg);
const CONCURRENCY = 16;
const customer = {
  name: 'Bakkerij De Vries',
  debtorNumber: 'D1001',
  street: 'Kerkstraat',
  zip: '3511AB',
  city: 'Utrecht',
  contactPerson: 'J. de Vries',
};

const recordFor = (sdk, i) => {
  const day = `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`;
  return sdk.toPostWorkorder(
    {
      key: `C-${i}|*|${day}`,
      contractId: `C-${i}`,
      debtorNumber: 'D1001',
      objectCodes: ['CV-KETEL-88'],
      targetDate: day,
      creationDate: day,
      late: false,
      timing: { kind: 'deadline', deadline: day },
      workType: 'Onderhoud',
      description: 'Periodiek onderhoud',
      durationMinutes: 60,
      priorityCode: undefined,
    },
    customer,
  );
};

const builds = { old: other, new: current };
// Both builds send the very same records (made by this build), so only the client's own work differs.
const shared = Array.from({ length: CALLS }, (_, i) => recordFor(current, i));
const records = { old: shared, new: shared };

/** One round: `CALLS` creates through one build, `CONCURRENCY` in flight; the elapsed ms. */
async function round(name) {
  const sandbox = createHostSandbox();
  const server = await startSandboxServer(sandbox);
  const host = builds[name].createHostClient({
    token: SANDBOX_TOKEN,
    softwareToken: SANDBOX_SOFTWARE_TOKEN,
    baseUrl: server.baseUrl,
  });
  let next = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CALLS) await host.workOrders.create(records[name][next++]);
    }),
  );
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  await server.close();
  if (sandbox.workOrders.size !== CALLS)
    throw new Error(`${name}: ${sandbox.workOrders.size} created, expected ${CALLS}`);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const rate = (ms) => (CALLS * 1000) / ms;

// 1. Client only: a fetch that answers at once with what the sandbox would, so no network and no server work.
const answer = JSON.stringify({ code: 200, messages: [], response: [{ workorder_no: 'W-1', row_id: 1 }] });
const answerAtOnce = async () =>
  new Response(answer, {
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(answer)) },
  });
const offline = Object.fromEntries(
  Object.entries(builds).map(([name, sdk]) => [
    name,
    sdk.createHostClient({
      token: 'token',
      softwareToken: 'software',
      baseUrl: 'http://127.0.0.1:9/',
      fetch: answerAtOnce,
    }),
  ]),
);
/** CPU µs per call of `CALLS` sequential creates through one build, no network. */
async function clientOnly(name) {
  const start = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await offline[name].workOrders.create(shared[i]);
  const cpu = process.cpuUsage(start);
  return (cpu.user + cpu.system) / CALLS;
}
for (const name of ['old', 'new', 'old', 'new']) await clientOnly(name); // warm-up
const clientCpu = { old: [], new: [] };
for (let r = 0; r < ROUNDS * 2; r++) {
  for (const name of r % 2 === 0 ? ['old', 'new'] : ['new', 'old']) clientCpu[name].push(await clientOnly(name));
}

// 2. Loopback.
await round('old'); // warm-up, both
await round('new');
const times = { old: [], new: [] };
const cpuTimes = { old: [], new: [] };
const pairRatios = [];
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
  for (const name of order) {
    const { ms, cpuMs } = await round(name);
    times[name].push(ms);
    cpuTimes[name].push(cpuMs);
  }
  pairRatios.push(times.old[r] / times.new[r]);
}
console.log(`A/B on Node ${process.version}, ${CALLS} creates per round`);
console.log(`client only (no network), ${ROUNDS * 2} rounds: CPU µs per call`);
for (const name of ['old', 'new'])
  console.log(`  ${name}  median ${median(clientCpu[name]).toFixed(1).padStart(7)} µs`);
console.log(`  new / old (old µs / new µs)        ${(median(clientCpu.old) / median(clientCpu.new)).toFixed(3)}×`);
console.log(`loopback sandbox, ${ROUNDS} rounds, ${CONCURRENCY} in flight`);
for (const name of ['old', 'new']) {
  const t = times[name];
  console.log(
    `  ${name}  median ${rate(median(t)).toFixed(0).padStart(6)} calls/s   (rounds ${rate(Math.max(...t)).toFixed(0)}–${rate(Math.min(...t)).toFixed(0)})`,
  );
}
console.log(`  new / old (ratio of medians)       ${(median(times.old) / median(times.new)).toFixed(3)}×`);
console.log(`  new / old (median of paired rounds) ${median(pairRatios).toFixed(3)}×`);
// CPU time of the whole process (client and sandbox server) per call: less swayed by other processes on the machine
// than the wall clock; the server's share is the same for both builds.
for (const name of ['old', 'new']) {
  console.log(`  ${name}  median CPU ${((median(cpuTimes[name]) * 1000) / CALLS).toFixed(0).padStart(5)} µs per call`);
}
console.log(`  new / old by CPU time (old µs / new µs) ${(median(cpuTimes.old) / median(cpuTimes.new)).toFixed(3)}×`);
