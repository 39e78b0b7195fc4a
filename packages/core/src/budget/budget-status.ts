import * as z from 'zod/mini';
import { isList } from '../is-list.js';
import { CoreError, echo } from '../errors.js';
import { parseContract, type Contract, type ContractInput } from '../model/contract.js';
import { contractTargets } from '../planning/contract-targets.js';
import { FORECAST_HORIZON_DAYS } from '../planning/horizon.js';
import { workOrderGroups } from '../planning/plan-work-orders.js';
import type { ContractTerms, ContractTermsInput } from '../terms/contract-terms.js';
import { termsOfContract } from '../terms/terms-of-contract.js';
import { timelineOn } from '../terms/renewal-timeline.js';
import { dayNumber, daysBetween, periodStartHolding } from '../time/calendar-date.js';
import { civilFromDays, daysFromCivil, daysInMonth, formatDate } from '../time/civil.js';
import { MAX_DAY } from '../time/date-range.js';
import { localDateAt } from '../time/instant.js';
import { asOfSchema, parseInput, requireObject, wholeNumber } from '../validation.js';
import { costField, costOf, type CostLine, type HourTypeRates } from './cost-line.js';
import { divideRounded, moneySchema, multiplyMoney, type Money } from '../money/money.js';

/**
 * Every reason {@link budgetStatus} may give for a budget under pressure, in the order it lists them:
 * - `over-budget`: more is already consumed than the period's budget;
 * - `forecast-over-budget`: not yet, but consumed plus the planned work orders will be;
 * - `spending-ahead-of-time`: the share used runs ahead of the share of the period elapsed (beyond the margin).
 */
export const PRESSURE_REASONS = ['over-budget', 'forecast-over-budget', 'spending-ahead-of-time'] as const;

/** One of {@link PRESSURE_REASONS}. */
export type PressureReason = (typeof PRESSURE_REASONS)[number];

export type BudgetStatus = {
  /** The budget period that holds today: the whole contract, or the current contract year. */
  period: { start: string; end: string | null };
  /** The budget for the period; pro-rated by days for a partial contract year. */
  budget: Money;
  consumed: Money;
  /** The consumed amount split by kind of cost line: labour (hours × rate), materials and other costs. */
  consumedBy: { labour: Money; materials: Money; other: Money };
  remaining: Money;
  /** Share of the budget used and of the period elapsed, in basis points (10 000 = 100 %). */
  usedBasisPoints: number;
  elapsedBasisPoints: number | null;
  /** Work orders still planned in the period after today, and what they are expected to cost. */
  planned: { workOrders: number; cost: Money };
  /** Consumed + planned: where the period is heading. `null` for an open-ended total budget. */
  forecast: Money | null;
  underPressure: boolean;
  reasons: PressureReason[];
  /** The renewal decision this verdict comes before (last day to give notice), when the terms have one. */
  noticeDeadline: string | null;
};

const optionsSchema = z.object({
  asOf: asOfSchema,
  expectedCostPerWorkOrder: z.optional(moneySchema),
  /** How far (in basis points) spending may run ahead of time before it counts as pressure; default 10 %. */
  marginBasisPoints: z._default(wholeNumber(0, 10_000, ' basis points'), 1_000),
});

export type BudgetOptions = {
  asOf: string;
  costLines: readonly CostLine[];
  /** The tenant's rates per hour type (a tenant setting). */
  hourTypeRates: HourTypeRates;
  /** Overrides the contract's own `expectedCostPerWorkOrder`; one of the two must be there. */
  expectedCostPerWorkOrder?: Money;
  terms?: ContractTermsInput | ContractTerms;
  marginBasisPoints?: number;
};

function safe(amount: number, what: string): number {
  if (!Number.isSafeInteger(amount)) {
    throw new CoreError('invalid-input', `the ${what} leaves the range of exact cents (±${Number.MAX_SAFE_INTEGER}).`, {
      path: ['costLines'],
    });
  }
  return amount;
}

