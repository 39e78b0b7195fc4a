import type { WorkOrderPlan } from '@contractbeheer/core';
import type { LedgerRow, LedgerState } from './ledger-row.js';

/**
 * The generation ledger and the due index, as the store keeps them. The rules that decide what is written live in
 * `generation/decide-generation.ts`; this port only stores the outcome, with every write guarded so that two
 * instances (or a restarted one) can never move a row backwards or post a work order twice.
 */

/** A ledger row as stored: what the decision reads, plus what the schedule view and the host's events need. */
export type LedgerEntry = LedgerRow & {
  contractId: string;
  /** The occurrence's local target date (`YYYY-MM-DD`), from its key. */
  targetDate: string;
  /** Target date − days in advance, from the plan; `null` for skipped rows. */
  creationDate: string | null;
  /** Created after its creation date had passed (catch-up after downtime). */
  late: boolean;
  /** The host's lifecycle status of the work order as last heard from webhooks, the poller or a refresh. */
  hostStatus: string | null;
  /** When generation deleted the work order on the host (a termination with the `delete` policy); else `null`. */
  deletedOnHostAt: string | null;
  /** ISO-8601 UTC instants. */
  recordedAt: string;
  updatedAt: string;
};

/** What an insert writes: a `pending` row with the plan it will post, or a `skipped` row with the core's reason. */
export type NewLedgerEntry =
  | { state: 'pending'; key: string; workOrderNumber: string; plan: WorkOrderPlan }
  | { state: 'skipped'; key: string; workOrderNumber: string; targetDate: string; reason: string };

/** One tenant's ledger. Every method that changes a row is a compare-and-set: `false` means another writer won. */
export interface GenerationLedgerRepository {
  /** Every row of the contract, by key. */
  forContract(contractId: string): Promise<LedgerEntry[]>;
  /** Every row of these contracts, by contract and key, in one query (generation reads a claimed batch at once). */
  forContracts(contractIds: readonly string[]): Promise<LedgerEntry[]>;
  get(key: string): Promise<LedgerEntry | undefined>;
  /** The row whose deterministic host number this is (how host events find their occurrence). */
  byWorkOrderNumber(workOrderNumber: string): Promise<LedgerEntry | undefined>;
  /**
   * Inserts the rows whose key has none yet (`ON CONFLICT DO NOTHING`), in one statement; returns the keys this call
   * inserted — a key missing from the answer was written by someone else first, and this caller must drop it.
   */
  insert(entries: readonly NewLedgerEntry[], at: string): Promise<string[]>;
  /** `attempts := attempt, lastAttemptAt := startedAt` where the row is `pending` with `attempts = attempt − 1`. */
  startAttempt(key: string, attempt: number, startedAt: number): Promise<boolean>;
  /**
   * `startAttempt` for several rows in one statement (one commit); returns the keys whose compare-and-set matched —
   * only those may be posted.
   */
  startAttempts(attempts: readonly { key: string; attempt: number; startedAt: number }[]): Promise<string[]>;
  /** Keeps the host's error on a `pending` row that still has `attempts` (the POST failed or its answer was lost). */
  recordError(key: string, attempts: number, error: string, at: string): Promise<boolean>;
  /** `created` with the host's id, where the row is still in `expected.state` with `expected.attempts`. */
  markCreated(
    key: string,
    expected: { state: 'pending' | 'failed'; attempts: number },
    hostId: string | null,
    at: string,
  ): Promise<boolean>;
  /** `markCreated` for several rows in one statement; returns the keys whose compare-and-set matched. */
  markCreatedMany(
    rows: readonly {
      key: string;
      expected: { state: 'pending' | 'failed'; attempts: number };
      hostId: string | null;
    }[],
    at: string,
  ): Promise<string[]>;
  /** `failed` with the last error, where the row is still `pending` with `attempts`. */
  markFailed(key: string, attempts: number, lastError: string, at: string): Promise<boolean>;
  /** Records the host's status of a work order (by its number); `false` when no row has that number. */
  setHostStatus(workOrderNumber: string, hostStatus: string, at: string): Promise<boolean>;
  /**
   * Records that the row's work order was deleted on the host (termination policy `delete`), where the row is
   * `created` and not yet recorded as deleted; `false` otherwise.
   */
  markDeletedOnHost(key: string, at: string): Promise<boolean>;
  /** How many rows are in each state, for one contract or the whole tenant. */
  counts(contractId?: string): Promise<Record<LedgerState, number>>;
}

/** A contract that generation must look at, leased to one worker until `leaseUntil`. */
export type DueClaim = {
  tenantId: string;
  contractId: string;
  dueAt: string;
  leaseUntil: string;
  owner: string;
  /**
   * The entry's revision when claimed: every contract write bumps it, so a release can tell that the contract
   * changed while it was leased (and then keeps it due at once rather than writing a next instant planned from the
   * old version).
   */
  revision: number;
};

/**
 * The due index, across tenants: one entry per contract with the instant generation must next look at it. A run
 * costs what is due, not what is stored. Contract writes keep it current in the same transaction (a created, edited,
 * restarted or terminated contract is due at once; a deleted one leaves the index).
 */
export interface DueIndex {
  /**
   * Claims up to `limit` entries due at or before `now` whose lease is free or expired, across tenants, with
   * `FOR UPDATE SKIP LOCKED` so concurrent workers never claim the same entry; each is leased to `owner` until
   * `now + leaseMs`. Oldest due first.
   */
  claimDue(options: {
    now: string;
    limit: number;
    leaseMs: number;
    owner: string;
    /** Only this tenant's contracts (`contractbeheer generate --tenant`). */
    tenantId?: string;
  }): Promise<DueClaim[]>;
  /** The entries due at or before `now` (leased or not), oldest first, without claiming anything: for a dry run. */
  listDue(options: {
    now: string;
    limit: number;
    tenantId?: string;
  }): Promise<{ tenantId: string; contractId: string }[]>;
  /**
   * Ends a lease with the next instant (`null`: nothing left to do until the contract is written again); when the
   * contract was written while leased, it stays due at the earlier of the two. Ignored (`false`) when `owner` lost
   * the lease.
   */
  release(claim: DueClaim, nextDueAt: string | null): Promise<boolean>;
  /** `release` of several claims in one statement; returns how many leases were still their owner's. */
  releaseMany(releases: readonly { claim: DueClaim; nextDueAt: string | null }[]): Promise<number>;
  /** Sets when the contract is next due (`null` removes it); used by the shell and by the contract writes. */
  schedule(tenantId: string, contractId: string, dueAt: string | null): Promise<void>;
  /** How many entries are due at or before `now` (for metrics and the idle-tick benchmark). */
  countDue(now: string): Promise<number>;
}
