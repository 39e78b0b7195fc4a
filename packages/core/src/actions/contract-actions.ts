import type { Money } from '../money/money.js';
import { CoreError, echo } from '../errors.js';
import { budgetSchema, parseContract, type Contract, type ContractInput } from '../model/contract.js';
import { parseOccurrenceKey } from '../planning/occurrence-key.js';
import { previewScheduleChange, type ScheduleChangePreview } from '../planning/preview-schedule-change.js';
import { snapshotReason, type CancellationReasonInput } from '../reasons/cancellation-reason.js';
import { contractStatus } from '../status/contract-status.js';
import type { ContractTerms, ContractTermsInput, Indexation } from '../terms/contract-terms.js';
import { termsOfContract } from '../terms/terms-of-contract.js';
import { indexPrice } from '../terms/price-indexation.js';
import { timelineOn } from '../terms/renewal-timeline.js';
import { addDays, daysBetween, periodEnd } from '../time/calendar-date.js';
import { localDateAt } from '../time/instant.js';
import { parseInput, requireArray, requireObject, requireString } from '../validation.js';

/** A work order the contract already generated, as the ledger and the host know it. */
export type GeneratedWorkOrder = { key: string; state: 'open' | 'started' | 'completed' | 'handled' };

export type ContractCommand =
  | { type: 'edit'; expectedVersion: number; changes: Partial<ContractInput> }
  | { type: 'terminate'; date: string; reasonCode?: string; remark?: string }
  | {
      type: 'restart';
      newId: string;
      /** Default: the day after the original's last day, or today when that is later. */
      startDate?: string;
      /** Default: a period as long as the original's, when it had an end. */
      endDate?: string;
      /** Default: the original's schedule without its per-date exceptions. */
      schedule?: ContractInput['schedule'];
      /** Default: the original's budget. */
      budget?: ContractInput['budget'];
      /** Index the budget by the terms' indexation (an index indexation needs both index values). */
      indexBudget?: boolean;
      previousIndex?: string | number;
      currentIndex?: string | number;
    }
  | { type: 'renew'; previousIndex?: string | number; currentIndex?: string | number }
  | { type: 'delete' };

export type ActionContext = {
  asOf: string;
  terms?: ContractTermsInput;
  workOrders?: readonly GeneratedWorkOrder[];
  reasons?: readonly CancellationReasonInput[];
  /** Tenant setting: whether a termination needs a cancellation reason. */
  reasonRequired?: boolean;
};

/** What the caller must carry out; the engine only describes it. */
export type ContractEffect =
  | { type: 'save-contract'; contract: Contract }
  | {
      type: 'schedule-changed';
      /** The local date from which the new version governs planning (today): earlier dates keep the old plan. */
      effectiveFrom: string;
      preview: ScheduleChangePreview;
    }
  | { type: 'stop-generation-after'; date: string }
  | { type: 'review-work-orders'; keys: string[]; reason: 'target-after-termination' }
  | { type: 'create-contract'; contract: Contract }
  | { type: 'price-indexed'; from: Money; to: Money; appliedBasisPoints: number; limitedBy: 'cap' | 'floor' | null }
  | { type: 'delete-contract'; contractId: string }
  | { type: 'delete-work-orders'; keys: string[] };

export type ActionResult = { contract: Contract | null; effects: ContractEffect[] };

const refuse = (message: string, path: (string | number)[] = []): never => {
  throw new CoreError('not-allowed', message, { path });
};
const invalid = (message: string, path: (string | number)[]): never => {
  throw new CoreError('invalid-command', message, { path });
};