/** The budget period holding `today`, and its share of a yearly budget. */
function budgetPeriod(contract: Contract, lastDay: string | null, today: string) {
  const budget = contract.budget as NonNullable<Contract['budget']>;
  if (budget.per === 'contract') return { start: contract.startDate, end: lastDay, amount: budget.amount };
  const first = budget.yearStart === 'january' ? `${contract.startDate.slice(0, 4)}-01-01` : contract.startDate;
  // The contract year holding today (or the last one), found by arithmetic: a contract from year 0001 costs no more
  // than one from last year.
  const target = lastDay !== null && lastDay < today ? lastDay : today;
  const { start: fullYearStart, steps } = periodStartHolding(first, { count: 1, unit: 'year' }, target);
  const start = steps === 0 ? contract.startDate : fullYearStart;
  const [y, m, d] = civilFromDays(dayNumber(fullYearStart));
  const nextDay = daysFromCivil(y + 1, m, Math.min(d, daysInMonth(y + 1, m)));
  // A contract year that would end after 9999-12-31 is cut there, like one cut by the end date.
  const yearEnd = formatDate(Math.min(nextDay - 1, MAX_DAY));
  const fullLength = nextDay - dayNumber(fullYearStart);
  const end = lastDay !== null && lastDay < yearEnd ? lastDay : yearEnd;
  const days = daysBetween(start, end) + 1;
  return { start, end, amount: days === fullLength ? budget.amount : multiplyMoney(budget.amount, days, fullLength) };
}

/**
 * How a contract's budget stands on `asOf`: consumed from the actual cost lines, remaining, the share used against
 * the share of time elapsed, a forecast at the end of the period (actuals + planned work orders × expected cost),
 * and an "under pressure" verdict with its reasons — in time for the notice deadline. Integer cents throughout;
 * returns `null` for a contract without a budget. Planned work is counted at most ten years ahead
 * (`FORECAST_HORIZON_DAYS`); a period that ends later has no forecast, like an open-ended one.
 *
 * @throws CoreError naming the field for bad options, cost lines and totals beyond `Number.MAX_SAFE_INTEGER` cents.
 *
 * @example
 * budgetStatus(contract, {
 *   asOf: '2025-07-01T10:00:00Z', hourTypeRates: { NORMAAL: { amount: 6500, currency: 'EUR' } },
 *   expectedCostPerWorkOrder: { amount: 15000, currency: 'EUR' },
 *   costLines: [{ kind: 'labour', date: '2025-03-31', minutes: 90, hourTypeCode: 'NORMAAL' }],
 * }); // { consumed: { amount: 9750, … }, usedBasisPoints: …, forecast: …, underPressure: false, … }
 */
