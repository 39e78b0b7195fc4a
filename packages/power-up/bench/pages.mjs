// `pnpm bench` (second part) for @contractbeheer/power-up: the extension pages' server render time and weight.
// One power-up in this process (PGlite in a temp dir) with the SDK's sandbox host, one tenant installed through the
// sandbox marketplace, contracts with five years of occurrences (weekly twice: ~520; daily: ~1 830) on one host object,
// a corrective contract with an SLA policy and a breakdown work order on the sandbox host (for the host tabs). Every page is
// requested in-process through the app (`app.request`, so no socket is measured) with a context token the host would
// mint: verification, store reads, the core's computations, JSX rendering — the whole server side of a page.
// Beside the pages, two baselines from the same run: the empty layout (a refusal page: no verification, no data) and
// a verified context that finds nothing (a 404 page: verification and one store read). Prints p50/p95 over RENDERS
// requests per page after a warm-up, and each page's weight in bytes (no images: the pages have none); fails when a
// page answers other than expected.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createHostClient } from '@contractbeheer/sdk';
import { createHostSandbox, createSandboxMarketplace, startSandboxServer } from '@contractbeheer/sdk/sandbox';
import { SignJWT } from 'jose';
import { pino } from 'pino';
import { createPowerUp } from '../dist/index.js';

const RENDERS = Number(process.env.BENCH_RENDERS ?? 250);
const WARMUP = 25;
const TARGET_P95_MS = 50;
const TARGET_BYTES = 100 * 1024;
const TENANT = 'bench';

const DAY_MS = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const now = Date.now();
// Five years of occurrences around today: started two and a half years ago, ending two and a half years on.
const start = isoDay(now - Math.round(2.5 * 365.25) * DAY_MS);
const end = isoDay(Date.parse(`${start}T00:00:00Z`) + Math.round(5 * 365.25) * DAY_MS - DAY_MS);

const dataDir = mkdtempSync(path.join(tmpdir(), 'contractbeheer-bench-pages-'));
const marketplaceSecret = `mkt_${randomBytes(24).toString('base64url')}`;
const powerUp = await createPowerUp(
  {
    environment: 'production',
    dataDir: '/nonexistent',
    database: { kind: 'pglite', dataDir },
    http: { host: '127.0.0.1', port: 0 },
    secretKey: { keyId: 'bench', key: randomBytes(32) },
    previousSecretKeys: [],
    marketplaceSecret,
  },
  // Logging as in production (one info line per request), to a sink: its cost is part of the figure.
  { logger: pino({ level: 'info' }, pino.destination('/dev/null')) },
);
const { url } = await powerUp.listen();
const sandbox = createHostSandbox();
const host = await startSandboxServer(sandbox);
const marketplace = createSandboxMarketplace({
  sandbox,
  hostBaseUrl: host.baseUrl,
  powerUpUrl: url,
  secret: marketplaceSecret,
});
await marketplace.install({ tenantId: TENANT, tenantName: 'Bench Installatietechniek' });
const secret = marketplace.webhookSecrets.get(TENANT);

// The data the pages show.
const store = powerUp.store.forTenant(TENANT);
const meta = { actor: 'bench', at: new Date(now).toISOString() };
await store.terms.put(
  {
    code: 'JAAR',
    name: 'Jaarcontract',
    description: '',
    autoExtend: true,
    period: { count: 1, unit: 'year' },
    noticeBeforeCancellation: { count: 1, unit: 'month' },
    invoicePeriod: { count: 1, unit: 'month' },
  },
  meta,
);
const reasons = ['PRIJS', 'VERHUISD', 'KWALITEIT', 'FAILLIET', 'OVERIG'];
for (const code of reasons)
  await store.cancellationReasons.put({ code, label: `Reden ${code}`, archived: false }, meta);
