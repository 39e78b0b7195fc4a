import type {
  BusinessCalendar,
  CancellationReason,
  Contract,
  ContractTerms,
  Money,
  SlaPolicy,
} from '@contractbeheer/core';
import type {
  CostLineRepository,
  DeletedObjectRepository,
  InboundEventQueue,
  InboxRepository,
} from './inbound-events.js';
import type { ChangeFeed } from './change-feed.js';
import type { DueIndex, GenerationLedgerRepository } from './generation-ledger.js';

/**
 * The storage port. Everything the service keeps goes through here; the adapters (`kysely/`) are the only code that
 * holds SQL. Tenant data is reached only through `forTenant(tenantId)`, whose every method is scoped to that tenant,
 * so no query can read or change another tenant's rows. Times come in as arguments (`at`): the store reads no clock.
 *
 * The generation ledger is per tenant (`forTenant(id).ledger`); the due index spans tenants (`dueIndex`), because a
 * worker claims due contracts of every tenant at once.
 */
export interface Store {
  /** Installing tenants and finding the tenant of an API key: the only cross-tenant operations. */
  readonly tenants: TenantAdmin;
  /** The inbox of host events across tenants, for the event processor (claims with `FOR UPDATE SKIP LOCKED`). */
  readonly inboundEvents: InboundEventQueue;
  /** When each contract must next be looked at by generation, across tenants (see `generation-ledger.ts`). */
  readonly dueIndex: DueIndex;
  /** The tenant's data. Does not check that the tenant exists: writes for an unknown tenant fail `unknown-tenant`. */
  forTenant(tenantId: string): TenantStore;
  /**
   * Runs `fn` in one transaction across tenants (an install: the request, the tenant, its credentials): all of it
   * lands, or — when `fn` throws — none of it. Use only `tx` inside `fn`; `tx.close()` is refused.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Committed changes of the rows the API's read cache keeps (`read-cache/`), from this and every other instance. */
  readonly changes: ChangeFeed;
  /** Resolves once the database answers a query; rejects when it does not (for a readiness probe). */
  ping(): Promise<void>;
  /** Closes the connection(s); the store cannot be used afterwards. */
  close(): Promise<void>;
}

/** Who did it and when (an ISO-8601 UTC instant), for the audit trail and the version history. */
export type ChangeMeta = { actor: string; at: string };

/** One page of a keyset-paginated list; pass `nextCursor` back to get the next page (`null`: this was the last). */
export type Page<T> = { items: T[]; nextCursor: string | null };

export interface TenantStore {
  readonly tenantId: string;
  readonly settings: TenantSettingsRepository;
  readonly contracts: ContractRepository;
  readonly objectLinks: ObjectLinkRepository;
  readonly terms: SettingsRepository<ContractTerms>;
  readonly slaPolicies: SettingsRepository<SlaPolicy>;
  readonly cancellationReasons: CancellationReasonRepository;
  readonly terminations: TerminationRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly credentials: CredentialRepository;
  readonly audit: AuditTrail;
  /** Host events (webhooks, the poller) waiting to be processed, processed, or given up on. */
  readonly inbox: InboxRepository;
  /** The actual costs (hours, materials) of the contracts' work orders, for their budgets. */
  readonly costLines: CostLineRepository;
  /** Objects the host deleted: the contract links to them are flagged. */
  readonly deletedObjects: DeletedObjectRepository;
  /** One row per occurrence key that generation has decided (see `generation-ledger.ts`). */
  readonly ledger: GenerationLedgerRepository;
  /**
   * Runs `fn` in one database transaction: everything it writes through `tx` lands together, or — when `fn` throws
   * — nothing does, and the error is rethrown. Inside a transaction, a nested call joins the outer one.
   * Use only `tx` inside `fn`: on the embedded database (one connection) a call through the outer store waits for
   * the transaction to end, which never happens.
   */
  transaction<T>(fn: (tx: TenantStore) => Promise<T>): Promise<T>;
}

// ── Tenants ─────────────────────────────────────────────────────────────────────────────────────────────────────

