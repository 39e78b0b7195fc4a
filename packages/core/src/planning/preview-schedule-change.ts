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

function futureOccurrences(
  contract: Contract,
  today: string,
  until: string,
  generated: ReadonlySet<string>,
): Slotted[] {
  const result: Slotted[] = [];
  const groups = workOrderGroups(contract);
  for (const target of contractTargets(contract, today)) {
    if (target.date > until) break;
    const creationDate = formatDate(dayNumber(target.date) - contract.daysInAdvance);
    for (const { objectCode } of groups) {
      const key = keyOf(contract.id, objectCode, target.date);
      const time = contract.workOrder.timeOfDay ?? target.time;
      result.push({ key, objectCode, targetDate: target.date, creationDate, time, generated: generated.has(key) });
    }
  }
  return result;
}

const strip = ({ generated: _, ...occurrence }: Slotted): PreviewOccurrence => occurrence;

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

const sameTiming = (a: PreviewOccurrence, b: PreviewOccurrence) =>
  a.creationDate === b.creationDate && a.time === b.time;

/**
 * Which future, not yet generated occurrences an edit adds, removes or moves — the preview shown before a
 * schedule change is saved. Per object, occurrences are compared in date order: between two occurrences that stay
 * (or are already generated), a removed and an added occurrence that are neighbours pair up as a move, the closest
 * pairs first; what is left is listed as removed or added. A change of only the creation date or time is a move too.
 * The window is at most ten years (`PREVIEW_MAX_DAYS`); a longer one throws `invalid-range` on `until`.
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
  const old = futureOccurrences(before, today, until, generated);
  const next = futureOccurrences(after, today, until, generated);

  const preview: ScheduleChangePreview = { added: [], removed: [], moved: [], unchanged: 0, until };
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
          if (event.removed)
            preview.moved.push({ from: event.occurrence, to: (slot[partner] as SlotEvent).occurrence });
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
        if (sameTiming(was, becomes)) preview.unchanged++;
        else preview.moved.push({ from: strip(was), to: strip(becomes) });
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
  return preview;
}
