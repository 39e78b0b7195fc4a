import { WEEKDAYS } from '@contractbeheer/core';
import { CheckboxGroup, ErrorSummary, Field, fieldId } from '../form-fields.js';
import type { FieldError, FormValues } from '../form-values.js';
import { defineMessages } from '../i18n/define-messages.js';
import { ContextFields, type PageContext } from '../page-route.js';
import { SchedulePreview, type SchedulePreviewData } from './schedule-preview.js';
import type { ScheduleChangePreview } from '@contractbeheer/core';

const MESSAGES = defineMessages({
  nl: {
    errors: 'Controleer deze velden',
    contract: 'Contract',
    id: 'Contractnummer',
    name: 'Naam',
    type: 'Soort contract',
    preventive: 'Preventief (terugkerend schema)',
    corrective: 'Correctief (SLA-afspraak)',
    yearlyOrders: 'Jaarorders (vast aantal per jaar)',
    debtorNumber: 'Klant (debiteurnummer)',
    objectCodes: 'Objecten',
    objectCodesHint: 'Objectcodes, gescheiden door komma’s.',
    termsCode: 'Contractvoorwaarden',
    noTerms: 'Geen',
    startDate: 'Startdatum',
    endDate: 'Einddatum',
    endDateHint: 'Leeg: doorlopend contract.',
    timeZone: 'Tijdzone',
    externalReference: 'Referentie van de klant',
    description: 'Omschrijving',
    schedule: 'Terugkerend schema',
    scheduleHint: 'Alleen voor preventieve contracten.',
    unit: 'Eenheid',
    units: (unit: string) =>
      ({ day: 'Dag', workday: 'Werkdag', week: 'Week', month: 'Maand', year: 'Jaar', rrule: 'Geavanceerd (RRULE)' })[
        unit
      ] ?? unit,
    interval: 'Elke hoeveel eenheden',
    weekdays: 'Op de dagen',
    weekdayNames: (day: string) =>
      ({
        mon: 'maandag',
        tue: 'dinsdag',
        wed: 'woensdag',
        thu: 'donderdag',
        fri: 'vrijdag',
        sat: 'zaterdag',
        sun: 'zondag',
      })[day] ?? day,
    monthBy: 'In de maand op',
    byDay: 'een vaste dag',
    byWeekday: 'een weekdag (bijv. eerste maandag)',
    day: 'Dag van de maand',
    nth: 'Welke',
    nths: (nth: string) => ({ '1': 'eerste', '2': 'tweede', '3': 'derde', '4': 'vierde', last: 'laatste' })[nth] ?? nth,
    weekday: 'Weekdag',
    month: 'Maand (1–12, bij eenheid jaar)',
    time: 'Tijd (UU:MM)',
    rrule: 'RRULE (geavanceerd)',
    yearly: 'Jaarorders',
    ordersPerYear: 'Werkbonnen per contractjaar',
    slaPolicyCode: 'SLA-afspraak (correctief)',
    noPolicy: 'Geen',
    workOrder: 'Werkbon',
    workType: 'Soort werk',
    workDescription: 'Omschrijving op de werkbon',
    durationMinutes: 'Duur (minuten)',
    priorityCode: 'Prioriteit',
    employeeNumber: 'Medewerker (leeg: alleen een deadline)',
    daysInAdvance: 'Dagen van tevoren aanmaken',
    orderPerObject: 'Werkbonnen',
    perObject: 'Eén werkbon per object',
    combined: 'Eén werkbon voor alle objecten',
    budget: 'Budget',
    budgetAmount: 'Budget (€)',
    budgetPer: 'Per',
    perContract: 'hele contract',
    perYear: 'contractjaar',
    expected: 'Verwachte kosten per werkbon (€)',
    preview: 'Planning bekijken',
    save: 'Opslaan',
    review: 'Wijzigingen bekijken',
    confirm: 'Wijzigingen opslaan',
    reviewStale: 'Het formulier is na het bekijken nog gewijzigd: bekijk de wijzigingen opnieuw voor het opslaan.',
  },
  en: {
    errors: 'Check these fields',
    contract: 'Contract',
    id: 'Contract number',
    name: 'Name',
    type: 'Contract type',
    preventive: 'Preventive (recurring schedule)',
    corrective: 'Corrective (SLA policy)',
    yearlyOrders: 'Yearly orders (a fixed number per year)',
    debtorNumber: 'Customer (debtor number)',
    objectCodes: 'Objects',
    objectCodesHint: 'Object codes, separated by commas.',
    termsCode: 'Contract terms',
    noTerms: 'None',
    startDate: 'Start date',
    endDate: 'End date',
    endDateHint: 'Empty: open-ended.',
    timeZone: 'Time zone',
    externalReference: 'Customer’s reference',
    description: 'Description',
    schedule: 'Recurring schedule',
    scheduleHint: 'Preventive contracts only.',
    unit: 'Unit',
    units: (unit: string) =>
      ({ day: 'Day', workday: 'Workday', week: 'Week', month: 'Month', year: 'Year', rrule: 'Advanced (RRULE)' })[
        unit
      ] ?? unit,
    interval: 'Every how many units',
    weekdays: 'On the days',
    weekdayNames: (day: string) =>
      ({
        mon: 'Monday',
        tue: 'Tuesday',
        wed: 'Wednesday',
        thu: 'Thursday',
        fri: 'Friday',
        sat: 'Saturday',
        sun: 'Sunday',
      })[day] ?? day,
    monthBy: 'In the month on',
    byDay: 'a fixed day',
    byWeekday: 'a weekday (e.g. first Monday)',
    day: 'Day of the month',
    nth: 'Which',
    nths: (nth: string) => ({ '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', last: 'last' })[nth] ?? nth,
    weekday: 'Weekday',
    month: 'Month (1–12, for the year unit)',
    time: 'Time (HH:MM)',
    rrule: 'RRULE (advanced)',
    yearly: 'Yearly orders',
    ordersPerYear: 'Work orders per contract year',
    slaPolicyCode: 'SLA policy (corrective)',
    noPolicy: 'None',
    workOrder: 'Work order',
    workType: 'Type of work',
    workDescription: 'Description on the work order',
    durationMinutes: 'Duration (minutes)',
    priorityCode: 'Priority',
    employeeNumber: 'Employee (empty: a deadline only)',
    daysInAdvance: 'Create this many days in advance',
    orderPerObject: 'Work orders',
    perObject: 'One work order per object',
    combined: 'One work order for all objects',
    budget: 'Budget',
    budgetAmount: 'Budget (€)',
    budgetPer: 'Per',
    perContract: 'whole contract',
    perYear: 'contract year',
    expected: 'Expected cost per work order (€)',
    preview: 'Preview the schedule',
    save: 'Save',
    review: 'Review the changes',
    confirm: 'Save the changes',
    reviewStale: 'The form changed after the review: review the changes again before saving.',
  },
});

