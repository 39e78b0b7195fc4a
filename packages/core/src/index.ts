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

// Recurrence: RFC 5545 rules and the simple schedule spec
export type { ExpansionRange, Occurrence, RRuleInput } from './schedule/occurrence.js';
export { expandRRule, iterateRRule } from './schedule/expand-rrule.js';
export {
  WEEKDAYS,
  scheduleSchema,
  type Schedule,
  type ScheduleInput,
  type Weekday,
} from './schedule/schedule-spec.js';
export { scheduleToRRule } from './schedule/schedule-to-rrule.js';
export { describeSchedule, type DescriptionLocale } from './schedule/describe-schedule.js';
export { expandSchedule, iterateSchedule, type ScheduleAnchor } from './schedule/expand-schedule.js';
export { localToOccurrence } from './time/zone.js';
export { localDateAt } from './time/instant.js';

// Planning work orders
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
  previewScheduleChange,
  type PreviewOccurrence,
  type PreviewOptions,
  type ScheduleChangePreview,
} from './planning/preview-schedule-change.js';
