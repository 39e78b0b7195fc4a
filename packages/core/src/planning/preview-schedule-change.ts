import * as z from 'zod/mini';
import { parseContract, type Contract, type ContractInput } from '../model/contract.js';
import { formatDate } from '../time/civil.js';
import { localDateAt } from '../time/instant.js';
import { asOfSchema, localDateSchema, parseInput } from '../validation.js';
import { dayNumber } from '../time/calendar-date.js';
import { CoreError } from '../errors.js';
import { MAX_DAY } from '../time/date-range.js';
import { contractTargets } from './contract-targets.js';
import { PREVIEW_MAX_DAYS } from './horizon.js';
import { keyOf } from './occurrence-key.js';
import { templateOf, timingOf, workOrderGroups } from './plan-work-orders.js';

/**
 * One future occurrence as a preview shows it: its key and dates, and everything the work order will carry, as
 * `planWorkOrders` would plan it (absent values are `null`).
 */
export type PreviewOccurrence = {
  key: string;
  objectCode: string | null;
  targetDate: string;
  creationDate: string;
  /** The planned local time `'HH:mm'`: only a work order planned for an employee has one (see `WorkOrderTiming`). */
  time: string | null;
  /** The employee the work order is planned for; `null`: a deadline only. */
  employeeNumber: string | null;
  /** The objects on the work order: one, or all of them for a combined work order. */
  objectCodes: string[];
  /** The customer. */
  debtorNumber: string;
  workType: string;
  description: string;
  durationMinutes: number | null;
  priorityCode: string | null;
};

/**
 * What a preview compares between the plan before and after an edit, in the order a change lists them. Every field
 * but `targetDate` can change while the occurrence keeps its key.
 */
export const PREVIEW_FIELDS = [
  'targetDate',
  'creationDate',
  'time',
  'employeeNumber',
  'objectCodes',
  'debtorNumber',
  'workType',
  'description',
  'durationMinutes',
  'priorityCode',
] as const;

/** One of {@link PREVIEW_FIELDS}. */
export type PreviewField = (typeof PREVIEW_FIELDS)[number];

/** An occurrence as it was planned and as it will be, and which of its fields differ. */
export type PreviewChange = { from: PreviewOccurrence; to: PreviewOccurrence; fields: PreviewField[] };

export type ScheduleChangePreview = {
  /** Occurrences the edit adds. */
  added: PreviewOccurrence[];
  /** Occurrences the edit removes. */
  removed: PreviewOccurrence[];
  /**
   * An occurrence whose timing changes: another target date (paired with its neighbour in date order), or the same
   * date with another creation date or planned time. `fields` names everything that differs, timing first.
   */
  moved: PreviewChange[];
  /**
   * An occurrence whose timing stays (same target date, creation date and planned time) but whose work order
   * changes: employee, objects (on a combined work order), customer or template; `fields` names what differs.
   */
  changed: PreviewChange[];
  /** Occurrences that stay exactly as they are. */
  unchanged: number;
  /** The window compared: from this local date (the day the change takes effect: today, or later) … */
  from: string;
  /** … up to this local date. */
  until: string;
};

const previewOptionsSchema = z.object({
  asOf: asOfSchema,
  /** Already generated keys: history, never changed by an edit, so never part of the diff. */
  generatedKeys: z.optional(
    z.custom<ReadonlySet<string> | readonly string[]>((value) => value instanceof Set || Array.isArray(value), {
      error: 'expected a Set or an array of occurrence keys',
    }),
  ),
  /** Compare up to this local date; default one year after today, at most ten years (`PREVIEW_MAX_DAYS`). */
  until: z.optional(localDateSchema),
});
export type PreviewOptions = z.input<typeof previewOptionsSchema>;

/** Generated occurrences are kept (flagged): they are not part of the diff, but they separate its slots. */
type Slotted = PreviewOccurrence & { generated: boolean };

/** The occurrences a contract version plans from `from` through `until`, as `planWorkOrders` would plan them. */
function futureOccurrences(contract: Contract, from: string, until: string, generated: ReadonlySet<string>): Slotted[] {
  const result: Slotted[] = [];
  const groups = workOrderGroups(contract);
  const template = templateOf(contract);
  const since = contract.effectiveFrom !== undefined && contract.effectiveFrom > from ? contract.effectiveFrom : from;
  for (const target of contractTargets(contract, since, until)) {
    const creationDate = formatDate(dayNumber(target.date) - contract.daysInAdvance);
    const timing = timingOf(contract, target);
    for (const { objectCode, objectCodes } of groups) {
      const key = keyOf(contract.id, objectCode, target.date);
      result.push({
        key,
        objectCode,
        targetDate: target.date,
        creationDate,
        time: timing.kind === 'planned' ? timing.time : null,
        employeeNumber: timing.kind === 'planned' ? timing.employeeNumber : null,
        objectCodes,
        debtorNumber: template.debtorNumber,
        workType: template.workType,
        description: template.description,
        durationMinutes: template.durationMinutes ?? null,
        priorityCode: template.priorityCode ?? null,
        generated: generated.has(key),
      });
    }
  }
  return result;
}

const strip = ({ generated: _, ...occurrence }: Slotted): PreviewOccurrence => occurrence;

