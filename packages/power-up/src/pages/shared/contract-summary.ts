import {
  budgetStatus,
  contractStatus,
  planWorkOrders,
  type BudgetStatus,
  type Contract,
  type ContractStatusResult,
  type ContractTerms,
  type HourTypeRates,
} from '@contractbeheer/core';
import type { ListContractsOptions, TenantStore } from '../../store/store.js';

/** How far ahead the pages look for a contract's next dates. */
const LOOK_AHEAD_DAYS = 400;
/** How many next dates a tab shows per contract. */
const NEXT_DATES = 3;

/** What the host tabs show of one contract on a day: its status, next planned dates and budget state. */
export type ContractSummary = {
  contract: Contract;
  status: ContractStatusResult;
  /** The next target dates (local, in the contract's zone) from today on, at most three. */
  nextDates: string[];
  /** `null` without a budget. */
  budget: BudgetStatus | null;
};

function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * A contract as the tabs show it, all computed by the core on `asOf`. Next dates are the core's plan from today on
 * (`planWorkOrders` as of the look-ahead's end, with nothing generated). Budget state is the core's verdict with no
 * cost lines yet — the host's actuals arrive with the cost-line store, as in the contracts API's budget route — so
 * pressure means the planned work at the expected cost per work order exceeds the budget.
 */
export function summarizeContract(
  contract: Contract,
  options: { asOf: string; today: string; terms: ContractTerms | undefined; hourTypeRates: HourTypeRates },
): ContractSummary {
  const { asOf, today, terms } = options;
  const withTerms = terms === undefined ? {} : { terms };
  const status = contractStatus(contract, { asOf, ...withTerms });
  const horizon = addDays(today, LOOK_AHEAD_DAYS);
  const nextDates =
    status.status === 'ended' || status.status === 'terminated'
      ? []
      : [
          ...new Set(
            planWorkOrders(contract, { asOf: `${horizon}T12:00:00Z`, generatedKeys: [], since: today }).plans.map(
              (plan) => plan.targetDate,
            ),
          ),
        ]
          .filter((date) => date >= today)
          .slice(0, NEXT_DATES);
  const budget =
    contract.budget === undefined || contract.expectedCostPerWorkOrder === undefined
      ? null
      : budgetStatus(contract, { asOf, costLines: [], hourTypeRates: options.hourTypeRates, ...withTerms });
  return { contract, status, nextDates, budget };
}

/** Every contract that matches the filter (all pages of the store's list), with the terms each one names. */
export async function loadContracts(
  store: TenantStore,
  filters: NonNullable<ListContractsOptions['filters']>,
): Promise<{ contract: Contract; terms: ContractTerms | undefined }[]> {
  const contracts: Contract[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.contracts.list({ filters, limit: 200, ...(cursor === undefined ? {} : { cursor }) });
    contracts.push(...page.items.map((item) => item.contract));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  const terms = new Map((await store.terms.list()).map((term) => [term.code, term]));
  return contracts.map((contract) => ({
    contract,
    terms: contract.termsCode === undefined ? undefined : terms.get(contract.termsCode),
  }));
}
