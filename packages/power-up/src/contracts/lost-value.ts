import { multiplyMoney, renewalTimeline, type Contract, type ContractTerms, type Money } from '@contractbeheer/core';

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Days after `from` up to and including `to` (0 when `to` is not after `from`). */
const daysAfter = (from: string, to: string) => Math.max(0, dayNumber(to) - dayNumber(from));

/** The same month and day in `year`; 29 February becomes 1 March in a common year. */
function sameDayIn(year: number, monthDay: string): string {
  const candidate = `${String(year).padStart(4, '0')}-${monthDay}`;
  return dateOf(dayNumber(candidate)) === candidate ? candidate : `${String(year).padStart(4, '0')}-03-01`;
}

/** The last day of the budget year (calendar year, or contract year from the start's anniversary) holding `date`. */
function budgetYearEnd(contract: Contract, yearStart: 'anniversary' | 'january', date: string): string {
  const year = Number(date.slice(0, 4));
  if (yearStart === 'january') return `${date.slice(0, 4)}-12-31`;
  const anniversary = sameDayIn(year, contract.startDate.slice(5));
  const next = anniversary > date ? anniversary : sameDayIn(year + 1, contract.startDate.slice(5));
  return dateOf(dayNumber(next) - 1);
}

/**
 * What a contract terminated on `date` would still have brought in, for the cancellation report: its budget for the
 * days after `date`, pro rata by day, up to the end of what it was committed to — the current period under its
 * terms (as they stand on `asOf`), or for a yearly budget without one, the budget year that holds `date`. A
 * whole-contract budget is spread over the contract's days, a yearly one over 365. Without a budget, or open-ended
 * with a whole-contract budget, nothing is lost by contract: zero.
 */
export function lostValue(contract: Contract, terms: ContractTerms | undefined, date: string, asOf: string): Money {
  const budget = contract.budget;
  if (budget === undefined) return { amount: 0, currency: 'EUR' };
  const periodEnd = renewalTimeline(contract, terms, { asOf }).periodEnd;
  if (budget.per === 'contract-year') {
    const end = periodEnd ?? budgetYearEnd(contract, budget.yearStart, date);
    return multiplyMoney(budget.amount, daysAfter(date, end), 365);
  }
  if (periodEnd === null) return { amount: 0, currency: budget.amount.currency };
  const contractDays = daysAfter(contract.startDate, periodEnd) + 1;
  return multiplyMoney(budget.amount, Math.min(daysAfter(date, periodEnd), contractDays), contractDays);
}