export function budgetStatus(contractInput: ContractInput | Contract, input: BudgetOptions): BudgetStatus | null {
  const contract = parseContract(contractInput);
  requireObject(input, ['options'], 'options { asOf, costLines, hourTypeRates, expectedCostPerWorkOrder }');
  if (contract.budget === undefined) return null;
  const options = parseInput(optionsSchema, {
    asOf: input.asOf,
    expectedCostPerWorkOrder: input.expectedCostPerWorkOrder,
    marginBasisPoints: input.marginBasisPoints,
  });
  const terms = termsOfContract(contract, input.terms);
  if (!isList(input.costLines)) {
    throw new CoreError('invalid-input', `expected an array of cost lines, got ${echo(input.costLines)}.`, {
      path: ['costLines'],
    });
  }
  if (typeof input.hourTypeRates !== 'object' || input.hourTypeRates === null) {
    throw new CoreError(
      'invalid-input',
      `expected hourTypeRates as { CODE: money }, got ${echo(input.hourTypeRates)}: pass {} when there is no labour.`,
      {
        path: ['hourTypeRates'],
      },
    );
  }
  const currency = contract.budget.amount.currency;
  const expectedCostPerWorkOrder = options.expectedCostPerWorkOrder ?? contract.expectedCostPerWorkOrder;
  if (expectedCostPerWorkOrder === undefined) {
    throw new CoreError(
      'invalid-input',
      'the forecast needs what one work order is expected to cost: set expectedCostPerWorkOrder on the contract.',
      { path: ['expectedCostPerWorkOrder'] },
    );
  }
  if (expectedCostPerWorkOrder.currency !== currency) {
    throw new CoreError('invalid-input', `expected ${currency}, the budget's currency.`, {
      path: ['expectedCostPerWorkOrder', 'currency'],
    });
  }
  const today = localDateAt(options.asOf, contract.timeZone);
  const timeline = timelineOn(contract, terms, today);
  const lastDay = timeline.finalDay ?? timeline.periodEnd;
  const period = budgetPeriod(contract, lastDay, today);

  let consumed = 0;
  const byKind = { labour: 0, material: 0, other: 0 };
  input.costLines.forEach((line, index) => {
    const cost = costOf(line, input.hourTypeRates, currency, index);
    if (line.date >= period.start && (period.end === null || line.date <= period.end)) {
      consumed += cost;
      byKind[line.kind] += cost;
      if (!Number.isSafeInteger(consumed)) {
        throw new CoreError(
          'invalid-input',
          `the consumed total leaves the range of exact cents (±${Number.MAX_SAFE_INTEGER}).`,
          {
            path: ['costLines', index, costField(line)],
          },
        );
      }
    }
  });

  // Work orders are counted up to the forecast horizon only, so an end date of 9999-12-31 costs what a century does;
  // a period that ends beyond the horizon gets no forecast, like an open-ended one.
  const todayDay = dayNumber(today);
  const horizon = formatDate(Math.min(todayDay + FORECAST_HORIZON_DAYS, MAX_DAY));
  const forecastable = period.end !== null && period.end <= horizon;
  let workOrders = 0;
  if (period.end !== null && todayDay < MAX_DAY) {
    const perTarget = workOrderGroups(contract).length;
    const until = forecastable ? period.end : horizon;
    for (const target of contractTargets(contract, formatDate(todayDay + 1))) {
      if (target.date > until) break;
      workOrders += perTarget;
    }
  }
  const plannedCost = multiplyMoney(expectedCostPerWorkOrder, workOrders);
  const budget = period.amount;
  const forecast = forecastable ? { amount: safe(consumed + plannedCost.amount, 'forecast'), currency } : null;
  const usedBasisPoints =
    budget.amount === 0
      ? consumed > 0
        ? 10_000
        : 0
      : divideRounded(BigInt(consumed) * 10_000n, BigInt(budget.amount));
  let elapsedBasisPoints: number | null = null;
  if (period.end !== null) {
    const length = daysBetween(period.start, period.end) + 1;
    const elapsed = Math.min(Math.max(daysBetween(period.start, today) + 1, 0), length);
    elapsedBasisPoints = divideRounded(BigInt(elapsed) * 10_000n, BigInt(length));
  }

  const reasons: PressureReason[] = [];
  if (consumed > budget.amount) reasons.push('over-budget');
  else if (forecast !== null && forecast.amount > budget.amount) reasons.push('forecast-over-budget');
  if (elapsedBasisPoints !== null && usedBasisPoints > elapsedBasisPoints + options.marginBasisPoints)
    reasons.push('spending-ahead-of-time');
  return {
    period: { start: period.start, end: period.end },
    budget,
    consumed: { amount: consumed, currency },
    consumedBy: {
      // Credits (negative lines) can push one kind's sum past the exact cents while the total stays inside.
      labour: { amount: safe(byKind.labour, 'labour total'), currency },
      materials: { amount: safe(byKind.material, 'materials total'), currency },
      other: { amount: safe(byKind.other, 'total of other costs'), currency },
    },
    remaining: { amount: safe(budget.amount - consumed, 'remaining'), currency },
    usedBasisPoints,
    elapsedBasisPoints,
    planned: { workOrders, cost: plannedCost },
    forecast,
    underPressure: reasons.length > 0,
    reasons,
    noticeDeadline: timeline.noticeDeadline,
  };
}
