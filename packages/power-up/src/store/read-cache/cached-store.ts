import type { ContractTerms } from '@contractbeheer/core';
import type {
  ApiKeyHolder,
  ContractRepository,
  ListContractsOptions,
  SettingsRepository,
  Store,
  StoredContract,
  TenantAdmin,
  TenantStore,
} from '../store.js';
import { isMiss, type ReadCache } from './read-cache.js';

/*
 * The store as the API reads it: what nearly every request asks — its API key's tenant, a contract, a page of
 * contracts, the contract terms — answered from memory while those rows have not changed (see `read-cache.ts` for
 * when that is known). Writes, transactions and every other read go to the database as they are. Inside a transaction
 * nothing is cached: a read there must see the transaction's own writes.
 */

const contractKey = (tenantId: string, contractId: string) => `contract\u0000${tenantId}\u0000${contractId}`;

/** `store` with the API's hot reads kept in `cache`. */
export function withReadCache(store: Store, cache: ReadCache): Store {
  return {
    tenants: cachedTenantAdmin(store.tenants, cache),
    inboundEvents: store.inboundEvents,
    dueIndex: store.dueIndex,
    changes: store.changes,
    forTenant: (tenantId) => cachedTenantStore(store.forTenant(tenantId), cache),
    transaction: (fn) => store.transaction(fn),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

function cachedTenantAdmin(admin: TenantAdmin, cache: ReadCache): TenantAdmin {
  return {
    create: (tenant, meta) => admin.create(tenant, meta),
    get: (tenantId) => admin.get(tenantId),
    list: () => admin.list(),
    findApiKeyByHash: (keyHash) => admin.findApiKeyByHash(keyHash),
    // Revocations and uninstalls still hold from the next request: they change `api_keys` or `tenants`, which drops
    // the tenant's reads here at once (this instance) or when the database's notification arrives (the others).
    async findApiKeyHolder(keyHash, readAlong) {
      const keyKey = `key\u0000${keyHash}`;
      const known = cache.recall(keyKey);
      if (!isMiss(known)) {
        const holder = known as ApiKeyHolder;
        if (readAlong === undefined) return holder;
        const contract = cache.recall(contractKey(holder.tenant.id, readAlong.contractId));
        if (!isMiss(contract)) {
          return { ...holder, readAlong: { contractId: readAlong.contractId, contract: contract as StoredContract } };
        }
      }
      const readFrom = cache.position();
      const holder = await admin.findApiKeyHolder(keyHash, readAlong);
      // An unknown key is not kept: it has no tenant whose changes would tell when it becomes known.
      if (holder === undefined) return undefined;
      const { readAlong: read, ...keyOnly } = holder;
      // Read from `tenants` and `api_keys` alone: only an `access` change drops it, not a contract written.
      cache.remember(keyKey, holder.tenant.id, keyOnly, readFrom, 'access');
      if (read !== undefined)
        cache.remember(contractKey(holder.tenant.id, read.contractId), holder.tenant.id, read.contract, readFrom);
      return holder;
    },
    setInstallState: (tenantId, state, meta) => admin.setInstallState(tenantId, state, meta),
    claimRequest: (requestId, at) => admin.claimRequest(requestId, at),
    forgetRequestsBefore: (at) => admin.forgetRequestsBefore(at),
    purge: (tenantId) => admin.purge(tenantId),
  };
}

function cachedTenantStore(store: TenantStore, cache: ReadCache): TenantStore {
  const { tenantId } = store;
  return {
    tenantId,
    settings: store.settings,
    contracts: cachedContracts(store.contracts, tenantId, cache),
    objectLinks: store.objectLinks,
    terms: cachedTerms(store.terms, tenantId, cache),
    slaPolicies: store.slaPolicies,
    cancellationReasons: store.cancellationReasons,
    terminations: store.terminations,
    apiKeys: store.apiKeys,
    credentials: store.credentials,
    audit: store.audit,
    inbox: store.inbox,
    costLines: store.costLines,
    deletedObjects: store.deletedObjects,
    ledger: store.ledger,
    transaction: (fn) => store.transaction(fn),
  };
}

function cachedContracts(contracts: ContractRepository, tenantId: string, cache: ReadCache): ContractRepository {
  return {
    create: (contract, meta) => contracts.create(contract, meta),
    createMany: (many, meta) => contracts.createMany(many, meta),
    get: (contractId) => cache.through(contractKey(tenantId, contractId), tenantId, () => contracts.get(contractId)),
    list: (options: ListContractsOptions = {}) =>
      cache.through(`contracts\u0000${tenantId}\u0000${JSON.stringify(options)}`, tenantId, () =>
        contracts.list(options),
      ),
    update: (contract, options) => contracts.update(contract, options),
    delete: (contractId, options) => contracts.delete(contractId, options),
    versions: (contractId) => contracts.versions(contractId),
    versionsOfMany: (contractIds) => contracts.versionsOfMany(contractIds),
  };
}

function cachedTerms(
  terms: SettingsRepository<ContractTerms>,
  tenantId: string,
  cache: ReadCache,
): SettingsRepository<ContractTerms> {
  return {
    list: () => cache.through(`terms\u0000${tenantId}`, tenantId, () => terms.list()),
    get: (code) => cache.through(`terms\u0000${tenantId}\u0000${code}`, tenantId, () => terms.get(code)),
    put: (value, meta) => terms.put(value, meta),
    delete: (code, meta) => terms.delete(code, meta),
    usageCount: (code) => terms.usageCount(code),
  };
}