// For the host tabs: a corrective contract with an SLA policy, and a breakdown work order on the host it covers.
await store.slaPolicies.put(
  {
    code: 'STORING',
    name: 'Storingsdienst',
    description: '',
    responseStatus: 'Opgehaald',
    resolvedStatus: 'Compleet',
    clock: 'business',
    targets: {
      1: { response: { amount: 4, unit: 'hours' }, resolution: { amount: 1, unit: 'days' } },
      2: { response: { amount: 1, unit: 'days' }, resolution: { amount: 3, unit: 'days' } },
    },
  },
  meta,
);
const OBJECT = 'CV-KETEL-88';
const WORK_ORDER = 'BENCH-STORING-1';
await createHostClient({ baseUrl: host.baseUrl, ...marketplace.hostTokens }).workOrders.create({
  WorkorderNo: WORK_ORDER,
  CustomerName: 'Bench Klant',
  CustomerDebtorNr: 'D100',
  CustomerStreet: 'Kerkstraat 12',
  CustomerZIP: '3511AB',
  CustomerCity: 'Utrecht',
  CustomerContactPerson: 'J. de Vries',
  CustomerNameInvoice: 'Bench Klant',
  CustomerDebtorNrInvoice: 'D100',
  CustomerStreetInvoice: 'Kerkstraat 12',
  CustomerZIPInvoice: '3511AB',
  CustomerCityInvoice: 'Utrecht',
  CustomerContactPersonInvoice: 'J. de Vries',
  TypeOfWork: 'Storing',
  WorkDescription: 'Cv-ketel geeft storing E1',
  PaymentMethod: 'Op rekening',
  WorkObjects: [OBJECT],
  PriorityCode: '1',
});
const contract = (id, schedule) => ({
  id,
  name: `Onderhoud ${id}`,
  type: 'preventive',
  termsCode: 'JAAR',
  startDate: start,
  endDate: end,
  debtorNumber: 'D100',
  daysInAdvance: 7,
  objectCodes: [OBJECT],
  schedule,
  budget: { amount: { amount: 2_400_000, currency: 'EUR' }, per: 'contract-year' },
  expectedCostPerWorkOrder: { amount: 12_500, currency: 'EUR' },
});
await store.contracts.create(contract('C-WEEKLY', { unit: 'week', weekdays: ['mon', 'thu'] }), meta);
await store.contracts.create(contract('C-DAILY', { unit: 'day' }), meta);
await store.contracts.create(
  {
    id: 'C-STORING',
    name: 'Storingsdienst',
    type: 'corrective',
    startDate: start,
    endDate: end,
    debtorNumber: 'D100',
    objectCodes: [OBJECT],
    slaPolicyCode: 'STORING',
    workOrder: { workType: 'Storing', description: 'Storingen' },
  },
  meta,
);
// A year of terminations for the report: 240, spread over the reasons.
for (let i = 0; i < 240; i++) {
  await store.terminations.record(
    {
      contractId: `T-${i}`,
      date: isoDay(now - (i % 365) * DAY_MS),
      reasonCode: reasons[i % reasons.length],
      reasonLabel: `Reden ${reasons[i % reasons.length]}`,
      remark: 'bench',
      lostValue: { amount: 10_000 + i * 100, currency: 'EUR' },
    },
    meta,
  );
}

/** A context token as the host mints it (HS256 with the tenant's webhook secret). */
async function token(entity, locale = 'nl') {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({ tenant: TENANT, user: { id: 'bench-user', name: 'Bench' }, locale, entity })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience('contractbeheer')
    .setIssuedAt(iat)
    .setExpirationTime(iat + 30 * 60)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(secret));
}

const ORIGIN = 'http://bench.test';
const request = (pathAndQuery, init = {}) =>
  powerUp.app.request(`${ORIGIN}${pathAndQuery}`, { ...init, headers: { host: 'bench.test', ...init.headers } });
const get = (pagePath, context) => request(`${pagePath}?context=${encodeURIComponent(context)}`);