function edit(
  contract: Contract,
  command: Extract<ContractCommand, { type: 'edit' }>,
  ctx: ActionContext,
): ActionResult {
  if (command.expectedVersion !== contract.version) {
    throw new CoreError(
      'version-conflict',
      `the contract is at version ${contract.version}, the edit was made on version ${echo(command.expectedVersion)}: reload it and edit again.`,
      { path: ['expectedVersion'] },
    );
  }
  const changes = requireObject(command.changes ?? {}, ['changes'], 'the changes as an object of contract fields');
  for (const field of ['id', 'version', 'effectiveFrom', 'termination', 'restartOf'] as const) {
    if (field in changes)
      invalid(`${field} cannot be edited${field === 'termination' ? ': use the terminate action' : ''}.`, [
        'changes',
        field,
      ]);
  }
  // The new version governs from today on: what was due before stays the old version's (see `planWorkOrders`).
  const effectiveFrom = localDateAt(ctx.asOf, contract.timeZone);
  let next: Contract;
  try {
    next = parseContract({ ...contract, ...changes, version: contract.version + 1, effectiveFrom });
  } catch (error) {
    // Re-rooted under `changes`, the caller's field; the message carries no path, so it passes through as is.
    if (error instanceof CoreError)
      throw new CoreError(error.code, error.message, { path: ['changes', ...error.path], cause: error });
    throw error;
  }
  const preview = previewScheduleChange(contract, next, {
    asOf: ctx.asOf,
    generatedKeys: (ctx.workOrders ?? []).map((w) => w.key),
  });
  return {
    contract: next,
    effects: [
      { type: 'save-contract', contract: next },
      { type: 'schedule-changed', effectiveFrom, preview },
    ],
  };
}

function terminate(
  contract: Contract,
  command: Extract<ContractCommand, { type: 'terminate' }>,
  ctx: ActionContext,
): ActionResult {
  if (contract.termination !== undefined)
    refuse(`the contract was already terminated on ${contract.termination.date}.`, ['date']);
  if (typeof command.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(command.date))
    invalid("expected a date 'YYYY-MM-DD'.", ['date']);
  if (command.date < contract.startDate)
    invalid(`the termination date lies before the start date ${contract.startDate}: delete the contract instead.`, [
      'date',
    ]);
  const terms = termsOfContract(contract, ctx.terms);
  const today = localDateAt(ctx.asOf, contract.timeZone);
  const finalDay = timelineOn(contract, terms, today).finalDay;
  if (finalDay !== null && command.date > finalDay)
    refuse(`the contract already ends on ${finalDay}: no termination is needed after that.`, ['date']);
  const reason = snapshotReason(ctx.reasons ?? [], command.reasonCode, { required: ctx.reasonRequired ?? false });
  const termination = {
    date: command.date,
    ...reason,
    ...(command.remark !== undefined && { remark: command.remark }),
  };
  const next = parseContract({ ...contract, termination, version: contract.version + 1 });
  const review = (ctx.workOrders ?? [])
    .filter((w) => w.state === 'open' && parseOccurrenceKey(w.key).targetDate > command.date)
    .map((w) => w.key);
  const effects: ContractEffect[] = [
    { type: 'save-contract', contract: next },
    { type: 'stop-generation-after', date: command.date },
  ];
  if (review.length > 0) effects.push({ type: 'review-work-orders', keys: review, reason: 'target-after-termination' });
  return { contract: next, effects };
}

