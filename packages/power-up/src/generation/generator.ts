import { planWorkOrders, type Contract, type PlanResult } from '@contractbeheer/core';
import {
  ApiError,
  NotFoundError,
  RateLimitError,
  toPostWorkorder,
  type HostClient,
  type HostCustomer,
} from '@contractbeheer/sdk';
import { pino, type Logger } from 'pino';
import type { TenantHosts } from '../hosts/tenant-hosts.js';
import type { DueClaim, LedgerEntry, NewLedgerEntry } from '../store/generation-ledger.js';
import type { Store, Tenant, TenantStore } from '../store/store.js';
import { decideGeneration } from './decide-generation.js';
import type { GenerationCommand } from './generation-command.js';
import { groupCommit } from './group-commit.js';
import { hostCustomerFor } from './host-customer.js';
import type { HostLookup } from './host-lookup.js';
import { nextDueAt } from './next-due-at.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { deleteNotStartedAfterTermination } from './terminated-work-orders.js';

/** What one tick (or a run of ticks) did. */
export type TickReport = {
  /** Contracts claimed from the due index and looked at. */
  contracts: number;
  /** Work orders the host confirmed (by a create, or found by a look-up). */
  created: number;
  /** Occurrences recorded as skipped (past the catch-up limit). */
  skipped: number;
  /** Rows that became `failed` (every attempt spent). */
  failed: number;
  /** Work-order numbers looked up on the host before a retry. */
  lookedUp: number;
  /** Host calls or contracts that failed this tick (kept for the next one). */
  errors: number;
  /** Work orders deleted on the host after a termination (tenant policy `delete`). */
  deleted: number;
};

export type GeneratorOptions = {
  store: Store;
  hosts: TenantHosts;
  /** The clock; nothing here reads the time otherwise. */
  clock: () => Date;
  /** This worker's name in the due index's leases (unique per process). */
  owner: string;
  /** Host calls in flight at once per tenant (default 4). */
  concurrency?: number;
  /** How long a claimed contract stays this worker's (default 5 minutes): a crashed worker's claims come free then. */
  leaseMs?: number;
  /** Contracts claimed per tick (default 200). */
  batchSize?: number;
  /** Generate only this tenant's contracts (default: every installed tenant's). */
  tenantId?: string;
  policy?: RetryPolicy;
  /**
   * How long in all a `runUntilIdle` may wait for tenants the host asked to wait (429 with Retry-After, 5xx) to
   * resume them in the same run (default 60 s; 0: a backed-off tenant waits for the next run).
   */
  resumeWithinMs?: number;
  /** Waits `ms` (default a timer); a test passes one that moves its clock on. */
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
};

type TickOptions = {
  /** Called once per contract as its batch finishes, with the tick's running totals (the demo's progress bar). */
  onProgress?: (report: TickReport) => void;
};

export type Generator = {
  /** Claims what is due now, generates it, and releases each contract with the instant it is next due. */
  tick(options?: TickOptions): Promise<TickReport>;
  /**
   * Ticks until a tick finds nothing due — after waiting, within `resumeWithinMs`, for tenants the host asked to
   * wait —; the reports added up.
   */
  runUntilIdle(options?: TickOptions): Promise<TickReport>;
};

const emptyReport = (): TickReport => ({
  contracts: 0,
  created: 0,
  skipped: 0,
  failed: 0,
  lookedUp: 0,
  errors: 0,
  deleted: 0,
});

function addReports(into: TickReport, from: TickReport): void {
  for (const field of Object.keys(into) as (keyof TickReport)[]) into[field] += from[field];
}

/** The core reads instants to the second. */
const asOfOf = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const isoOf = (ms: number) => new Date(ms).toISOString();

/** A host answer that says "not now": 429 (with its Retry-After) or 5xx. `undefined` for any other failure. */
function hostBusyForMs(error: unknown, policy: RetryPolicy): number | undefined {
  if (error instanceof RateLimitError) return (error.retryAfterSeconds ?? policy.baseDelayMs / 1000) * 1000;
  if (error instanceof ApiError && error.status !== undefined && error.status >= 500) return policy.baseDelayMs;
  return undefined;
}

