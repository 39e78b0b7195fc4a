/**
 * @contractbeheer/core — the pure contract engine. Runs anywhere (Node, browsers, edge); does no I/O and reads no
 * clock: every "now", zone and id is an argument.
 */
export { CoreError, type CoreErrorCode } from './errors.js';

// Contract model
export {
  CONTRACT_TYPES,
  budgetSchema,
  contractSchema,
  parseContract,
  terminationSchema,
  workOrderTemplateSchema,
  type Contract,
  type ContractInput,
  type ContractType,
} from './model/contract.js';
export { DESCRIPTION_MAX, EXTERNAL_REFERENCE_MAX, matchesContractSearch } from './model/agreement-details.js';

// Recurrence: RFC 5545 rules and the simple schedule spec
export type { Occurrence } from './time/occurrence.js';
export type { ExpansionRange, RRuleInput } from './schedule/expansion-input.js';
export { expandRRule, iterateRRule } from './schedule/expand-rrule.js';
export { WEEKDAYS, type Weekday } from './calendar/weekdays.js';
export { scheduleSchema, type Schedule, type ScheduleInput } from './schedule/schedule-spec.js';
export { scheduleToRRule } from './schedule/schedule-to-rrule.js';
export { describeSchedule, type DescriptionLocale } from './schedule/describe-schedule.js';
export { expandSchedule, iterateSchedule, type ScheduleAnchor } from './schedule/expand-schedule.js';
export { localToOccurrence } from './time/zone.js';
export { localDateAt } from './time/instant.js';
export { MAX_DATE, MIN_DATE } from './time/date-range.js';

// Planning work orders
export { parseContractVersions, versionOn, type ContractVersions } from './model/contract-versions.js';
export { ALL_OBJECTS, occurrenceKey, parseOccurrenceKey, type OccurrenceKeyParts } from './planning/occurrence-key.js';
export {
  planWorkOrders,
  type PlanOptions,
  type PlanResult,
  type SkippedOccurrence,
  type WorkOrderPlan,
  type WorkOrderTiming,
} from './planning/plan-work-orders.js';
export {
  PREVIEW_FIELDS,
  previewScheduleChange,
  type PreviewChange,
  type PreviewField,
  type PreviewOccurrence,
  type PreviewOptions,
  type ScheduleChangePreview,
} from './planning/preview-schedule-change.js';

// Status and actions
export {
  CONTRACT_STATUSES,
  STATUS_FLAGS,
  contractStatus,
  type ContractStatus,
  type ContractStatusResult,
  type StatusFlag,
} from './status/contract-status.js';
export {
  applyContractAction,
  type ActionContext,
  type ActionResult,
  type ContractCommand,
  type ContractEffect,
  type GeneratedWorkOrder,
} from './actions/contract-actions.js';

// Terms and renewal
export {
  contractTermsSchema,
  durationSchema,
  indexationSchema,
  parseContractTerms,
  type ContractTerms,
  type ContractTermsInput,
  type Indexation,
} from './terms/contract-terms.js';
export { renewalTimeline, type RenewalTimeline } from './terms/renewal-timeline.js';
export { indexPrice, type IndexedPrice } from './terms/price-indexation.js';

// Money and budgets
export {
  addMoney,
  allocateMoney,
  formatMoney,
  money,
  moneySchema,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  type Money,
} from './money/money.js';
export type { CostLine, HourTypeRates } from './budget/cost-line.js';
export { hourTypeRatesSchema } from './budget/hour-type-rates.js';
export {
  PRESSURE_REASONS,
  budgetStatus,
  type BudgetOptions,
  type BudgetStatus,
  type PressureReason,
} from './budget/budget-status.js';

// SLA clock
export { addWorkingMinutes, businessCalendarSchema, type BusinessCalendar } from './sla/business-calendar.js';
export { dutchDaysOff, dutchPublicHolidays, type PublicHoliday } from './calendar/dutch-public-holidays.js';
export {
  slaDueTimes,
  slaPolicySchema,
  slaState,
  type SlaClock,
  type SlaDueTimes,
  type SlaPolicy,
  type SlaPolicyInput,
  type SlaState,
  type StatusChange,
} from './sla/sla-policy.js';

// Cancellation reasons
export {
  cancellationReasonSchema,
  reasonDeletion,
  relabelWarning,
  snapshotReason,
  type CancellationReason,
  type CancellationReasonInput,
  type ReasonSnapshot,
} from './reasons/cancellation-reason.js';
export {
  cancellationReport,
  NO_REASON,
  type CancellationReport,
  type ReasonRow,
  type ReportOptions,
  type ReportRemark,
  type ReportPeriod,
  type TerminationRecord,
} from './reasons/cancellation-report.js';
