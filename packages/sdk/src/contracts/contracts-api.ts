import {
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  PREVIEW_FIELDS,
  PRESSURE_REASONS,
  STATUS_FLAGS,
  budgetSchema,
  businessCalendarSchema,
  cancellationReasonSchema,
  contractSchema,
  contractTermsSchema,
  hourTypeRatesSchema,
  scheduleSchema,
  slaPolicySchema,
  type BudgetStatus as CoreBudgetStatus,
  type CancellationReport as CoreCancellationReport,
  type Money,
  type PreviewOccurrence,
  type ScheduleChangePreview as CoreScheduleChangePreview,
} from '@contractbeheer/core';
import * as z from 'zod';

/**
 * The contracts API the power-up serves, as zod schemas shared by the client (here) and the server: one source for
 * validation on both sides, the TypeScript types, and the OpenAPI 3.1 document.
 */

// Derived from the core: its model schemas are embedded as they are (zod mini and classic share one core, and
// `z.toJSONSchema` reads both); its result types have no schema, so each wire schema below is declared with
// `satisfies z.ZodType<CoreType>` and a type test (test/contracts-wire-types.test.ts) checks the two are equal.

/** The core's own lists, re-exported for clients that import only the SDK. */
export { CONTRACT_STATUSES, PRESSURE_REASONS, STATUS_FLAGS };

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use 'YYYY-MM-DD'");

/** A contract as the API returns it: the contract, its derived status and flags, and its ETag. */
export const contractResourceSchema = z.object({
  contract: contractSchema,
  status: z.enum(CONTRACT_STATUSES),
  flags: z.array(z.enum(STATUS_FLAGS)),
  /** The version as an ETag; send it back as `If-Match` when changing the contract. */
  etag: z.string(),
});
export type ContractResource = z.infer<typeof contractResourceSchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });
/** One page of a list: the schema's output for items of type `T`. */
export type Page<T> = z.infer<ReturnType<typeof pageSchema<z.ZodType<T>>>>;

/** A yes/no query parameter: `true`/`false` from a client, the text `'true'`/`'false'` from a query string. */
const queryBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((text) => text === 'true')], {
  error: "use 'true' or 'false'",
});
/** A whole-number query parameter: a number from a client, its digits from a query string. */
const queryInteger = (min: number, max: number) =>
  z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^\d{1,16}$/)
          .transform(Number),
      ],
      {
        error: `expected a whole number ${min}–${max}`,
      },
    )
    .pipe(z.number().int().min(min).max(max));
const queryText = (what: string) => z.string().trim().min(1, `${what} may not be empty`).max(255);

/**
 * The filters of `GET /contracts` a planner works with; every given filter must hold (AND). Unknown parameters are
 * refused by name, so a misspelt filter never silently lists everything. The yes/no filters select contracts with
 * the state (`true`) or without it (`false`).
 */