/** Each field's label, for the error summary's links. */
function labelsOf(t: (typeof MESSAGES)['nl']): Record<string, string> {
  return {
    id: t.id,
    name: t.name,
    type: t.type,
    debtorNumber: t.debtorNumber,
    objectCodes: t.objectCodes,
    termsCode: t.termsCode,
    startDate: t.startDate,
    endDate: t.endDate,
    timeZone: t.timeZone,
    externalReference: t.externalReference,
    description: t.description,
    schedule: t.schedule,
    'schedule.unit': t.unit,
    'schedule.interval': t.interval,
    'schedule.weekdays': t.weekdays,
    'schedule.day': t.day,
    'schedule.nth': t.nth,
    'schedule.weekday': t.weekday,
    'schedule.month': t.month,
    'schedule.time': t.time,
    'schedule.rrule': t.rrule,
    ordersPerYear: t.ordersPerYear,
    slaPolicyCode: t.slaPolicyCode,
    'workOrder.workType': t.workType,
    'workOrder.description': t.workDescription,
    'workOrder.durationMinutes': t.durationMinutes,
    'workOrder.priorityCode': t.priorityCode,
    employeeNumber: t.employeeNumber,
    daysInAdvance: t.daysInAdvance,
    orderPerObject: t.orderPerObject,
    budget: t.budget,
    'budget.amount': t.budgetAmount,
    'budget.per': t.budgetPer,
    expectedCostPerWorkOrder: t.expected,
  };
}

