import * as z from 'zod/mini';
import { parseContract, type Contract, type ContractInput } from '../model/contract.js';
import { addDays, addDuration, periodEnd, periodStartHolding } from '../time/calendar-date.js';
import { MAX_DATE } from '../time/date-range.js';
import { localDateAt } from '../time/instant.js';
import { asOfSchema, parseInput } from '../validation.js';
import type { ContractTerms, ContractTermsInput } from './contract-terms.js';
import { termsOfContract } from './terms-of-contract.js';

export type RenewalTimeline = {
  /** First day of the period that holds today (or the last period, once the contract is over). */
  periodStart: string;
  /** Last day of that period; `null` for an open-ended contract. */
  periodEnd: string | null;
  /** The last day on which notice can still be given for the period's end; `null` without an end or terms. */
  noticeDeadline: string | null;
  /** The first day of the next period when the contract will renew; `null` when it will not (or not by 9999-12-31). */
  nextRenewal: string | null;
  /** How many times the contract has renewed by today. */
  renewals: number;
  /** The day the contract ends for good, when that is known (no auto-extension, or terminated). */
  finalDay: string | null;
};

const optionsSchema = z.object({ asOf: asOfSchema });

/** The timeline of a contract under its terms, computed for a local date `today`. */
export function timelineOn(contract: Contract, terms: ContractTerms | undefined, today: string): RenewalTimeline {
  const termination = contract.termination?.date;
  const initialEnd = contract.endDate ?? (terms ? periodEnd(contract.startDate, terms.period) : null);
  if (initialEnd === null) {
    // Open-ended: no period, no notice deadline; only a termination ends it.
    return {
      periodStart: contract.startDate,
      periodEnd: termination ?? null,
      noticeDeadline: null,
      nextRenewal: null,
      renewals: 0,
      finalDay: termination ?? null,
    };
  }
  let start = contract.startDate;
  let end = initialEnd;
  let renewals = 0;
  const renewal = terms?.renewalPeriod ?? terms?.period;
  const autoExtend = terms?.autoExtend === true && renewal !== undefined;
  // Renew up to the period holding today, never past a termination; found by arithmetic rather than by walking, so
  // a daily renewal since year 0001 costs what one renewal does. A period that would end past 9999-12-31 throws.
  const stop = termination !== undefined && termination < today ? termination : today;
  if (autoExtend && end < stop) {
    const holding = periodStartHolding(addDays(end, 1), renewal, stop);
    start = holding.start;
    end = periodEnd(start, renewal);
    renewals = holding.steps + 1;
  }
  const notice =
    renewals === 0 ? terms?.noticeBeforeCancellation : (terms?.noticeAfterRenewal ?? terms?.noticeBeforeCancellation);
  const noticeDeadline = notice === undefined ? null : addDuration(end, { count: -notice.count, unit: notice.unit });
  const terminatedInPeriod = termination !== undefined && termination <= end;
  const finalDay = terminatedInPeriod ? termination : autoExtend ? null : end;
  return {
    periodStart: start,
    periodEnd: terminatedInPeriod ? termination : end,
    noticeDeadline: terminatedInPeriod ? null : noticeDeadline,
    // The day after 9999-12-31 cannot be named: within the supported dates there is no renewal.
    nextRenewal: autoExtend && !terminatedInPeriod && end < MAX_DATE ? addDays(end, 1) : null,
    renewals,
    finalDay,
  };
}

/**
 * The current period of a contract under its terms: its end, the last day to give notice, and the next renewal.
 * Without an end date the initial period comes from the terms; an auto-extending contract renews by the renewal
 * period (default: the contract period) and then uses the notice period after renewal. The notice deadline is the
 * period's last day minus the notice period (31 December with one month's notice → 30 November). Renewals are found
 * by arithmetic, so the cost does not grow with the contract's age.
 *
 * The terms must be the contract's own (`termsCode`); other terms throw `invalid-input` on `terms.code`.
 *
 * @throws CoreError `date-out-of-range` when the period holding today would end after 9999-12-31.
 *
 * @example
 * renewalTimeline(
 *   { id: 'C-1', type: 'corrective', startDate: '2025-01-01', debtorNumber: 'D1', termsCode: 'JAAR' },
 *   { code: 'JAAR', name: 'Jaarcontract', autoExtend: true, period: { count: 1, unit: 'year' },
 *     noticeBeforeCancellation: { count: 1, unit: 'month' } },
 *   { asOf: '2025-06-01T12:00:00Z' },
 * ); // { periodStart: '2025-01-01', periodEnd: '2025-12-31', noticeDeadline: '2025-11-30', nextRenewal: '2026-01-01', renewals: 0, finalDay: null }
 */
export function renewalTimeline(
  contractInput: ContractInput | Contract,
  termsInput: ContractTermsInput | ContractTerms | undefined,
  options: { asOf: string },
): RenewalTimeline {
  const contract = parseContract(contractInput);
  const terms = termsOfContract(contract, termsInput);
  const { asOf } = parseInput(optionsSchema, options);
  return timelineOn(contract, terms, localDateAt(asOf, contract.timeZone));
}