export const listContractsQuerySchema = z.strictObject(
  {
    status: z.enum(CONTRACT_STATUSES).optional(),
    /** The customer. */
    debtorNumber: queryText('the debtor number').optional(),
    /** Text search: every word occurs in the name, the external reference or the id (case and accents ignored). */
    q: queryText('the search text').optional(),
    type: z.enum(CONTRACT_TYPES).optional(),
    /** Contracts under these contract terms. */
    termsCode: queryText('the terms code').optional(),
    /** Contracts that cover this object. */
    objectCode: queryText('the object code').optional(),
    /** The budget is under pressure today (over budget, heading there, or spending ahead of time). */
    underBudgetPressure: queryBoolean.optional(),
    /** The current period ends within the warning window (status flag `renewal-due`). */
    renewalDue: queryBoolean.optional(),
    /** The last day to give notice is near (status flag `notice-deadline-near`). */
    noticeDeadlineNear: queryBoolean.optional(),
    /** Page size, 1–200 (default 50). */
    limit: queryInteger(1, 200).optional(),
    cursor: z.string().optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.join(', ')}: not a filter of GET /contracts; use status, debtorNumber, q, type, termsCode, objectCode, underBudgetPressure, renewalDue, noticeDeadlineNear, limit or cursor`
        : undefined,
  },
);
export type ListContractsQuery = z.input<typeof listContractsQuerySchema>;

/**
 * Fields of a contract only the server sets, each with what to do instead. A create body that carries one is refused
 * on that field: a contract created already terminated would skip the check of its cancellation reason.
 */
export const SERVER_OWNED_CONTRACT_FIELDS = {
  version: 'leave it out: a new contract starts at version 0 and every edit counts up',
  termination:
    'create the contract, then terminate it (POST /contracts/{id}/actions/terminate), where the reason is checked',
  restartOf: 'restart the original contract instead (POST /contracts/{id}/actions/restart)',
  objectOwners: "leave it out: the server reads each linked object's customer from the host",
  effectiveFrom: 'leave it out: the server records from when each version of the contract applies',
} as const;

const refused = Object.fromEntries(
  Object.entries(SERVER_OWNED_CONTRACT_FIELDS).map(([field, instead]) => [
    field,
    z.never({ error: `${field} is set by the server: ${instead}` }).optional(),
  ]),
) as { [Field in keyof typeof SERVER_OWNED_CONTRACT_FIELDS]: z.ZodOptional<z.ZodNever> };

/**
 * Creating a contract: what a client may set — the core's contract without the server-owned fields — and a name,
 * which a new contract must have. Unknown and server-owned fields are refused by name; the result passes the core's
 * whole-contract checks (type-specific settings, dates, exceptions), whose errors keep their field path.
 */
export const createContractBodySchema = z
  .strictObject(contractSchema.shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.join(', ')}: not a field of a contract; remove it (or check its spelling)`
        : undefined,
  })
  .omit({ version: true, termination: true, restartOf: true, objectOwners: true })
  .extend({ name: contractSchema.shape.name.def.innerType, ...refused })
  .superRefine(
    (body, ctx) => {
      const whole = contractSchema.safeParse(body);
      if (whole.success) return;
      for (const issue of whole.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    },
    // Only once every field is valid: the whole-contract check would repeat a field's own issue.
    { when: (payload) => payload.issues.length === 0 },
  );
export type CreateContractBody = z.input<typeof createContractBodySchema>;
/**
 * Editing: the changed fields; the server checks the result as a whole contract. The id and the server-owned fields
 * cannot be changed, and are refused by name.
 */
export const updateContractBodySchema = z.object({
  changes: z.record(z.string(), z.unknown()).superRefine((changes, ctx) => {
    if (Object.hasOwn(changes, 'id'))
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: 'id cannot be changed: restart the contract under a new id',
      });
    for (const [field, instead] of Object.entries(SERVER_OWNED_CONTRACT_FIELDS)) {
      if (Object.hasOwn(changes, field))
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} is set by the server: ${instead}` });
    }
  }),
});
/** The changes an edit (or a preview) may carry: any field a client may set, except the id. */
export type ContractChanges = Partial<Omit<CreateContractBody, 'id'>>;
export const terminateBodySchema = z.object({
  date: dateSchema,
  reasonCode: z.string().optional(),
  remark: z.string().max(65_535).optional(),
});
/** A restart may change the conditions; whatever is left out carries over from the original (see core's restart). */
export const restartBodySchema = z.strictObject({
  newId: z.string().min(1),
  startDate: dateSchema.optional(),
  endDate: dateSchema.optional(),
  schedule: z.optional(scheduleSchema),
  budget: z.optional(budgetSchema),
  /** Index the budget by the terms' indexation; an index-based indexation needs both index values. */
  indexBudget: z.boolean().optional(),
  previousIndex: z.union([z.string(), z.number()]).optional(),
  currentIndex: z.union([z.string(), z.number()]).optional(),
});
export const renewBodySchema = z.object({ previousIndex: z.string().optional(), currentIndex: z.string().optional() });
export type TerminateBody = z.input<typeof terminateBodySchema>;
export type RestartBody = z.input<typeof restartBodySchema>;
export type RenewBody = z.input<typeof renewBodySchema>;

const previewOccurrenceSchema = z.object({
  key: z.string(),
  objectCode: z.string().nullable(),
  targetDate: z.string(),
  creationDate: z.string(),
  time: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  objectCodes: z.array(z.string()),
  debtorNumber: z.string(),
  workType: z.string(),
  description: z.string(),
  durationMinutes: z.number().nullable(),
  priorityCode: z.string().nullable(),
}) satisfies z.ZodType<PreviewOccurrence>;
const previewChangeSchema = z.object({
  from: previewOccurrenceSchema,
  to: previewOccurrenceSchema,
  fields: z.array(z.enum(PREVIEW_FIELDS)),
});
export const schedulePreviewSchema = z.object({
  added: z.array(previewOccurrenceSchema),
  removed: z.array(previewOccurrenceSchema),
  moved: z.array(previewChangeSchema),
  changed: z.array(previewChangeSchema),
  unchanged: z.number(),
  from: z.string(),
  until: z.string(),
}) satisfies z.ZodType<CoreScheduleChangePreview>;

/** One occurrence in the schedule view: planned, or where generation stands with it. */
export const scheduleViewSchema = z.object({
  contractId: z.string(),
  occurrences: z.array(
    z.object({
      key: z.string(),
      objectCode: z.string().nullable(),
      targetDate: z.string(),
      creationDate: z.string(),
      /**
       * `planned`: not generated yet. `pending`: written, the host may not have it yet. `created`: on the host.
       * `skipped`: never created (see `skippedReason`). `failed`: every attempt failed (see `lastError`).
       */
      state: z.enum(['planned', 'pending', 'created', 'skipped', 'failed']),
      workOrderNumber: z.string().nullable(),
      hostRowId: z.number().nullable(),
      late: z.boolean(),
      skippedReason: z.string().nullable(),
      // Added with the generation ledger: absent from an older server's answer, read as null.
      /** The host's last error for a `pending` or `failed` occurrence. */
      lastError: z.string().nullable().default(null),
      /** The host's status of a created work order as last heard, and when generation deleted it there. */
      hostStatus: z.string().nullable().default(null),
      deletedOnHostAt: z.string().nullable().default(null),
    }),
  ),
  nextCreationDate: z.string().nullable(),
});
export type ScheduleView = z.infer<typeof scheduleViewSchema>;
export const scheduleViewQuerySchema = z.object({ from: dateSchema.optional(), until: dateSchema.optional() });

// Typed as the core's `Money` (its fields are readonly); lenient on the currency, as an answer is not re-validated.
const moneyJson: z.ZodType<Money> = z.object({ amount: z.number().int(), currency: z.string() });
export const budgetStatusSchema = z.object({
  period: z.object({ start: z.string(), end: z.string().nullable() }),
  budget: moneyJson,
  consumed: moneyJson,
  consumedBy: z.object({ labour: moneyJson, materials: moneyJson, other: moneyJson }),
  remaining: moneyJson,
  usedBasisPoints: z.number().int(),
  elapsedBasisPoints: z.number().int().nullable(),
  planned: z.object({ workOrders: z.number().int(), cost: moneyJson }),
  forecast: moneyJson.nullable(),
  underPressure: z.boolean(),
  reasons: z.array(z.enum(PRESSURE_REASONS)),
  noticeDeadline: z.string().nullable(),
}) satisfies z.ZodType<CoreBudgetStatus>;

/** One material used on the contract's work orders in the budget period, summed per material code. */
export const materialUsedSchema = z.object({
  /** The host's material code and name. */
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  /** The quantity used, as an exact decimal text (e.g. `'2.5'`). */
  quantity: z.string().regex(/^-?\d+(\.\d+)?$/),
  cost: moneyJson,
});
export type MaterialUsed = z.infer<typeof materialUsedSchema>;

/**
 * `GET /contracts/{id}/budget`: the core's budget status (with the actuals split into labour, materials and other),
 * the materials used, and the work orders already generated in the period beside the ones still planned
 * (`planned.workOrders`). The server computes the status with the tenant's hour-type rates and the contract's
 * expected cost per work order.
 */
export const contractBudgetSchema = budgetStatusSchema.extend({
  materialsUsed: z.array(materialUsedSchema),
  /** Work orders of the contract created in the host in the budget period. */
  generated: z.object({ workOrders: z.number().int() }),
});
export type ContractBudget = z.infer<typeof contractBudgetSchema>;

/** What a tenant does with work orders it generated but that were not started when their contract is terminated. */
export const NOT_STARTED_AFTER_TERMINATION = ['leave', 'delete'] as const;

/** One weekday's working hours: local `['HH:mm', 'HH:mm']` intervals in order (the core calendar's, unchanged). */
const dayHoursSchema = businessCalendarSchema.shape.hours.shape.mon;

/**
 * The tenant's working hours per weekday, in its zone: what a business-hours SLA clock counts. A day without
 * intervals is closed; at least one day must have some, or a business clock could never run.
 */
export const workingHoursSchema = z
  .strictObject({
    mon: dayHoursSchema,
    tue: dayHoursSchema,
    wed: dayHoursSchema,
    thu: dayHoursSchema,
    fri: dayHoursSchema,
    sat: dayHoursSchema,
    sun: dayHoursSchema,
  })
  .refine((week) => Object.values(week).some((intervals) => intervals.length > 0), {
    error: "there are no working hours on any day: give at least one interval, e.g. mon: [['08:00', '17:00']]",
  });
export type WorkingHours = z.output<typeof workingHoursSchema>;

/** Office hours, Monday to Friday 08:00–17:00: the working hours of a tenant that has not set its own. */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  mon: [['08:00', '17:00']],
  tue: [['08:00', '17:00']],
  wed: [['08:00', '17:00']],
  thu: [['08:00', '17:00']],
  fri: [['08:00', '17:00']],
  sat: [],
  sun: [],
};

/**
 * The tenant's settings (`GET`/`PUT /settings`); a PUT replaces them all, and fields left out take their default.
 */
export const tenantSettingsSchema = z.strictObject({
  /** Whether terminating a contract requires a cancellation reason (default: no). */
  reasonRequired: z.boolean().default(false),
  /**
   * After downtime, work whose target date lies more than this many days back is skipped rather than generated late
   * (default 14).
   */
  catchUpLimitDays: z.number().int().min(0).max(3660).default(14),
  /**
   * Generated work orders that were not started when their contract is terminated, for target dates after the
   * termination: `'leave'` them in the host for the planner to handle (default), or `'delete'` them.
   */
  notStartedAfterTermination: z.enum(NOT_STARTED_AFTER_TERMINATION).default('leave'),
  /** The tenant's zone: the default for new contracts and the zone of its working days. */
  timeZone: contractSchema.shape.timeZone,
  /**
   * Weekdays that are not workdays: `'nl'` for the Dutch public days off (the core's `dutchDaysOff`), or a list of
   * dates. Used by workday schedules and business-hours SLA clocks.
   */
  holidays: z.union([z.literal('nl'), z.array(dateSchema)], { error: "use 'nl' or a list of dates" }).default('nl'),
  /** Rates per hour type (cents per hour): labour in the budget status is costed with these. */
  hourTypeRates: z._default(hourTypeRatesSchema, {}),
  /** Working hours per weekday in `timeZone` (default Monday to Friday 08:00–17:00), minus `holidays`. */
  workingHours: workingHoursSchema.default(() => structuredClone(DEFAULT_WORKING_HOURS)),
});
export type TenantSettings = z.output<typeof tenantSettingsSchema>;
export type TenantSettingsInput = z.input<typeof tenantSettingsSchema>;

export const actionResultSchema = z.object({
  contract: contractResourceSchema.nullable(),
  // Loose on purpose: a newer server may describe an effect this client does not know yet. The type test checks that
  // every core `ContractEffect` fits.
  effects: z.array(z.object({ type: z.string() }).loose()),
});
/** An action's answer: the core's `ActionResult` with the contract as a resource and the effects as JSON objects. */
export type ActionResult = z.infer<typeof actionResultSchema>;
export const refreshResultSchema = z.object({ contract: contractResourceSchema, workOrders: z.number().int() });
export const updateResultSchema = z.object({ contract: contractResourceSchema, preview: schedulePreviewSchema });

export const cancellationReportQuerySchema = z.object({
  from: dateSchema,
  to: dateSchema,
  groupBy: z.enum(['month', 'quarter', 'year']),
  /** List the remarks of each period's terminations on its rows. */
  includeRemarks: queryBoolean.optional(),
});
export type CancellationReportQuery = z.input<typeof cancellationReportQuerySchema>;
const reasonRowSchema = z.object({
  reasonCode: z.string(),
  reasonLabel: z.string(),
  count: z.number().int(),
  lostValue: moneyJson,
  remarks: z.array(z.object({ contractId: z.string(), date: z.string(), remark: z.string() })).optional(),
});
export const cancellationReportSchema = z.object({
  periods: z.array(
    z.object({
      period: z.string(),
      from: z.string(),
      to: z.string(),
      reasons: z.array(reasonRowSchema),
      count: z.number().int(),
      lostValue: moneyJson,
    }),
  ),
  totals: z.array(reasonRowSchema),
  currency: z.string(),
}) satisfies z.ZodType<CoreCancellationReport>;

/** The contract history (newest last): one entry per saved version, with who saved it, when, and what changed. */
export const contractHistoryQuerySchema = z.object({
  /** Page size, 1–200 (default 50). */
  limit: z.number().int().min(1).max(200).optional(),
  cursor: z.string().optional(),
});
export const contractHistoryEntrySchema = z.object({
  version: z.number().int(),
  /** When the version was saved (ISO-8601 UTC). */
  at: z.string(),
  /** Who saved it: `api-key:<id>`, `operator`, … */
  actor: z.string(),
  /** The contract's top-level fields that differ from the version before (every field for the first version). */
  changedFields: z.array(z.string()),
  contract: contractSchema,
});
export type ContractHistoryEntry = z.infer<typeof contractHistoryEntrySchema>;
export type ContractHistoryQuery = z.input<typeof contractHistoryQuerySchema>;
/** A reason as the list shows it: with how many terminations use it (a used reason is archived, not deleted). */
export const cancellationReasonListItemSchema = z.object({
  ...cancellationReasonSchema.shape,
  terminationCount: z.number().int().min(0),
});
export type CancellationReasonListItem = z.infer<typeof cancellationReasonListItemSchema>;
/** The answer to creating or relabelling a reason: a `warning` when terminations already use the old label. */
export const putCancellationReasonResultSchema = cancellationReasonListItemSchema.extend({
  warning: z.string().optional(),
});
export type PutCancellationReasonResult = z.infer<typeof putCancellationReasonResultSchema>;

/** Every error body: a machine code, a message that says what to do, and the offending field. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    path: z.array(z.union([z.string(), z.number()])).optional(),
  }),
});

export { cancellationReasonSchema, contractTermsSchema, scheduleSchema, slaPolicySchema };
// Local aliases, not `export type { … }` of the imports: this module is also shipped as the `contractsApi` namespace,
// and the declaration bundler (rollup-plugin-dts in tsup) turns a re-exported import from an external package into
// `declare const X: typeof X` inside that namespace — TS2693 for a consumer with `skipLibCheck: false`.
export type BudgetStatus = CoreBudgetStatus;
export type CancellationReport = CoreCancellationReport;
export type ScheduleChangePreview = CoreScheduleChangePreview;

/** The route table: method, path, request and response schemas — what the server implements and the document lists. */
export const CONTRACTS_API_ROUTES = [
  {
    id: 'listContracts',
    method: 'GET',
    path: '/contracts',
    query: listContractsQuerySchema,
    response: pageSchema(contractResourceSchema),
    summary: 'List contracts with a planner’s filters (cursor pagination)',
  },
  {
    id: 'createContract',
    method: 'POST',
    path: '/contracts',
    body: createContractBodySchema,
    response: contractResourceSchema,
    status: 201,
    summary: 'Create a contract',
  },
  {
    id: 'getContract',
    method: 'GET',
    path: '/contracts/{id}',
    response: contractResourceSchema,
    summary: 'Get a contract (with its ETag)',
  },
  {
    id: 'updateContract',
    method: 'PATCH',
    path: '/contracts/{id}',
    body: updateContractBodySchema,
    response: updateResultSchema,
    ifMatch: true,
    summary: 'Edit a contract (If-Match)',
  },
  {
    id: 'deleteContract',
    method: 'DELETE',
    path: '/contracts/{id}',
    ifMatch: true,
    status: 204,
    summary: 'Delete a contract (refused once a work order is completed or handled)',
  },
  {
    id: 'terminateContract',
    method: 'POST',
    path: '/contracts/{id}/actions/terminate',
    body: terminateBodySchema,
    response: actionResultSchema,
    ifMatch: true,
    summary: 'Terminate early',
  },
  {
    id: 'restartContract',
    method: 'POST',
    path: '/contracts/{id}/actions/restart',
    body: restartBodySchema,
    response: actionResultSchema,
    summary: 'Restart as a new, linked contract',
  },
  {
    id: 'renewContract',
    method: 'POST',
    path: '/contracts/{id}/actions/renew',
    body: renewBodySchema,
    response: actionResultSchema,
    ifMatch: true,
    summary: 'Renew per the terms',
  },
  {
    id: 'refreshContract',
    method: 'POST',
    path: '/contracts/{id}/actions/refresh',
    response: refreshResultSchema,
    summary: 'Re-read work orders from the host and recompute',
  },
  {
    id: 'previewSchedule',
    method: 'POST',
    path: '/contracts/{id}/schedule/preview',
    // The preview takes the edit's own body: it shows what that edit would change.
    body: updateContractBodySchema,
    response: schedulePreviewSchema,
    summary: 'Preview what an edit changes',
  },
  {
    id: 'viewSchedule',
    method: 'GET',
    path: '/contracts/{id}/schedule',
    query: scheduleViewQuerySchema,
    response: scheduleViewSchema,
    summary: 'Occurrences and their generation state',
  },
  {
    id: 'getBudget',
    method: 'GET',
    path: '/contracts/{id}/budget',
    response: contractBudgetSchema,
    summary: 'Budget status with actuals by kind, materials used, and generated vs planned work orders',
  },
  {
    id: 'contractHistory',
    method: 'GET',
    path: '/contracts/{id}/history',
    query: contractHistoryQuerySchema,
    response: pageSchema(contractHistoryEntrySchema),
    summary: 'Who changed what, when: every saved version of a contract (cursor pagination)',
  },
  {
    id: 'listTerms',
    method: 'GET',
    path: '/terms',
    response: z.object({ data: z.array(contractTermsSchema) }),
    summary: 'List contract terms',
  },
  {
    id: 'putTerms',
    method: 'PUT',
    path: '/terms/{code}',
    body: contractTermsSchema,
    response: contractTermsSchema,
    summary: 'Create or replace contract terms',
  },
  {
    id: 'deleteTerms',
    method: 'DELETE',
    path: '/terms/{code}',
    status: 204,
    summary: 'Delete contract terms (refused while in use)',
  },
  {
    id: 'listSlaPolicies',
    method: 'GET',
    path: '/sla-policies',
    response: z.object({ data: z.array(slaPolicySchema) }),
    summary: 'List SLA policies',
  },
  {
    id: 'putSlaPolicy',
    method: 'PUT',
    path: '/sla-policies/{code}',
    body: slaPolicySchema,
    response: slaPolicySchema,
    summary: 'Create or replace an SLA policy',
  },
  {
    id: 'deleteSlaPolicy',
    method: 'DELETE',
    path: '/sla-policies/{code}',
    status: 204,
    summary: 'Delete an SLA policy (refused while in use)',
  },
  {
    id: 'listCancellationReasons',
    method: 'GET',
    path: '/cancellation-reasons',
    response: z.object({ data: z.array(cancellationReasonListItemSchema) }),
    summary: 'List cancellation reasons, each with the number of terminations that use it',
  },
  {
    id: 'putCancellationReason',
    method: 'PUT',
    path: '/cancellation-reasons/{code}',
    body: cancellationReasonSchema,
    response: putCancellationReasonResultSchema,
    summary: 'Create or relabel a reason (history keeps old labels; relabelling a used reason returns a warning)',
  },
  {
    id: 'archiveCancellationReason',
    method: 'POST',
    path: '/cancellation-reasons/{code}/archive',
    response: cancellationReasonSchema,
    summary: 'Archive a reason',
  },
  {
    id: 'deleteCancellationReason',
    method: 'DELETE',
    path: '/cancellation-reasons/{code}',
    status: 204,
    summary: 'Delete an unused reason (a used one is archived instead)',
  },
  {
    id: 'cancellationReport',
    method: 'GET',
    path: '/reports/cancellations',
    query: cancellationReportQuerySchema,
    response: cancellationReportSchema,
    summary: 'Terminations and lost value per reason per period (with remarks on request)',
  },
  {
    id: 'getSettings',
    method: 'GET',
    path: '/settings',
    response: tenantSettingsSchema,
    summary: 'The tenant settings',
  },
  {
    id: 'putSettings',
    method: 'PUT',
    path: '/settings',
    body: tenantSettingsSchema,
    response: tenantSettingsSchema,
    summary: 'Replace the tenant settings (fields left out take their default)',
  },
] as const;