function restart(
  contract: Contract,
  command: Extract<ContractCommand, { type: 'restart' }>,
  ctx: ActionContext,
): ActionResult {
  const terms = termsOfContract(contract, ctx.terms);
  const { status, timeline } = contractStatus(contract, { asOf: ctx.asOf, terms });
  // Restarting is for contracts that do not renew by themselves: over, terminated, or running to a known last day.
  const endsWithoutRenewal = status === 'active' && timeline.finalDay !== null;
  if (status !== 'terminated' && status !== 'ended' && contract.termination === undefined && !endsWithoutRenewal) {
    refuse(
      `only a contract that ends without automatic renewal (ended, terminated, or running to its end date) can be restarted; this one is ${status}${timeline.nextRenewal ? ` and renews on ${timeline.nextRenewal}` : status === 'active' ? ' without an end' : ''}.`,
    );
  }
  if (typeof command.newId !== 'string' || command.newId === '' || command.newId === contract.id)
    invalid('give the new contract its own id.', ['newId']);
  const today = localDateAt(ctx.asOf, contract.timeZone);
  const lastDay = timeline.finalDay ?? contract.endDate ?? today;
  const dayAfter = addDays(lastDay, 1);
  const startDate = command.startDate ?? (dayAfter > today ? dayAfter : today);
  // The same conditions over a period as long as the original's, when it had an end.
  const length = contract.endDate === undefined ? undefined : daysBetween(contract.startDate, contract.endDate);
  const { termination: _, effectiveFrom: __, schedule, ...conditions } = contract;
  const effects: ContractEffect[] = [];
  let budget = command.budget ?? contract.budget;
  if (command.indexBudget === true) {
    if (terms === undefined) invalid('indexing follows the contract terms: pass them as ctx.terms.', ['terms']);
    const indexation = terms?.indexation;
    if (indexation === undefined)
      invalid(`terms ${echo(terms?.code)} have no indexation: leave indexBudget out.`, ['indexBudget']);
    if (budget === undefined) invalid('the contract has no budget to index: leave indexBudget out.', ['indexBudget']);
    const from = parseInput(budgetSchema, budget, { path: ['budget'] });
    const indexed = indexPrice(from.amount, indexation as Indexation, command);
    effects.push({
      type: 'price-indexed',
      from: from.amount,
      to: indexed.price,
      appliedBasisPoints: indexed.appliedBasisPoints,
      limitedBy: indexed.limitedBy,
    });
    budget = { ...from, amount: indexed.price };
  }
  const restarted = parseContract({
    ...conditions,
    schedule:
      command.schedule ??
      (schedule === undefined ? undefined : { ...schedule, exceptions: { skip: [], move: [], add: [] } }),
    budget,
    id: command.newId,
    version: 0,
    startDate,
    endDate: command.endDate ?? (length === undefined ? undefined : addDays(startDate, length)),
    restartOf: contract.id,
  });
  return { contract, effects: [{ type: 'create-contract', contract: restarted }, ...effects] };
}

function renew(
  contract: Contract,
  command: Extract<ContractCommand, { type: 'renew' }>,
  ctx: ActionContext,
): ActionResult {
  if (ctx.terms === undefined) invalid('renewal follows the contract terms: pass them as ctx.terms.', ['terms']);
  const terms = termsOfContract(contract, ctx.terms) as ContractTerms;
  if (contract.termination !== undefined)
    refuse(`the contract is terminated on ${contract.termination.date}: restart it instead.`);
  const { status, timeline } = contractStatus(contract, { asOf: ctx.asOf, terms });
  if (status !== 'active')
    refuse(
      `only an active contract can be renewed; this one is ${status}${status === 'ended' ? ': restart it instead' : ''}.`,
    );
  const currentEnd = contract.endDate ?? timeline.periodEnd;
  if (currentEnd === null) refuse('an open-ended contract has nothing to renew.');
  const endDate = periodEnd(addDays(currentEnd as string, 1), terms.renewalPeriod ?? terms.period);
  const effects: ContractEffect[] = [];
  let budget = contract.budget;
  if (terms.indexation !== undefined && budget !== undefined) {
    const indexed = indexPrice(budget.amount, terms.indexation, command);
    effects.push({
      type: 'price-indexed',
      from: budget.amount,
      to: indexed.price,
      appliedBasisPoints: indexed.appliedBasisPoints,
      limitedBy: indexed.limitedBy,
    });
    budget = { ...budget, amount: indexed.price };
  }
  const next = parseContract({ ...contract, endDate, budget, version: contract.version + 1 });
  return { contract: next, effects: [{ type: 'save-contract', contract: next }, ...effects] };
}

function remove(contract: Contract, ctx: ActionContext): ActionResult {
  const workOrders = ctx.workOrders ?? [];
  const done = workOrders.filter((w) => w.state === 'completed' || w.state === 'handled');
  if (done.length > 0) {
    refuse(
      `${done.length} work order(s) of this contract are completed or handled (${done
        .slice(0, 3)
        .map((w) => w.key)
        .join(', ')}${done.length > 3 ? ', …' : ''}): terminate the contract instead of deleting it.`,
    );
  }
  const effects: ContractEffect[] = [{ type: 'delete-contract', contractId: contract.id }];
  if (workOrders.length > 0) effects.push({ type: 'delete-work-orders', keys: workOrders.map((w) => w.key) });
  return { contract: null, effects };
}

