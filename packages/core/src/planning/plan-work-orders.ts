import * as z from 'zod/mini';
import { parseContract, type Contract, type ContractInput } from '../model/contract.js';
import { parseContractVersions, type ContractVersions } from '../model/contract-versions.js';
import { isList } from '../is-list.js';
import { localDateAt } from '../time/instant.js';
import { formatDate } from '../time/civil.js';
import { MIN_DATE, MIN_DAY } from '../time/date-range.js';
import { asOfSchema, localDateSchema, parseInput, wholeNumber } from '../validation.js';
import { addDays, dayNumber } from '../time/calendar-date.js';
import { contractTargets, lastTargetDate, type ContractTarget } from './contract-targets.js';
import { LOOK_BACK_DAYS } from './horizon.js';
import { keyOf } from './occurrence-key.js';

/** How the host gets the work order: planned for an employee on a date, or unplanned with a deadline only. */
export type WorkOrderTiming =
  | { kind: 'deadline'; deadline: string }
  | { kind: 'planned'; date: string; time: string | null; employeeNumber: string };

/** One work order that is due to be created, with everything the host needs to create it. */
export type WorkOrderPlan = {
  key: string;
  contractId: string;
  debtorNumber: string;
  /** The objects on the work order: one per object, or all of them for a combined work order. */
  objectCodes: string[];
  /** Local target date `'YYYY-MM-DD'` in the contract's zone. */
  targetDate: string;
  /** Target date − days in advance. */
  creationDate: string;
  /** True when the creation date has already passed (catch-up after downtime). */
  late: boolean;
  timing: WorkOrderTiming;
  workType: string;
  description: string;
  durationMinutes: number | undefined;
  priorityCode: string | undefined;
};

/** A due occurrence that will not be created because its target date is further back than the catch-up limit. */
export type SkippedOccurrence = { key: string; targetDate: string; reason: 'past-catch-up-limit' };

export type PlanResult = {
  /** Due and not yet generated, ordered by target date and object. */
  plans: WorkOrderPlan[];
  skipped: SkippedOccurrence[];
  /** The first creation date after today that still has work to create: the contract's entry in a due index. */
  nextCreationDate: string | null;
};

const planOptionsSchema = z.object({
  /** "Now", as a UTC instant `'YYYY-MM-DDTHH:mm:ssZ'`; today is its date in the contract's zone. */
  asOf: asOfSchema,
  /** Keys already in the ledger (created, pending or skipped): they are never planned again. */
  generatedKeys: z.custom<ReadonlySet<string> | readonly string[]>(
    (value) => value instanceof Set || Array.isArray(value),
    {
      error: 'expected a Set or an array of occurrence keys',
    },
  ),
  /** Occurrences whose target date lies more than this many days before today are skipped rather than created. */
  catchUpLimitDays: z.optional(wholeNumber(0, 100_000, ' days')),
  /** Ignore target dates before this local date (the ledger's high-water mark), to keep long-running contracts cheap. */
  since: z.optional(localDateSchema),
});
export type PlanOptions = z.input<typeof planOptionsSchema>;

/** The fields every work order of a contract version carries, whatever its date. */
export function templateOf(contract: Contract) {
  const { workOrder } = contract;
  return {
    contractId: contract.id,
    debtorNumber: contract.debtorNumber,
    workType: workOrder.workType,
    description: workOrder.description,
    durationMinutes: workOrder.durationMinutes,
    priorityCode: workOrder.priorityCode,
  };
}

/** The work orders for one target date: one per object, or one combined work order (also when there are none). */
export function workOrderGroups(contract: Contract): { objectCode: string | null; objectCodes: string[] }[] {
  if (contract.orderPerObject && contract.objectCodes.length > 0) {
    return contract.objectCodes.map((code) => ({ objectCode: code, objectCodes: [code] }));
  }
  return [{ objectCode: null, objectCodes: [...contract.objectCodes] }];
}

/**
 * How the host gets a work order for a target: planned for the employee on the date, at the template's time of day
 * or else the schedule's; without an employee, a deadline only (no time).
 */
export function timingOf(contract: Contract, target: ContractTarget): WorkOrderTiming {
  return contract.employeeNumber === undefined
    ? { kind: 'deadline', deadline: target.date }
    : {
        kind: 'planned',
        date: target.date,
        time: contract.workOrder.timeOfDay ?? target.time,
        employeeNumber: contract.employeeNumber,
      };
}

/**
 * The creation date of the first work order a contract (version) plans — its first target date from its start (or
 * its `effectiveFrom`, when later) minus the days in advance — or `null` when it plans none (corrective, or no
 * target in the planning years). Taken from the planning's own targets, so status and generation cannot disagree.
 */
export function firstCreationDate(contract: Contract): string | null {
  const first = contractTargets(contract, contract.effectiveFrom).next();
  return first.done === true ? null : formatDate(dayNumber(first.value.date) - contract.daysInAdvance);
}

/** What one version plans, given the dates it governs; shared by every version of a call. */
type PlanRun = {
  today: number;
  generated: ReadonlySet<string>;
  catchUpLimitDays: number | undefined;
  /** The lower bound from the look-back and `since`. */
  since: string;
  result: PlanResult;
};

/**
 * Plans one version over the target dates it governs: from its `effectiveFrom` up to `until` (inclusive: the day
 * before the next version takes effect, or the latest version's last day).
 */