export type TenantSettings = {
  /** Whether terminating a contract requires a cancellation reason. */
  reasonRequired: boolean;
  /** Work whose target date is more than this many days past is skipped after downtime, not generated late. */
  catchUpLimitDays: number;
  /** Generated, not started work orders after a termination date: left for the planner, or deleted. */
  notStartedAfterTermination: 'leave' | 'delete';
  /** The tenant's zone: the default for new contracts and the zone of its working days. */
  timeZone: string;
  /** Days off: the Dutch public days off (`'nl'`), or a list of local dates. */
  holidays: 'nl' | string[];
  /** Rates per hour-type code, in cents per hour: labour in the budget status is costed with these. */
  hourTypeRates: Record<string, Money>;
  /** Working hours per weekday in `timeZone` (local `['HH:mm', 'HH:mm']` intervals): what business SLA clocks count. */
  workingHours: BusinessCalendar['hours'];
};

/** The tenant's settings: read whole, replaced whole (each write in the audit trail). */
export interface TenantSettingsRepository {
  /** `unknown-tenant` when the tenant does not exist. */
  get(): Promise<TenantSettings>;
  /** Replaces them; fields left out take their default. `unknown-tenant` when the tenant does not exist. */
  put(settings: Partial<TenantSettings>, meta: ChangeMeta): Promise<TenantSettings>;
}

/** `uninstalled`: the marketplace removed the power-up; credentials are gone, data waits out the retention. */
export type TenantStatus = 'installed' | 'uninstalled';

export type Tenant = {
  id: string;
  name: string;
  settings: TenantSettings;
  createdAt: string;
  status: TenantStatus;
  /** The host's API base URL for this tenant (set at install); `null` for tenants created without one. */
  hostBaseUrl: string | null;
  /** When the tenant was last uninstalled; `null` while installed. */
  uninstalledAt: string | null;
};

export type NewTenant = { id: string; name: string; settings?: Partial<TenantSettings>; hostBaseUrl?: string };

/** What an install or an uninstall sets. */
export type InstallState = { status: 'installed'; name?: string; hostBaseUrl: string } | { status: 'uninstalled' };

/** What an API key's hash resolves to. */
export type ApiKeyOwner = { tenantId: string; keyId: string; name: string };

/**
 * A live API key with its tenant as it stands now (installed or not: the caller decides what that means), and, when
 * asked for, the contract of that tenant read in the same statement (`undefined` when the tenant has no such one).
 */
export type ApiKeyHolder = {
  keyId: string;
  name: string;
  tenant: Tenant;
  readAlong?: { contractId: string; contract: StoredContract | undefined };
};

export interface TenantAdmin {
  /** Adds a tenant; `already-exists` when the id is taken. */
  create(tenant: NewTenant, meta: ChangeMeta): Promise<Tenant>;
  get(tenantId: string): Promise<Tenant | undefined>;
  list(): Promise<Tenant[]>;
  /** The tenant of a live (not revoked) API key, by the key's SHA-256 hash. */
  findApiKeyByHash(keyHash: string): Promise<ApiKeyOwner | undefined>;
  /**
   * The live API key and its tenant, read together in one query: what every API request asks first. The store
   * caches nothing; the API's read cache (`read-cache/`) keeps the answer until the tenant's keys or row change. With
   * `readAlong`, the key's tenant's contract of that id comes in the same round trip (a request on one contract
   * then costs the database one statement, not two); another tenant's contract is never read.
   */
  findApiKeyHolder(keyHash: string, readAlong?: { contractId: string }): Promise<ApiKeyHolder | undefined>;
  /**
   * Installs again (name and host URL replaced, `uninstalledAt` cleared) or marks uninstalled (`uninstalledAt` set
   * to `meta.at`, kept when it already was). `not-found` for an unknown tenant.
   */
  setInstallState(tenantId: string, state: InstallState, meta: ChangeMeta): Promise<Tenant>;
  /**
   * Records a signed request's id; `false` when it was recorded before (a replay), so the caller refuses it. Inside
   * a transaction that then fails, the record goes too, and the honest sender may retry.
   */
  claimRequest(requestId: string, at: string): Promise<boolean>;
  /** Forgets request ids received before `at` (older requests fail the timestamp check anyway); returns how many. */
  forgetRequestsBefore(at: string): Promise<number>;
  /** Deletes the tenant and every row it owns, audit trail included; `false` when there was no such tenant. */
  purge(tenantId: string): Promise<boolean>;
}

