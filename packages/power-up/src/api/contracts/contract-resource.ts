import { contractStatus, localDateAt, type Contract, type ContractTerms } from '@contractbeheer/core';
import type { contractsApi } from '@contractbeheer/sdk';
import { PowerUpError, VersionConflictError } from '../../power-up-error.js';
import type { StoredContract, TenantStore } from '../../store/store.js';
import type { TenantContext } from '../app-env.js';
import { etagOf, staleVersion } from './etag.js';

/** A contract as the API answers it: with its status and flags on `asOf` (under its terms) and its ETag. */
export function toResource(
  stored: StoredContract | Contract,
  terms: ContractTerms | undefined,
  asOf: string,
): contractsApi.ContractResource {
  const contract = 'contract' in stored ? stored.contract : stored;
  if (!Object.isFrozen(contract) || (terms !== undefined && !Object.isFrozen(terms))) {
    return deriveResource(contract, terms, asOf);
  }
  // A frozen contract is the read cache's, read again and again until it changes: its resource is kept per day.
  const today = localDateAt(asOf, contract.timeZone);
  const known = resources.get(contract);
  if (known !== undefined && known.terms === terms && known.today === today) return known.resource;
  const derived = deriveResource(contract, terms, asOf);
  Object.freeze(derived.flags);
  const resource = Object.freeze(derived);
  resources.set(contract, { terms, today, resource });
  return resource;
}

function deriveResource(contract: Contract, terms: ContractTerms | undefined, asOf: string) {
  const { status, flags } = contractStatus(contract, { asOf, ...(terms !== undefined && { terms }) });
  return { contract, status, flags, etag: etagOf(contract.version) };
}

/*
 * The resources of the read cache's contracts, by contract object. `contractStatus` reads `asOf` only as the local
 * date in the contract's zone (its start, end, notice and termination days are whole days), so for one contract
 * object and one terms object the resource is the same all day; a new day, or new terms, derives it again. The memo
 * holds a contract weakly and lets go with it; the resource is frozen, so its JSON text is made once (`answerJson`).
 * `contract-resource.test.ts` pins that premise against the core's own derivation.
 */
const resources = new WeakMap<
  Contract,
  { terms: ContractTerms | undefined; today: string; resource: contractsApi.ContractResource }
>();

/** The terms a contract follows, or `undefined` when it names none. */
export async function termsOf(store: TenantStore, contract: Contract): Promise<ContractTerms | undefined> {
  return contract.termsCode === undefined ? undefined : store.terms.get(contract.termsCode);
}

/**
 * The tenant's contract, or a 404 — also for another tenant's contract: its existence is not disclosed. The one the
 * request read along with its API key is taken as it is (no second round trip); any other is read now.
 */
export async function loadContract(tenant: TenantContext, contractId: string): Promise<StoredContract> {
  const stored =
    tenant.readAlong?.contractId === contractId
      ? tenant.readAlong.contract
      : await tenant.store.contracts.get(contractId);
  if (stored === undefined) {
    throw new PowerUpError('not-found', `there is no contract '${contractId}': check the id, or reload the list.`, {
      path: ['id'],
    });
  }
  return stored;
}

/** Refuses (412) a write whose `If-Match` names another version than the one stored. */
export function checkIfMatch(stored: StoredContract, ifMatch: number | undefined): void {
  if (ifMatch !== undefined && ifMatch !== stored.contract.version) {
    throw staleVersion(stored.contract.id, ifMatch, stored.contract.version);
  }
}

/**
 * Runs a guarded write: a version conflict found by the store (another writer saved between our read and our write)
 * is the same 412 as a stale `If-Match`; a contract deleted meanwhile is a 404.
 */
export async function asPrecondition<T>(contractId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof VersionConflictError) {
      if (error.actualVersion === null) {
        throw new PowerUpError('not-found', `contract '${contractId}' was deleted meanwhile.`, { path: ['id'] });
      }
      throw staleVersion(contractId, error.expectedVersion, error.actualVersion);
    }
    throw error;
  }
}

/** Refuses a contract that names terms or an SLA policy the tenant does not have (the store would keep the name). */
export async function checkSettingsExist(
  store: TenantStore,
  contract: { termsCode?: string | undefined; slaPolicyCode?: string | undefined },
  root: readonly (string | number)[] = [],
): Promise<void> {
  if (contract.termsCode !== undefined && (await store.terms.get(contract.termsCode)) === undefined) {
    throw new PowerUpError(
      'invalid-input',
      `there are no contract terms '${contract.termsCode}': create them first (PUT /terms/{code}).`,
      { path: [...root, 'termsCode'] },
    );
  }
  if (contract.slaPolicyCode !== undefined && (await store.slaPolicies.get(contract.slaPolicyCode)) === undefined) {
    throw new PowerUpError(
      'invalid-input',
      `there is no SLA policy '${contract.slaPolicyCode}': create it first (PUT /sla-policies/{code}).`,
      { path: [...root, 'slaPolicyCode'] },
    );
  }
}
