import { planWorkOrders, type PlanResult } from '@contractbeheer/core';
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
  /** Contracts worked on at once (default 4). */
  concurrency?: number;
  /** How long a claimed contract stays this worker's (default 5 minutes): a crashed worker's claims come free then. */
  leaseMs?: number;
  /** Contracts claimed per tick (default 200). */
  batchSize?: number;
  /** Generate only this tenant's contracts (default: every installed tenant's). */
  tenantId?: string;
  policy?: RetryPolicy;
  logger?: Logger;
};

type TickOptions = {
  /** Called after each contract with the tick's running totals (the demo's progress bar). */
  onProgress?: (report: TickReport) => void;
};

export type Generator = {
  /** Claims what is due now, generates it, and releases each contract with the instant it is next due. */
  tick(options?: TickOptions): Promise<TickReport>;
  /** Ticks until a tick finds nothing due; the reports added up. */
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

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1_000);

/** Runs `work` over `items`, at most `limit` at a time. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The generation shell around the pure `decideGeneration`: it claims due contracts from the due index (the cost of
 * a tick grows with the due work, not with the number of contracts), plans each with the core, decides, carries the
 * commands out exactly as `decide-generation.ts` prescribes — inserts committed before any host call, a
 * compare-and-set attempt count before each POST, a look-up before any retry, decided again in the same tick — and
 * releases each contract with the instant it is next due. Several generators (processes) may share one database:
 * the due index's `FOR UPDATE SKIP LOCKED` claims and the ledger's guarded writes keep them from doing anything twice.
 */
