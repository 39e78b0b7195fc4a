import {
  applyContractAction,
  type ActionContext,
  type ActionResult,
  type Contract,
  type ContractCommand,
  type ContractTerms,
} from '@contractbeheer/core';
import type { contractsApi } from '@contractbeheer/sdk';
import { executeEffects, type EffectOutcome } from '../../effects/execute-effects.js';
import { verifyObjectOwners } from '../../hosts/verify-objects.js';
import { PowerUpError } from '../../power-up-error.js';
import type { StoredContract } from '../../store/store.js';
import type { TenantContext } from '../app-env.js';
import type { AppServices } from '../route-table.js';
import {
  asPrecondition,
  checkIfMatch,
  checkSettingsExist,
  loadContract,
  termsOf,
  toResource,
} from './contract-resource.js';
import { contractHistoryPage } from './contract-history.js';
import { asOfNow } from './as-of.js';
import type { OperationHandlers } from './operation-routes.js';

type ContractOperations =
  | 'listContracts'
  | 'createContract'
  | 'getContract'
  | 'updateContract'
  | 'deleteContract'
  | 'terminateContract'
  | 'restartContract'
  | 'renewContract'
  | 'refreshContract'
  | 'contractHistory';

const metaOf = (tenant: TenantContext, services: AppServices) => ({ actor: tenant.actor, at: asOfNow(services) });

/**
 * What an action is applied with. `workOrders` is empty: the generation ledger (next issue) is what knows a
 * contract's generated work orders; until it exists, none are, so a delete is never refused for completed work and no
 * edit treats an occurrence as already generated.
 */
async function actionContext(
  tenant: TenantContext,
  terms: ContractTerms | undefined,
  asOf: string,
  withReasons: boolean,
): Promise<ActionContext> {
  return {
    asOf,
    ...(terms !== undefined && { terms }),
    workOrders: [],
    reasonRequired: tenant.tenant.settings.reasonRequired,
    // Archived reasons too: the core then says the reason is archived, not that it does not exist.
    ...(withReasons && { reasons: await tenant.store.cancellationReasons.list({ includeArchived: true }) }),
  };
}

/** Objects the new version links that the host has not vouched for yet: all of them when the customer changed. */
async function verifyNewObjects(
  tenant: TenantContext,
  services: AppServices,
  next: Contract,
  before: Contract | undefined,
  root: readonly (string | number)[],
): Promise<void> {
  const known = before !== undefined && before.debtorNumber === next.debtorNumber ? new Set(before.objectCodes) : null;
  const codes = next.objectCodes
    .map((code, index) => ({ code, index }))
    .filter(({ code }) => known === null || !known.has(code));
  if (codes.length === 0) return;
  const host = await services.hosts.clientFor(tenant.tenant);
  await verifyObjectOwners(host, next.debtorNumber, codes, root);
}

/**
 * Applies one action the one way every action goes: the core decides (`applyContractAction`), the effect executor
 * carries the effects out in one transaction, guarded by the version that was read.
 */
async function act(
  tenant: TenantContext,
  services: AppServices,
  stored: StoredContract,
  command: ContractCommand,
  options: { withReasons?: boolean; beforeWrite?: (result: ActionResult) => Promise<void> } = {},
): Promise<{ result: ActionResult; outcome: EffectOutcome; terms: ContractTerms | undefined; asOf: string }> {
  const asOf = asOfNow(services);
  const terms = await termsOf(tenant.store, stored.contract);
  const result = applyContractAction(
    stored.contract,
    command,
    await actionContext(tenant, terms, asOf, options.withReasons ?? false),
  );
  await options.beforeWrite?.(result);
  const outcome = await asPrecondition(stored.contract.id, () =>
    executeEffects(tenant.store, result.effects, {
      before: stored.contract,
      terms,
      meta: { actor: tenant.actor, at: asOf },
    }),
  );
  return { result, outcome, terms, asOf };
}

/** An action's answer: the contract as it now stands (as a resource) and the effects, as the core described them. */
async function actionAnswer(
  tenant: TenantContext,
  done: Awaited<ReturnType<typeof act>>,
): Promise<{ body: contractsApi.ActionResult; etag?: string }> {
  const contract = done.outcome.saved?.contract ?? done.result.contract;
  if (contract === null) return { body: { contract: null, effects: done.result.effects } };
  const terms = contract.termsCode === done.terms?.code ? done.terms : await termsOf(tenant.store, contract);
  const resource = toResource(contract, terms, done.asOf);
  return { body: { contract: resource, effects: done.result.effects }, etag: resource.etag };
}