/*
 * How long the ledger writes of concurrent host calls gather before each group commit (see group-commit.ts). With a
 * database in the same thread (PGlite) nothing arrives during a write, so without it every attempt and every mark
 * paid a commit of its own (two per work order; 3.5 of the generator's 8 ms per work order). An attempt's wait is
 * short, since the lanes commit the next attempt while a POST is in flight; nothing waits for a mark but the end of
 * the batch (until written, a row is only reconciled by a look-up).
 */
const ATTEMPT_GATHER_MS = 8;
const MARK_GATHER_MS = 25;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1_000);

/** What is left of an item once it is prepared: its step (a host call), or nothing to do. */
type Step = (() => Promise<void>) | undefined;

/**
 * Runs the items in `limit` lanes, each item in two parts: `prepare`, then the step it answers. A lane prepares its
 * next item while the step of its current one runs, so a wait in `prepare` (a commit) overlaps a step (a host call)
 * instead of adding to it: at most `limit` steps run at once. `prepare` and the steps must not throw. A lane takes no
 * new item once `stop` says so.
 */
async function forEachPipelined<T>(
  items: readonly T[],
  limit: number,
  prepare: (item: T) => Promise<Step>,
  stop: () => boolean,
): Promise<void> {
  let next = 0;
  const prepareNext = (): Promise<Step> | undefined =>
    next < items.length && !stop() ? prepare(items[next++] as T) : undefined;
  const lane = async () => {
    let prepared = prepareNext();
    while (prepared !== undefined) {
      const step = await prepared;
      prepared = prepareNext();
      await step?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

function byContract(rows: readonly LedgerEntry[]): Map<string, LedgerEntry[]> {
  const grouped = new Map<string, LedgerEntry[]>();
  for (const row of rows) {
    const list = grouped.get(row.contractId);
    if (list === undefined) grouped.set(row.contractId, [row]);
    else list.push(row);
  }
  return grouped;
}

/** The row an insert command writes, or `undefined` for any other command. */
function newEntryOf(command: GenerationCommand): NewLedgerEntry | undefined {
  if (command.kind === 'insert-pending') {
    return { state: 'pending', key: command.key, workOrderNumber: command.workOrderNumber, plan: command.plan };
  }
  if (command.kind === 'insert-skipped') {
    const targetDate = command.key.slice(command.key.lastIndexOf('|') + 1);
    return {
      state: 'skipped',
      key: command.key,
      workOrderNumber: command.workOrderNumber,
      targetDate,
      reason: command.reason,
    };
  }
  return undefined;
}

/** One claimed contract of a batch: what was planned for it, its ledger rows and the commands last decided. */
type ContractWork = {
  contractId: string;
  latest: Contract;
  planned: PlanResult;
  rows: LedgerEntry[];
  commands: GenerationCommand[];
};

type CreateCommand = Extract<GenerationCommand, { kind: 'create' }>;
type LookUpCommand = Extract<GenerationCommand, { kind: 'look-up' }>;

/**
 * The generation shell around the pure `decideGeneration`: it claims due contracts from the due index (the cost of
 * a tick grows with the due work, not with the number of contracts), plans each with the core, decides, carries the
 * commands out exactly as `decide-generation.ts` prescribes — inserts committed before any host call, a
 * compare-and-set attempt count committed before each POST, a look-up before any retry, decided again in the same
 * tick — and releases each contract with the instant it is next due. Several generators (processes) may share one
 * database: the due index's `FOR UPDATE SKIP LOCKED` claims and the ledger's guarded writes keep them from doing
 * anything twice.
 *
 * The work is done per tenant and claimed batch, so that the database is asked a few times per batch rather than
 * several times per work order: the batch's versions and rows are read in one query each, its new rows inserted in
 * one statement, and the attempt counts and `created` marks of concurrent POSTs written together (group commit, one
 * statement per round of them). Each POST still waits for the commit of its own attempt; a crash between any two
 * writes leaves rows that the next run reconciles by look-up, never posts twice.
 */
export function createGenerator(options: GeneratorOptions): Generator {
  const { store, hosts, clock, owner } = options;
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 300_000;
  const batchSize = options.batchSize ?? 200;
  const log = options.logger ?? pino({ level: 'silent' });
  const resumeWithinMs = options.resumeWithinMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  /**
   * What the ticks of one run share: tenants, host clients and customers, read once per run (a `runUntilIdle` over
   * thousands of contracts asks the host for each customer once, not once per batch).
   */
  type RunCache = {
    tenants: Map<string, Promise<Tenant | undefined>>;
    clients: Map<string, Promise<HostClient>>;
    customers: Map<string, Promise<HostCustomer>>;
    /** The end of the latest back-off since the run last waited (epoch ms): when the backed-off are due again. */
    resumeAt?: number;
  };
  /** One tick: the run's cache, the tick's instant and totals, and the tenants the host asked to wait. */
  type TickState = RunCache & {
    now: number;
    report: TickReport;
    /** Tenant id → until when (epoch ms) its host is left alone. */
    backedOff: Map<string, number>;
    /** The end of the latest back-off the host asked for (429, 5xx) this tick; not one for missing credentials. */
    hostBusyUntil?: number;
  };

  const newRunCache = (): RunCache => ({ tenants: new Map(), clients: new Map(), customers: new Map() });

  function remember<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    let value = map.get(key);
    if (value === undefined) {
      value = make();
      // A failure is not remembered: the next contract of the tick may try again.
      value.catch(() => map.delete(key));
      map.set(key, value);
    }
    return value;
  }

  /** Notes a host failure: a 429 or 5xx backs the whole tenant off for the rest of the tick. */
  function hostFailed(state: TickState, tenantId: string, error: unknown): void {
    state.report.errors += 1;
    const waitMs = hostBusyForMs(error, policy);
    if (waitMs !== undefined) {
      const until = Math.max(state.backedOff.get(tenantId) ?? 0, state.now + waitMs);
      state.backedOff.set(tenantId, until);
      state.hostBusyUntil = Math.max(state.hostBusyUntil ?? 0, until);
      log.warn({ tenantId, until: isoOf(until) }, `host busy: tenant backed off (${messageOf(error)})`);
    }
  }

  /**
   * Carries out the decisions of a tenant's batch in the order `decide-generation.ts` prescribes. Host calls run
   * `concurrency` at a time; a look-up's answer is decided on at once, so the key's create (or mark) follows its
   * look-up without waiting for the rest of the batch. A failing call or write is counted and logged, and leaves its
   * row for the next tick.
   */
  async function execute(
    state: TickState,
    tenant: Tenant,
    tenantStore: TenantStore,
    works: readonly ContractWork[],
    decide: (work: ContractWork, lookups: readonly HostLookup[]) => GenerationCommand[],
  ): Promise<void> {
    const { report, now } = state;
    const { ledger } = tenantStore;
    const at = isoOf(now);

    // 1. Every insert of the batch in one statement, committed before any host call. Keys inserted first by
    //    someone else are dropped for this tick.
    const inserts = works.flatMap((work) => work.commands.flatMap((command) => newEntryOf(command) ?? []));
    const inserted = new Set(await ledger.insert(inserts, at));
    const dropped = new Set(inserts.map((entry) => entry.key).filter((key) => !inserted.has(key)));
    report.skipped += inserts.filter((entry) => entry.state === 'skipped' && inserted.has(entry.key)).length;

    // Attempt counts and `created` marks of concurrent host calls share their statements (group commit). Each POST
    // waits for the commit of its own attempt; a mark need not hold up the next POST — until it is written, the row
    // is reconciled like a lost answer.
    const startAttempt = groupCommit(
      async (attempts: { key: string; attempt: number; startedAt: number }[]) => {
        const started = new Set(await ledger.startAttempts(attempts));
        return attempts.map((attempt) => started.has(attempt.key));
      },
      { gatherMs: ATTEMPT_GATHER_MS },
    );
    type Found = { key: string; expected: { state: 'pending' | 'failed'; attempts: number }; hostId: string | null };
    const markCreated = groupCommit(
      async (rows: Found[]) => {
        const marked = new Set(await ledger.markCreatedMany(rows, at));
        return rows.map((row) => marked.has(row.key));
      },
      { gatherMs: MARK_GATHER_MS },
    );
    const marking: Promise<void>[] = [];
    const mark = (work: ContractWork, found: Found) =>
      marking.push(
        markCreated(found).then(
          (marked) => void (marked && (report.created += 1)),
          (error: unknown) => {
            report.errors += 1;
            log.error({ tenantId: tenant.id, contractId: work.contractId, key: found.key, err: error }, 'not marked');
          },
        ),
      );
    const host = () => remember(state.clients, tenant.id, () => hosts.clientFor(tenant));
    const customer = (debtorNumber: string) =>
      remember(state.customers, `${tenant.id}|${debtorNumber}`, async () =>
        hostCustomerFor(await host(), debtorNumber),
      );
    const backedOff = () => (state.backedOff.get(tenant.id) ?? 0) > now;

    /**
     * A create up to its POST: the record built and the attempt counted and committed. Resolves with the POST, or
     * with nothing when there is nothing to post (the row moved on, or the customer is missing).
     */
    async function prepareCreate(work: ContractWork, command: CreateCommand): Promise<Step> {
      const attempt = { key: command.key, attempt: command.attempt, startedAt: command.at };
      let record;
      try {
        record = toPostWorkorder(command.plan, await customer(work.latest.debtorNumber));
      } catch (error) {
        // The host could not tell us the customer: nothing was posted, so no attempt is counted for a busy host.
        if (hostBusyForMs(error, policy) !== undefined) {
          hostFailed(state, tenant.id, error);
          return undefined;
        }
        // A customer the host lacks: counted as a failed attempt, so the row ends `failed` with this reason.
        if (!(await startAttempt(attempt))) return undefined;
        report.errors += 1;
        await ledger.recordError(command.key, command.attempt, messageOf(error), at);
        return undefined;
      }
      // Counted and committed before the POST: a crash after it leaves a row that is reconciled, never re-posted.
      if (!(await startAttempt(attempt))) return undefined;
      return async () => {
        try {
          const [created] = await (await host()).workOrders.create(record);
          const hostId = created === undefined ? null : String(created.rowId);
          mark(work, { key: command.key, expected: { state: 'pending', attempts: command.attempt }, hostId });
        } catch (error) {
          hostFailed(state, tenant.id, error);
          await ledger.recordError(command.key, command.attempt, messageOf(error), at);
        }
      };
    }

    async function create(work: ContractWork, command: CreateCommand): Promise<void> {
      await (
        await prepareCreate(work, command)
      )?.();
    }

    /** The ledger-only commands: a number a look-up found, a row whose every attempt is spent. */
    async function settle(work: ContractWork, command: GenerationCommand): Promise<void> {
      if (command.kind === 'mark-created') {
        const row = work.rows.find((candidate) => candidate.key === command.key);
        if (row === undefined || (row.state !== 'pending' && row.state !== 'failed')) return;
        mark(work, {
          key: command.key,
          expected: { state: row.state, attempts: row.attempts },
          hostId: command.hostId,
        });
      } else if (command.kind === 'mark-failed') {
        if (await ledger.markFailed(command.key, command.attempts, command.lastError, at)) {
          report.failed += 1;
          log.warn({ tenantId: tenant.id, key: command.key }, `work order not created: ${command.lastError}`);
        }
      }
    }

    /** Asks the host for the number, then carries out what the decision says for this key with the answer. */
    async function lookUp(work: ContractWork, command: LookUpCommand): Promise<void> {
      const { key, workOrderNumber, afterAttempts } = command;
      let lookup: HostLookup;
      try {
        const found = await (await host()).workOrders.get({ workorderNo: workOrderNumber });
        lookup = {
          key,
          workOrderNumber,
          afterAttempts,
          found: true,
          hostId: found.rowId === null ? null : String(found.rowId),
        };
      } catch (error) {
        if (!(error instanceof NotFoundError)) {
          hostFailed(state, tenant.id, error);
          return;
        }
        lookup = { key, workOrderNumber, afterAttempts, found: false };
      }
      report.lookedUp += 1;
      // Decided again with the answer (only this key's commands count: the others were decided and carried out
      // already): a found number becomes created, a missing one is posted again or, attempts spent, failed.
      for (const next of decide(work, [lookup]).filter((candidate) => candidate.key === key)) {
        if (next.kind !== 'create') await settle(work, next);
        else if (!backedOff()) await create(work, next);
      }
    }

    const hostCalls: { work: ContractWork; command: CreateCommand | LookUpCommand }[] = [];
    for (const work of works) {
      for (const command of work.commands) {
        if (dropped.has(command.key)) continue;
        if (command.kind === 'create' || command.kind === 'look-up') hostCalls.push({ work, command });
        else await settle(work, command);
      }
    }
    // A ledger write failed (the database is away): the row keeps what was committed and is decided again.
    const stepFailed = (key: string, error: unknown) => {
      report.errors += 1;
      log.error({ tenantId: tenant.id, key, err: error }, 'generation step failed');
    };
    // The next create's attempt commits while the lane's POST is in flight. A create whose tenant was backed off
    // in between is not posted: its committed attempt is reconciled by a look-up later, as after a crash.
    await forEachPipelined(
      hostCalls,
      concurrency,
      async ({ work, command }): Promise<Step> => {
        let step: Step;
        try {
          step = command.kind === 'create' ? await prepareCreate(work, command) : () => lookUp(work, command);
        } catch (error) {
          stepFailed(command.key, error);
          return undefined;
        }
        if (step === undefined) return undefined;
        const run = step;
        return async () => {
          if (backedOff()) return;
          try {
            await run();
          } catch (error) {
            stepFailed(command.key, error);
          }
        };
      },
      backedOff,
    );
    await Promise.all(marking);
  }

  /**
   * Generates one tenant's claimed contracts; resolves with when each is next due (epoch ms) or `null`, by contract
   * id. A contract whose plan or decision fails is counted and due again after the base delay; the others go on.
   */
  async function generateBatch(state: TickState, claims: readonly DueClaim[]): Promise<Map<string, number | null>> {
    const next = new Map<string, number | null>();
    const tenantId = (claims[0] as DueClaim).tenantId;
    const tenant = await remember(state.tenants, tenantId, () => store.tenants.get(tenantId));
    if (tenant === undefined || tenant.status !== 'installed') return next;
    const backedOffUntil = state.backedOff.get(tenant.id) ?? 0;
    if (backedOffUntil > state.now) {
      for (const claim of claims) next.set(claim.contractId, backedOffUntil);
      return next;
    }

    const tenantStore = store.forTenant(tenant.id);
    const ids = claims.map((claim) => claim.contractId);
    const [versionsById, ledgerRows] = await Promise.all([
      tenantStore.contracts.versionsOfMany(ids),
      tenantStore.ledger.forContracts(ids),
    ]);
    const rowsById = byContract(ledgerRows);

    const decide = (work: ContractWork, lookups: readonly HostLookup[]) =>
      decideGeneration({
        contractId: work.contractId,
        planned: work.planned,
        rows: work.rows,
        lookups,
        now: state.now,
        policy,
      });

    const works: ContractWork[] = [];
    for (const contractId of ids) {
      const versions = (versionsById.get(contractId) ?? []).map((version) => version.contract);
      const latest = versions[versions.length - 1];
      if (latest === undefined) continue;
      try {
        const rows = rowsById.get(contractId) ?? [];
        const planned = planWorkOrders(versions, {
          asOf: asOfOf(state.now),
          generatedKeys: rows.map((row) => row.key),
          catchUpLimitDays: tenant.settings.catchUpLimitDays,
        });
        const work: ContractWork = { contractId, latest, planned, rows, commands: [] };
        work.commands = decide(work, []);
        works.push(work);
      } catch (error) {
        // A contract that cannot be planned or decided is tried again after the base delay; the batch goes on.
        state.report.errors += 1;
        log.error({ tenantId: tenant.id, contractId, err: error }, 'generation failed');
        next.set(contractId, state.now + policy.baseDelayMs);
      }
    }

    if (works.some((work) => work.commands.some((c) => c.kind === 'create' || c.kind === 'look-up'))) {
      // No host connection (credentials missing or unreadable): no attempt is spent; the tenant waits a while.
      try {
        await remember(state.clients, tenant.id, () => hosts.clientFor(tenant));
      } catch (error) {
        state.report.errors += 1;
        state.backedOff.set(tenant.id, state.now + policy.baseDelayMs);
        log.warn({ tenantId: tenant.id }, `no host connection: ${messageOf(error)}`);
      }
    }
    await execute(state, tenant, tenantStore, works, decide);

    const finalRows = byContract(await tenantStore.ledger.forContracts(works.map((work) => work.contractId)));
    for (const work of works) {
      work.rows = finalRows.get(work.contractId) ?? [];
      const { latest } = work;
      if (tenant.settings.notStartedAfterTermination === 'delete' && latest.termination !== undefined) {
        const host = () => remember(state.clients, tenant.id, () => hosts.clientFor(tenant));
        try {
          state.report.deleted += await deleteNotStartedAfterTermination({
            ledger: tenantStore.ledger,
            host,
            rows: work.rows,
            terminationDate: latest.termination.date,
            at: isoOf(state.now),
          });
        } catch (error) {
          hostFailed(state, tenant.id, error);
        }
      }
      const due = nextDueAt({
        nextCreationDate: work.planned.nextCreationDate,
        timeZone: latest.timeZone,
        rows: work.rows,
        policy,
        now: state.now,
      });
      const backedOffAfter = state.backedOff.get(tenant.id) ?? 0;
      next.set(work.contractId, due === null ? null : Math.max(due, backedOffAfter));
    }
    return next;
  }

  async function tick(tickOptions: TickOptions, cache: RunCache): Promise<TickReport> {
    const now = clock().getTime();
    const state: TickState = { ...cache, now, report: emptyReport(), backedOff: new Map() };
    const claims = await store.dueIndex.claimDue({
      now: isoOf(now),
      limit: batchSize,
      leaseMs,
      owner,
      ...(options.tenantId !== undefined && { tenantId: options.tenantId }),
    });
    const byTenant = new Map<string, DueClaim[]>();
    for (const claim of claims) {
      const tenantClaims = byTenant.get(claim.tenantId);
      if (tenantClaims === undefined) byTenant.set(claim.tenantId, [claim]);
      else tenantClaims.push(claim);
    }

    const releases: { claim: DueClaim; nextDueAt: string | null }[] = [];
    await Promise.all(
      [...byTenant.values()].map(async (tenantClaims) => {
        let nexts: Map<string, number | null>;
        try {
          nexts = await generateBatch(state, tenantClaims);
        } catch (error) {
          // The batch could not be read or written: every contract in it is tried again after the base delay.
          state.report.errors += tenantClaims.length;
          log.error({ tenantId: tenantClaims[0]?.tenantId, err: error }, 'generation failed');
          nexts = new Map(tenantClaims.map((claim) => [claim.contractId, now + policy.baseDelayMs]));
        }
        for (const claim of tenantClaims) {
          const next = nexts.get(claim.contractId) ?? null;
          state.report.contracts += 1;
          // Never due again within this tick's instant: a frozen test clock would otherwise claim it forever.
          releases.push({ claim, nextDueAt: next === null ? null : isoOf(Math.max(next, now + 1)) });
          tickOptions.onProgress?.({ ...state.report });
        }
      }),
    );
    await store.dueIndex.releaseMany(releases);
    if (state.hostBusyUntil !== undefined) cache.resumeAt = Math.max(cache.resumeAt ?? 0, state.hostBusyUntil);
    if (claims.length > 0) log.info({ ...state.report }, 'generation tick');
    return state.report;
  }

  return {
    tick: (tickOptions = {}) => tick(tickOptions, newRunCache()),
    async runUntilIdle(tickOptions: TickOptions = {}) {
      const cache = newRunCache();
      const total = emptyReport();
      let waitLeftMs = resumeWithinMs;
      for (;;) {
        const report = await tick(tickOptions, cache);
        addReports(total, report);
        if (report.contracts > 0) continue;
        // Nothing due now. Tenants the host asked to wait are due again when their wait ends (their contracts were
        // released with that instant): wait for it in this run while the run's waiting time allows.
        const resumeAt = cache.resumeAt;
        delete cache.resumeAt;
        if (resumeAt === undefined) return total;
        const waitMs = Math.max(resumeAt - clock().getTime(), 0);
        if (waitMs > waitLeftMs) return total;
        waitLeftMs -= waitMs;
        log.info({ resumeAt: isoOf(resumeAt) }, 'waiting for the host to take work again');
        await sleep(waitMs);
      }
    },
  };
}
