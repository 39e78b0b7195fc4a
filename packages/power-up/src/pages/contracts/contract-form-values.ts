import { parseContract, type Contract } from '@contractbeheer/core';
import { centsOf, listOf, textOf, wholeNumberOf, type FormValues } from '../form-values.js';

/**
 * The contract form's fields, named by their path in the API's contract body: an error's path (`schedule.weekdays`,
 * `budget.amount.amount`) leads to its field.
 */
export const CONTRACT_FORM_FIELDS = [
  'id',
  'name',
  'type',
  'termsCode',
  'startDate',
  'endDate',
  'timeZone',
  'daysInAdvance',
  'debtorNumber',
  'objectCodes',
  'orderPerObject',
  'employeeNumber',
  'externalReference',
  'description',
  'schedule.unit',
  'schedule.interval',
  'schedule.weekdays',
  'schedule.day',
  'schedule.weekday',
  'schedule.nth',
  'schedule.month',
  'schedule.time',
  'schedule.rrule',
  'schedule',
  'ordersPerYear',
  'slaPolicyCode',
  'budget.amount',
  'budget.per',
  'budget',
  'expectedCostPerWorkOrder',
  'workOrder.workType',
  'workOrder.description',
  'workOrder.durationMinutes',
  'workOrder.priorityCode',
] as const;

/** Leaves out what is `undefined`, so an empty field means "not set" rather than a value. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

function scheduleOf(values: FormValues): Record<string, unknown> | undefined {
  const unit = textOf(values, 'schedule.unit');
  if (unit === '') return undefined;
  const time = textOf(values, 'schedule.time') || undefined;
  if (unit === 'rrule') return defined({ unit, rrule: textOf(values, 'schedule.rrule'), time });
  const common = { unit, interval: wholeNumberOf(values, 'schedule.interval'), time };
  switch (unit) {
    case 'week':
      return defined({ ...common, weekdays: listOf(values, 'schedule.weekdays') });
    case 'month': {
      // A month plans on a fixed day or on an nth weekday: the form's choice says which fields count.
      const byWeekday = textOf(values, 'schedule.monthBy') === 'weekday';
      if (!byWeekday) return defined({ ...common, day: wholeNumberOf(values, 'schedule.day') });
      const nth = textOf(values, 'schedule.nth');
      return defined({
        ...common,
        weekday: textOf(values, 'schedule.weekday') || undefined,
        nth: nth === '' ? undefined : nth === 'last' ? 'last' : (wholeNumberOf(values, 'schedule.nth') ?? nth),
      });
    }
    case 'year':
      return defined({
        ...common,
        month: wholeNumberOf(values, 'schedule.month'),
        day: wholeNumberOf(values, 'schedule.day'),
      });
    default:
      // day, workday, or a unit the schema will refuse by name.
      return defined(common);
  }
}

/**
 * The contract body a posted form describes, as the contracts API takes it (`POST /contracts`): texts become numbers,
 * cents and lists; empty fields are left out; type-specific parts only for their type. Nothing is judged here —
 * text that is not a number goes through as text, and the API's schema and the core refuse it naming the field.
 */
export function contractBodyOf(values: FormValues, currency: string): Record<string, unknown> {
  const type = textOf(values, 'type');
  const budgetAmount = centsOf(values, 'budget.amount');
  const expected = centsOf(values, 'expectedCostPerWorkOrder');
  const objectCodes = textOf(values, 'objectCodes')
    .split(/[\s,;]+/)
    .filter((code) => code !== '');
  return defined({
    id: textOf(values, 'id') || undefined,
    name: textOf(values, 'name') || undefined,
    type: type || undefined,
    termsCode: textOf(values, 'termsCode') || undefined,
    startDate: textOf(values, 'startDate') || undefined,
    endDate: textOf(values, 'endDate') || undefined,
    timeZone: textOf(values, 'timeZone') || undefined,
    daysInAdvance: type === 'corrective' ? undefined : wholeNumberOf(values, 'daysInAdvance'),
    debtorNumber: textOf(values, 'debtorNumber') || undefined,
    objectCodes,
    orderPerObject: textOf(values, 'orderPerObject') !== 'combined',
    employeeNumber: textOf(values, 'employeeNumber') || undefined,
    externalReference: textOf(values, 'externalReference') || undefined,
    description: textOf(values, 'description') || undefined,
    schedule: type === 'preventive' ? scheduleOf(values) : undefined,
    ordersPerYear: type === 'yearly-orders' ? wholeNumberOf(values, 'ordersPerYear') : undefined,
    slaPolicyCode: type === 'corrective' ? textOf(values, 'slaPolicyCode') || undefined : undefined,
    budget:
      budgetAmount === undefined
        ? undefined
        : { amount: { amount: budgetAmount, currency }, per: textOf(values, 'budget.per') || 'contract-year' },
    expectedCostPerWorkOrder: expected === undefined ? undefined : { amount: expected, currency },
    workOrder: defined({
      workType: textOf(values, 'workOrder.workType') || undefined,
      description: textOf(values, 'workOrder.description') || undefined,
      durationMinutes: wholeNumberOf(values, 'workOrder.durationMinutes'),
      priorityCode: textOf(values, 'workOrder.priorityCode') || undefined,
    }),
  });
}

