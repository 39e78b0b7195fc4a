import * as z from 'zod/mini';
import { moneySchema } from '../money/money.js';
import { scheduleSchema } from '../schedule/schedule-spec.js';
import { zoneTimeline } from '../time/zone.js';
import { echo } from '../errors.js';
import { MAX_ZONE_NAME } from '../time/zone-offset.js';
import { TIME_OF_DAY } from '../time/time-of-day.js';
import { describePeriod, isInPeriod } from '../time/date-period.js';
import { codeText, localDateSchema, parseTrusted, trust, wholeNumber } from '../validation.js';
import { checkObjectOwners } from './object-owners.js';
import { DESCRIPTION_MAX, EXTERNAL_REFERENCE_MAX } from './agreement-details.js';

export const CONTRACT_TYPES = ['preventive', 'corrective', 'yearly-orders'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Ids and codes end up in occurrence keys (`contract|object|date`), so they may not contain the separator. */
const keyPart = (what: string) =>
  codeText(what).check(z.refine((text) => !text.includes('|'), { error: `${what} may not contain '|'` }));

const timeZoneSchema = z._default(
  z.string({ error: "expected an IANA zone such as 'Europe/Amsterdam'" }).check(
    z.superRefine((tzid, ctx) => {
      try {
        // IANA names are short (the longest is about 30 characters); a longer one is never worth a lookup.
        if (tzid.length > MAX_ZONE_NAME) throw new Error('too long');
        zoneTimeline(tzid);
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: `${echo(tzid)} is not an IANA time zone: use e.g. 'Europe/Amsterdam'`,
        });
      }
    }),
  ),
  'Europe/Amsterdam',
);

/** What every generated work order of the contract carries; the host's PostWorkorders fields in our words. */
export const workOrderTemplateSchema = z.strictObject({
  /** The host's type of work (`TypeOfWork`, see `worktypes`), e.g. `'Onderhoud'`. */
  workType: z._default(codeText('the type of work'), 'Onderhoud'),
  description: z._default(z.string().check(z.maxLength(65_535, { error: 'is longer than 64 KB' })), ''),
  /** Planned duration in minutes (`WorkDuration`). */
  durationMinutes: z.optional(wholeNumber(1, 24 * 60 * 31, ' minutes')),
  /** The host's priority code (`PriorityCode`). */
  priorityCode: z.optional(codeText('the priority code')),
  /** Planned local time of day `'HH:mm'` when an employee is set; without it, the schedule's time. */
  timeOfDay: z.optional(z.string().check(z.regex(TIME_OF_DAY, { error: "use 'HH:mm'" }))),
});

/**
 * The agreed financial scope: a total for the whole contract, or an amount per contract year. Contract years run
 * from the start date's anniversary, or (`yearStart: 'january'`) with the calendar year, when the first and last
 * years are partial and their budget is pro-rated by days.
 */
export const budgetSchema = z.strictObject({
  amount: moneySchema,
  per: z.enum(['contract', 'contract-year'], { error: "use 'contract' or 'contract-year'" }),
  yearStart: z._default(z.enum(['anniversary', 'january'], { error: "use 'anniversary' or 'january'" }), 'anniversary'),
});

/** How an early termination was recorded. The reason's label is stored as it was, so history never changes. */
export const terminationSchema = z.strictObject({
  date: localDateSchema,
  reasonCode: z.optional(codeText('the cancellation reason code')),
  reasonLabel: z.optional(z.string()),
  remark: z.optional(z.string().check(z.maxLength(65_535, { error: 'is longer than 64 KB' }))),
});

const freeFieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'a free field holds text, a number, true/false or null',
});

