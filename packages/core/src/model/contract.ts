import { z } from 'zod';
import { moneySchema } from '../budget/money.js';
import { localDateSchema, scheduleSchema } from '../schedule/schedule-spec.js';
import { zoneTimeline } from '../time/zone.js';
import { parseInput } from '../validation.js';

export const CONTRACT_TYPES = ['preventive', 'corrective', 'yearly-orders'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

const code = (what: string) =>
  z
    .string({ error: `expected ${what} as text` })
    .trim()
    .min(1, `${what} may not be empty`)
    .max(255, `${what} is longer than the host's 255 characters`);

const timeZoneSchema = z
  .string()
  .default('Europe/Amsterdam')
  .superRefine((tzid, ctx) => {
    try {
      zoneTimeline(tzid);
    } catch {
      ctx.addIssue({ code: 'custom', message: `'${tzid}' is not an IANA time zone: use e.g. 'Europe/Amsterdam'` });
    }
  });

/** What every generated work order of the contract carries; the host's PostWorkorders fields in our words. */
export const workOrderTemplateSchema = z
  .object({
    /** The host's type of work (`TypeOfWork`, see `worktypes`), e.g. `'Onderhoud'`. */
    workType: code('the type of work').default('Onderhoud'),
    description: z.string().max(65_535).default(''),
    /** Planned duration in minutes (`WorkDuration`). */
    durationMinutes: z.number().int('must be whole minutes').min(1).max(24 * 60 * 31).optional(),
    /** The host's priority code (`PriorityCode`). */
    priorityCode: code('the priority code').optional(),
    /** Planned local time of day `'HH:mm'` when an employee is set; without it, the schedule's time. */
    timeOfDay: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use 'HH:mm'")
      .optional(),
  })
  .strict();

/** The agreed financial scope: a total for the whole contract, or an amount per contract year. */
export const budgetSchema = z
  .object({ amount: moneySchema, per: z.enum(['contract', 'contract-year']) })
  .strict();

/** How an early termination was recorded. The reason's label is stored as it was, so history never changes. */
export const terminationSchema = z
  .object({
    date: localDateSchema,
    reasonCode: code('the cancellation reason code').optional(),
    reasonLabel: z.string().optional(),
    remark: z.string().max(65_535).optional(),
  })
  .strict();

const freeFieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const contractObjectSchema = z
  .object({
    id: code('the contract id'),
    /** Optimistic-concurrency version; every saved edit increments it. */
    version: z.number().int().min(0).default(0),
    type: z.enum(CONTRACT_TYPES, { error: `type must be one of ${CONTRACT_TYPES.join(', ')}` }),
    /** Code of the contract terms (settings) that govern period, notice and renewal. */
    termsCode: code('the terms code').optional(),
    startDate: localDateSchema,
    /** Inclusive last day; leave out for an open-ended contract. */
    endDate: localDateSchema.optional(),
    timeZone: timeZoneSchema,
    /** Work orders are created this many days before their target date (0 = on the day). */
    daysInAdvance: z.number().int('must be whole days').min(0, 'cannot be negative').max(366, 'at most 366 days').default(0),
    /** The customer, by debtor number. */
    debtorNumber: code('the debtor number'),
    /** Linked objects (installations), by object code. */
    objectCodes: z
      .array(code('an object code'))
      .default([])
      .refine((codes) => new Set(codes).size === codes.length, { error: 'an object is linked twice' }),
    /** One work order per object, or one work order listing all objects. */
    orderPerObject: z.boolean().default(true),
    workOrder: workOrderTemplateSchema.default({ workType: 'Onderhoud', description: '' }),
    /** With an employee the work order is planned on the date; without one it gets a deadline only. */
    employeeNumber: code('the employee number').optional(),
    /** Preventive contracts only. */
    schedule: scheduleSchema.optional(),
    /** Yearly-orders contracts only: how many work orders per contract year. */
    ordersPerYear: z.number().int().min(1, 'at least 1').max(366, 'at most 366').optional(),
    /** Corrective contracts: the SLA policy that applies to the customer's work orders. */
    slaPolicyCode: code('the SLA policy code').optional(),
    budget: budgetSchema.optional(),
    freeFields: z.record(z.string(), freeFieldValue).default({}),
    termination: terminationSchema.optional(),
    /** Set on a restarted contract: the id of the contract it continues. */
    restartOf: code('the original contract id').optional(),
  })
  .strict();

/**
 * A service contract. Type-specific settings are checked against the type, so changing the type tells exactly
 * which settings to redo.
 */
export const contractSchema = contractObjectSchema.superRefine((contract, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (contract.endDate !== undefined && contract.endDate < contract.startDate) {
    issue('endDate', `the end date ${contract.endDate} lies before the start date ${contract.startDate}`);
  }
  if (contract.termination !== undefined && contract.termination.date < contract.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['termination', 'date'],
      message: 'a contract cannot be terminated before it starts: delete it instead',
    });
  }
  switch (contract.type) {
    case 'preventive':
      if (contract.schedule === undefined) issue('schedule', 'a preventive contract needs a recurring schedule');
      if (contract.ordersPerYear !== undefined) issue('ordersPerYear', 'only a yearly-orders contract has orders per year: remove it');
      if (contract.slaPolicyCode !== undefined) issue('slaPolicyCode', 'only a corrective contract has an SLA policy: remove it');
      break;
    case 'yearly-orders':
      if (contract.ordersPerYear === undefined) issue('ordersPerYear', 'a yearly-orders contract needs the number of orders per year');
      if (contract.schedule !== undefined) issue('schedule', 'a yearly-orders contract plans by orders per year, not a schedule: remove it');
      if (contract.slaPolicyCode !== undefined) issue('slaPolicyCode', 'only a corrective contract has an SLA policy: remove it');
      break;
    case 'corrective':
      if (contract.schedule !== undefined) issue('schedule', 'a corrective contract generates no work orders: remove the schedule');
      if (contract.ordersPerYear !== undefined) issue('ordersPerYear', 'a corrective contract generates no work orders: remove it');
      break;
  }
});

/** A contract as a caller writes it (defaults may be left out). */
export type ContractInput = z.input<typeof contractSchema>;
/** A checked contract with every default filled in. */
export type Contract = z.output<typeof contractSchema>;

/**
 * Checks a contract and fills in its defaults. Invalid input throws a `CoreError` (`invalid-input`) whose `path`
 * names the field, e.g. `schedule.weekdays: choose at least one weekday`.
 *
 * @example
 * const contract = parseContract({
 *   id: 'C-1', type: 'preventive', startDate: '2025-01-01', debtorNumber: 'D100',
 *   objectCodes: ['CV-01'], schedule: { unit: 'month', day: 15 },
 * });
 * contract.timeZone; // 'Europe/Amsterdam'
 */
export function parseContract(input: unknown): Contract {
  return parseInput(contractSchema, input);
}