/** The error of a group (`schedule`, `budget`) that is about the group as a whole, not one of its fields. */
function GroupError(props: { name: string; errors: readonly FieldError[] }) {
  const messages = props.errors.filter((error) => error.field === props.name).map((error) => error.message);
  if (messages.length === 0) return null;
  return (
    <p class="field-error" id={fieldId(props.name)} tabindex={-1}>
      {messages.join(' ')}
    </p>
  );
}

/**
 * The live preview's script: on every change of the form, after a short pause, the form is posted to the preview
 * route and its answer (server-rendered, escaped HTML) replaces the preview region, which announces itself politely.
 * Without script, the preview button does the same with a round trip.
 */
const LIVE_PREVIEW_SCRIPT = `(()=>{const f=document.getElementById('contract-form'),o=document.getElementById('schedule-preview');if(!f||!o)return;let t,n=0;const r=async()=>{const d=new FormData(f),k=++n;d.set('intent','preview');try{const a=await fetch(f.dataset.preview,{method:'POST',body:new URLSearchParams(d),headers:{'x-live-preview':'1'}});if(a.ok&&k===n)o.innerHTML=await a.text()}catch(e){}};const s=()=>{clearTimeout(t);t=setTimeout(r,350)};f.addEventListener('input',s);f.addEventListener('change',s)})();`;

export type ContractFormProps = {
  page: PageContext;
  /** Where the form posts (`/pages/contracts/new` or `…/:id/edit`). */
  action: string;
  mode: 'create' | 'edit';
  values: FormValues;
  errors: readonly FieldError[];
  preview: SchedulePreviewData;
  /** An edit's diff, once reviewed; with it the form offers to save. */
  diff?: { fields: string[]; schedule: ScheduleChangePreview | null; reviewed: string } | undefined;
  /** Shown above the form (e.g. the form changed after its review). */
  notice?: string | undefined;
  terms: readonly { code: string; name: string }[];
  slaPolicies: readonly { code: string; name: string }[];
};

/**
 * The contract form: every field with its label, hint and error; the schedule preview beside it (live with a small
 * script, or by the preview button); an edit first shows what it changes and then offers to save.
 */
