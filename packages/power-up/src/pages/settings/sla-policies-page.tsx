import { WEEKDAYS, type SlaPolicy } from '@contractbeheer/core';
import type { Context } from 'hono';
import type { AppEnv } from '../../api/app-env.js';
import { PowerUpError } from '../../power-up-error.js';
import { callOperation, formErrorsOf } from '../contracts-api-bridge.js';
import { ErrorSummary, Field, Notice, fieldId } from '../form-fields.js';
import { textOf, wholeNumberOf, type FieldError, type FormValues } from '../form-values.js';
import { defineMessages } from '../i18n/define-messages.js';
import type { Locale } from '../i18n/locale.js';
import { ContextFields, type PageContext, type PageDefinition, type PageView } from '../page-route.js';
import { durationWords } from '../shared/duration-words.js';
import { describeWorkingHours, intervalsText, weekdayName, type WorkingHours } from '../shared/working-hours.js';
import { contractUsageOf, ContractUsageNote } from './contract-usage.js';
import { refusalsOrThrow, settingsPostPage, type SettingsViewOptions } from './settings-post.js';
import { dayHoursOf } from './working-hours-form.js';

type Target = SlaPolicy['targets'][string]['response'];
const UNITS = ['minutes', 'hours', 'days'] as const satisfies readonly Target['unit'][];
const CLOCKS = ['response', 'resolution'] as const;