const contractToken = await token({ type: 'contract' });
const customerToken = await token({ type: 'customer', id: 'D100' });
const dashboardToken = await token({ type: 'dashboard' });
const settingsToken = await token({ type: 'settings' });
const objectToken = await token({ type: 'object', id: OBJECT });
const workOrderToken = await token({ type: 'work-order', id: WORK_ORDER });
const newForm = await (await get('/pages/contracts/new', customerToken)).text();
const csrf = /name="csrf" value="([^"]+)"/.exec(newForm)[1];
const previewBody = () =>
  new URLSearchParams({
    context: customerToken,
    csrf,
    id: 'X',
    name: 'X',
    type: 'preventive',
    debtorNumber: 'D100',
    startDate: start,
    endDate: end,
    timeZone: 'Europe/Amsterdam',
    'schedule.unit': 'week',
    'schedule.weekdays': 'tue',
    'schedule.interval': '1',
    daysInAdvance: '7',
  });

const CASES = [
  {
    name: 'baseline: empty layout (refusal, no context)',
    status: 401,
    run: () => request('/pages/contracts/C-WEEKLY'),
  },
  { name: 'baseline: verified context, 404 page', status: 404, run: () => get('/pages/contracts/NOPE', contractToken) },
  { name: 'contract detail (weekly, 5 y)', status: 200, run: () => get('/pages/contracts/C-WEEKLY', contractToken) },
  { name: 'contract detail (daily, 5 y)', status: 200, run: () => get('/pages/contracts/C-DAILY', contractToken) },
  { name: 'new-contract form', status: 200, run: () => get('/pages/contracts/new', customerToken) },
  { name: 'edit form (daily, 5 y)', status: 200, run: () => get('/pages/contracts/C-DAILY/edit', contractToken) },
  {
    name: 'live preview (POST)',
    status: 200,
    run: () =>
      request('/pages/contracts/preview', {
        method: 'POST',
        body: previewBody(),
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      }),
  },
  { name: 'terminate dialog', status: 200, run: () => get('/pages/contracts/C-WEEKLY/terminate', contractToken) },
  { name: 'cancellation report (240)', status: 200, run: () => get('/pages/reports/cancellations', dashboardToken) },
  {
    name: 'cancellation reasons settings',
    status: 200,
    run: () => get('/pages/settings/cancellation-reasons', settingsToken),
  },
  { name: 'terms settings', status: 200, run: () => get('/pages/settings/terms', settingsToken) },
  { name: 'SLA policies settings', status: 200, run: () => get('/pages/settings/sla-policies', settingsToken) },
  { name: 'object tab (host)', status: 200, run: () => get('/pages/object-tab', objectToken) },
  { name: 'customer tab', status: 200, run: () => get('/pages/customer-tab', customerToken) },
  { name: 'work-order panel (host)', status: 200, run: () => get('/pages/work-order-panel', workOrderToken) },
  { name: 'dashboard widget', status: 200, run: () => get('/pages/dashboard-widget', dashboardToken) },
];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const rows = [];
try {
  for (const bench of CASES) {
    let bytes = 0;
    const times = [];
    for (let i = 0; i < WARMUP + RENDERS; i++) {
      const started = performance.now();
      const response = await bench.run();
      const body = await response.arrayBuffer();
      const elapsed = performance.now() - started;
      if (response.status !== bench.status) {
        throw new Error(`${bench.name}: answered ${response.status}, expected ${bench.status}`);
      }
      bytes = body.byteLength;
      if (i >= WARMUP) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    rows.push({ name: bench.name, p50: percentile(times, 50), p95: percentile(times, 95), bytes });
  }
} finally {
  await powerUp.close();
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(
  `\nextension pages, ${RENDERS} renders each after ${WARMUP} warm-up, in-process (app.request), PGlite; ` +
    `load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}:\n`,
);
console.log('page                                          p50 ms   p95 ms    KB   (targets: p95 < 50 ms, < 100 KB)');
let failed = false;
for (const row of rows) {
  const over = !row.name.startsWith('baseline') && (row.p95 > TARGET_P95_MS || row.bytes > TARGET_BYTES);
  failed ||= over;
  console.log(
    `${row.name.padEnd(44)} ${row.p50.toFixed(1).padStart(7)} ${row.p95.toFixed(1).padStart(8)} ${(row.bytes / 1024).toFixed(1).padStart(6)}${over ? '   OVER TARGET' : ''}`,
  );
}
if (failed) console.log('\nA page is over its target (see above).');
