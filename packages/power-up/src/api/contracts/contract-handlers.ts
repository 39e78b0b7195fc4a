import {
  applyContractAction,
  parseContract,
  type ActionContext,
  type ActionResult,
  type Contract,
  type ContractCommand,
  type ContractTerms,
} from '@contractbeheer/core';
import { contractsApi } from '@contractbeheer/sdk';
import { executeEffects, type EffectOutcome } from '../../effects/execute-effects.js';
import { generatedWorkOrders } from '../../generation/generated-work-orders.js';
import { refreshContractWorkOrders } from '../../events/refresh-contract.js';
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
import { contractListFilter } from './contract-list-filter.js';
import { listPage } from './list-page.js';
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
 * What an action is applied with: the contract's generated work orders from the generation ledger (a delete is refused
 * while completed work exists, an edit never treats a generated occurrence as open, a termination names the work
 * orders after its date for review).
 */
async function actionContext(
  tenant: TenantContext,
  contractId: string,
  terms: ContractTerms | undefined,
  asOf: string,
  withReasons: boolean,
): Promise<ActionContext> {
  return {
    asOf,
    ...(terms !== undefined && { terms }),
    workOrders: generatedWorkOrders(await tenant.store.ledger.forContract(contractId)),
    reasonRequired: tenant.tenant.settings.reasonRequired,
    // Archived reasons too: the core then says the reason is archived, not that it does not exist.
    ...(withReasons && { reasons: await tenant.store.cancellationReasons.list({ includeArchived: true }) }),
  };
}

/**
 * The owners of the objects a contract is to link, as the core keeps them (`objectOwners`): owners already known
 * (from the version before) are kept; every other object is checked with the tenant's host — it must exist and belong
 * to the customer, or the request is refused naming it. `undefined` when no object is linked.
 */
async function objectOwnersFor(
  tenant: TenantContext,
  services: AppServices,
  debtorNumber: string,
  objectCodes: readonly string[],
  known: Readonly<Record<string, string>>,
  root: readonly (string | number)[],
): Promise<Record<string, string> | undefined> {
  if (objectCodes.length === 0) return undefined;
  const kept = Object.fromEntries(
    objectCodes.filter((code) => Object.hasOwn(known, code)).map((code) => [code, known[code]!]),
  );
  const unknown = objectCodes.map((code, index) => ({ code, index })).filter(({ code }) => !Object.hasOwn(known, code));
  if (unknown.length === 0) return kept;
  const host = await services.hosts.clientFor(tenant.tenant);
  return { ...kept, ...(await verifyObjectOwners(host, debtorNumber, unknown, root)) };
}

/** An edit may not set what only the server sets (the SDK's list says what to do instead). */
function refuseServerOwned(changes: Record<string, unknown>): void {
  for (const [field, instead] of Object.entries(contractsApi.SERVER_OWNED_CONTRACT_FIELDS)) {
    if (Object.hasOwn(changes, field)) {
      throw new PowerUpError('invalid-input', `${field} is set by the server: ${instead}.`, {
        path: ['changes', field],
      });
    }
  }
}

/**
 * The edit's changes with the linked objects' owners filled in from the host, when the edit touches the objects or
 * the customer: the core then refuses an object of another customer, or a customer change that leaves the old
 * customer's objects linked. Changes whose objects are not a list of codes go to the core as they are (it names the
 * field).
 */
