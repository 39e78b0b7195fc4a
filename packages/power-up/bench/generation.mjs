// `pnpm bench` for generation (issue 12), after the contracts API bench (run.mjs):
// (a) first run: 10,000 contracts × 1–3 objects, about 20,000 work orders created by the generator into the SDK's
//     sandbox host running in its own process (loopback HTTP) — work orders/s beside the SDK's own create rate
//     against the same sandbox process in the same run (16 in flight, as the SDK bench) — target ≥ 50 %;
// (b) an idle tick over 100,000 contracts with nothing due, beside a full scan of the same contracts (every contract
//     loaded and planned) in the same run — target ≥ 100× faster.
// Medians over rounds; the machine is shared and noisy, so the ratios within one run are the figures that count.
// BENCH_ENGINES=postgres (comma-separated) runs only those engines; BENCH_GENERATION=a or =b only one part.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseContract, planWorkOrders } from '@contractbeheer/core';
import { createHostClient, toPostWorkorder } from '@contractbeheer/sdk';
import pg from 'pg';
import { pino } from 'pino';
import { build } from 'tsup';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const IDLE_CONTRACTS = Number(process.env.BENCH_IDLE_CONTRACTS ?? 100_000);
const FIRST_RUN_CONTRACTS = Number(process.env.BENCH_FIRST_RUN_CONTRACTS ?? 10_000);
const SCAN_ROUNDS = 3;
const TICK_ROUNDS = 15;
const SDK_ROUNDS = 3;
const SDK_CREATES = 2_000;
const CONCURRENCY = 16;
const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const PARTS = (process.env.BENCH_GENERATION ?? 'a,b').split(',');
const silent = pino({ level: 'silent' });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const range = (values, digits = 0) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

/** The generator and its plumbing from source (see generation-kit.ts), bundled once into the package's cache. */
async function loadKit() {
  const outDir = path.join(HERE, '..', 'node_modules', '.cache', 'bench');
  mkdirSync(outDir, { recursive: true });
  const name = `generation-kit-${process.pid}`;
  await build({
    entry: { [name]: path.join(HERE, 'generation-kit.ts') },
    outDir,
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    config: false,
    dts: false,
    clean: false,
    silent: true,
  });
  const kit = await import(path.join(outDir, `${name}.js`));
  rmSync(path.join(outDir, `${name}.js`), { force: true });
  return kit;
}

