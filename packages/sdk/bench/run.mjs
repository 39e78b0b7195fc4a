// `pnpm bench` for @contractbeheer/sdk: 10,000 work orders created through the SDK against the sandbox on loopback
// with bounded concurrency, against raw fetch doing the same calls, in the same run. Medians over rounds; the
// machine is shared and noisy. To compare two builds of the SDK (before and after a change) in one process, use
// bench/ab.mjs.
import { performance } from 'node:perf_hooks';
import { createHostClient, toPostWorkorder } from '../dist/index.js';
import { createHostSandbox, SANDBOX_SOFTWARE_TOKEN, SANDBOX_TOKEN, startSandboxServer } from '../dist/testing.js';

const WORK_ORDERS = 10_000;
const CONCURRENCY = 16;
const ROUNDS = 3;
const customer = {
  name: 'Bakkerij De Vries',
  debtorNumber: 'D1001',
  street: 'Kerkstraat',
  zip: '3511AB',
  city: 'Utrecht',
  contactPerson: 'J. de Vries',
};

function recordFor(i) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return toPostWorkorder(
    {
      key: `C-${i}|*|2025-03-${day}`,
      contractId: `C-${i}`,
      debtorNumber: 'D1001',
      objectCodes: ['CV-KETEL-88'],
      targetDate: `2025-03-${day}`,
      creationDate: `2025-03-${day}`,
      late: false,
      timing: { kind: 'deadline', deadline: `2025-03-${day}` },
      workType: 'Onderhoud',
      description: 'Periodiek onderhoud',
      durationMinutes: 60,
      priorityCode: undefined,
    },
    customer,
  );
}

/** Runs `task(i)` for i < count with at most `limit` in flight. */
async function pool(count, limit, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

async function round(kind, records, count = WORK_ORDERS, latencyMs = 0) {
  const sandbox = createHostSandbox({ faults: { latencyMs } });
  const server = await startSandboxServer(sandbox);
  const host = createHostClient({
    token: SANDBOX_TOKEN,
    softwareToken: SANDBOX_SOFTWARE_TOKEN,
    baseUrl: server.baseUrl,
  });
  const url = `${server.baseUrl}/PostWorkorders/?token=${SANDBOX_TOKEN}&software_token=${SANDBOX_SOFTWARE_TOKEN}`;
  const start = performance.now();
  await pool(count, CONCURRENCY, async (i) => {
    if (kind === 'sdk') {
      await host.workOrders.create(records[i]);
    } else {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify([records[i]]),
      });
      const envelope = await response.json();
      if (envelope.code !== 200) throw new Error(`host code ${envelope.code}`);
    }
  });
  const ms = performance.now() - start;
  await server.close();
  if (sandbox.workOrders.size !== count)
    throw new Error(`${kind}: ${sandbox.workOrders.size} work orders created, expected ${count}`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const records = Array.from({ length: WORK_ORDERS }, (_, i) => recordFor(i));

console.log(`@contractbeheer/sdk benchmarks — Node ${process.version}, medians of ${ROUNDS} rounds\n`);
console.log(
  `PostWorkorders: ${WORK_ORDERS.toLocaleString('en')} work orders, one per call, ${CONCURRENCY} in flight, sandbox on loopback`,
);
await round('sdk', records.slice()); // warm-up
const sdk = [];
const raw = [];
for (let r = 0; r < ROUNDS; r++) {
  raw.push(await round('raw', records));
  sdk.push(await round('sdk', records));
}
const rate = (ms, count = WORK_ORDERS) => (count * 1000) / ms;
const line = (label, times, count = WORK_ORDERS) =>
  console.log(
    `  ${label.padEnd(44)} ${rate(median(times), count).toFixed(0).padStart(6)} work orders/s   (rounds ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms)`,
  );
line('SDK (createHostClient().workOrders.create)', sdk);
line('raw fetch (same requests, no checks)', raw);
console.log(`  SDK / raw fetch                              ${(rate(median(sdk)) / rate(median(raw))).toFixed(2)}×`);
console.log(`  every round created exactly ${WORK_ORDERS.toLocaleString('en')} work orders in the sandbox`);

// The same comparison with 20 ms of host latency per call, closer to a real host across the internet: the client's
// own cost disappears behind the network.
const LATENCY_COUNT = 2_000;
const sdkSlow = [];
const rawSlow = [];
for (let r = 0; r < ROUNDS; r++) {
  rawSlow.push(await round('raw', records, LATENCY_COUNT, 20));
  sdkSlow.push(await round('sdk', records, LATENCY_COUNT, 20));
}
console.log(
  `\nThe same with 20 ms host latency per call (${LATENCY_COUNT.toLocaleString('en')} work orders, ${CONCURRENCY} in flight)`,
);
line('SDK', sdkSlow, LATENCY_COUNT);
line('raw fetch', rawSlow, LATENCY_COUNT);
console.log(
  `  SDK / raw fetch                              ${(rate(median(sdkSlow), LATENCY_COUNT) / rate(median(rawSlow), LATENCY_COUNT)).toFixed(2)}×`,
);
