// `pnpm bench` for @contractbeheer/power-up: the contracts API over loopback with 16 concurrent connections
// (autocannon), a read mix and a create mix, on PGlite and on PostgreSQL, each beside a bare hono route served by
// the same process in the same run — the HTTP stack's own ceiling on this (shared, noisy, 2-core) machine.
// Prints requests/s, p99 latency and the ratio to the bare route (medians of BENCH_ROUNDS rounds) with the load
// average; fails when any request did not succeed.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const CONNECTIONS = 16;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 2;

/** Starts `server.mjs` for an engine and waits for its JSON line. */
async function startServer(engine) {
  // stdin: closed to stop it; stdout: the service's log lines, dropped (/dev/null) as a production log's sink would
  // take them; fd 3: its one JSON line.
  const child = spawn(process.execPath, [new URL('./server.mjs', import.meta.url).pathname, engine], {
    stdio: ['pipe', 'ignore', 'inherit', 'pipe'],
  });
  const lines = createInterface({ input: child.stdio[3] });
  const info = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${engine} bench server exited with ${code}`)));
    lines.once('line', (line) => resolve(JSON.parse(line)));
  });
  return {
    ...info,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', resolve);
        child.stdin.end();
      }),
  };
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** A run after a short warm-up (JIT, connection pools, caches); the figure is the run's, not the warm-up's. */
async function measure(options) {
  await run({ ...options, duration: WARMUP_S });
  const result = await run({ ...options, duration: DURATION_S });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(`${options.title}: ${failed} requests failed (non-2xx ${result.non2xx}, errors ${result.errors})`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

const auth = (key) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

/** Four reads of one contract (random among the seeded ones) to one page of a filtered list. */
function readMix(server) {
  const randomId = () => `S-${String(Math.floor(Math.random() * server.seeded)).padStart(5, '0')}`;
  const get = { method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/v1/contracts/${randomId()}` }) };
  const list = {
    method: 'GET',
    setupRequest: (request) => ({
      ...request,
      path: `/api/v1/contracts?limit=20&debtorNumber=D${1000 + Math.floor(Math.random() * 50)}`,
    }),
  };
  return {
    url: server.apiUrl.replace(/\/api\/v1$/, ''),
    headers: auth(server.key),
    requests: [get, get, get, get, list],
  };
}

let created = 0;
/** New contracts, each with its own id: the API validates, writes the contract, its first version and the audit. */
function createMix(server, engine) {
  const body = () =>
    JSON.stringify({
      id: `B-${engine}-${process.pid}-${++created}`,
      name: 'Onderhoud bench',
      type: 'preventive',
      startDate: '2026-01-01',
      debtorNumber: 'D2000',
      schedule: { unit: 'week', weekdays: ['mon'] },
      budget: { amount: { amount: 120_000, currency: 'EUR' }, per: 'contract-year' },
    });
  return {
    url: server.apiUrl.replace(/\/api\/v1$/, ''),
    headers: auth(server.key),
    requests: [
      { method: 'POST', path: '/api/v1/contracts', setupRequest: (request) => ({ ...request, body: body() }) },
    ],
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const loadAverage = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

// BENCH_ROUNDS rounds per engine (default 3): each round measures the bare route and the API one after the other, so
// a ratio compares runs under the same machine load; the table gives the median of the rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const rows = [];
// BENCH_ENGINES=postgres (comma-separated) runs only those engines.
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const loadBefore = loadAverage();
for (const engine of ENGINES) {
  const server = await startServer(engine);
  const rounds = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const bareGet = await measure({ title: 'bare GET', url: `${server.bareUrl}/bare` });
      const reads = await measure({ title: `${engine} reads`, ...readMix(server) });
      const barePost = await measure({
        title: 'bare POST',
        url: `${server.bareUrl}/bare`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'x', type: 'preventive', startDate: '2026-01-01', debtorNumber: 'D2000' }),
      });
      const creates = await measure({ title: `${engine} creates`, ...createMix(server, engine) });
      rounds.push([
        { mix: 'bare GET', ...bareGet, ratio: 1 },
        { mix: 'read mix', ...reads, ratio: reads.rps / bareGet.rps },
        { mix: 'bare POST', ...barePost, ratio: 1 },
        { mix: 'create mix', ...creates, ratio: creates.rps / barePost.rps },
      ]);
    }
  } finally {
    await server.stop();
  }
  for (const [index, { mix }] of rounds[0].entries()) {
    const of = (field) => median(rounds.map((round) => round[index][field]));
    rows.push({ engine, mix, rps: of('rps'), p99: of('p99'), ratio: of('ratio') });
  }
}

console.log(
  `\ncontracts API, ${CONNECTIONS} connections, ${DURATION_S} s per run (after ${WARMUP_S} s warm-up), ` +
    `median of ${ROUNDS} round(s); load average before ${loadBefore}, after ${loadAverage()} (${cpus().length} cores):\n`,
);
console.log('engine    mix          req/s     p99 ms   vs bare');
for (const row of rows) {
  console.log(
    `${row.engine.padEnd(9)} ${row.mix.padEnd(11)} ${row.rps.toFixed(0).padStart(7)} ${String(row.p99).padStart(9)}   ${(row.ratio * 100).toFixed(0).padStart(5)} %`,
  );
}
