import { budgetStatus, matchesContractSearch, type ContractTerms, type Money } from '@contractbeheer/core';
import type { contractsApi } from '@contractbeheer/sdk';

type ListQuery = {
  status?: contractsApi.ContractResource['status'] | undefined;
  q?: string | undefined;
  underBudgetPressure?: boolean | undefined;
  renewalDue?: boolean | undefined;
  noticeDeadlineNear?: boolean | undefined;
};

/**
 * The list filters that are not columns: the derived status and flags on `asOf`, the text search (the core's
 * `matchesContractSearch`), and budget pressure. Pressure is the core's verdict with no cost lines yet (the host's
 * actuals arrive with the next issue's cost-line store): a contract is under pressure when its planned work at its
 * expected cost per work order exceeds the budget; one without a budget, or without an expected cost, is not.
 */
export function contractListFilter(
  query: ListQuery,
  asOf: string,
  hourTypeRates: Readonly<Record<string, Money>>,
): (resource: contractsApi.ContractResource, terms: ContractTerms | undefined) => boolean {
  const flag = (wanted: boolean | undefined, resource: contractsApi.ContractResource, name: string) =>
    wanted === undefined || resource.flags.includes(name as never) === wanted;
  return (resource, terms) => {
    if (query.status !== undefined && resource.status !== query.status) return false;
    if (!flag(query.renewalDue, resource, 'renewal-due')) return false;
    if (!flag(query.noticeDeadlineNear, resource, 'notice-deadline-near')) return false;
    if (query.q !== undefined && !matchesContractSearch(resource.contract, query.q)) return false;
    if (query.underBudgetPressure !== undefined) {
      const { contract } = resource;
      const status =
        contract.budget === undefined || contract.expectedCostPerWorkOrder === undefined
          ? null
          : budgetStatus(contract, { asOf, costLines: [], hourTypeRates, ...(terms !== undefined && { terms }) });
      if ((status?.underPressure ?? false) !== query.underBudgetPressure) return false;
    }
    return true;
  };
}
