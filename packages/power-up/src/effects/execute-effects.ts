import type { Contract, ContractEffect, ContractTerms } from '@contractbeheer/core';
import { lostValue } from '../contracts/lost-value.js';
import type { ChangeMeta, StoredContract, TenantStore } from '../store/store.js';

export type EffectContext = {
  /** The contract as read, that the action was applied to: saves and deletes are guarded by its version. */
  before: Contract;
  /** Its terms, for the value a termination loses. */
  terms: ContractTerms | undefined;
  meta: ChangeMeta;
};

/** What the effects left in the store. */
export type EffectOutcome = {
  /** The contract as saved, when an effect saved it. */
  saved: StoredContract | undefined;
  /** Contracts an effect created (a restart). */
  created: StoredContract[];
  deleted: boolean;
};

/**
 * The one executor of the core's action effects (`applyContractAction` describes, this carries out): every effect of
 * one action is applied in one store transaction, so a failure — a version conflict, a taken id — leaves nothing
 * half-written. Saves and deletes are guarded by the version the action was applied to: a concurrent writer makes
 * this one fail with a `VersionConflictError`, and nothing of it lands.
 *
 * Effects about generated work orders (the actions are applied with the generation ledger's work orders) are
 * recorded in the audit trail, never dropped in silence: `review-work-orders` names those after a termination date,
 * `delete-work-orders` those of a deleted contract. What happens on the host is generation's: it reads the saved
 * termination date (`stop-generation-after`) and applies the tenant's policy for generated, not started work orders
 * after it (see `generation/terminated-work-orders.ts`). `schedule-changed` is the answer to the caller.
 */
export async function executeEffects(
  store: TenantStore,
  effects: readonly ContractEffect[],
  context: EffectContext,
): Promise<EffectOutcome> {
  const { before, meta } = context;
  const audit = (tx: TenantStore, action: string, id: string, details: Record<string, unknown>) =>
    tx.audit.append({ ...meta, action, entity: { type: 'contract', id }, details });
  return store.transaction(async (tx) => {
    const outcome: EffectOutcome = { saved: undefined, created: [], deleted: false };
    for (const effect of effects) {
      switch (effect.type) {
        case 'save-contract': {
          outcome.saved = await tx.contracts.update(effect.contract, { expectedVersion: before.version, ...meta });
          const termination = effect.contract.termination;
          if (termination !== undefined && before.termination === undefined) {
            // The termination registry feeds the cancellation report: the reason's label as it read today.
            await tx.terminations.record(
              {
                contractId: effect.contract.id,
                date: termination.date,
                ...(termination.reasonCode !== undefined && { reasonCode: termination.reasonCode }),
                ...(termination.reasonLabel !== undefined && { reasonLabel: termination.reasonLabel }),
                ...(termination.remark !== undefined && { remark: termination.remark }),
                // The core reads instants to the second.
                lostValue: lostValue(before, context.terms, termination.date, meta.at.replace(/\.\d+Z$/, 'Z')),
              },
              meta,
            );
          }
          break;
        }
        case 'create-contract':
          outcome.created.push(await tx.contracts.create(effect.contract, meta));
          break;
        case 'delete-contract':
          await tx.contracts.delete(effect.contractId, { expectedVersion: before.version, ...meta });
          outcome.deleted = true;
          break;
        case 'price-indexed':
          await audit(tx, 'contract.price-indexed', before.id, {
            from: effect.from,
            to: effect.to,
            appliedBasisPoints: effect.appliedBasisPoints,
            limitedBy: effect.limitedBy,
          });
          break;
        case 'schedule-changed':
        case 'stop-generation-after':
          // Nothing to write: the saved contract carries the change, and saving it made the contract due at once.
          break;
        case 'review-work-orders':
          await audit(tx, 'contract.work-orders-to-review', before.id, { keys: effect.keys, reason: effect.reason });
          break;
        case 'delete-work-orders':
          await audit(tx, 'contract.work-orders-to-delete', before.id, { keys: effect.keys });
          break;
        default: {
          const unknown: never = effect;
          throw new Error(`no executor for the effect ${JSON.stringify(unknown)}: add it to executeEffects.`);
        }
      }
    }
    return outcome;
  });
}