export function createGenerator(options: GeneratorOptions): Generator {
  const { store, hosts, clock, owner } = options;
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 300_000;
  const batchSize = options.batchSize ?? 200;
  const log = options.logger ?? pino({ level: 'silent' });

  /** What one tick shares between its contracts: host clients, customers, and tenants the host asked to wait. */
  type TickState = {
    now: number;
    report: TickReport;
    tenants: Map<string, Promise<Tenant | undefined>>;
    clients: Map<string, Promise<HostClient>>;
    customers: Map<string, Promise<HostCustomer>>;
    /** Tenant id → until when (epoch ms) its host is left alone. */
    backedOff: Map<string, number>;
  };

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
      log.warn({ tenantId, until: isoOf(until) }, `host busy: tenant backed off (${messageOf(error)})`);
    }
  }

  /** Carries out one decision's commands for a contract; returns the look-ups it made. */
  async function execute(
    state: TickState,
    tenant: Tenant,
    tenantStore: TenantStore,
    debtorNumber: string,
    rows: readonly LedgerEntry[],
    commands: readonly GenerationCommand[],
  ): Promise<HostLookup[]> {
    const { report, now } = state;
    const at = isoOf(now);
    const rowsByKey = new Map(rows.map((row) => [row.key, row]));

    // 1. Inserts, in one statement, committed before any host call. A key someone else inserted first is dropped.
    const inserts: NewLedgerEntry[] = [];
    for (const command of commands) {
      if (command.kind === 'insert-pending') {
        inserts.push({
          state: 'pending',
          key: command.key,
          workOrderNumber: command.workOrderNumber,
          plan: command.plan,
        });
      } else if (command.kind === 'insert-skipped') {
        const targetDate = command.key.slice(command.key.lastIndexOf('|') + 1);
        inserts.push({
          state: 'skipped',
          key: command.key,
          workOrderNumber: command.workOrderNumber,
          targetDate,
          reason: command.reason,
        });
      }
    }
    const inserted = new Set(await tenantStore.ledger.insert(inserts, at));
    const dropped = new Set(inserts.map((entry) => entry.key).filter((key) => !inserted.has(key)));
    report.skipped += inserts.filter((entry) => entry.state === 'skipped' && inserted.has(entry.key)).length;

    const lookups: HostLookup[] = [];
    const host = () => remember(state.clients, tenant.id, () => hosts.clientFor(tenant));
    const customer = () =>
      remember(state.customers, `${tenant.id}|${debtorNumber}`, async () =>
        hostCustomerFor(await host(), debtorNumber),
      );
    const backedOff = () => (state.backedOff.get(tenant.id) ?? 0) > now;

    for (const command of commands) {
      if (dropped.has(command.key)) continue;
      switch (command.kind) {
        case 'insert-pending':
        case 'insert-skipped':
          break;
        case 'create': {
          if (backedOff()) break;
          let record;
          try {
            record = toPostWorkorder(command.plan, await customer());
          } catch (error) {
            // The host could not tell us the customer: nothing was posted, so no attempt is counted for a busy host.
            if (hostBusyForMs(error, policy) !== undefined) {
              hostFailed(state, tenant.id, error);
              break;
            }
            // A customer the host lacks: counted as a failed attempt, so the row ends `failed` with this reason.
            if (!(await tenantStore.ledger.startAttempt(command.key, command.attempt, command.at))) break;
            report.errors += 1;
            await tenantStore.ledger.recordError(command.key, command.attempt, messageOf(error), at);
            break;
          }
          // Counted and committed before the POST: a crash after it leaves a row that is reconciled, never re-posted.
          if (!(await tenantStore.ledger.startAttempt(command.key, command.attempt, command.at))) break;
          try {
            const [created] = await (await host()).workOrders.create(record);
            const hostId = created === undefined ? null : String(created.rowId);
            const expected = { state: 'pending' as const, attempts: command.attempt };
            if (await tenantStore.ledger.markCreated(command.key, expected, hostId, at)) report.created += 1;
          } catch (error) {
            hostFailed(state, tenant.id, error);
            await tenantStore.ledger.recordError(command.key, command.attempt, messageOf(error), at);
          }
          break;
        }
        case 'look-up': {
          if (backedOff()) break;
          try {
            const found = await (await host()).workOrders.get({ workorderNo: command.workOrderNumber });
            report.lookedUp += 1;
            const hostId = found.rowId === null ? null : String(found.rowId);
            lookups.push({ ...command, found: true, hostId });
          } catch (error) {
            if (error instanceof NotFoundError) {
              report.lookedUp += 1;
              lookups.push({
                key: command.key,
                workOrderNumber: command.workOrderNumber,
                afterAttempts: command.afterAttempts,
                found: false,
              });
            } else {
              hostFailed(state, tenant.id, error);
            }
          }
          break;
        }
        case 'mark-created': {
          const row = rowsByKey.get(command.key);
          if (row === undefined || (row.state !== 'pending' && row.state !== 'failed')) break;
          const expected = { state: row.state, attempts: row.attempts };
          if (await tenantStore.ledger.markCreated(command.key, expected, command.hostId, at)) report.created += 1;
          break;
        }
        case 'mark-failed':
          if (await tenantStore.ledger.markFailed(command.key, command.attempts, command.lastError, at)) {
            report.failed += 1;
            log.warn({ tenantId: tenant.id, key: command.key }, `work order not created: ${command.lastError}`);
          }
          break;
      }
    }
    return lookups;
  }

  /** Generates one claimed contract; resolves with when it is next due (epoch ms) or `null`. */
  async function generateContract(state: TickState, claim: DueClaim): Promise<number | null> {
    const tenant = await remember(state.tenants, claim.tenantId, () => store.tenants.get(claim.tenantId));
    if (tenant === undefined || tenant.status !== 'installed') return null;
    const backedOffUntil = state.backedOff.get(tenant.id) ?? 0;
    if (backedOffUntil > state.now) return backedOffUntil;

    const tenantStore = store.forTenant(tenant.id);
    const versions = (await tenantStore.contracts.versions(claim.contractId)).map((version) => version.contract);
    const latest = versions[versions.length - 1];
    if (latest === undefined) return null;

    let rows = await tenantStore.ledger.forContract(claim.contractId);
    const planned: PlanResult = planWorkOrders(versions, {
      asOf: asOfOf(state.now),
      generatedKeys: rows.map((row) => row.key),
      catchUpLimitDays: tenant.settings.catchUpLimitDays,
    });
    const decide = (lookups: readonly HostLookup[]) =>
      decideGeneration({ contractId: claim.contractId, planned, rows, lookups, now: state.now, policy });

    const first = decide([]);
    if (first.some((command) => command.kind === 'create' || command.kind === 'look-up')) {
      // No host connection (credentials missing or unreadable): no attempt is spent; the tenant waits a while.
      try {
        await remember(state.clients, tenant.id, () => hosts.clientFor(tenant));
      } catch (error) {
        state.report.errors += 1;
        state.backedOff.set(tenant.id, state.now + policy.baseDelayMs);
        log.warn({ tenantId: tenant.id }, `no host connection: ${messageOf(error)}`);
      }
    }
    const lookups = await execute(state, tenant, tenantStore, latest.debtorNumber, rows, first);
    rows = await tenantStore.ledger.forContract(claim.contractId);
    if (lookups.length > 0) {
      // Decided again with what the host answered: a found number becomes created, a missing one is posted again.
      await execute(state, tenant, tenantStore, latest.debtorNumber, rows, decide(lookups));
      rows = await tenantStore.ledger.forContract(claim.contractId);
    }

    if (tenant.settings.notStartedAfterTermination === 'delete' && latest.termination !== undefined) {
      const host = () => remember(state.clients, tenant.id, () => hosts.clientFor(tenant));
      try {
        state.report.deleted += await deleteNotStartedAfterTermination({
          ledger: tenantStore.ledger,
          host,
          rows,
          terminationDate: latest.termination.date,
          at: isoOf(state.now),
        });
      } catch (error) {
        hostFailed(state, tenant.id, error);
      }
    }

    const next = nextDueAt({
      nextCreationDate: planned.nextCreationDate,
      timeZone: latest.timeZone,
      rows,
      policy,
      now: state.now,
    });
    const backedOffAfter = state.backedOff.get(tenant.id) ?? 0;
    return next === null ? null : Math.max(next, backedOffAfter);
  }

  async function tick(tickOptions: TickOptions = {}): Promise<TickReport> {
    const now = clock().getTime();
    const state: TickState = {
      now,
      report: emptyReport(),
      tenants: new Map(),
      clients: new Map(),
      customers: new Map(),
      backedOff: new Map(),
    };
    const claims = await store.dueIndex.claimDue({
      now: isoOf(now),
      limit: batchSize,
      leaseMs,
      owner,
      ...(options.tenantId !== undefined && { tenantId: options.tenantId }),
    });
    await forEachConcurrently(claims, concurrency, async (claim) => {
      let next: number | null;
      try {
        next = await generateContract(state, claim);
      } catch (error) {
        // A contract that cannot be generated (its store or plan failed) is tried again after the base delay.
        state.report.errors += 1;
        log.error({ tenantId: claim.tenantId, contractId: claim.contractId, err: error }, 'generation failed');
        next = now + policy.baseDelayMs;
      }
      state.report.contracts += 1;
      // Never due again within this tick's instant: a frozen test clock would otherwise claim it forever.
      const dueAt = next === null ? null : isoOf(Math.max(next, now + 1));
      await store.dueIndex.release(claim, dueAt);
      tickOptions.onProgress?.({ ...state.report });
    });
    if (claims.length > 0) log.info({ ...state.report }, 'generation tick');
    return state.report;
  }

  return {
    tick,
    async runUntilIdle(tickOptions: TickOptions = {}) {
      const total = emptyReport();
      for (;;) {
        const report = await tick(tickOptions);
        addReports(total, report);
        if (report.contracts === 0) return total;
      }
    },
  };
}