const MESSAGES = defineMessages({
  nl: {
    title: 'SLA-beleid',
    intro:
      'Een SLA-beleid geldt voor correctieve contracten: per prioriteit van de werkbon binnen hoeveel tijd er gereageerd en opgelost moet zijn, en welke status in OutSmart dat markeert. Wijzigen vervangt het beleid in zijn geheel; verwijderen kan alleen zolang geen contract het gebruikt.',
    errors: 'Controleer deze velden',
    none: 'Er is nog geen SLA-beleid.',
    code: 'Code',
    name: 'Naam',
    description: 'Omschrijving',
    clock: 'Klok',
    businessClock: (hours: string) => `Telt alleen werkuren (${hours}), zonder vrije dagen`,
    calendarClock: 'Telt alle uren, ook ’s nachts, in het weekend en op vrije dagen',
    responseStatus: 'Reactie bij status',
    resolvedStatus: 'Opgelost bij status',
    statusHint: 'De status van de werkbon in OutSmart, bijvoorbeeld ONDERWEG.',
    targets: 'Normen per prioriteit',
    noTargets: 'Dit beleid heeft nog geen normen.',
    priority: 'Prioriteit',
    response: 'Reactie binnen',
    resolution: 'Opgelost binnen',
    edit: (code: string) => `${code} wijzigen`,
    remove: (code: string) => `${code} verwijderen`,
    add: 'Nieuw SLA-beleid',
    editing: (code: string) => `SLA-beleid ${code} wijzigen`,
    editingHint: 'Opslaan vervangt dit beleid in zijn geheel; de code blijft.',
    cancelEdit: 'Stoppen met wijzigen',
    general: 'Algemeen',
    clockBusiness: 'Werkuren (de werktijden hieronder, zonder vrije dagen)',
    clockCalendar: 'Alle uren (24/7)',
    target: (n: number) => `Norm ${n}`,
    targetsHint: 'Vul per prioriteit één norm in; lege normen worden overgeslagen.',
    priorityField: 'Prioriteit (code in OutSmart)',
    amountField: (clock: string) => `${clock}: aantal`,
    unitField: (clock: string) => `${clock}: eenheid`,
    /** In the error summary, which lists the fields of every row: the row's name first. */
    inRow: (n: number, label: string) => `Norm ${n}, ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
    units: (unit: Target['unit']) => ({ minutes: 'minuten', hours: 'uren', days: 'dagen' })[unit],
    save: 'Opslaan',
    priorityMissing: 'Vul de prioriteit in waarvoor deze norm geldt, of maak de hele norm leeg.',
    priorityTwice: (priority: string) =>
      `Prioriteit ${priority} heeft al een norm hierboven: elke prioriteit heeft één norm.`,
    codeTaken: (code: string) =>
      `Er bestaat al een SLA-beleid met code ${code}: kies een andere code, of wijzig dat beleid in de lijst.`,
    inUse: (code: string, count: string) =>
      `${code} wordt nog door ${count} ${count === '1' ? 'contract' : 'contracten'} gebruikt en is niet verwijderd: kies bij die contracten eerst een ander beleid.`,
    saved: (code: string) => `SLA-beleid ${code} is opgeslagen.`,
    removed: (code: string) => `SLA-beleid ${code} is verwijderd.`,
    workingHours: 'Werktijden',
    workingHoursIntro: (zone: string) =>
      `Een beleid dat werkuren telt, telt alleen deze uren (tijdzone ${zone}), zonder vrije dagen. Ze gelden voor de hele omgeving.`,
    workingHoursNow: (hours: string) => `Nu: ${hours}.`,
    workingHoursLegend: 'Werktijden per dag',
    workingHoursHint: 'Schrijf bijvoorbeeld 08:00–17:00, of 08:00–12:00, 13:00–17:00 met een pauze. Leeg: vrij.',
    hoursUnreadable:
      'Schrijf de uren als 08:00–17:00; meerdere blokken met een komma ertussen (08:00–12:00, 13:00–17:00); leeg is vrij.',
    saveWorkingHours: 'Werktijden opslaan',
    workingHoursSaved: (hours: string) => `De werktijden zijn opgeslagen: ${hours}.`,
  },
  en: {
    title: 'SLA policies',
    intro:
      'An SLA policy applies to corrective contracts: per work-order priority, how soon the response and the resolution are due, and which status in OutSmart marks each. Editing replaces the policy whole; it can be deleted only while no contract uses it.',
    errors: 'Check these fields',
    none: 'There are no SLA policies yet.',
    code: 'Code',
    name: 'Name',
    description: 'Description',
    clock: 'Clock',
    businessClock: (hours: string) => `Counts working hours only (${hours}), without days off`,
    calendarClock: 'Counts every hour, nights, weekends and days off included',
    responseStatus: 'Response at status',
    resolvedStatus: 'Resolved at status',
    statusHint: 'The work order’s status in OutSmart, e.g. ONDERWEG.',
    targets: 'Targets per priority',
    noTargets: 'This policy has no targets yet.',
    priority: 'Priority',
    response: 'Response within',
    resolution: 'Resolved within',
    edit: (code: string) => `Edit ${code}`,
    remove: (code: string) => `Delete ${code}`,
    add: 'New SLA policy',
    editing: (code: string) => `Edit SLA policy ${code}`,
    editingHint: 'Saving replaces this policy whole; the code stays.',
    cancelEdit: 'Stop editing',
    general: 'General',
    clockBusiness: 'Working hours (the working hours below, without days off)',
    clockCalendar: 'All hours (24/7)',
    target: (n: number) => `Target ${n}`,
    targetsHint: 'Fill in one target per priority; empty targets are skipped.',
    priorityField: 'Priority (code in OutSmart)',
    amountField: (clock: string) => `${clock}: number`,
    unitField: (clock: string) => `${clock}: unit`,
    inRow: (n: number, label: string) => `Target ${n}, ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
    units: (unit: Target['unit']) => ({ minutes: 'minutes', hours: 'hours', days: 'days' })[unit],
    save: 'Save',
    priorityMissing: 'Fill in the priority this target is for, or empty the whole target.',
    priorityTwice: (priority: string) =>
      `Priority ${priority} already has a target above: each priority has one target.`,
    codeTaken: (code: string) =>
      `An SLA policy with code ${code} already exists: choose another code, or edit that policy in the list.`,
    inUse: (code: string, count: string) =>
      `${code} is still used by ${count} ${count === '1' ? 'contract' : 'contracts'} and was not deleted: give those contracts another policy first.`,
    saved: (code: string) => `SLA policy ${code} is saved.`,
    removed: (code: string) => `SLA policy ${code} is deleted.`,
    workingHours: 'Working hours',
    workingHoursIntro: (zone: string) =>
      `A policy that counts working hours counts only these hours (time zone ${zone}), without days off. They apply to the whole environment.`,
    workingHoursNow: (hours: string) => `Now: ${hours}.`,
    workingHoursLegend: 'Working hours per day',
    workingHoursHint: 'Write e.g. 08:00–17:00, or 08:00–12:00, 13:00–17:00 with a break. Empty: a day off.',
    hoursUnreadable:
      'Write the hours as 08:00–17:00; several blocks separated by a comma (08:00–12:00, 13:00–17:00); empty is a day off.',
    saveWorkingHours: 'Save working hours',
    workingHoursSaved: (hours: string) => `The working hours are saved: ${hours}.`,
  },
});
type Messages = (typeof MESSAGES)[Locale];