// ── Contracts ───────────────────────────────────────────────────────────────────────────────────────────────────

export type StoredContract = { contract: Contract; createdAt: string; updatedAt: string };

/** One saved version of a contract and the moment it took effect. */
export type ContractVersion = {
  contractId: string;
  version: number;
  contract: Contract;
  effectiveFrom: string;
  recordedBy: string;
};

type ContractFilters = {
  debtorNumber?: string;
  type?: Contract['type'];
  termsCode?: string;
  slaPolicyCode?: string;
  /** Contracts linked to this object. */
  objectCode?: string;
  /** Case-insensitive substring of the contract id (its reference), debtor number or work-order description. */
  text?: string;
  /** Only contracts with (`true`) or without (`false`) a registered termination. */
  terminated?: boolean;
  /** Start date within these bounds (inclusive, `YYYY-MM-DD`): e.g. `{ to: today }` for contracts that started. */
  startDate?: { from?: string; to?: string };
};

export type ListContractsOptions = { filters?: ContractFilters; limit?: number; cursor?: string };

export interface ContractRepository {
  /** Saves a new contract at its version (normally 0) with its first version record; `already-exists` if taken. */
  create(contract: Contract, meta: ChangeMeta): Promise<StoredContract>;
  /**
   * Saves many new contracts at once (an import, seeding a benchmark), as `create` would one by one, in one
   * transaction; returns how many. All or nothing: an id already taken refuses the whole call with `already-exists`.
   */
  createMany(contracts: readonly Contract[], meta: ChangeMeta): Promise<number>;
  get(contractId: string): Promise<StoredContract | undefined>;
  /** Ordered by contract id; a cursor stays valid while rows are added or removed. 1–200 per page (default 50). */
  list(options?: ListContractsOptions): Promise<Page<StoredContract>>;
  /**
   * Saves an edit made on `expectedVersion`: the stored version becomes `expectedVersion + 1` (whatever
   * `contract.version` says). Throws `VersionConflictError` when the stored version differs, `not-found` when absent.
   */
  update(contract: Contract, options: { expectedVersion: number } & ChangeMeta): Promise<StoredContract>;
  /** Removes the contract with its versions and links (the audit trail keeps the record); conflicts as `update`. */
  delete(contractId: string, options: { expectedVersion: number } & ChangeMeta): Promise<void>;
  /** Every saved version, oldest first. */
  versions(contractId: string): Promise<ContractVersion[]>;
  /** `versions` of several contracts in one query (generation reads a claimed batch at once); absent ids are left out. */
  versionsOfMany(contractIds: readonly string[]): Promise<Map<string, ContractVersion[]>>;
}

/** Which contracts an object (installation) is linked to: kept in step with each contract's `objectCodes`. */
export interface ObjectLinkRepository {
  contractIdsForObject(objectCode: string): Promise<string[]>;
  objectCodesForContract(contractId: string): Promise<string[]>;
}

// ── Settings: terms, SLA policies, cancellation reasons ─────────────────────────────────────────────────────────

/** Settings kept by code (contract terms, SLA policies): replaced whole, deleted only while no contract uses them. */
export interface SettingsRepository<T extends { code: string }> {
  list(): Promise<T[]>;
  get(code: string): Promise<T | undefined>;
  /** Creates or replaces. */
  put(value: T, meta: ChangeMeta): Promise<T>;
  /** `in-use` while a contract refers to the code; `not-found` when absent. */
  delete(code: string, meta: ChangeMeta): Promise<void>;
  /** How many contracts refer to the code. */
  usageCount(code: string): Promise<number>;
}

