import type { Contract } from '../model/contract.js';
import { iterateSchedule } from '../schedule/expand-schedule.js';
import { dayNumber } from '../time/calendar-date.js';
import { civilFromDays, daysFromCivil, daysInMonth, formatDate } from '../time/civil.js';
import { MAX_DAY } from '../time/date-range.js';
import { PLANNING_FIRST_DATE, PLANNING_LAST_DATE } from './horizon.js';

/** One date on which the contract wants work done, in the contract's zone. */
export type ContractTarget = {
  /** Local target date `'YYYY-MM-DD'`. */
  date: string;
  /** Local time `'HH:mm'` of the occurrence when the schedule names a time of day (after any DST shift). */
  time: string | null;
};

/** The last day work may be planned for: the end date or the termination date, whichever comes first. */
export function lastTargetDate(contract: Contract): string | undefined {
  const dates = [contract.endDate, contract.termination?.date].filter((d): d is string => d !== undefined);
  return dates.length === 0 ? undefined : dates.sort()[0];
}

/** The same day and month `years` later; 29 February becomes 28 February in a common year. */
function addYears(day: number, years: number): number {
  const [y, m, d] = civilFromDays(day);
  return daysFromCivil(y + years, m, Math.min(d, daysInMonth(y + years, m)));
}

/**
 * Yearly orders: each contract year (from the start date's anniversary) is split into N equal periods and one
 * work order is planned at the start of each.
 */
function* yearlyOrderDates(contract: Contract, firstDay: number, lastDay: number): Generator<ContractTarget> {
  const start = dayNumber(contract.startDate);
  const perYear = contract.ordersPerYear ?? 1;
  // Start at the contract year holding `firstDay` (a year is at least 365 days, so this never overshoots) rather
  // than walking every year since the start date.
  const skipYears = firstDay > start ? Math.max(0, Math.floor((firstDay - start) / 366) - 1) : 0;
  for (let year = skipYears; year < 10_000; year++) {
    const yearStart = addYears(start, year);
    if (yearStart > MAX_DAY) return;
    const length = addYears(start, year + 1) - yearStart;
    for (let i = 0; i < perYear; i++) {
      const day = yearStart + Math.floor((i * length) / perYear);
      if (day > lastDay || day > MAX_DAY) return;
      if (day >= firstDay) yield { date: formatDate(day), time: null };
    }
  }
}

/**
 * The contract's target dates from `since` (default: the start date) onwards, lazily and in order, never past
 * its end or termination date nor past `until` (inclusive), and only inside the planning years 1900–2199 (see
 * `PLANNING_FIRST_DATE`). Corrective contracts have none.
 */
export function* contractTargets(contract: Contract, since?: string, until?: string): Generator<ContractTarget> {
  const contractLast = lastTargetDate(contract);
  const bounded = until !== undefined && (contractLast === undefined || until < contractLast) ? until : contractLast;
  const last = bounded === undefined || bounded > PLANNING_LAST_DATE ? PLANNING_LAST_DATE : bounded;
  const asked = since !== undefined && since > contract.startDate ? since : contract.startDate;
  const from = asked < PLANNING_FIRST_DATE ? PLANNING_FIRST_DATE : asked;
  if (last !== undefined && from > last) return;
  if (contract.type === 'yearly-orders') {
    yield* yearlyOrderDates(contract, dayNumber(from), dayNumber(last));
    return;
  }
  if (contract.type !== 'preventive' || contract.schedule === undefined) return;
  const withTime = contract.schedule.time !== undefined;
  // The schedule's period is start–end; a termination only cuts it short (exceptions past it are simply unused).
  const occurrences = iterateSchedule(
    contract.schedule,
    { start: contract.startDate, end: contract.endDate, tzid: contract.timeZone },
    { from, until: last },
  );
  for (const occurrence of occurrences) {
    yield { date: occurrence.local.slice(0, 10), time: withTime ? occurrence.local.slice(11, 16) : null };
  }
}