const PATH = '/pages/settings/sla-policies';
const POLICY_FIELDS = ['code', 'name', 'description', 'responseStatus', 'resolvedStatus', 'clock'];
const HOURS_FIELD = 'workingHours';
const hoursField = (day: string) => `${HOURS_FIELD}.${day}`;
/** Blank target rows a form offers beyond the stored ones: room for new priorities without a script. */
const BLANK_TARGETS = 3;

/** A target row's field names: `target.<row>.priority`, `target.<row>.response.amount`, … */
const targetField = (row: number, rest: string) => `target.${row}.${rest}`;

function targetWords(target: Target, locale: Locale): string {
  const unit = target.unit === 'minutes' ? 'minute' : target.unit === 'hours' ? 'hour' : 'day';
  return durationWords(target.amount, unit, locale);
}

/** The target rows the posted form holds (blank ones included), counted from its fields. */
function targetRowsOf(values: FormValues): number {
  const rows = Object.keys(values)
    .map((name) => /^target\.(\d{1,3})\.priority$/.exec(name)?.[1])
    .filter((row) => row !== undefined)
    .map(Number);
  return rows.length === 0 ? 0 : Math.max(...rows) + 1;
}

/** The form's values for a stored policy: what editing starts from, each target a row. */
function valuesOfPolicy(policy: SlaPolicy): FormValues {
  const values: FormValues = {
    code: policy.code,
    name: policy.name,
    description: policy.description,
    responseStatus: policy.responseStatus,
    resolvedStatus: policy.resolvedStatus,
    clock: policy.clock,
  };
  Object.entries(policy.targets).forEach(([priority, targets], row) => {
    values[targetField(row, 'priority')] = priority;
    for (const clock of CLOCKS) {
      values[targetField(row, `${clock}.amount`)] = String(targets[clock].amount);
      values[targetField(row, `${clock}.unit`)] = targets[clock].unit;
    }
  });
  return values;
}

const NEW_POLICY: FormValues = { clock: 'business' };

/**
 * The API body for the posted form, and where each priority's fields are. Blank rows are skipped; a row without a
 * priority, or with one an earlier row has, is a mistake the page names itself (the API cannot see rows). Text that
 * is no number goes through as it is, for the API's schema to refuse by field.
 */
function policyBodyOf(
  values: FormValues,
  t: Messages,
): { body: Record<string, unknown>; rowOf: Map<string, number>; errors: FieldError[] } {
  const targets = new Map<string, unknown>();
  const rowOf = new Map<string, number>();
  const errors: FieldError[] = [];
  for (let row = 0; row < targetRowsOf(values); row++) {
    const text = (rest: string) => textOf(values, targetField(row, rest));
    const priority = text('priority');
    if (priority === '' && text('response.amount') === '' && text('resolution.amount') === '') continue;
    if (priority === '') errors.push({ field: targetField(row, 'priority'), message: t.priorityMissing });
    else if (targets.has(priority)) {
      errors.push({ field: targetField(row, 'priority'), message: t.priorityTwice(priority) });
    } else {
      rowOf.set(priority, row);
      const target = (clock: string) => ({
        amount: wholeNumberOf(values, targetField(row, `${clock}.amount`)),
        unit: text(`${clock}.unit`),
      });
      targets.set(priority, { response: target('response'), resolution: target('resolution') });
    }
  }
  const body = {
    code: textOf(values, 'code'),
    name: textOf(values, 'name'),
    description: textOf(values, 'description'),
    responseStatus: textOf(values, 'responseStatus'),
    resolvedStatus: textOf(values, 'resolvedStatus'),
    clock: textOf(values, 'clock'),
    // From entries: a priority called `__proto__` stays a priority.
    targets: Object.fromEntries(targets),
  };
  return { body, rowOf, errors };
}

/**
 * The API's errors on the fields of the form: a target's path names its priority (`targets.HOOG.response.amount`),
 * which the form shows in a row (`target.0.response.amount`).
 */