async function scratchDatabase(engine) {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'contractbeheer-bench-generation-'));
    return {
      database: { kind: 'pglite', dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `contractbeheer_bench_gen_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgres', connectionString: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

/** The SDK's sandbox bin in a process of its own, on a free port; resolves with its URL and a stop function. */
async function startSandboxProcess() {
  const sdkDir = path.dirname(createRequire(import.meta.url).resolve('@contractbeheer/sdk/package.json'));
  const child = spawn(process.execPath, [path.join(sdkDir, 'dist', 'sandbox-cli.js'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /OutSmart sandbox on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
  });
  const origin = new URL(baseUrl).origin;
  return {
    baseUrl,
    tokens: { token: 'sandbox-client-token', softwareToken: 'sandbox-software-token' },
    tally: async () => {
      const read = async () => (await fetch(`${origin}/__sandbox/work-orders`)).json();
      // The connection kept alive since the last tally may be closed by the sandbox just as a long run ends: once more.
      return read().catch(read);
    },
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
  };
}

async function postMasterData(sandbox, endpoint, records) {
  const url = `${sandbox.baseUrl}/${endpoint}/?token=${sandbox.tokens.token}&software_token=${sandbox.tokens.softwareToken}`;
  for (let i = 0; i < records.length; i += 1_000) {
    const response = await fetch(url, { method: 'POST', body: JSON.stringify(records.slice(i, i + 1_000)) });
    const envelope = await response.json();
    if (envelope.code !== 200) throw new Error(`seeding ${endpoint}: host code ${envelope.code}`);
  }
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

const CUSTOMERS = 200;
const customerOf = (i) => `D${5000 + (i % CUSTOMERS)}`;

/** The SDK's own create rate against the same sandbox process: work orders/s, 16 in flight, one per call. */
async function sdkCreateRate(sandbox, round) {
  const host = createHostClient({ baseUrl: sandbox.baseUrl, ...sandbox.tokens });
  const customer = {
    name: 'Klant D5000',
    debtorNumber: 'D5000',
    street: 'Stationsweg',
    zip: '3511AB',
    city: 'Utrecht',
    contactPerson: 'Contactpersoon',
  };
  const records = Array.from({ length: SDK_CREATES }, (_, i) => {
    const key = `SDK-${round}-${i}|*|2026-05-15`;
    return toPostWorkorder(
      {
        key,
        contractId: `SDK-${round}-${i}`,
        debtorNumber: 'D5000',
        objectCodes: ['OBJ-1'],
        targetDate: '2026-05-15',
        creationDate: '2026-05-01',
        late: false,
        timing: { kind: 'deadline', deadline: '2026-05-15' },
        workType: 'Onderhoud',
        description: 'Maandelijks onderhoud',
        durationMinutes: undefined,
        priorityCode: undefined,
      },
      customer,
    );
  });
  const started = performance.now();
  await pool(records.length, CONCURRENCY, (i) => host.workOrders.create(records[i]));
  return (records.length * 1000) / (performance.now() - started);
}

/** (a) the generator's first run over FIRST_RUN_CONTRACTS contracts, each with exactly one due visit per object. */
async function firstRunBench(kit, engine) {
  const NOW = '2026-05-10T06:00:00.000Z';
  const WRITTEN = '2026-04-01T08:00:00.000Z';
  const sandbox = await startSandboxProcess();
  const scratch = await scratchDatabase(engine);
  const store = await kit.openStore(scratch.database);
  try {
    await postMasterData(
      sandbox,
      'relations',
      Array.from({ length: CUSTOMERS }, (_, i) => ({
        name: `Klant ${customerOf(i)}`,
        debtor_number: customerOf(i),
        contact: 'Contactpersoon',
        street: 'Stationsweg',
        postal_code: '3511AB',
        city: 'Utrecht',
      })),
    );
    const vault = kit.createCredentialVault({ current: { keyId: 'bench', key: randomBytes(32) } });
    const meta = { actor: 'bench', at: WRITTEN };
    await kit.tenantLifecycle(store, vault).install(
      {
        tenantId: 'first-run',
        tenantName: 'First Run BV',
        hostBaseUrl: sandbox.baseUrl,
        hostTokens: sandbox.tokens,
        webhookSecret: `whsec_${randomBytes(16).toString('hex')}`,
      },
      meta,
    );
    const tenant = store.forTenant('first-run');
    // One visit on 15 May per object, created 14 days before: due on the bench's clock (10 May), none later.
    const contracts = Array.from({ length: FIRST_RUN_CONTRACTS }, (_, i) =>
      parseContract({
        id: `F-${String(i).padStart(6, '0')}`,
        type: 'preventive',
        startDate: '2026-05-01',
        endDate: '2026-05-31',
        debtorNumber: customerOf(i),
        objectCodes: Array.from({ length: 1 + (i % 3) }, (_, n) => `OBJ-${i}-${n}`),
        daysInAdvance: 14,
        schedule: { unit: 'month', day: 15 },
        workOrder: { workType: 'Onderhoud', description: `Onderhoud ${i}` },
      }),
    );
    await tenant.contracts.createMany(contracts, meta);
    const expected = contracts.reduce((sum, c) => sum + c.objectCodes.length, 0);

    const sdkRates = [];
    for (let round = 0; round < SDK_ROUNDS; round++) sdkRates.push(await sdkCreateRate(sandbox, round));
    const before = await sandbox.tally();

    const generator = kit.createGenerator({
      store,
      hosts: kit.createTenantHosts({ store, vault }),
      clock: () => new Date(NOW),
      owner: 'bench',
      concurrency: CONCURRENCY,
      logger: silent,
    });
    const started = performance.now();
    const report = await generator.runUntilIdle();
    const ms = performance.now() - started;
    const after = await sandbox.tally();
    const generated = Object.entries(after.postsByNumber).filter(([number]) => !(number in before.postsByNumber));
    const duplicates = generated.filter(([, posts]) => posts > 1).length;
    if (report.created !== expected || generated.length !== expected || duplicates > 0) {
      throw new Error(
        `first run: ${report.created} created, ${generated.length} on the host, ${duplicates} posted twice; expected ${expected}`,
      );
    }
    const rate = (report.created * 1000) / ms;
    const sdkRate = median(sdkRates);
    return { engine, expected, ms, rate, sdkRate, sdkRates, ratio: rate / sdkRate };
  } finally {
    await store.close();
    await scratch.drop();
    await sandbox.stop();
  }
}

/** Contracts of 1–3 objects each, monthly visits from 2030 on: nothing to generate for years. */
function idleContract(i) {
  return parseContract({
    id: `I-${String(i).padStart(6, '0')}`,
    type: 'preventive',
    startDate: '2030-01-01',
    debtorNumber: `D${1000 + (i % 500)}`,
    objectCodes: Array.from({ length: 1 + (i % 3) }, (_, n) => `OBJ-${i}-${n}`),
    daysInAdvance: 14,
    schedule: { unit: 'month', day: 1 + (i % 28) },
    workOrder: { workType: 'Onderhoud', description: `Maandelijks onderhoud ${i}` },
  });
}

/**
 * What a generator without a due index must do every tick: load every contract (in pages, as the store lists them)
 * and plan it. A lower bound of that cost — it does not even read the ledger — so the ratio is conservative.
 */
async function fullScan(tenant, asOf, catchUpLimitDays) {
  let cursor;
  let planned = 0;
  let due = 0;
  do {
    const page = await tenant.contracts.list({ limit: 200, ...(cursor === undefined ? {} : { cursor }) });
    for (const { contract } of page.items) {
      due += planWorkOrders(contract, { asOf, generatedKeys: [], catchUpLimitDays }).plans.length;
      planned += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { planned, due };
}

/** (b) an idle tick over IDLE_CONTRACTS contracts beside a full scan of them. */
async function idleBench(kit, engine) {
  // The tick's instant. The contracts are written (and so entered in the due index, due at once) a day later: the
  // index holds all of them, none due at the tick — the state after a first pass, when every entry waits for its
  // next creation date. (Running a first pass over 100,000 contracts to get there would dominate the bench.)
  const NOW = '2026-06-01T06:00:00.000Z';
  const WRITTEN = '2026-06-02T06:00:00.000Z';
  const scratch = await scratchDatabase(engine);
  const store = await kit.openStore(scratch.database);
  try {
    const vault = kit.createCredentialVault({ current: { keyId: 'bench', key: randomBytes(32) } });
    const meta = { actor: 'bench', at: WRITTEN };
    await kit.tenantLifecycle(store, vault).install(
      {
        tenantId: 'idle',
        tenantName: 'Idle BV',
        hostBaseUrl: 'http://127.0.0.1:9/openapi/8',
        hostTokens: { token: 'unused', softwareToken: 'unused' },
        webhookSecret: `whsec_${randomBytes(16).toString('hex')}`,
      },
      meta,
    );
    const tenant = store.forTenant('idle');
    const seedStarted = performance.now();
    for (let from = 0; from < IDLE_CONTRACTS; from += 10_000) {
      const batch = Array.from({ length: Math.min(10_000, IDLE_CONTRACTS - from) }, (_, n) => idleContract(from + n));
      await tenant.contracts.createMany(batch, meta);
    }
    const seedMs = performance.now() - seedStarted;
    const { catchUpLimitDays } = await tenant.settings.get();

    const generator = kit.createGenerator({
      store,
      // Never called: nothing is due. A host call would fail loudly (port 9 is discard).
      hosts: kit.createTenantHosts({ store, vault }),
      clock: () => new Date(NOW),
      owner: 'bench',
      logger: silent,
    });
    const ticks = [];
    for (let round = 0; round < TICK_ROUNDS; round++) {
      const started = performance.now();
      const report = await generator.tick();
      ticks.push(performance.now() - started);
      if (report.contracts !== 0) throw new Error(`idle tick: ${report.contracts} contracts claimed`);
    }
    const scans = [];
    for (let round = 0; round < SCAN_ROUNDS; round++) {
      const started = performance.now();
      const { planned, due } = await fullScan(tenant, NOW.replace(/\.\d+Z$/, 'Z'), catchUpLimitDays);
      scans.push(performance.now() - started);
      if (planned !== IDLE_CONTRACTS || due !== 0) throw new Error(`full scan: ${planned} planned, ${due} due`);
    }
    const indexed = await store.dueIndex.countDue(WRITTEN);
    if (indexed !== IDLE_CONTRACTS) throw new Error(`the due index holds ${indexed} entries`);
    return { engine, seedMs, tickMs: median(ticks), ticks, scanMs: median(scans), scans };
  } finally {
    await store.close();
    await scratch.drop();
  }
}

const kit = await loadKit();
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
console.log(`\ngeneration benchmarks — Node ${process.version}, load average ${load()}\n`);
for (const engine of ENGINES) {
  if (PARTS.includes('a')) {
    const a = await firstRunBench(kit, engine);
    console.log(
      `(a) ${engine}: first run, ${FIRST_RUN_CONTRACTS.toLocaleString('en')} contracts × 1–3 objects → ` +
        `${a.expected.toLocaleString('en')} work orders in ${(a.ms / 1000).toFixed(1)} s = ${a.rate.toFixed(0)} work orders/s; ` +
        `SDK create rate in the same run ${a.sdkRate.toFixed(0)}/s (median of ${SDK_ROUNDS}, ${range(a.sdkRates)}); ` +
        `generator / SDK = ${(a.ratio * 100).toFixed(0)} % (target ≥ 50 %); load ${load()}`,
    );
  }
  if (PARTS.includes('b')) {
    const b = await idleBench(kit, engine);
    console.log(
      `(b) ${engine}: ${IDLE_CONTRACTS.toLocaleString('en')} contracts (seeded in ${(b.seedMs / 1000).toFixed(1)} s), ` +
        `nothing due: idle tick ${b.tickMs.toFixed(2)} ms (median of ${TICK_ROUNDS}, ${range(b.ticks, 2)}); ` +
        `full scan (load + plan every contract) ${b.scanMs.toFixed(0)} ms (median of ${SCAN_ROUNDS}, ${range(b.scans)}); ` +
        `${(b.scanMs / b.tickMs).toFixed(0)}× faster (target ≥ 100×); load ${load()}`,
    );
  }
}