export interface CancellationReasonRepository {
  list(options?: { includeArchived?: boolean }): Promise<CancellationReason[]>;
  get(code: string): Promise<CancellationReason | undefined>;
  /** Creates or relabels. Terminations keep the label they were recorded with, so history does not change. */
  put(reason: CancellationReason, meta: ChangeMeta): Promise<CancellationReason>;
  archive(code: string, meta: ChangeMeta): Promise<CancellationReason>;
  /** Deletes an unused reason; a reason that terminations use is refused with `in-use` (archive it instead). */
  delete(code: string, meta: ChangeMeta): Promise<void>;
  /** How many terminations name the reason. */
  usageCount(code: string): Promise<number>;
}

// ── Terminations ────────────────────────────────────────────────────────────────────────────────────────────────

export type Termination = {
  contractId: string;
  /** The termination date (local, `YYYY-MM-DD`). */
  date: string;
  reasonCode?: string;
  /** The reason's label as it read on the day: later relabels do not change it. */
  reasonLabel?: string;
  remark?: string;
  /** What the contract would still have brought in, in cents. */
  lostValue: Money;
};

export type StoredTermination = Termination & { recordedAt: string; recordedBy: string };

export interface TerminationRepository {
  /** Records the contract's termination, replacing an earlier one of the same contract. */
  record(termination: Termination, meta: ChangeMeta): Promise<StoredTermination>;
  forContract(contractId: string): Promise<StoredTermination | undefined>;
  /** Terminations dated within the bounds (inclusive), by date then contract id. */
  list(options?: { from?: string; to?: string }): Promise<StoredTermination[]>;
}

// ── API keys ────────────────────────────────────────────────────────────────────────────────────────────────────

/** An API key as listed: never the key, never its hash; `hint` is what the owner recognises it by (e.g. last 4). */
export type ApiKey = { id: string; name: string; hint: string; createdAt: string; revokedAt: string | null };

export interface ApiKeyRepository {
  /** Stores a key by its SHA-256 hash (64 hex characters); the key itself is never handed to the store. */
  create(key: { id: string; name: string; hint: string; keyHash: string }, meta: ChangeMeta): Promise<ApiKey>;
  list(): Promise<ApiKey[]>;
  /** Revokes the key: it stops resolving at once. `not-found` when absent. */
  revoke(keyId: string, meta: ChangeMeta): Promise<ApiKey>;
  /** Revokes every live key of the tenant (an uninstall); returns how many. */
  revokeAll(meta: ChangeMeta): Promise<number>;
}

// ── Credentials ─────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A secret as the vault sealed it (AES-256-GCM): the id of the key that sealed it, the 12-byte IV, the auth tag and
 * the ciphertext, each base64. The store keeps it as given and never sees the plaintext.
 */
export type SealedSecret = { keyId: string; iv: string; authTag: string; ciphertext: string };

export type StoredCredentials = { sealed: SealedSecret; updatedAt: string };

/** The tenant's host credentials, sealed: one record per tenant. */
export interface CredentialRepository {
  get(): Promise<StoredCredentials | undefined>;
  /** Creates or replaces the tenant's credentials. */
  put(sealed: SealedSecret, meta: ChangeMeta): Promise<StoredCredentials>;
  /** Removes them; `false` when there were none. */
  delete(meta: ChangeMeta): Promise<boolean>;
}

// ── Audit trail ─────────────────────────────────────────────────────────────────────────────────────────────────

export type AuditEntityType =
  'tenant' | 'contract' | 'terms' | 'sla-policy' | 'cancellation-reason' | 'termination' | 'api-key' | 'credentials';

export type NewAuditEntry = {
  at: string;
  actor: string;
  /** What happened, e.g. `contract.updated`. */
  action: string;
  entity: { type: AuditEntityType; id: string };
  details?: Record<string, unknown>;
};

export type AuditEntry = Required<NewAuditEntry> & { id: string };

/** Every change the store makes writes an entry in the same transaction; callers may add their own. */
export interface AuditTrail {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  list(options?: {
    entity?: { type: AuditEntityType; id?: string };
    limit?: number;
    cursor?: string;
  }): Promise<Page<AuditEntry>>;
}