function policyErrorsOf(error: unknown, rowOf: ReadonlyMap<string, number>, locale: Locale): FieldError[] | undefined {
  const byPriority = new Map<string, string>();
  for (const [priority, row] of rowOf) {
    for (const clock of CLOCKS) {
      for (const part of ['amount', 'unit']) {
        byPriority.set(`targets.${priority}.${clock}.${part}`, targetField(row, `${clock}.${part}`));
      }
    }
  }
  const errors = formErrorsOf(error, [...POLICY_FIELDS, ...byPriority.keys()], locale);
  return errors?.map((fieldError) => ({ ...fieldError, field: byPriority.get(fieldError.field) ?? fieldError.field }));
}

/** The working hours typed per day, or the days whose text is not written as hours. */
function workingHoursOf(values: FormValues, t: Messages): { hours: WorkingHours } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const hours: Partial<WorkingHours> = {};
  for (const day of WEEKDAYS) {
    const intervals = dayHoursOf(textOf(values, hoursField(day)));
    if (intervals === undefined) errors.push({ field: hoursField(day), message: t.hoursUnreadable });
    else hours[day] = intervals;
  }
  return errors.length > 0 ? { errors } : { hours: hours as WorkingHours };
}

function valuesOfHours(hours: WorkingHours): FormValues {
  return Object.fromEntries(WEEKDAYS.map((day) => [hoursField(day), intervalsText(hours[day])]));
}