/** Cents as the form shows them to be typed again: `1200,50` (nl) or `1200.50` (en). */
function amountText(cents: number, locale: 'nl' | 'en'): string {
  const text = (Math.abs(cents) / 100).toFixed(2);
  return `${cents < 0 ? '-' : ''}${locale === 'nl' ? text.replace('.', ',') : text}`;
}

/** A saved contract as the form's values, to edit it. */
export function contractFormValues(contract: Contract, locale: 'nl' | 'en'): FormValues {
  const schedule = contract.schedule;
  const values: FormValues = {
    id: contract.id,
    name: contract.name ?? '',
    type: contract.type,
    termsCode: contract.termsCode ?? '',
    startDate: contract.startDate,
    endDate: contract.endDate ?? '',
    timeZone: contract.timeZone,
    daysInAdvance: String(contract.daysInAdvance),
    debtorNumber: contract.debtorNumber,
    objectCodes: contract.objectCodes.join(', '),
    orderPerObject: contract.orderPerObject ? 'per-object' : 'combined',
    employeeNumber: contract.employeeNumber ?? '',
    externalReference: contract.externalReference ?? '',
    description: contract.description ?? '',
    ordersPerYear: contract.ordersPerYear === undefined ? '' : String(contract.ordersPerYear),
    slaPolicyCode: contract.slaPolicyCode ?? '',
    'budget.amount': contract.budget === undefined ? '' : amountText(contract.budget.amount.amount, locale),
    'budget.per': contract.budget?.per ?? 'contract-year',
    expectedCostPerWorkOrder:
      contract.expectedCostPerWorkOrder === undefined
        ? ''
        : amountText(contract.expectedCostPerWorkOrder.amount, locale),
    'workOrder.workType': contract.workOrder.workType,
    'workOrder.description': contract.workOrder.description,
    'workOrder.durationMinutes':
      contract.workOrder.durationMinutes === undefined ? '' : String(contract.workOrder.durationMinutes),
    'workOrder.priorityCode': contract.workOrder.priorityCode ?? '',
  };
  if (schedule !== undefined) {
    values['schedule.unit'] = schedule.unit;
    values['schedule.time'] = schedule.time ?? '';
    if (schedule.unit === 'rrule') values['schedule.rrule'] = schedule.rrule;
    else values['schedule.interval'] = String(schedule.interval);
    if (schedule.unit === 'week') values['schedule.weekdays'] = [...schedule.weekdays];
    if (schedule.unit === 'month') {
      values['schedule.monthBy'] = schedule.day !== undefined ? 'day' : 'weekday';
      values['schedule.day'] = schedule.day === undefined ? '' : String(schedule.day);
      values['schedule.weekday'] = schedule.weekday ?? '';
      values['schedule.nth'] = schedule.nth === undefined ? '' : String(schedule.nth);
    }
    if (schedule.unit === 'year') {
      values['schedule.month'] = String(schedule.month);
      values['schedule.day'] = String(schedule.day);
    }
  }
  return values;
}

/** The contract field a form field sets: its path's first part (`schedule.weekdays` sets `schedule`). */
type TopLevelOf<Field extends string> = Field extends `${infer Head}.${string}` ? Head : Field;
type ContractFormField = (typeof CONTRACT_FORM_FIELDS)[number];

/**
 * The contract's top-level fields the form shows and sets, from its fields' paths: every other field is kept as
 * saved. Not the id: it names the contract being edited and is never changed.
 */
const ON_THE_FORM = [
  ...new Set(CONTRACT_FORM_FIELDS.map((field) => field.split('.')[0] as TopLevelOf<ContractFormField>)),
].filter((field): field is Exclude<TopLevelOf<ContractFormField>, 'id'> => field !== 'id');

/** Keys sorted at every level and `undefined` left out, so key order is no difference. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/**
 * The edit's `changes`: the fields of the form whose value differs from the saved contract, compared after the
 * core's parse (so a default the saved contract carries equals the form leaving the field empty). A field emptied on
 * the form is a change to `undefined`: it is removed. What the form does not show is kept — the schedule's per-date
 * exceptions, the budget's year start, the template's time of day. When the form's contract does not parse, every
 * field of the form is a change: the edit then fails on the field at fault, naming it.
 */
export function contractChangesOf(contract: Contract, body: Record<string, unknown>): Record<string, unknown> {
  const candidate: Record<string, unknown> = {};
  for (const field of ON_THE_FORM) candidate[field] = body[field];
  const schedule = candidate.schedule as Record<string, unknown> | undefined;
  if (schedule !== undefined && contract.schedule !== undefined && schedule.unit === contract.schedule.unit) {
    candidate.schedule = { ...schedule, exceptions: contract.schedule.exceptions };
  }
  const budget = candidate.budget as Record<string, unknown> | undefined;
  if (budget !== undefined && contract.budget !== undefined) {
    candidate.budget = { ...budget, yearStart: contract.budget.yearStart };
  }
  if (contract.workOrder.timeOfDay !== undefined) {
    candidate.workOrder = { ...(candidate.workOrder as object), timeOfDay: contract.workOrder.timeOfDay };
  }
  let next: Contract;
  try {
    next = parseContract({ ...contract, ...candidate });
  } catch {
    return candidate;
  }
  const saved = contract as unknown as Record<string, unknown>;
  const parsed = next as unknown as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const field of ON_THE_FORM) {
    if (canonical(saved[field]) !== canonical(parsed[field])) changes[field] = candidate[field];
  }
  return changes;
}