export function ContractForm(props: ContractFormProps) {
  const { page, values, errors } = props;
  const t = MESSAGES[page.locale];
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} label={label} values={values} errors={errors} {...extra} />
  );
  return (
    <>
      <ErrorSummary title={t.errors} errors={errors} labels={labelsOf(t)} />
      {props.notice !== undefined && (
        <p class="refusal" role="status">
          {props.notice}
        </p>
      )}
      <form method="post" action={props.action} id="contract-form" data-preview="/pages/contracts/preview" novalidate>
        <ContextFields page={page} />
        {props.mode === 'edit' && <input type="hidden" name="version" value={String(values.version ?? '')} />}
        {props.mode === 'edit' && <input type="hidden" name="editOf" value={String(values.id ?? '')} />}
        {props.diff !== undefined && <input type="hidden" name="reviewed" value={props.diff.reviewed} />}
        <fieldset>
          <legend>{t.contract}</legend>
          {props.mode === 'create' ? (
            field('id', t.id, { required: true })
          ) : (
            <input type="hidden" name="id" value={String(values.id ?? '')} />
          )}
          {field('name', t.name, { required: true })}
          {field('type', t.type, {
            options: [
              { value: 'preventive', label: t.preventive },
              { value: 'yearly-orders', label: t.yearlyOrders },
              { value: 'corrective', label: t.corrective },
            ],
          })}
          {field('debtorNumber', t.debtorNumber, { required: true })}
          {field('objectCodes', t.objectCodes, { hint: t.objectCodesHint })}
          {field('termsCode', t.termsCode, {
            options: [
              { value: '', label: t.noTerms },
              ...props.terms.map((terms) => ({ value: terms.code, label: `${terms.name} (${terms.code})` })),
            ],
          })}
          {field('startDate', t.startDate, { type: 'date', required: true })}
          {field('endDate', t.endDate, { type: 'date', hint: t.endDateHint })}
          {field('timeZone', t.timeZone)}
          {field('externalReference', t.externalReference)}
          {field('description', t.description, { textarea: true })}
        </fieldset>
        <fieldset>
          <legend>{t.schedule}</legend>
          <p class="muted">{t.scheduleHint}</p>
          <GroupError name="schedule" errors={errors} />
          {field('schedule.unit', t.unit, {
            options: ['', 'day', 'workday', 'week', 'month', 'year', 'rrule'].map((unit) => ({
              value: unit,
              label: unit === '' ? '—' : t.units(unit),
            })),
          })}
          {field('schedule.interval', t.interval, { type: 'number' })}
          <CheckboxGroup
            name="schedule.weekdays"
            legend={t.weekdays}
            values={values}
            errors={errors}
            options={WEEKDAYS.map((day) => ({ value: day, label: t.weekdayNames(day) }))}
          />
          {field('schedule.monthBy', t.monthBy, {
            options: [
              { value: 'day', label: t.byDay },
              { value: 'weekday', label: t.byWeekday },
            ],
          })}
          {field('schedule.day', t.day, { type: 'number' })}
          {field('schedule.nth', t.nth, {
            options: ['', '1', '2', '3', '4', 'last'].map((nth) => ({
              value: nth,
              label: nth === '' ? '—' : t.nths(nth),
            })),
          })}
          {field('schedule.weekday', t.weekday, {
            options: ['', ...WEEKDAYS].map((day) => ({ value: day, label: day === '' ? '—' : t.weekdayNames(day) })),
          })}
          {field('schedule.month', t.month, { type: 'number' })}
          {field('schedule.time', t.time, { type: 'time' })}
          {field('schedule.rrule', t.rrule)}
        </fieldset>
        <fieldset>
          <legend>{t.yearly}</legend>
          {field('ordersPerYear', t.ordersPerYear, { type: 'number' })}
          {field('slaPolicyCode', t.slaPolicyCode, {
            options: [
              { value: '', label: t.noPolicy },
              ...props.slaPolicies.map((policy) => ({ value: policy.code, label: `${policy.name} (${policy.code})` })),
            ],
          })}
        </fieldset>
        <fieldset>
          <legend>{t.workOrder}</legend>
          {field('workOrder.workType', t.workType)}
          {field('workOrder.description', t.workDescription, { textarea: true })}
          {field('workOrder.durationMinutes', t.durationMinutes, { type: 'number' })}
          {field('workOrder.priorityCode', t.priorityCode)}
          {field('employeeNumber', t.employeeNumber)}
          {field('daysInAdvance', t.daysInAdvance, { type: 'number' })}
          {field('orderPerObject', t.orderPerObject, {
            options: [
              { value: 'per-object', label: t.perObject },
              { value: 'combined', label: t.combined },
            ],
          })}
        </fieldset>
        <fieldset>
          <legend>{t.budget}</legend>
          <GroupError name="budget" errors={errors} />
          {field('budget.amount', t.budgetAmount)}
          {field('budget.per', t.budgetPer, {
            options: [
              { value: 'contract-year', label: t.perYear },
              { value: 'contract', label: t.perContract },
            ],
          })}
          {field('expectedCostPerWorkOrder', t.expected)}
        </fieldset>
        <section id="schedule-preview" class="preview" aria-live="polite" aria-labelledby="preview-heading">
          <SchedulePreview locale={page.locale} format={page.format} preview={props.preview} diff={props.diff} />
        </section>
        <p class="form-actions">
          <button type="submit" name="intent" value="preview" class="secondary">
            {t.preview}
          </button>{' '}
          {props.mode === 'create' ? (
            <button type="submit" name="intent" value="save">
              {t.save}
            </button>
          ) : props.diff !== undefined && props.diff.fields.length > 0 && errors.length === 0 ? (
            <button type="submit" name="intent" value="save">
              {t.confirm}
            </button>
          ) : (
            <button type="submit" name="intent" value="review">
              {t.review}
            </button>
          )}
        </p>
      </form>
      <script nonce={page.nonce} dangerouslySetInnerHTML={{ __html: LIVE_PREVIEW_SCRIPT }} />
    </>
  );
}

/** The sentence shown when the form changed between its review and the save. */
export const reviewStaleNotice = (page: PageContext): string => MESSAGES[page.locale].reviewStale;