/** The context comes from the caller's storage; check its shape before the actions read it. */
function checkContext(ctx: ActionContext): void {
  requireObject(ctx, ['ctx'], 'a context { asOf, … }');
  if (ctx.workOrders !== undefined) {
    requireArray(ctx.workOrders, ['workOrders'], 'an array of work orders');
    for (let i = 0; i < ctx.workOrders.length; i++) {
      const workOrder = requireObject(ctx.workOrders[i], ['workOrders', i], 'a work order { key, state }');
      parseOccurrenceKey(requireString(workOrder['key'], ['workOrders', i, 'key'], 'an occurrence key', 1_000));
      if (!['open', 'started', 'completed', 'handled'].includes(workOrder['state'] as string)) {
        throw new CoreError('invalid-input', "use 'open', 'started', 'completed' or 'handled'.", {
          path: ['workOrders', i, 'state'],
        });
      }
    }
  }
  if (ctx.reasonRequired !== undefined && typeof ctx.reasonRequired !== 'boolean') {
    throw new CoreError('invalid-input', 'expected true or false.', { path: ['reasonRequired'] });
  }
}

/**
 * Applies an action to a contract as a pure transition: `(contract, command, ctx) → { contract, effects }`. Effects
 * are described, never executed — the caller saves, stops generation, reviews work orders, creates the restarted
 * contract or deletes. An invalid command throws a `CoreError` with code `invalid-command`, `not-allowed` (with the
 * reason) or `version-conflict`, and the field.
 *
 * - `edit`: a new version with `effectiveFrom` today: it governs planning from today on, so only future, not
 *   generated occurrences change — shown in a `schedule-changed` effect with the same `effectiveFrom` and a preview
 *   from that day. Keep the versions: planning them together (`planWorkOrders(versions, …)`) catches up on missed
 *   dates under the version that was in force then. `effectiveFrom` itself cannot be edited.
 * - `terminate`: a date, a reason (optional or required per tenant) and a remark; generation stops after the date,
 *   and generated work orders for later dates that have not started are listed for the caller's policy.
 * - `restart`: a new contract linked to the original, for a contract that does not renew by itself — ended,
 *   terminated (or with a termination registered), or active and running to a known last day without automatic
 *   renewal. It starts the day after the original's last day or today, whichever is later, with the same conditions
 *   unless the command changes them: `startDate`, `endDate`, `schedule`, `budget`, and `indexBudget` to index the
 *   budget by the terms' indexation (effect `price-indexed`).
 * - `renew`: extends the end date by the renewal period; indexes the budget when the terms say so.
 *
 * `terminate` and `renew` keep the version's `effectiveFrom` (they change no plan before their dates). Terms in
 * `ctx.terms` must be the contract's own (`termsCode`), else `invalid-input` on `terms.code`.
 * - `delete`: only while none of the work orders is completed or handled.
 *
 * @example
 * applyContractAction(contract, { type: 'terminate', date: '2025-06-30', reasonCode: 'VERHUISD' },
 *   { asOf: '2025-06-01T10:00:00Z', reasons: [{ code: 'VERHUISD', label: 'Klant verhuisd' }] });
 * // { contract: { …, termination: { date: '2025-06-30', reasonCode: 'VERHUISD', reasonLabel: 'Klant verhuisd' } },
 * //   effects: [{ type: 'save-contract', … }, { type: 'stop-generation-after', date: '2025-06-30' }] }
 */
export function applyContractAction(
  contractInput: ContractInput | Contract,
  command: ContractCommand,
  ctx: ActionContext,
): ActionResult {
  const contract = parseContract(contractInput);
  checkContext(ctx);
  switch (command?.type) {
    case 'edit':
      return edit(contract, command, ctx);
    case 'terminate':
      return terminate(contract, command, ctx);
    case 'restart':
      return restart(contract, command, ctx);
    case 'renew':
      return renew(contract, command, ctx);
    case 'delete':
      return remove(contract, ctx);
    default:
      return invalid(
        `unknown action ${echo((command as { type?: unknown } | undefined)?.type)}: use edit, terminate, restart, renew or delete.`,
        ['type'],
      );
  }
}
