/**
 * Generation, the pure half: given what the core plans for one contract, that contract's ledger rows and what the
 * host answered to look-ups, decide the next steps. No clock, database or network is read here — `now` is an input —
 * so the same input always gives the same commands, and every rule below is property-tested without a database.
 *
 * The rules, per occurrence key:
 * - planned and not in the ledger → `insert-pending`, then `create` (attempt 1): the row exists before the host is
 *   ever called;
 * - skipped by the core and not in the ledger → `insert-skipped` with the core's reason;
 * - in the ledger → the row governs; the core's plan or skip for it is ignored (an edit never rewrites a row);
 * - `created` and `skipped` rows → nothing, ever;
 * - `pending` with no attempt yet → `create` (attempt 1);
 * - `pending` or `failed` with a current look-up that found the number → `mark-created`, never a second create;
 * - `pending` after an attempt, while its back-off runs → nothing;
 * - `pending` after an attempt, back-off over, no current look-up → `look-up` (reconcile before any retry);
 * - `pending`, current look-up found nothing → `create` (next attempt), or `mark-failed` once `maxAttempts` are spent;
 * - `failed` without a finding look-up → nothing (no automatic retries).
 *
 * What the shell (next slice) does with the output, in order:
 * 1. `insert-pending` / `insert-skipped`: insert the row (`ON CONFLICT (key) DO NOTHING`) and commit before any host
 *    call for that key; if another instance inserted it first, drop this key's remaining commands for this tick.
 * 2. `create`: in one committed write, set `attempts = attempt, last_attempt_at = at` only where the row is still
 *    `pending` with `attempts = attempt − 1` (a compare-and-set: skip the POST when it matches nothing); then POST the
 *    plan with `WorkorderNo = workOrderNumber`. Success → write `created` with the host's id. Failure (5xx, 429,
 *    timeout, lost response) → write `last_error`, keep `pending`; the next tick reconciles it. Never retry inline.
 * 3. `look-up`: ask the host for the number, and pass `{ key, workOrderNumber, afterAttempts, found, hostId }` in the
 *    next decision (same tick or next); never POST on the strength of a look-up taken before a later attempt.
 * 4. `mark-created` / `mark-failed`: update the row only where it still has the state and attempts it was decided on.
 * The shell also owns concurrency, 429/5xx back-off of the whole tenant, the due index and claiming rows across
 * instances (`FOR UPDATE SKIP LOCKED`); it passes every ledger key as the core's `generatedKeys`, so plans name new
 * keys only.
 */
import type { PlanResult } from '@contractbeheer/core';
import { workOrderNumberFor } from '@contractbeheer/sdk';
import type { GenerationCommand } from './generation-command.js';
import { generationInputError } from './generation-input-error.js';
import type { HostLookup } from './host-lookup.js';
import type { LedgerRow } from './ledger-row.js';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

export type GenerationInput = {
  contractId: string;
  /** `planWorkOrders` for this contract, with the ledger's keys as `generatedKeys`. */
  planned: Pick<PlanResult, 'plans' | 'skipped'>;
  /** Every ledger row of this contract. */
  rows: readonly LedgerRow[];
  /** Host answers for pending or failed rows, as asked for by earlier `look-up` commands. */
  lookups?: readonly HostLookup[];
  /** Milliseconds since the Unix epoch (UTC). */
  now: number;
  policy?: RetryPolicy;
};

const LEDGER_STATES = new Set(['pending', 'created', 'skipped', 'failed']);