/** The fields in which two occurrences differ, in the order of {@link PREVIEW_FIELDS}. */
function differences(a: PreviewOccurrence, b: PreviewOccurrence): PreviewField[] {
  return PREVIEW_FIELDS.filter((field) =>
    field === 'objectCodes' ? a.objectCodes.join('|') !== b.objectCodes.join('|') : a[field] !== b[field],
  );
}

/** A removed or added occurrence between two that stay. */
type SlotEvent = { occurrence: PreviewOccurrence; removed: boolean };

/**
 * Pairs removed and added occurrences that sit next to each other in date order, closest pairs first: a visit that
 * shifted a day is a move, an extra visit elsewhere is an addition.
 */
function pairNeighbours(slot: SlotEvent[]): Map<number, number> {
  const day = (i: number) => dayNumber((slot[i] as SlotEvent).occurrence.targetDate);
  const candidates: [number, number][] = [];
  for (let i = 0; i + 1 < slot.length; i++) {
    if ((slot[i] as SlotEvent).removed !== (slot[i + 1] as SlotEvent).removed)
      candidates.push([i, day(i + 1) - day(i)]);
  }
  candidates.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const paired = new Map<number, number>();
  for (const [i] of candidates) {
    if (paired.has(i) || paired.has(i + 1)) continue;
    paired.set(i, i + 1);
    paired.set(i + 1, i);
  }
  return paired;
}

/**
 * Which future, not yet generated occurrences an edit adds, removes, moves or changes — the preview shown before a
 * change is saved, with every difference the host's work orders would show: date, creation date, planned time,
 * employee, objects on a combined work order, customer and template (type, description, duration, priority).
 *
 * The comparison starts on the day the change takes effect — today (the edit action saves the new version with
 * `effectiveFrom` today), or `after.effectiveFrom` when that is later — because planning never lets a version plan
 * dates before it takes effect: what lies before is history or the older version's catch-up, and an edit changes
 * neither. Per object, occurrences are compared in date order: one that keeps its date but gets another creation
 * date or planned time is `moved`, one that differs only in other fields is `changed`; between two occurrences that
 * stay (or are already generated), a removed and an added occurrence that are neighbours pair up as `moved`, the
 * closest pairs first; what is left is listed as removed or added. The window
 * is at most ten years (`PREVIEW_MAX_DAYS`); a longer one throws `invalid-range` on `until`.
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
  const until = options.until ?? formatDate(Math.min(dayNumber(today) + 366, MAX_DAY));
  // The preview lists every occurrence in the window, so the window is what a call costs: keep it to ten years.
  if (dayNumber(until) - dayNumber(today) > PREVIEW_MAX_DAYS) {
    throw new CoreError(
      'invalid-range',
      `compare at most ${PREVIEW_MAX_DAYS} days (about ten years) ahead of today (${today}): choose an earlier until.`,
      {
        path: ['until'],
      },
    );
  }
  const from = after.effectiveFrom !== undefined && after.effectiveFrom > today ? after.effectiveFrom : today;
  const old = futureOccurrences(before, from, until, generated);
  const next = futureOccurrences(after, from, until, generated);

  const preview: ScheduleChangePreview = { added: [], removed: [], moved: [], changed: [], unchanged: 0, from, until };
  const objects = new Set([...old, ...next].map((o) => o.objectCode ?? '*'));
  for (const object of [...objects].sort()) {
    const mine = (list: Slotted[]) => list.filter((o) => (o.objectCode ?? '*') === object);
    const oldByDate = new Map(mine(old).map((o) => [o.targetDate, o]));
    const nextByDate = new Map(mine(next).map((o) => [o.targetDate, o]));
    const dates = [...new Set([...oldByDate.keys(), ...nextByDate.keys()])].sort();
    let slot: SlotEvent[] = [];
    const closeSlot = () => {
      const paired = pairNeighbours(slot);
      slot.forEach((event, i) => {
        const partner = paired.get(i);
        if (partner !== undefined) {
          if (event.removed) {
            const to = (slot[partner] as SlotEvent).occurrence;
            preview.moved.push({ from: event.occurrence, to, fields: differences(event.occurrence, to) });
          }
        } else if (event.removed) {
          preview.removed.push(event.occurrence);
        } else {
          preview.added.push(event.occurrence);
        }
      });
      slot = [];
    };
    for (const date of dates) {
      const was = oldByDate.get(date);
      const becomes = nextByDate.get(date);
      if (was?.generated || becomes?.generated) {
        closeSlot();
      } else if (was !== undefined && becomes !== undefined) {
        closeSlot();
        const fields = differences(was, becomes);
        const change = { from: strip(was), to: strip(becomes), fields };
        if (fields.length === 0) preview.unchanged++;
        else if (fields.includes('creationDate') || fields.includes('time')) preview.moved.push(change);
        else preview.changed.push(change);
      } else if (was !== undefined) {
        slot.push({ occurrence: strip(was), removed: true });
      } else if (becomes !== undefined) {
        slot.push({ occurrence: strip(becomes), removed: false });
      }
    }
    closeSlot();
  }
  const byDate = (a: PreviewOccurrence, b: PreviewOccurrence) =>
    a.targetDate.localeCompare(b.targetDate) || a.key.localeCompare(b.key);
  preview.added.sort(byDate);
  preview.removed.sort(byDate);
  preview.moved.sort((a, b) => byDate(a.from, b.from));
  preview.changed.sort((a, b) => byDate(a.from, b.from));
  return preview;
}