const contractObjectSchema = z.strictObject({
  id: keyPart('the contract id'),
  /** Optimistic-concurrency version; every saved edit increments it. */
  version: z._default(wholeNumber(0, Number.MAX_SAFE_INTEGER), 0),
  /**
   * The local date (in the contract's zone) from which this version governs planning; set by the edit action to the
   * day of the edit. Absent: from the beginning. See `versionOn` for a contract's versions over time.
   */
  effectiveFrom: z.optional(localDateSchema),
  type: z.enum(CONTRACT_TYPES, { error: `type must be one of ${CONTRACT_TYPES.join(', ')}` }),
  /**
   * What the planner calls the agreement, e.g. 'Onderhoud cv-ketels Hoofdstraat'. The contracts API requires it for a
   * new contract; optional here because contracts stored before the field existed have none (show the id instead).
   */
  name: z.optional(codeText('the contract name')),
  /** Free text about the agreement (scope, arrangements) for the people who manage it. */
  description: z.optional(
    z
      .string({ error: 'expected the description as text' })
      .check(z.maxLength(DESCRIPTION_MAX, { error: `the description is longer than ${DESCRIPTION_MAX} characters` })),
  ),
  /** The customer's own number for the agreement: their purchase order or contract number, as they quote it. */
  externalReference: z.optional(
    codeText('the external reference').check(
      z.maxLength(EXTERNAL_REFERENCE_MAX, {
        error: `the external reference is longer than ${EXTERNAL_REFERENCE_MAX} characters`,
      }),
    ),
  ),
  /** Code of the contract terms (settings) that govern period, notice and renewal. */
  termsCode: z.optional(codeText('the terms code')),
  startDate: localDateSchema,
  /** Inclusive last day; leave out for an open-ended contract. */
  endDate: z.optional(localDateSchema),
  timeZone: timeZoneSchema,
  /** Work orders are created this many days before their target date (0 = on the day). */
  daysInAdvance: z._default(wholeNumber(0, 366, ' days'), 0),
  /** The customer, by debtor number. */
  debtorNumber: codeText('the debtor number'),
  /** Linked objects (installations), by object code. */
  objectCodes: z._default(
    z
      .array(keyPart('an object code'))
      .check(z.refine((codes) => new Set(codes).size === codes.length, { error: 'an object is linked twice' })),
    [],
  ),
  /**
   * The customer (debtor number) of each linked object, by object code, as the host records it. The engine cannot
   * read the host; the contracts API fills this from the host on every save, so a client leaves it out. With it the
   * contract refuses an object of another customer, and a customer change while the old customer's objects are
   * linked. An object without an entry is not checked.
   */
  objectOwners: z
    .optional(z.record(keyPart('an object code'), codeText('the debtor number')))
    .check(
      z.describe(
        'The customer (debtor number) of each linked object, by object code. The contracts API fills it from the host on every save: a client leaves it out. A linked object of another customer is refused.',
      ),
    ),
  /** One work order per object, or one work order listing all objects. */
  orderPerObject: z._default(z.boolean({ error: 'expected true or false' }), true),
  workOrder: z._default(workOrderTemplateSchema, { workType: 'Onderhoud', description: '' }),
  /** With an employee the work order is planned on the date; without one it gets a deadline only. */
  employeeNumber: z.optional(codeText('the employee number')),
  /** Preventive contracts only. */
  schedule: z.optional(scheduleSchema),
  /** Yearly-orders contracts only: how many work orders per contract year. */
  ordersPerYear: z.optional(wholeNumber(1, 366)),
  /** Corrective contracts: the SLA policy that applies to the customer's work orders. */
  slaPolicyCode: z.optional(codeText('the SLA policy code')),
  budget: z.optional(budgetSchema),
  /**
   * What one generated work order is expected to cost (integer cents, in the budget's currency): the budget forecast
   * counts the planned work orders at this amount.
   */
  expectedCostPerWorkOrder: z.optional(moneySchema),
  freeFields: z._default(z.record(z.string(), freeFieldValue), {}),
  termination: z.optional(terminationSchema),
  /** Set on a restarted contract: the id of the contract it continues. */
  restartOf: z.optional(codeText('the original contract id')),
});

/**
 * A service contract. Type-specific settings are checked against the type, so changing the type tells exactly
 * which settings to redo.
 */
