import * as z from 'zod/mini';
import { parseContract, type Contract, type ContractInput } from '../model/contract.js';
import { firstCreationDate } from '../planning/plan-work-orders.js';
import type { ContractTerms, ContractTermsInput } from '../terms/contract-terms.js';
import { termsOfContract } from '../terms/terms-of-contract.js';
import { timelineOn, type RenewalTimeline } from '../terms/renewal-timeline.js';
import { daysBetween } from '../time/calendar-date.js';
import { localDateAt } from '../time/instant.js';
import { asOfSchema, parseInput, requireObject, wholeNumber } from '../validation.js';

/**
 * Every status {@link contractStatus} derives, in the order a contract's life runs through them (`terminated` ends
 * it early instead of `ended`). Exported so validators and filters list them from here rather than copy them.
 */
export const CONTRACT_STATUSES = ['not-started', 'active', 'ended', 'terminated'] as const;

/** One of {@link CONTRACT_STATUSES}. */
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/**
 * Every extra signal {@link contractStatus} may add on top of the status, in the order it lists them:
 * - `notice-deadline-near`: the last day to give notice is today or within the warning window;
 * - `renewal-due`: the current period ends within the warning window (it will renew, or end and need a restart);
 * - `termination-scheduled`: a termination is registered for today or a later day;
 * - `first-work-order-due`: the contract has not started, but the creation date of its first work order (first
 *   target − days in advance) is today or past, so generation creates that work order before the start date. That
 *   is intended: the visit itself falls inside the contract and is prepared in advance like every other.
 */
export const STATUS_FLAGS = [
  'notice-deadline-near',
  'renewal-due',
  'termination-scheduled',
  'first-work-order-due',
] as const;

/** One of {@link STATUS_FLAGS}. */
export type StatusFlag = (typeof STATUS_FLAGS)[number];

export type ContractStatusResult = { status: ContractStatus; flags: StatusFlag[]; timeline: RenewalTimeline };

const optionsSchema = z.object({
  asOf: asOfSchema,
  /** How many days ahead a deadline counts as near (default 30). */
  warnDays: z._default(wholeNumber(0, 3660, ' days'), 30),
});

/*
 * The last options, kept: a list of contracts asks with one `asOf` for every row, and checking that instant cost more
 * than the rest of a status (its local date is kept by `localDateAt`). Only equal strings (and the same `warnDays`)
 * hit, so a memo answers exactly what parsing again would.
 */
let lastOptions: { asOf: unknown; warnDays: unknown; parsed: { asOf: string; warnDays: number } } | undefined;

function parsedOptions(asOf: unknown, warnDays: unknown): { asOf: string; warnDays: number } {
  if (lastOptions !== undefined && lastOptions.asOf === asOf && lastOptions.warnDays === warnDays) {
    return lastOptions.parsed;
  }
  const parsed = parseInput(optionsSchema, { asOf, warnDays });
  lastOptions = { asOf, warnDays, parsed };
  return parsed;
}

/**
 * The status of a contract on `asOf`, derived from its dates, its terms and whether it was terminated — never set
 * by hand. The start day, the end day and the termination day themselves are in force: a contract is `ended` or
 * `terminated` from the day after. A `not-started` contract may already have its first work order due (flag
 * `first-work-order-due`): `planWorkOrders` creates work orders days in advance, also before the start date. The
 * terms, when given, must be the contract's own (`termsCode`), else `invalid-input` on `terms.code`.
 *
 * @example
 * contractStatus(
 *   { id: 'C-1', type: 'corrective', startDate: '2025-01-01', endDate: '2025-12-31', debtorNumber: 'D1' },
 *   { asOf: '2025-12-15T12:00:00Z' },
 * ); // { status: 'active', flags: ['notice-deadline-near', 'renewal-due'], timeline: { … } }
 */
export function contractStatus(
  contractInput: ContractInput | Contract,
  options: { asOf: string; warnDays?: number; terms?: ContractTermsInput | ContractTerms },
): ContractStatusResult {
  const contract = parseContract(contractInput);
  requireObject(options, ['options'], 'options { asOf, warnDays?, terms? }');
  const { asOf, warnDays } = parsedOptions(options.asOf, options.warnDays);
  const terms = termsOfContract(contract, options.terms);
  const today = localDateAt(asOf, contract.timeZone);
  const timeline = timelineOn(contract, terms, today);
  const termination = contract.termination?.date;

  let status: ContractStatus;
  if (today < contract.startDate) status = 'not-started';
  else if (termination !== undefined && today > termination) status = 'terminated';
  else if (timeline.finalDay !== null && today > timeline.finalDay) status = 'ended';
  else status = 'active';

  const flags: StatusFlag[] = [];
  const within = (date: string | null) =>
    date !== null && daysBetween(today, date) >= 0 && daysBetween(today, date) <= warnDays;
  if (status === 'active' || status === 'not-started') {
    if (within(timeline.noticeDeadline)) flags.push('notice-deadline-near');
    if (termination === undefined && within(timeline.periodEnd)) flags.push('renewal-due');
    if (termination !== undefined && termination >= today) flags.push('termination-scheduled');
  }
  if (status === 'not-started') {
    const firstCreation = firstCreationDate(contract);
    if (firstCreation !== null && firstCreation <= today) flags.push('first-work-order-due');
  }
  return { status, flags, timeline };
}
