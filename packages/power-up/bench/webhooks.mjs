// `pnpm bench`, part (c): webhook ingestion on PostgreSQL — deliveries signed with the tenant's secret, each a new
// event, posted over loopback with 16 concurrent connections (autocannon); every one is verified with the SDK and
// stored in the inbox before its 200. Beside it, in the same run, a bare hono route that only reads the body. Three
// runs of each, alternating; prints the median events/s, p99, and the ratio to the bare route, and checks that every
// 200 stored exactly one event. Target: ≥ 2,000 verified and stored events/s.
import { createHmac } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const CONNECTIONS = 16;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 2;
const RUNS = 3;
const TARGET = 2_000;

const child = spawn(process.execPath, [new URL('./webhook-server.mjs', import.meta.url).pathname], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const lines = createInterface({ input: child.stdout });
const nextLine = () =>
  new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the webhook bench server exited with ${code}`)));
    lines.once('line', (line) => {
      child.removeAllListeners('exit');
      resolve(JSON.parse(line));
    });
  });
const server = await nextLine();
const storedCount = async () => {
  child.stdin.write('count\n');
  return (await nextLine()).stored;
};

// Deliveries signed as the SDK's signWebhook signs (`t=<s>,v1=<hex HMAC-SHA256 of "<t>." + body>`), made before the
// runs so the load generator spends its time sending. A wrong signature would show as non-2xx answers and fail the run.
let sequence = 0;
function delivery() {
  const id = `evt_bench_${++sequence}`;
  const body = JSON.stringify({
    id,
    type: 'workorder.status_changed',
    createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    data: { rowId: sequence, workorderNo: `CB-${sequence}`, previousStatus: 'Klaargezet', status: 'Opgehaald' },
  });
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', server.webhookSecret).update(`${t}.${body}`).digest('hex');
  return { body, headers: { 'content-type': 'application/json', 'x-contractbeheer-signature': `t=${t},v1=${v1}` } };
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function measure(title, options) {
  await run({ ...options, duration: WARMUP_S });
  const result = await run({ ...options, duration: DURATION_S });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(`${title}: ${failed} requests failed (non-2xx ${result.non2xx}, errors ${result.errors})`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

const webhookOptions = {
  url: server.webhookUrl,
  method: 'POST',
  requests: [{ setupRequest: (request) => ({ ...request, ...delivery() }) }],
};
const bareOptions = {
  url: server.bareUrl,
  method: 'POST',
  requests: [{ setupRequest: (request) => ({ ...request, ...delivery() }) }],
};

const bare = [];
const webhooks = [];
let sent = 0;
try {
  for (let i = 0; i < RUNS; i++) {
    bare.push(await measure('bare route', bareOptions));
    const before = sequence;
    webhooks.push(await measure('webhooks', webhookOptions));
    sent += sequence - before;
  }
  // Every delivery was a new event answered 200: the inbox must hold exactly as many (autocannon may have built a
  // request it never sent at the end of a run, so the stored count can fall short of the built count, never above).
  const stored = await storedCount();
  if (stored > sent)
    throw new Error(`stored ${stored} events for ${sent} deliveries built: something was stored twice`);
  const answered = webhooks.reduce((sum, r) => sum + r.total, 0);
  const warmups = stored - answered;
  const median = (list) => [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)];
  const w = median(webhooks);
  const b = median(bare);
  console.log(
    `\nwebhook ingestion on PostgreSQL, ${CONNECTIONS} connections, ${DURATION_S} s per run (after ${WARMUP_S} s warm-up), median of ${RUNS}:\n`,
  );
  console.log('route                    events/s   p99 ms   runs (events/s)');
  console.log(
    `bare hono POST           ${b.rps.toFixed(0).padStart(8)} ${String(b.p99).padStart(8)}   ${bare.map((r) => r.rps.toFixed(0)).join(', ')}`,
  );
  console.log(
    `POST /webhooks/{tenant}  ${w.rps.toFixed(0).padStart(8)} ${String(w.p99).padStart(8)}   ${webhooks.map((r) => r.rps.toFixed(0)).join(', ')}`,
  );
  console.log(
    `\nverified and stored: ${((w.rps / b.rps) * 100).toFixed(0)} % of the bare route; target ≥ ${TARGET}/s: ${w.rps >= TARGET ? 'met' : 'NOT met'}`,
  );
  console.log(`inbox rows: ${stored} (${answered} in the measured runs + ${warmups} in the warm-ups), none twice`);
} finally {
  child.stdin.end();
  await new Promise((resolve) => child.once('exit', resolve));
}