/** The labels of the fields, for the error summary's links. */
function labelsOf(t: Messages, rows: number, locale: Locale): Record<string, string> {
  const labels: Record<string, string> = {
    code: t.code,
    name: t.name,
    description: t.description,
    responseStatus: t.responseStatus,
    resolvedStatus: t.resolvedStatus,
    clock: t.clock,
    [HOURS_FIELD]: t.workingHoursLegend,
  };
  for (const day of WEEKDAYS) labels[hoursField(day)] = capitalised(weekdayName(day, locale));
  for (let row = 0; row < rows; row++) {
    labels[targetField(row, 'priority')] = t.inRow(row + 1, t.priorityField);
    for (const clock of CLOCKS) {
      labels[targetField(row, `${clock}.amount`)] = t.inRow(row + 1, t.amountField(t[clock]));
      labels[targetField(row, `${clock}.unit`)] = t.inRow(row + 1, t.unitField(t[clock]));
    }
  }
  return labels;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function PolicyFacts(props: { policy: SlaPolicy; hours: WorkingHours; page: PageContext }) {
  const { policy, page } = props;
  const t = MESSAGES[page.locale];
  const targets = Object.entries(policy.targets);
  return (
    <>
      <dl class="facts">
        {policy.description !== '' && (
          <>
            <dt>{t.description}</dt>
            <dd>{policy.description}</dd>
          </>
        )}
        <dt>{t.clock}</dt>
        <dd>
          {policy.clock === 'business'
            ? t.businessClock(describeWorkingHours(props.hours, page.locale))
            : t.calendarClock}
        </dd>
        <dt>{t.responseStatus}</dt>
        <dd>{policy.responseStatus}</dd>
        <dt>{t.resolvedStatus}</dt>
        <dd>{policy.resolvedStatus}</dd>
      </dl>
      {targets.length === 0 ? (
        <p class="empty">{t.noTargets}</p>
      ) : (
        <table>
          <caption>{t.targets}</caption>
          <thead>
            <tr>
              <th scope="col">{t.priority}</th>
              <th scope="col">{t.response}</th>
              <th scope="col">{t.resolution}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map(([priority, target]) => (
              <tr>
                <th scope="row">{priority}</th>
                <td>{targetWords(target.response, page.locale)}</td>
                <td>{targetWords(target.resolution, page.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** One target row of the form: the priority, and for the response and the resolution how many of which unit. */
function TargetFields(props: { row: number; values: FormValues; errors: readonly FieldError[]; t: Messages }) {
  const { row, values, errors, t } = props;
  const n = row + 1;
  return (
    <fieldset>
      <legend>{t.target(n)}</legend>
      <Field name={targetField(row, 'priority')} label={t.priorityField} values={values} errors={errors} />
      {CLOCKS.map((clock) => (
        <>
          <Field
            name={targetField(row, `${clock}.amount`)}
            label={t.amountField(t[clock])}
            type="number"
            values={values}
            errors={errors}
          />
          <Field
            name={targetField(row, `${clock}.unit`)}
            label={t.unitField(t[clock])}
            options={UNITS.map((unit) => ({ value: unit, label: t.units(unit) }))}
            values={{ [targetField(row, `${clock}.unit`)]: 'hours', ...values }}
            errors={errors}
          />
        </>
      ))}
    </fieldset>
  );
}

function WorkingHoursForm(props: {
  page: PageContext;
  hours: WorkingHours;
  values: FormValues;
  errors: readonly FieldError[];
}) {
  const { page, errors } = props;
  const t = MESSAGES[page.locale];
  const values = Object.keys(props.values).length === 0 ? valuesOfHours(props.hours) : props.values;
  const weekError = errors.filter((error) => error.field === HOURS_FIELD).map((error) => error.message);
  return (
    <>
      <h2 id="working-hours">{t.workingHours}</h2>
      <p>{t.workingHoursIntro(page.zone)}</p>
      <p>{t.workingHoursNow(describeWorkingHours(props.hours, page.locale))}</p>
      <form method="post" action={PATH} novalidate aria-labelledby="working-hours">
        <ContextFields page={page} />
        <fieldset
          id={fieldId(HOURS_FIELD)}
          aria-describedby={weekError.length > 0 ? `${fieldId(HOURS_FIELD)}-error` : 'working-hours-hint'}
        >
          <legend>{t.workingHoursLegend}</legend>
          <p class="muted hint" id="working-hours-hint">
            {t.workingHoursHint}
          </p>
          {weekError.length > 0 && (
            <p class="field-error" id={`${fieldId(HOURS_FIELD)}-error`}>
              {weekError.join(' ')}
            </p>
          )}
          {WEEKDAYS.map((day) => (
            <Field
              name={hoursField(day)}
              label={capitalised(weekdayName(day, page.locale))}
              values={values}
              errors={errors}
            />
          ))}
        </fieldset>
        <p>
          <button type="submit" name="intent" value="working-hours">
            {t.saveWorkingHours}
          </button>
        </p>
      </form>
    </>
  );
}

/** `editing`: the code of the policy being edited (absent: the form adds one); `values`: what the policy form shows. */
type ViewOptions = SettingsViewOptions & {
  /** What the working-hours form shows (as posted, after a refusal). */
  hoursValues?: FormValues;
};

async function policiesView(page: PageContext, c: Context<AppEnv>, options: ViewOptions = {}): Promise<PageView> {
  const t = MESSAGES[page.locale];
  const errors = options.errors ?? [];
  const { data } = (await callOperation(page, c, 'listSlaPolicies')).body as { data: SlaPolicy[] };
  // Read now, not from the context: a post on this page may just have changed them.
  const { workingHours } = await page.store.settings.get();
  const usages = await Promise.all(data.map((policy) => contractUsageOf(page, { slaPolicyCode: policy.code })));
  const editing = options.editing;
  let values = options.values;
  if (values === undefined) {
    const edited = editing === undefined ? undefined : data.find((policy) => policy.code === editing);
    if (editing !== undefined && edited === undefined) {
      throw new PowerUpError('not-found', `there is no SLA policy '${editing}': check the code.`, { path: ['code'] });
    }
    values = edited === undefined ? NEW_POLICY : valuesOfPolicy(edited);
  }
  // A refused post shows its rows as they were sent (blank ones included); a fresh form adds blank rows.
  const rows = options.values === undefined ? targetRowsOf(values) + BLANK_TARGETS : Math.max(targetRowsOf(values), 1);
  const formValues = values;
  const field = (name: string, label: string, extra: { hint?: string; required?: boolean } = {}) => (
    <Field name={name} label={label} values={formValues} errors={errors} {...extra} />
  );
  return {
    title: t.title,
    status: errors.length > 0 ? 422 : 200,
    body: (
      <>
        <p>{t.intro}</p>
        <Notice text={options.notice} />
        <ErrorSummary title={t.errors} errors={errors} labels={labelsOf(t, rows, page.locale)} />
        {data.length === 0 && <p class="empty">{t.none}</p>}
        {data.map((policy, i) => (
          <section aria-labelledby={`policy-${i}`}>
            <h2 id={`policy-${i}`}>{`${policy.name} (${policy.code})`}</h2>
            <PolicyFacts policy={policy} hours={workingHours} page={page} />
            <ContractUsageNote page={page} usage={usages[i]!} />
            <p>
              <a href={`${page.href(PATH, { edit: policy.code })}#policy-form`}>{t.edit(policy.code)}</a>
            </p>
            {usages[i]!.count === 0 && (
              <form method="post" action={PATH}>
                <ContextFields page={page} />
                <input type="hidden" name="code" value={policy.code} />
                <button type="submit" name="intent" value="delete" class="secondary">
                  {t.remove(policy.code)}
                </button>
              </form>
            )}
          </section>
        ))}
        <WorkingHoursForm page={page} hours={workingHours} values={options.hoursValues ?? {}} errors={errors} />
        <h2 id="policy-form">{editing === undefined ? t.add : t.editing(editing)}</h2>
        {editing !== undefined && (
          <p class="muted">
            {t.editingHint} <a href={page.href(PATH)}>{t.cancelEdit}</a>
          </p>
        )}
        <form method="post" action={PATH} novalidate aria-labelledby="policy-form">
          <ContextFields page={page} />
          <fieldset>
            <legend>{t.general}</legend>
            {editing === undefined ? (
              field('code', t.code, { required: true })
            ) : (
              <input type="hidden" name="code" value={editing} />
            )}
            {field('name', t.name, { required: true })}
            <Field name="description" label={t.description} textarea values={formValues} errors={errors} />
            <Field
              name="clock"
              label={t.clock}
              options={[
                { value: 'business', label: t.clockBusiness },
                { value: 'calendar', label: t.clockCalendar },
              ]}
              values={formValues}
              errors={errors}
            />
            {field('responseStatus', t.responseStatus, { required: true, hint: t.statusHint })}
            {field('resolvedStatus', t.resolvedStatus, { required: true })}
          </fieldset>
          <h3>{t.targets}</h3>
          <p class="muted">{t.targetsHint}</p>
          {Array.from({ length: rows }, (_, row) => (
            <TargetFields row={row} values={formValues} errors={errors} t={t} />
          ))}
          <p>
            <button type="submit" name="intent" value={editing === undefined ? 'create' : 'save'}>
              {t.save}
            </button>
          </p>
        </form>
      </>
    ),
  };
}

/**
 * The SLA policies (settings): each with its targets in words and the contracts that use it; add, edit (replace
 * whole), delete unused; and the tenant's working hours, which business clocks count.
 */
export const slaPoliciesPage: PageDefinition = {
  path: PATH,
  entities: ['settings'],
  capability: {
    key: 'settings-sla-policies',
    kind: 'settings-page',
    title: { nl: MESSAGES.nl.title, en: MESSAGES.en.title },
    display: 'frame',
  },
  render(page, c) {
    const editing = c.req.query('edit');
    return policiesView(page, c, editing === undefined ? {} : { editing });
  },
};

/** The working hours replace the tenant settings with only the hours changed. */
async function saveWorkingHours(page: PageContext, c: Context<AppEnv>, values: FormValues): Promise<PageView> {
  const t = MESSAGES[page.locale];
  const typed = workingHoursOf(values, t);
  if ('errors' in typed) return policiesView(page, c, { hoursValues: values, errors: typed.errors });
  try {
    const settings = await page.store.settings.get();
    await callOperation(page, c, 'putSettings', { body: { ...settings, workingHours: typed.hours } });
  } catch (error) {
    const errors = refusalsOrThrow(error, [HOURS_FIELD, ...WEEKDAYS.map(hoursField)], page);
    return policiesView(page, c, { hoursValues: values, errors });
  }
  return policiesView(page, c, { notice: t.workingHoursSaved(describeWorkingHours(typed.hours, page.locale)) });
}

/**
 * A policy's post (see `settings-post.ts`: adding refuses a code already taken, the store refuses deleting a policy a
 * contract uses), or the working hours'.
 */
export const slaPoliciesPostPage = settingsPostPage(PATH, (page, c) => {
  const t = MESSAGES[page.locale];
  return {
    view: (options) => policiesView(page, c, options),
    operations: { put: 'putSlaPolicy', delete: 'deleteSlaPolicy' },
    records: page.store.slaPolicies,
    texts: t,
    bodyOf({ values }) {
      const { body, rowOf, errors } = policyBodyOf(values, t);
      return { body, errors, refusalsOf: (error) => policyErrorsOf(error, rowOf, page.locale) };
    },
    intents: { 'working-hours': ({ values }) => saveWorkingHours(page, c, values) },
  };
});
