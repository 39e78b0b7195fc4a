import { CoreError, localDateAt, renewalTimeline, type RenewalTimeline } from '@contractbeheer/core';
import type { contractsApi } from '@contractbeheer/sdk';
import type { Context } from 'hono';
import type { AppEnv } from '../../api/app-env.js';
import { asOfNow } from '../../api/contracts/as-of.js';
import { termsOf } from '../../api/contracts/contract-resource.js';
import { PowerUpError } from '../../power-up-error.js';
import { dateOf, dayOf } from '../charts/chart-scale.js';
import { callOperation } from '../contracts-api-bridge.js';
import type { PageContext } from '../page-route.js';
import { readOnceStore } from '../read-once-store.js';

/** The schedule timeline shows at most five years on from today, and at most what the schedule view allows. */
const AHEAD_DAYS = 5 * 366;
const MAX_VIEW_DAYS = 3_660;

/** Everything the contract's detail page shows, read through the contracts API's own handlers. */
export type ContractDetail = {
  resource: contractsApi.ContractResource;
  today: string;
  asOf: string;
  terms: Awaited<ReturnType<typeof termsOf>>;
  timeline: RenewalTimeline;
  /** `null` for a contract without a schedule to plan (corrective). */
  schedule: (contractsApi.ScheduleView & { from: string; until: string }) | null;
  /** The budget status, or why there is none (no budget; no expected cost per work order to forecast with). */
  budget: { status: contractsApi.ContractBudget } | { missing: 'no-budget' | 'no-expected-cost' };
};

/**
 * The window of the schedule timeline: the contract's period, up to five years past today (an open end shows a
 * year), cut to the schedule view's maximum — keeping the latest part when it is longer.
 */
function scheduleWindow(resource: contractsApi.ContractResource, today: string): { from: string; until: string } {
  const { contract } = resource;
  const last = contract.termination?.date ?? contract.endDate ?? dateOf(dayOf(today) + 365);
  const until = dateOf(Math.min(dayOf(last), dayOf(today) + AHEAD_DAYS));
  const from = dateOf(Math.max(dayOf(contract.startDate), dayOf(until) - (MAX_VIEW_DAYS - 1)));
  return { from, until: until < from ? from : until };
}

/** Reads a contract's detail: its resource, terms timeline, schedule view and budget, as the API answers them. */
export async function loadContractDetail(
  pageContext: PageContext,
  c: Context<AppEnv>,
  id: string,
): Promise<ContractDetail> {
  // The three operations read the same contract, terms and ledger: read each once (the page writes nothing).
  const page = { ...pageContext, store: readOnceStore(pageContext.store) };
  const params = { id };
  const resource = (await callOperation(page, c, 'getContract', { params })).body as contractsApi.ContractResource;
  const { contract } = resource;
  const asOf = asOfNow(page.services);
  const today = localDateAt(asOf, contract.timeZone);
  const terms = await termsOf(page.store, contract);
  const timeline = renewalTimeline(contract, terms, { asOf });

  let schedule: ContractDetail['schedule'] = null;
  if (contract.type !== 'corrective') {
    const window = scheduleWindow(resource, today);
    const view = (await callOperation(page, c, 'viewSchedule', { params, query: window }))
      .body as contractsApi.ScheduleView;
    schedule = { ...view, ...window };
  }

  let budget: ContractDetail['budget'];
  try {
    budget = { status: (await callOperation(page, c, 'getBudget', { params })).body as contractsApi.ContractBudget };
  } catch (error) {
    const path = error instanceof PowerUpError || error instanceof CoreError ? error.path.join('.') : '';
    if (error instanceof PowerUpError && error.code === 'not-found' && path === 'budget') {
      budget = { missing: 'no-budget' };
    } else if (error instanceof CoreError && path === 'expectedCostPerWorkOrder') {
      budget = { missing: 'no-expected-cost' };
    } else {
      throw error;
    }
  }
  return { resource, today, asOf, terms, timeline, schedule, budget };
}
