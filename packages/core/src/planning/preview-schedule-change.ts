import { z } from 'zod';
import { parseContract, type Contract, type ContractInput } from '../model/contract.js';
import { formatDate } from '../time/civil.js';
import { localDateAt } from '../time/instant.js';
import { parseInput } from '../validation.js';
import { contractTargets, dayNumber } from './contract-targets.js';
import { occurrenceKey } from './occurrence-key.js';
import { workOrderGroups } from './plan-work-orders.js';

/** One future occurrence as a preview shows it. */
export type PreviewOccurrence = {
  key: string;
  objectCode: string | null;
  targetDate: string;
  creationDate: string;
  time: string | null;
};

export type ScheduleChangePreview = {
  added: PreviewOccurrence[];
  removed: PreviewOccurrence[];
  /** An occurrence whose date, creation date or time changed, paired with what it becomes. */
  moved: { from: PreviewOccurrence; to: PreviewOccurrence }[];
  /** Occurrences that stay as they are. */
  unchanged: number;
  /** The window compared: from today up to this local date. */
  until: string;
};

const previewOptionsSchema = z.object({
  asOf: z.string(),
  /** Already generated keys: history, never changed by an edit, so never part of the diff. */
  generatedKeys: z
    .custom<ReadonlySet<string> | readonly string[]>((value) => value instanceof Set || Array.isArray(value), {
      error: 'expected a Set or an array of occurrence keys',
    })
    .optional(),
  /** Compare up to this local date; default one year after today. */
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use 'YYYY-MM-DD'").optional(),
});
export type PreviewOptions = z.input<typeof previewOptionsSchema>;

function futureOccurrences(
  contract: Contract,
  today: string,
  until: string,
  generated: ReadonlySet<string>,
): PreviewOccurrence[] {
  const result: PreviewOccurrence[] = [];
  const groups = workOrderGroups(contract);
  for (const target of contractTargets(contract, today)) {
    if (target.date > until) break;
    const creationDate = formatDate(dayNumber(target.date) - contract.daysInAdvance);
    for (const { objectCode } of groups) {
      const key = occurrenceKey(contract.id, objectCode, target.date);
      if (generated.has(key)) continue;
      result.push({ key, objectCode, targetDate: target.date, creationDate, time: contract.workOrder.timeOfDay ?? target.time });
    }
  }
  return result;
}

const sameTiming = (a: PreviewOccurrence, b: PreviewOccurrence) => a.creationDate === b.creationDate && a.time === b.time;

/**
 * Which future, not yet generated occurrences an edit adds, removes or moves — the preview shown before a
 * schedule change is saved. Per object, occurrences are compared in date order: between two occurrences that stay,
 * an equal number of removed and added ones are paired as moved (the visit shifted within its slot); otherwise
 * they are listed as removed and added. A change of only the creation date or time is also a move.
 *
 * @example
 * const before = { id: 'C-1', type: 'preventive', startDate: '2025-01-01', debtorNumber: 'D1',
 *   schedule: { unit: 'week', weekdays: ['mon'] } } as const;
 * previewScheduleChange(before, { ...before, schedule: { unit: 'week', weekdays: ['tue'] } },
 *   { asOf: '2025-01-01T00:00:00Z', until: '2025-01-14' }).moved.length; // 2 (Mon 6th → Tue 7th, Mon 13th → Tue 14th)
 */
export function previewScheduleChange(
  beforeInput: ContractInput | Contract,
  afterInput: ContractInput | Contract,
  optionsInput: PreviewOptions,
): ScheduleChangePreview {
  const before = parseContract(beforeInput);
  const after = parseContract(afterInput);
  const options = parseInput(previewOptionsSchema, optionsInput);
  const generated = new Set(options.generatedKeys ?? []);
  const today = localDateAt(options.asOf, after.timeZone);
  const until = options.until ?? formatDate(dayNumber(today) + 366);
  const old = futureOccurrences(before, today, until, generated);
  const next = futureOccurrences(after, today, until, generated);

  const preview: ScheduleChangePreview = { added: [], removed: [], moved: [], unchanged: 0, until };
  const objects = new Set([...old, ...next].map((o) => o.objectCode ?? '*'));
  for (const object of [...objects].sort()) {
    const mine = (list: PreviewOccurrence[]) => list.filter((o) => (o.objectCode ?? '*') === object);
    const oldByDate = new Map(mine(old).map((o) => [o.targetDate, o]));
    const nextByDate = new Map(mine(next).map((o) => [o.targetDate, o]));
    const dates = [...new Set([...oldByDate.keys(), ...nextByDate.keys()])].sort();
    let removed: PreviewOccurrence[] = [];
    let added: PreviewOccurrence[] = [];
    const closeSlot = () => {
      if (removed.length === added.length) {
        removed.forEach((from, i) => preview.moved.push({ from, to: added[i] as PreviewOccurrence }));
      } else {
        preview.removed.push(...removed);
        preview.added.push(...added);
      }
      removed = [];
      added = [];
    };
    for (const date of dates) {
      const was = oldByDate.get(date);
      const becomes = nextByDate.get(date);
      if (was !== undefined && becomes !== undefined) {
        closeSlot();
        if (sameTiming(was, becomes)) preview.unchanged++;
        else preview.moved.push({ from: was, to: becomes });
      } else if (was !== undefined) {
        removed.push(was);
      } else if (becomes !== undefined) {
        added.push(becomes);
      }
    }
    closeSlot();
  }
  const byDate = (a: PreviewOccurrence, b: PreviewOccurrence) => a.targetDate.localeCompare(b.targetDate) || a.key.localeCompare(b.key);
  preview.added.sort(byDate);
  preview.removed.sort(byDate);
  preview.moved.sort((a, b) => byDate(a.from, b.from));
  return preview;
}
