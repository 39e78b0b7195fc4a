import * as z from 'zod/mini';
import { clip, CoreError } from '../errors.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { codeText, parseInput, requireArray, requireObject, requireString, wholeNumber } from '../validation.js';
import {
  addWorkingSeconds,
  compileCalendar,
  workingSecondsBetween,
  type BusinessCalendar,
} from './business-calendar.js';

const targetSchema = z.strictObject({
  amount: wholeNumber(1, 100_000),
  unit: z.enum(['minutes', 'hours', 'days'], { error: "use 'minutes', 'hours' or 'days'" }),
});

/**
 * An SLA policy (settings, corrective contracts): which host work-order status marks the response and which marks
 * the resolution, a target per priority, and whether targets count business hours or calendar hours.
 */
export const slaPolicySchema = z.strictObject({
  code: codeText('the policy code'),
  name: codeText('the name'),
  description: z._default(z.string(), ''),
  /** Host work-order status (`sta_code`) that marks the response, e.g. `'ONDERWEG'`. */
  responseStatus: codeText('the response status'),
  /** Host work-order status that marks the resolution, e.g. `'COMPLEET'`. */
  resolvedStatus: codeText('the resolved status'),
  /** `business`: only working hours of the tenant calendar count (a day = its longest working day); `calendar`: all hours. */
  clock: z.enum(['business', 'calendar'], { error: "use 'business' or 'calendar'" }),
  /** Per host priority code. */
  targets: z.record(z.string(), z.strictObject({ response: targetSchema, resolution: targetSchema })),
});
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;
export type SlaPolicy = z.output<typeof slaPolicySchema>;
type Target = z.output<typeof targetSchema>;

export type SlaDueTimes = { responseDue: string; resolutionDue: string };
export type SlaClock = {
  due: string;
  state: 'running' | 'met' | 'breached';
  /** When the status that stops this clock was first reached; `null` while it runs. */
  metAt: string | null;
  /**
   * Minutes left until the due time (working minutes on a business clock): counted from `asOf` while running,
   * from `metAt` once stopped; negative when late.
   */
  remainingMinutes: number;
};
export type SlaState = { response: SlaClock; resolution: SlaClock };

function prepare(policyInput: SlaPolicyInput | SlaPolicy, calendar: BusinessCalendar, priorityCode: string) {
  const policy = parseInput(slaPolicySchema, policyInput, { path: ['policy'] });
  requireString(priorityCode, ['priorityCode'], 'a priority code', 255);
  // Own keys only: a priority called '__proto__' must not find Object.prototype.
  const targets = Object.hasOwn(policy.targets, priorityCode) ? policy.targets[priorityCode] : undefined;
  if (targets === undefined) {
    throw new CoreError(
      'invalid-input',
      `the policy ${policy.code} has no target for priority '${clip(priorityCode)}': add one or use ${clip(Object.keys(policy.targets).join(', '), 200)}.`,
      {
        path: ['priorityCode'],
      },
    );
  }
  const compiled = policy.clock === 'business' ? compileCalendar(calendar) : undefined;
  const secondsOf = (target: Target) => {
    const unit =
      target.unit === 'minutes' ? 60 : target.unit === 'hours' ? 3600 : compiled ? compiled.longestDaySeconds : 86400;
    return target.amount * unit;
  };
  const add = (start: number, target: Target) =>
    compiled ? addWorkingSeconds(compiled, start, secondsOf(target)) : start + secondsOf(target);
  const between = (from: number, to: number) => (compiled ? workingSecondsBetween(compiled, from, to) : to - from);
  return { policy, targets, add, between };
}

/**
 * When the response and the resolution of a work order are due under an SLA policy.
 *
 * @example
 * const day = [['08:00', '17:00']];
 * const calendar = { tzid: 'Europe/Amsterdam', holidays: dutchDaysOff(2025, 2025),
 *   hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] } };
 * const policy = { code: 'GOUD', name: 'Goud', responseStatus: 'ONDERWEG', resolvedStatus: 'COMPLEET', clock: 'business',
 *   targets: { HOOG: { response: { amount: 4, unit: 'hours' }, resolution: { amount: 2, unit: 'days' } } } };
 * slaDueTimes(policy, calendar, { priorityCode: 'HOOG', openedAt: '2025-04-25T14:00:00Z' }).responseDue;
 * // Friday 16:00 + 4 business hours, past the weekend with Koningsdag → '2025-04-28T09:00:00Z' (Monday 11:00)
 */
export function slaDueTimes(
  policyInput: SlaPolicyInput | SlaPolicy,
  calendar: BusinessCalendar,
  input: { priorityCode: string; openedAt: string },
): SlaDueTimes {
  const { priorityCode, openedAt } = requireObject(
    input,
    ['input'],
    'input { priorityCode, openedAt }',
  ) as typeof input;
  const { targets, add } = prepare(policyInput, calendar, priorityCode);
  const opened = parseInstant(openedAt, ['openedAt']);
  return {
    responseDue: formatInstant(add(opened, targets.response)),
    resolutionDue: formatInstant(add(opened, targets.resolution)),
  };
}

export type StatusChange = { status: string; at: string };

/**
 * The SLA state of a work order from its status history: per clock the due time, whether it is running, met or
 * breached, and the time left. Reaching the resolved status also counts as the response.
 *
 * @example
 * // policy and calendar as in the slaDueTimes example
 * slaState(policy, calendar, { priorityCode: 'HOOG', openedAt: '2025-03-03T08:00:00Z',
 *   history: [{ status: 'ONDERWEG', at: '2025-03-03T09:30:00Z' }], asOf: '2025-03-03T12:00:00Z' }).response.state; // 'met'
 */
export function slaState(
  policyInput: SlaPolicyInput | SlaPolicy,
  calendar: BusinessCalendar,
  input: { priorityCode: string; openedAt: string; history: readonly StatusChange[]; asOf: string },
): SlaState {
  requireObject(input, ['input'], 'input { priorityCode, openedAt, history, asOf }');
  const { policy, targets, add, between } = prepare(policyInput, calendar, input.priorityCode);
  requireArray(input.history, ['history'], 'a status history array');
  const opened = parseInstant(input.openedAt, ['openedAt']);
  const asOf = parseInstant(input.asOf, ['asOf']);
  const history = Array.from(input.history)
    .map((change, i) => {
      requireObject(change, ['history', i], 'a status change { status, at }');
      return {
        status: requireString(change.status, ['history', i, 'status'], 'a status', 255),
        at: parseInstant(change.at, ['history', i, 'at']),
      };
    })
    .sort((a, b) => a.at - b.at);
  const firstAt = (statuses: string[]) =>
    history.find((change) => statuses.includes(change.status) && change.at <= asOf)?.at;
  const clock = (target: Target, stoppedAt: number | undefined): SlaClock => {
    const due = add(opened, target);
    const until = stoppedAt ?? asOf;
    const state =
      stoppedAt !== undefined ? (stoppedAt <= due ? 'met' : 'breached') : asOf > due ? 'breached' : 'running';
    return {
      due: formatInstant(due),
      state,
      metAt: stoppedAt === undefined ? null : formatInstant(stoppedAt),
      remainingMinutes: Math.trunc(between(until, due) / 60),
    };
  };
  return {
    response: clock(targets.response, firstAt([policy.responseStatus, policy.resolvedStatus])),
    resolution: clock(targets.resolution, firstAt([policy.resolvedStatus])),
  };
}