async function withObjectOwners(
  tenant: TenantContext,
  services: AppServices,
  before: Contract,
  changes: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const codes = Object.hasOwn(changes, 'objectCodes') ? changes.objectCodes : before.objectCodes;
  if (!Array.isArray(codes) || !codes.every((code): code is string => typeof code === 'string')) return changes;
  const debtorNumber = typeof changes.debtorNumber === 'string' ? changes.debtorNumber : before.debtorNumber;
  const owners = await objectOwnersFor(tenant, services, debtorNumber, codes, before.objectOwners ?? {}, [
    'changes',
    'objectCodes',
  ]);
  return { ...changes, objectOwners: owners };
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
    await actionContext(tenant, stored.contract.id, terms, asOf, options.withReasons ?? false),
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
    // Stored columns filter in the database; the derived ones (status, flags, budget pressure) and the text search
    // here, on each page.
    const filters = {
      ...(query.debtorNumber !== undefined && { debtorNumber: query.debtorNumber }),
      ...(query.type !== undefined && { type: query.type }),
      ...(query.termsCode !== undefined && { termsCode: query.termsCode }),
      ...(query.objectCode !== undefined && { objectCode: query.objectCode }),
    };
    const matches = contractListFilter(query, asOf, tenant.tenant.settings.hourTypeRates);
    // The tenant's terms are read once, and only when a row on the page follows terms: most pages need none.
    let termsByCode: Map<string, ContractTerms> | undefined;
    const termsFor = async (code: string | undefined) => {
      if (code === undefined) return undefined;
      termsByCode ??= new Map((await tenant.store.terms.list()).map((terms) => [terms.code, terms]));
      return termsByCode.get(code);
    };
    const data: contractsApi.ContractResource[] = [];
    let cursor = query.cursor;
    let firstPage: object | undefined;
    // Each round asks the store for just as many rows as are still missing, so the page's cursor is the store's own
    // and no row is skipped.
    do {
      const page = await tenant.store.contracts.list({
        filters,
        limit: limit - data.length,
        ...(cursor !== undefined && { cursor }),
      });
      firstPage ??= page;
      for (const stored of page.items) {
        const terms = await termsFor(stored.contract.termsCode);
        const resource = toResource(stored, terms, asOf);
        if (matches(resource, terms)) data.push(resource);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && data.length < limit);
    return { body: listPage(firstPage, data, cursor ?? null) };
  },

  async createContract({ body, tenant, services }) {
    // The server owns the version and the objects' owners (read from the host); a new contract starts at 0.
    await checkSettingsExist(tenant.store, body);
    const owners = await objectOwnersFor(tenant, services, body.debtorNumber, body.objectCodes ?? [], {}, [
      'objectCodes',
    ]);
    const contract = parseContract({ ...body, version: 0, ...(owners !== undefined && { objectOwners: owners }) });
    const stored = await tenant.store.contracts.create(contract, metaOf(tenant, services));
    const resource = toResource(stored, await termsOf(tenant.store, stored.contract), asOfNow(services));
    return { body: resource, etag: resource.etag };
  },

  async getContract({ param, tenant, services }) {
    const stored = await loadContract(tenant, param('id'));
    const resource = toResource(stored, await termsOf(tenant.store, stored.contract), asOfNow(services));
    return { body: resource, etag: resource.etag };
  },

  async updateContract({ param, body, ifMatch, tenant, services }) {
    const stored = await loadContract(tenant, param('id'));
    checkIfMatch(stored, ifMatch);
    refuseServerOwned(body.changes);
    const changes = await withObjectOwners(tenant, services, stored.contract, body.changes);
    const command = { type: 'edit', expectedVersion: stored.contract.version, changes } as const;
    const done = await act(tenant, services, stored, command, {
      beforeWrite: (result) => checkSettingsExist(tenant.store, result.contract!, ['changes']),
    });
    const saved = done.outcome.saved!;
    const preview = done.result.effects.find((effect) => effect.type === 'schedule-changed')!.preview;
    const resource = toResource(saved, await termsOf(tenant.store, saved.contract), done.asOf);
    return { body: { contract: resource, preview }, etag: resource.etag };
  },

  async deleteContract({ param, ifMatch, tenant, services }) {
    const stored = await loadContract(tenant, param('id'));
    checkIfMatch(stored, ifMatch);
    await act(tenant, services, stored, { type: 'delete' });
    return {};
  },

  async terminateContract({ param, body, ifMatch, tenant, services }) {
    const stored = await loadContract(tenant, param('id'));
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
    const stored = await loadContract(tenant, param('id'));
    const command: ContractCommand = {
      type: 'restart',
      newId: body.newId,
      ...(body.startDate !== undefined && { startDate: body.startDate }),
      ...(body.endDate !== undefined && { endDate: body.endDate }),
      ...(body.schedule !== undefined && { schedule: body.schedule }),
      ...(body.budget !== undefined && { budget: body.budget }),
      ...(body.indexBudget !== undefined && { indexBudget: body.indexBudget }),
      ...(body.previousIndex !== undefined && { previousIndex: body.previousIndex }),
      ...(body.currentIndex !== undefined && { currentIndex: body.currentIndex }),
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
    const stored = await loadContract(tenant, param('id'));
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
   * another customer in OutSmart shows up here as a 400 naming it), and every work order the generation ledger created
   * for it is read again — its status, hours and materials — so the budget, computed from the cost lines on every
   * read, is current. `workOrders` counts the work orders read.
   */
  async refreshContract({ param, tenant, services }) {
    const stored = await loadContract(tenant, param('id'));
    const { debtorNumber, objectCodes } = stored.contract;
    await objectOwnersFor(tenant, services, debtorNumber, objectCodes, {}, ['objectCodes']);
    const host = await services.hosts.clientFor(tenant.tenant);
    const refreshed = await refreshContractWorkOrders({ ...tenant, host, now: services.now }, stored.contract.id);
    if (refreshed.missingOnHost.length > 0) {
      tenant.log.warn(
        { contractId: stored.contract.id, missing: refreshed.missingOnHost },
        'work orders gone on the host',
      );
    }
    const resource = toResource(stored, await termsOf(tenant.store, stored.contract), asOfNow(services));
    return { body: { contract: resource, workOrders: refreshed.workOrders }, etag: resource.etag };
  },

  async contractHistory({ param, query, tenant }) {
    const id = param('id');
    await loadContract(tenant, id);
    return { body: contractHistoryPage(await tenant.store.contracts.versions(id), query) };
  },
};