export const contractHandlers: Pick<OperationHandlers, ContractOperations> = {
  async listContracts({ query, tenant, services }) {
    const asOf = asOfNow(services);
    const limit = query.limit ?? 50;
    const filters = { ...(query.debtorNumber !== undefined && { debtorNumber: query.debtorNumber }) };
    const termsByCode = new Map((await tenant.store.terms.list()).map((terms) => [terms.code, terms]));
    const resourceOf = (stored: StoredContract) =>
      toResource(
        stored,
        stored.contract.termsCode === undefined ? undefined : termsByCode.get(stored.contract.termsCode),
        asOf,
      );
    const data: contractsApi.ContractResource[] = [];
    let cursor = query.cursor;
    // The status is derived (dates, terms, today), not stored, so it is filtered here: each round asks the store for
    // just as many rows as are still missing, so the page's cursor is the store's own and no row is skipped.
    do {
      const page = await tenant.store.contracts.list({
        filters,
        limit: limit - data.length,
        ...(cursor !== undefined && { cursor }),
      });
      for (const stored of page.items) {
        const resource = resourceOf(stored);
        if (query.status === undefined || resource.status === query.status) data.push(resource);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && data.length < limit);
    return { body: { data, nextCursor: cursor ?? null } };
  },

  async createContract({ body, tenant, services }) {
    // The server owns the version: a new contract starts at 0, whatever was sent.
    const contract: Contract = { ...body, version: 0 };
    await checkSettingsExist(tenant.store, contract);
    await verifyNewObjects(tenant, services, contract, undefined, ['objectCodes']);
    const stored = await tenant.store.contracts.create(contract, metaOf(tenant, services));
    const resource = toResource(stored, await termsOf(tenant.store, stored.contract), asOfNow(services));
    return { body: resource, etag: resource.etag };
  },

  async getContract({ param, tenant, services }) {
    const stored = await loadContract(tenant.store, param('id'));
    const resource = toResource(stored, await termsOf(tenant.store, stored.contract), asOfNow(services));
    return { body: resource, etag: resource.etag };
  },

  async updateContract({ param, body, ifMatch, tenant, services }) {
    const stored = await loadContract(tenant.store, param('id'));
    checkIfMatch(stored, ifMatch);
    const command = { type: 'edit', expectedVersion: stored.contract.version, changes: body.changes } as const;
    const done = await act(tenant, services, stored, command, {
      beforeWrite: async (result) => {
        const next = result.contract!;
        await checkSettingsExist(tenant.store, next, ['changes']);
        await verifyNewObjects(tenant, services, next, stored.contract, ['changes', 'objectCodes']);
      },
    });
    const saved = done.outcome.saved!;
    const preview = done.result.effects.find((effect) => effect.type === 'schedule-changed')!.preview;
    const resource = toResource(saved, await termsOf(tenant.store, saved.contract), done.asOf);
    return { body: { contract: resource, preview }, etag: resource.etag };
  },

  async deleteContract({ param, ifMatch, tenant, services }) {
    const stored = await loadContract(tenant.store, param('id'));
    checkIfMatch(stored, ifMatch);
    await act(tenant, services, stored, { type: 'delete' });
    return {};
  },

  async terminateContract({ param, body, ifMatch, tenant, services }) {
    const stored = await loadContract(tenant.store, param('id'));
    checkIfMatch(stored, ifMatch);
    const command: ContractCommand = {
      type: 'terminate',
      date: body.date,
      ...(body.reasonCode !== undefined && { reasonCode: body.reasonCode }),
      ...(body.remark !== undefined && { remark: body.remark }),
    };
    return actionAnswer(tenant, await act(tenant, services, stored, command, { withReasons: true }));
  },

  async restartContract({ param, body, tenant, services }) {
    const stored = await loadContract(tenant.store, param('id'));
    const command: ContractCommand = {
      type: 'restart',
      newId: body.newId,
      ...(body.startDate !== undefined && { startDate: body.startDate }),
    };
    try {
      return await actionAnswer(tenant, await act(tenant, services, stored, command));
    } catch (error) {
      // The store names the new contract's `id`; in this request that field is `newId`.
      if (error instanceof PowerUpError && error.code === 'already-exists') {
        throw new PowerUpError('already-exists', `a contract '${body.newId}' already exists: choose another newId.`, {
          path: ['newId'],
        });
      }
      throw error;
    }
  },

  async renewContract({ param, body, ifMatch, tenant, services }) {
    const stored = await loadContract(tenant.store, param('id'));
    checkIfMatch(stored, ifMatch);
    const command: ContractCommand = {
      type: 'renew',
      ...(body.previousIndex !== undefined && { previousIndex: body.previousIndex }),
      ...(body.currentIndex !== undefined && { currentIndex: body.currentIndex }),
    };
    return actionAnswer(tenant, await act(tenant, services, stored, command));
  },

  /**
   * Re-reads what the host knows of the contract and recomputes it: its objects are checked again (an object moved to
   * another customer in OutSmart shows up here as a 400 naming it). The count of work orders comes from the
   * generation ledger, which the next issue adds: until then no work order is linked to a contract, so it is 0.
   */
  async refreshContract({ param, tenant, services }) {
    const stored = await loadContract(tenant.store, param('id'));
    await verifyNewObjects(tenant, services, stored.contract, undefined, ['objectCodes']);
    const resource = toResource(stored, await termsOf(tenant.store, stored.contract), asOfNow(services));
    return { body: { contract: resource, workOrders: 0 }, etag: resource.etag };
  },

  async contractHistory({ param, query, tenant }) {
    const id = param('id');
    await loadContract(tenant.store, id);
    return { body: contractHistoryPage(await tenant.store.contracts.versions(id), query) };
  },
};
