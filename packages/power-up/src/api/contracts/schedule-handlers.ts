import {
  applyContractAction,
  budgetStatus,
  CoreError,
  localDateAt,
  parseOccurrenceKey,
  planWorkOrders,
  type ContractCommand,
} from '@contractbeheer/core';
import type { contractsApi } from '@contractbeheer/sdk';
import { generatedWorkOrders } from '../../generation/generated-work-orders.js';
import { PowerUpError } from '../../power-up-error.js';
import { loadContract, termsOf } from './contract-resource.js';
import { asOfNow } from './as-of.js';
import type { OperationHandlers } from './operation-routes.js';

/** The schedule view covers up to a year by default, and at most about ten (what a call may cost). */
const DEFAULT_VIEW_DAYS = 365;
const MAX_VIEW_DAYS = 3_660;
const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

export const scheduleHandlers: Pick<OperationHandlers, 'previewSchedule' | 'viewSchedule' | 'getBudget'> = {
  /** What an edit would change in the schedule, computed as the edit itself would be — and nothing is saved. */
  async previewSchedule({ param, body, tenant, services }) {
    const stored = await loadContract(tenant.store, param('id'));
    const terms = await termsOf(tenant.store, stored.contract);
    const command = { type: 'edit', expectedVersion: stored.contract.version, changes: body.changes };
    // Generated occurrences (from the ledger) are never replanned: the preview leaves them out.
    const result = applyContractAction(stored.contract, command as ContractCommand, {
      asOf: asOfNow(services),
      ...(terms !== undefined && { terms }),
      workOrders: generatedWorkOrders(await tenant.store.ledger.forContract(stored.contract.id)),
    });
    const effect = result.effects.find((candidate) => candidate.type === 'schedule-changed');
    return { body: effect!.preview };
  },

  /**
   * The contract's occurrences between `from` and `until` (default: today and a year on): every one the generation
   * ledger holds, in its state (pending, created with the host's row id, skipped with the reason, failed with the
   * host's error, late when created after its creation date), beside the ones still planned, as the core plans them
   * with every ledger key taken as generated — exactly what the generator will create next.
   */
  async viewSchedule({ param, query, tenant, services }) {
    const stored = await loadContract(tenant.store, param('id'));
    const contract = stored.contract;
    // Every saved version governs its own dates (an edit never replans the past), so plan over all of them.
    const versions = (await tenant.store.contracts.versions(contract.id)).map((version) => version.contract);
    const asOf = asOfNow(services);
    const today = localDateAt(asOf, contract.timeZone);
    const from = query.from ?? today;
    const until = query.until ?? addDays(from, DEFAULT_VIEW_DAYS);
    if (until < from) {
      throw new CoreError('invalid-range', `until (${until}) lies before from (${from}): swap them.`, {
        path: ['until'],
      });
    }
    if (daysBetween(from, until) > MAX_VIEW_DAYS) {
      throw new CoreError('invalid-range', `view at most ${MAX_VIEW_DAYS} days at once: choose an earlier until.`, {
        path: ['until'],
      });
    }
    const rows = await tenant.store.ledger.forContract(contract.id);
    const generatedKeys = rows.map((row) => row.key);
    type Occurrence = contractsApi.ScheduleView['occurrences'][number];
    const recorded: Occurrence[] = rows
      .filter((row) => row.targetDate >= from && row.targetDate <= until)
      .map((row) => ({
        key: row.key,
        objectCode: parseOccurrenceKey(row.key).objectCode,
        targetDate: row.targetDate,
        // A skipped row was never given a creation date: the one the contract plans for its target date.
        creationDate: row.creationDate ?? addDays(row.targetDate, -contract.daysInAdvance),
        state: row.state,
        workOrderNumber: row.workOrderNumber,
        hostRowId: row.hostId === null ? null : Number(row.hostId),
        late: row.late,
        skippedReason: row.skipReason,
        lastError: row.state === 'pending' || row.state === 'failed' ? row.lastError : null,
        hostStatus: row.hostStatus,
        deletedOnHostAt: row.deletedOnHostAt,
      }));
    // Planned as of `until` (midday UTC: the same date in the zones contracts use) from `from`: every occurrence
    // whose creation date has come by then, i.e. every target date up to `until`, that the ledger does not hold.
    const plan = planWorkOrders(versions, { asOf: `${until}T12:00:00Z`, generatedKeys, since: from });
    const planned: Occurrence[] = plan.plans
      .filter((work) => work.targetDate >= from && work.targetDate <= until)
      .map((work) => ({
        key: work.key,
        objectCode: parseOccurrenceKey(work.key).objectCode,
        targetDate: work.targetDate,
        creationDate: work.creationDate,
        state: 'planned',
        workOrderNumber: null,
        hostRowId: null,
        // Its creation date has passed and it is not generated: late, as the generator would find it.
        late: work.creationDate < today,
        skippedReason: null,
        lastError: null,
        hostStatus: null,
        deletedOnHostAt: null,
      }));
    const occurrences = [...recorded, ...planned].sort(
      (a, b) => a.targetDate.localeCompare(b.targetDate) || a.key.localeCompare(b.key),
    );
    const next = planWorkOrders(versions, { asOf, generatedKeys, since: today }).nextCreationDate;
    return { body: { contractId: contract.id, occurrences, nextCreationDate: next } };
  },

  /**
   * The budget status on today, computed by the core with the tenant's hour-type rates and the contract's expected
   * cost per work order. The actuals — cost lines and materials used — are read from the host by the next issue's
   * cost-line store, and the work orders generated come from its generation ledger: until those exist nothing is
   * consumed, no material is used and no work order is generated, which is what this answers.
   */
  async getBudget({ param, tenant, services }) {
    const stored = await loadContract(tenant.store, param('id'));
    const contract = stored.contract;
    const terms = await termsOf(tenant.store, contract);
    const status = budgetStatus(contract, {
      asOf: asOfNow(services),
      costLines: [],
      hourTypeRates: tenant.tenant.settings.hourTypeRates,
      ...(terms !== undefined && { terms }),
    });
    if (status === null) {
      throw new PowerUpError('not-found', `contract '${contract.id}' has no budget: set one with an edit first.`, {
        path: ['budget'],
      });
    }
    return { body: { ...status, materialsUsed: [], generated: { workOrders: 0 } } };
  },
};