function isWholeNumber(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function checkPolicy(policy: RetryPolicy): void {
  if (!isWholeNumber(policy.maxAttempts, 1)) {
    throw generationInputError(['policy', 'maxAttempts'], 'use a whole number of attempts, at least 1.');
  }
  // At least 1 ms: with no wait at all, a second decision at the same instant would reconcile again at once.
  if (!isWholeNumber(policy.baseDelayMs, 1)) {
    throw generationInputError(['policy', 'baseDelayMs'], 'use a whole number of milliseconds, at least 1.');
  }
  if (!isWholeNumber(policy.maxDelayMs, policy.baseDelayMs)) {
    throw generationInputError(['policy', 'maxDelayMs'], 'use a whole number of milliseconds, at least baseDelayMs.');
  }
}

function checkRows(rows: readonly LedgerRow[], contractId: string): Map<string, LedgerRow> {
  const byKey = new Map<string, LedgerRow>();
  rows.forEach((row, i) => {
    const path = ['rows', i];
    if (typeof row.key !== 'string' || !row.key.startsWith(`${contractId}|`)) {
      throw generationInputError([...path, 'key'], `use an occurrence key of contract ${contractId}.`);
    }
    if (byKey.has(row.key)) throw generationInputError([...path, 'key'], 'keep one ledger row per occurrence key.');
    if (!LEDGER_STATES.has(row.state)) {
      throw generationInputError([...path, 'state'], 'use pending, created, skipped or failed.');
    }
    if (row.workOrderNumber !== workOrderNumberFor(row.key)) {
      throw generationInputError([...path, 'workOrderNumber'], 'use workOrderNumberFor(key): the number is derived.');
    }
    if (!isWholeNumber(row.attempts, 0)) {
      throw generationInputError([...path, 'attempts'], 'use a whole number of attempts, at least 0.');
    }
    if (row.attempts > 0 && !isWholeNumber(row.lastAttemptAt, 0)) {
      throw generationInputError([...path, 'lastAttemptAt'], 'record when the last attempt started (epoch ms).');
    }
    if (row.state === 'pending' && row.plan === null) {
      throw generationInputError([...path, 'plan'], 'keep the plan on a pending row: retries post it unchanged.');
    }
    byKey.set(row.key, row);
  });
  return byKey;
}

function checkPlanned(planned: GenerationInput['planned'], contractId: string): void {
  const seen = new Set<string>();
  const check = (key: string, path: (string | number)[]) => {
    if (typeof key !== 'string' || !key.startsWith(`${contractId}|`)) {
      throw generationInputError(path, `use an occurrence key of contract ${contractId}.`);
    }
    if (seen.has(key)) throw generationInputError(path, 'plan each occurrence key once.');
    seen.add(key);
  };
  planned.plans.forEach((plan, i) => check(plan.key, ['planned', 'plans', i, 'key']));
  planned.skipped.forEach((skip, i) => check(skip.key, ['planned', 'skipped', i, 'key']));
}

function checkLookups(lookups: readonly HostLookup[], rows: Map<string, LedgerRow>): Map<string, HostLookup> {
  const byKey = new Map<string, HostLookup>();
  lookups.forEach((lookup, i) => {
    const path = ['lookups', i];
    if (!rows.has(lookup.key)) throw generationInputError([...path, 'key'], 'look up keys that have a ledger row.');
    if (byKey.has(lookup.key)) throw generationInputError([...path, 'key'], 'pass one look-up per key.');
    if (lookup.workOrderNumber !== workOrderNumberFor(lookup.key)) {
      throw generationInputError([...path, 'workOrderNumber'], 'look up workOrderNumberFor(key).');
    }
    if (!isWholeNumber(lookup.afterAttempts, 0)) {
      throw generationInputError([...path, 'afterAttempts'], 'use the row’s attempts at the time of the look-up.');
    }
    byKey.set(lookup.key, lookup);
  });
  return byKey;
}

function decideRow(
  row: LedgerRow,
  lookup: HostLookup | undefined,
  now: number,
  policy: RetryPolicy,
): GenerationCommand[] {
  const { key, workOrderNumber } = row;
  if (row.state === 'created' || row.state === 'skipped') return [];
  // A look-up older than the last attempt says nothing about that attempt.
  const current = lookup !== undefined && lookup.afterAttempts === row.attempts ? lookup : undefined;
  if (current?.found === true) return [{ kind: 'mark-created', key, workOrderNumber, hostId: current.hostId }];
  if (row.state === 'failed') return [];
  const plan = row.plan as NonNullable<LedgerRow['plan']>;
  if (row.attempts === 0) return [{ kind: 'create', key, workOrderNumber, plan, attempt: 1, at: now }];
  if (now < (row.lastAttemptAt as number) + backoffDelayMs(policy, row.attempts)) return [];
  if (current === undefined) return [{ kind: 'look-up', key, workOrderNumber, afterAttempts: row.attempts }];
  if (row.attempts >= policy.maxAttempts) {
    const lastError = row.lastError ?? `the host confirmed none of the ${row.attempts} creates`;
    return [{ kind: 'mark-failed', key, workOrderNumber, attempts: row.attempts, lastError }];
  }
  return [{ kind: 'create', key, workOrderNumber, plan, attempt: row.attempts + 1, at: now }];
}

/**
 * The next generation steps for one contract (see the module header for the rules and what the shell does). Throws
 * only a `PowerUpError` (`invalid-input`, with the offending field's path) when the input breaks a ledger invariant.
 */
export function decideGeneration(input: GenerationInput): GenerationCommand[] {
  const policy = input.policy ?? DEFAULT_RETRY_POLICY;
  if (typeof input.contractId !== 'string' || input.contractId === '') {
    throw generationInputError(['contractId'], 'name the contract the plans and rows belong to.');
  }
  if (!isWholeNumber(input.now, 0)) {
    throw generationInputError(['now'], 'use milliseconds since the Unix epoch, a whole number ≥ 0.');
  }
  checkPolicy(policy);
  const rows = checkRows(input.rows, input.contractId);
  checkPlanned(input.planned, input.contractId);
  const lookups = checkLookups(input.lookups ?? [], rows);

  const commands: GenerationCommand[] = [];
  // Rows first, by key, so the output does not depend on the order the store returned them in.
  for (const key of [...rows.keys()].sort()) {
    commands.push(...decideRow(rows.get(key) as LedgerRow, lookups.get(key), input.now, policy));
  }
  // Then new occurrences, in the core's order (by target date and object).
  for (const plan of input.planned.plans) {
    if (rows.has(plan.key)) continue;
    const workOrderNumber = workOrderNumberFor(plan.key);
    commands.push({ kind: 'insert-pending', key: plan.key, workOrderNumber, plan });
    commands.push({ kind: 'create', key: plan.key, workOrderNumber, plan, attempt: 1, at: input.now });
  }
  for (const skip of input.planned.skipped) {
    if (rows.has(skip.key)) continue;
    const workOrderNumber = workOrderNumberFor(skip.key);
    commands.push({ kind: 'insert-skipped', key: skip.key, workOrderNumber, reason: skip.reason });
  }
  return commands;
}