function planVersion(contract: Contract, until: string | undefined, run: PlanRun): void {
  const { today, generated, result } = run;
  const oldestCreatable = run.catchUpLimitDays === undefined ? -Infinity : today - run.catchUpLimitDays;
  const groups = workOrderGroups(contract);
  const template = templateOf(contract);
  const from =
    contract.effectiveFrom !== undefined && contract.effectiveFrom > run.since ? contract.effectiveFrom : run.since;
  for (const target of contractTargets(contract, from, until)) {
    const targetDay = dayNumber(target.date);
    const creationDay = targetDay - contract.daysInAdvance;
    const open = groups.filter((group) => !generated.has(keyOf(contract.id, group.objectCode, target.date)));
    if (open.length === 0) continue;
    if (creationDay > today) {
      const next = formatDate(creationDay);
      if (result.nextCreationDate === null || next < result.nextCreationDate) result.nextCreationDate = next;
      return;
    }
    for (const group of open) {
      const key = keyOf(contract.id, group.objectCode, target.date);
      if (targetDay < oldestCreatable) {
        result.skipped.push({ key, targetDate: target.date, reason: 'past-catch-up-limit' });
        continue;
      }
      const timing = timingOf(contract, target);
      // The template's fields one by one, not `...template`: Node 20's V8 builds a spread followed by more
      // properties on a slow path (~20 µs an object, most of a five-year daily plan's time); listed, it is ~0.3 µs.
      result.plans.push({
        contractId: template.contractId,
        debtorNumber: template.debtorNumber,
        workType: template.workType,
        description: template.description,
        durationMinutes: template.durationMinutes,
        priorityCode: template.priorityCode,
        key,
        objectCodes: group.objectCodes,
        targetDate: target.date,
        creationDate: formatDate(creationDay),
        late: creationDay < today,
        timing,
      });
    }
  }
}

/**
 * The last target date each version governs (inclusive), oldest first: the day before the next version takes
 * effect, and never past the latest version's last day (its end or termination date), because a termination stops
 * all generation after its date — also the catch-up of older versions. `undefined`: no bound; `null`: the version
 * governs no date at all.
 */
function versionWindowEnds(versions: ContractVersions): (string | undefined | null)[] {
  const finalDay = lastTargetDate(versions[versions.length - 1] as Contract);
  return versions.map((_, i) => {
    const next = versions[i + 1];
    if (next === undefined) return finalDay;
    // A version followed by one that governs from the very first date governs nothing: also when the next one has
    // no effectiveFrom at all (a terminate or renew of a version that had none keeps it absent).
    const nextFrom = next.effectiveFrom;
    if (nextFrom === undefined || nextFrom <= MIN_DATE) return null;
    const dayBefore = addDays(nextFrom, -1);
    return finalDay !== undefined && finalDay < dayBefore ? finalDay : dayBefore;
  });
}

/**
 * The work orders of a contract that are due on `asOf` and not yet generated, and when the next ones fall due.
 *
 * Each target date of the contract's schedule (or of its yearly orders) inside its term — from the start date up
 * to the end or termination date — gives one work order per object, or one for all objects. A work order is due
 * from its creation date (target − days in advance) on, which may precede the start date: the first visit is
 * prepared in advance like every other, because the visit itself falls inside the contract (`contractStatus` flags
 * such a contract `first-work-order-due` while it has not started). Corrective contracts plan nothing.
 *
 * Versions: pass one contract, or the list of its saved versions oldest first (see `parseContractVersions`). A
 * version plans only the target dates it governs, from its `effectiveFrom` (absent: the beginning) up to the day
 * before the next version's — so an edit never plans dates before the day it was made, while catch-up after
 * downtime (occurrences whose creation date passed while nothing ran) still happens under the version that was in
 * force on their date. The latest version's end or termination date bounds every version: nothing is planned after
 * it. A single contract is planned from its own `effectiveFrom` on; `nextCreationDate` is the earliest over all
 * versions.
 *
 * Planning looks back at most {@link LOOK_BACK_DAYS} days (about ten years) before today: older occurrences that were
 * never generated are history and are neither planned nor listed as skipped.
 *
 * @example
 * planWorkOrders(
 *   { id: 'C-1', type: 'preventive', startDate: '2025-01-01', debtorNumber: 'D100', objectCodes: ['CV-01'],
 *     daysInAdvance: 30, schedule: { unit: 'month', day: 31 } },
 *   { asOf: '2025-01-01T08:00:00Z', generatedKeys: [] },
 * );
 * // { plans: [{ key: 'C-1|CV-01|2025-01-31', creationDate: '2025-01-01', timing: { kind: 'deadline',
 * //   deadline: '2025-01-31' }, … }], skipped: [], nextCreationDate: '2025-01-29' }
 */
export function planWorkOrders(
  contractInput: ContractInput | Contract | readonly (ContractInput | Contract)[],
  optionsInput: PlanOptions,
): PlanResult {
  const versions: ContractVersions = isList(contractInput)
    ? parseContractVersions(contractInput)
    : [parseContract(contractInput)];
  const options = parseInput(planOptionsSchema, optionsInput);
  const generated = options.generatedKeys instanceof Set ? options.generatedKeys : new Set(options.generatedKeys);
  const result: PlanResult = { plans: [], skipped: [], nextCreationDate: null };
  const untils = versions.length === 1 ? [lastTargetDate(versions[0] as Contract)] : versionWindowEnds(versions);
  versions.forEach((contract, i) => {
    const until = untils[i];
    if (until === null) return;
    const today = dayNumber(localDateAt(options.asOf, contract.timeZone));
    // Look back a bounded window only: a contract that started in year 0001 costs what a ten-year-old one does.
    const lookBack = formatDate(Math.max(today - LOOK_BACK_DAYS, MIN_DAY));
    const since = options.since !== undefined && options.since > lookBack ? options.since : lookBack;
    planVersion(contract, until, {
      today,
      generated,
      catchUpLimitDays: options.catchUpLimitDays,
      since,
      result,
    });
  });
  return result;
}