export const contractSchema = contractObjectSchema.check(
  z.superRefine((contract, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (contract.endDate !== undefined && contract.endDate < contract.startDate) {
      issue(['endDate'], `the end date ${contract.endDate} lies before the start date ${contract.startDate}`);
    }
    if (contract.termination !== undefined && contract.termination.date < contract.startDate) {
      issue(['termination', 'date'], 'a contract cannot be terminated before it starts: delete it instead');
    }
    // Per-date exceptions must lie inside the contract's own period (a termination merely leaves later ones unused).
    const exceptions = contract.schedule?.exceptions;
    if (exceptions !== undefined) {
      const contractPeriod = { start: contract.startDate, end: contract.endDate };
      const outside = (date: string) => !isInPeriod(date, contractPeriod);
      const period = describePeriod(contractPeriod);
      exceptions.skip.forEach((date, i) => {
        if (outside(date))
          issue(['schedule', 'exceptions', 'skip', i], `${date} lies outside the contract period (${period})`);
      });
      exceptions.move.forEach(({ to }, i) => {
        if (outside(to))
          issue(['schedule', 'exceptions', 'move', i, 'to'], `${to} lies outside the contract period (${period})`);
      });
      exceptions.add.forEach((date, i) => {
        if (outside(date))
          issue(['schedule', 'exceptions', 'add', i], `${date} lies outside the contract period (${period})`);
      });
    }
    checkObjectOwners(contract, issue);
    if (
      contract.expectedCostPerWorkOrder !== undefined &&
      contract.budget !== undefined &&
      contract.expectedCostPerWorkOrder.currency !== contract.budget.amount.currency
    ) {
      issue(['expectedCostPerWorkOrder', 'currency'], `use ${contract.budget.amount.currency}, the budget's currency`);
    }
    const onlyCorrective = 'only a corrective contract has an SLA policy: remove it';
    switch (contract.type) {
      case 'preventive':
        if (contract.schedule === undefined) issue(['schedule'], 'a preventive contract needs a recurring schedule');
        if (contract.ordersPerYear !== undefined)
          issue(['ordersPerYear'], 'only a yearly-orders contract has orders per year: remove it');
        if (contract.slaPolicyCode !== undefined) issue(['slaPolicyCode'], onlyCorrective);
        break;
      case 'yearly-orders':
        if (contract.ordersPerYear === undefined)
          issue(['ordersPerYear'], 'a yearly-orders contract needs the number of orders per year');
        if (contract.schedule !== undefined)
          issue(['schedule'], 'a yearly-orders contract plans by orders per year, not a schedule: remove it');
        if (contract.slaPolicyCode !== undefined) issue(['slaPolicyCode'], onlyCorrective);
        break;
      case 'corrective':
        if (contract.schedule !== undefined)
          issue(['schedule'], 'a corrective contract generates no work orders: remove the schedule');
        if (contract.ordersPerYear !== undefined)
          issue(['ordersPerYear'], 'a corrective contract generates no work orders: remove it');
        break;
    }
  }),
);

/** A contract as a caller writes it (defaults may be left out). */
export type ContractInput = z.input<typeof contractSchema>;
/** A checked contract with every default filled in. */
export type Contract = z.output<typeof contractSchema>;

/**
 * Checks a contract and fills in its defaults. Invalid input throws a `CoreError` (`invalid-input`) whose `path`
 * names the field, e.g. `schedule.weekdays: choose at least one weekday`. The engine's functions accept the result
 * without checking it again; treat it as immutable (change a copy, which is checked anew).
 *
 * @example
 * const contract = parseContract({
 *   id: 'C-1', type: 'preventive', startDate: '2025-01-01', debtorNumber: 'D100',
 *   objectCodes: ['CV-01'], schedule: { unit: 'month', day: 15 },
 * });
 * contract.timeZone; // 'Europe/Amsterdam'
 */
export function parseContract(input: unknown): Contract {
  const contract = parseTrusted(contractSchema, input);
  if (contract.schedule !== undefined) trust(contract.schedule);
  return contract;
}
