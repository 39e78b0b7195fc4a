import type { ContractTerms } from '@contractbeheer/core';
import type { Context } from 'hono';
import type { AppEnv } from '../../api/app-env.js';
import { PowerUpError } from '../../power-up-error.js';
import { callOperation, formErrorsOf } from '../contracts-api-bridge.js';
import { ErrorSummary, Field, Notice } from '../form-fields.js';
import { centsOf, textOf, wholeNumberOf, type FieldError, type FormValues } from '../form-values.js';
import { defineMessages } from '../i18n/define-messages.js';
import { INTL_TAG, type Locale } from '../i18n/locale.js';
import { ContextFields, type PageContext, type PageDefinition, type PageView } from '../page-route.js';
import { durationWords } from '../shared/duration-words.js';
import { contractUsageOf, ContractUsageNote } from './contract-usage.js';
import { settingsPostPage, type SettingsViewOptions } from './settings-post.js';

type Duration = ContractTerms['period'];
const UNITS = ['day', 'week', 'month', 'year'] as const satisfies readonly Duration['unit'][];

const MESSAGES = defineMessages({
  nl: {
    title: 'Contractvoorwaarden',
    intro:
      'Voorwaarden leggen vast hoe lang een contract loopt, of het stilzwijgend wordt verlengd, wanneer het opgezegd moet zijn en hoe vaak er gefactureerd wordt. Wijzigen vervangt de voorwaarden in hun geheel; verwijderen kan alleen zolang geen contract ze gebruikt.',
    errors: 'Controleer deze velden',
    none: 'Er zijn nog geen contractvoorwaarden.',
    code: 'Code',
    name: 'Naam',
    description: 'Omschrijving',
    period: 'Contractperiode',
    renewal: 'Verlenging',
    notice: 'Opzegtermijn',
    invoicing: 'Facturatie',
    indexation: 'Prijsindexatie',
    usage: 'Gebruik',
    renewsBy: (duration: string) => `Stilzwijgend verlengd, telkens met ${duration}`,
    noRenewal: 'Niet automatisch: het contract loopt af aan het eind van de periode',
    noNotice: 'Geen',
    afterRenewal: (duration: string) => `; na een verlenging ${duration}`,
    invoiceEvery: (duration: string) => `Per ${duration}`,
    noIndexation: 'Geen',
    fixedIndexation: (percent: string) => `Vast: ${percent} bij elke verlenging`,
    indexIndexation: 'Volgens de prijsindex',
    cap: (percent: string) => `, hoogstens ${percent}`,
    floor: (percent: string) => `, minstens ${percent}`,
    edit: (code: string) => `${code} wijzigen`,
    remove: (code: string) => `${code} verwijderen`,
    add: 'Nieuwe contractvoorwaarden',
    editing: (code: string) => `Voorwaarden ${code} wijzigen`,
    editingHint: 'Opslaan vervangt deze voorwaarden in hun geheel; de code blijft.',
    cancelEdit: 'Stoppen met wijzigen',
    general: 'Algemeen',
    term: 'Looptijd en verlenging',
    cancellation: 'Opzeggen',
    number: (label: string) => `${label}: aantal`,
    unit: (label: string) => `${label}: eenheid`,
    units: (unit: Duration['unit']) => ({ day: 'dagen', week: 'weken', month: 'maanden', year: 'jaren' })[unit],
    autoExtend: 'Stilzwijgend verlengen',
    autoExtendYes: 'Ja, aan het eind van de periode verlengen',
    autoExtendNo: 'Nee, het contract loopt af',
    renewalPeriod: 'Verlengingsperiode',
    renewalPeriodHint: 'Leeg: even lang als de contractperiode.',
    noticeBeforeCancellation: 'Opzegtermijn',
    noticeBeforeCancellationHint: 'Hoe lang voor het eind van de periode opgezegd moet zijn. Leeg: geen.',
    noticeAfterRenewal: 'Opzegtermijn na een verlenging',
    noticeAfterRenewalHint: 'Leeg: dezelfde opzegtermijn.',
    invoicePeriod: 'Factuurperiode',
    invoicePeriodHint: 'Leeg: per maand.',
    indexationKind: 'Soort indexatie',
    kindNone: 'Geen indexatie',
    kindFixed: 'Vast percentage bij elke verlenging',
    kindIndex: 'Volgens een prijsindex',
    basisPoints: 'Vaste verhoging (%)',
    basisPointsHint: 'Bij een vast percentage, bijvoorbeeld 2,5.',
    capBasisPoints: 'Hoogste verhoging (%)',
    capBasisPointsHint: 'Bij een prijsindex; leeg: geen plafond.',
    floorBasisPoints: 'Grootste daling (%)',
    floorBasisPointsHint: 'Bij een prijsindex, negatief, bijvoorbeeld -1; leeg: geen bodem.',
    save: 'Opslaan',
    codeTaken: (code: string) =>
      `Er bestaan al voorwaarden met code ${code}: kies een andere code, of wijzig die voorwaarden in de lijst.`,
    inUse: (code: string, count: string) =>
      `${code} wordt nog door ${count} ${count === '1' ? 'contract' : 'contracten'} gebruikt en is niet verwijderd: kies bij die contracten eerst andere voorwaarden.`,
    saved: (code: string) => `Voorwaarden ${code} zijn opgeslagen.`,
    removed: (code: string) => `Voorwaarden ${code} zijn verwijderd.`,
  },
  en: {
    title: 'Contract terms',
    intro:
      'Terms set how long a contract runs, whether it extends by itself, when notice must be given, and how often it is invoiced. Editing replaces the terms whole; they can be deleted only while no contract uses them.',
    errors: 'Check these fields',
    none: 'There are no contract terms yet.',
    code: 'Code',
    name: 'Name',
    description: 'Description',
    period: 'Contract period',
    renewal: 'Renewal',
    notice: 'Notice period',
    invoicing: 'Invoicing',
    indexation: 'Price indexation',
    usage: 'Use',
    renewsBy: (duration: string) => `Extends by itself, each time by ${duration}`,
    noRenewal: 'Does not extend: the contract ends with its period',
    noNotice: 'None',
    afterRenewal: (duration: string) => `; after a renewal ${duration}`,
    invoiceEvery: (duration: string) => `Every ${duration}`,
    noIndexation: 'None',
    fixedIndexation: (percent: string) => `Fixed: ${percent} at each renewal`,
    indexIndexation: 'By the price index',
    cap: (percent: string) => `, at most ${percent}`,
    floor: (percent: string) => `, at least ${percent}`,
    edit: (code: string) => `Edit ${code}`,
    remove: (code: string) => `Delete ${code}`,
    add: 'New contract terms',
    editing: (code: string) => `Edit terms ${code}`,
    editingHint: 'Saving replaces these terms whole; the code stays.',
    cancelEdit: 'Stop editing',
    general: 'General',
    term: 'Period and renewal',
    cancellation: 'Notice',
    number: (label: string) => `${label}: number`,
    unit: (label: string) => `${label}: unit`,
    units: (unit: Duration['unit']) => ({ day: 'days', week: 'weeks', month: 'months', year: 'years' })[unit],
    autoExtend: 'Extends by itself',
    autoExtendYes: 'Yes, renew at the end of the period',
    autoExtendNo: 'No, the contract ends',
    renewalPeriod: 'Renewal period',
    renewalPeriodHint: 'Empty: as long as the contract period.',
    noticeBeforeCancellation: 'Notice period',
    noticeBeforeCancellationHint: 'How long before the end of the period notice must be given. Empty: none.',
    noticeAfterRenewal: 'Notice period after a renewal',
    noticeAfterRenewalHint: 'Empty: the same notice period.',
    invoicePeriod: 'Invoice period',
    invoicePeriodHint: 'Empty: every month.',
    indexationKind: 'Kind of indexation',
    kindNone: 'No indexation',
    kindFixed: 'A fixed percentage at each renewal',
    kindIndex: 'By a price index',
    basisPoints: 'Fixed increase (%)',
    basisPointsHint: 'For a fixed percentage, e.g. 2.5.',
    capBasisPoints: 'Largest increase (%)',
    capBasisPointsHint: 'For a price index; empty: no cap.',
    floorBasisPoints: 'Largest decrease (%)',
    floorBasisPointsHint: 'For a price index, negative, e.g. -1; empty: no floor.',
    save: 'Save',
    codeTaken: (code: string) =>
      `Terms with code ${code} already exist: choose another code, or edit those terms in the list.`,
    inUse: (code: string, count: string) =>
      `${code} is still used by ${count} ${count === '1' ? 'contract' : 'contracts'} and was not deleted: give those contracts other terms first.`,
    saved: (code: string) => `Terms ${code} are saved.`,
    removed: (code: string) => `Terms ${code} are deleted.`,
  },
});
type Messages = (typeof MESSAGES)[Locale];

const PATH = '/pages/settings/terms';
const DURATIONS = [
  'period',
  'renewalPeriod',
  'noticeBeforeCancellation',
  'noticeAfterRenewal',
  'invoicePeriod',
] as const satisfies readonly (keyof ContractTerms)[];
const PERCENTS = ['indexation.basisPoints', 'indexation.capBasisPoints', 'indexation.floorBasisPoints'];
/** The form's fields, named by the API body's paths: an error's path finds its field. */
const FIELDS = [
  'code',
  'name',
  'description',
  'autoExtend',
  ...DURATIONS.flatMap((name) => [`${name}.count`, `${name}.unit`]),
  'indexation.kind',
  ...PERCENTS,
];

const percentFormats = new Map<string, Intl.NumberFormat>();
function percentFormat(locale: Locale, style: 'percent' | 'decimal'): Intl.NumberFormat {
  const key = `${locale}:${style}`;
  let format = percentFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(INTL_TAG[locale], { style, maximumFractionDigits: 2, useGrouping: false });
    percentFormats.set(key, format);
  }
  return format;
}

/** Basis points as a percentage to read (`2,5%`), or to type in again (`2,5`). */
function percentOf(basisPoints: number, locale: Locale, style: 'percent' | 'decimal' = 'percent'): string {
  return percentFormat(locale, style).format(style === 'percent' ? basisPoints / 10_000 : basisPoints / 100);
}

/**
 * A percentage typed with at most two decimals (`2,5`, `-1.25 %`) as basis points: hundredths of a percent, read as
 * an amount is read into cents. Other text goes through as it is, for the API's schema to refuse by field.
 */
function basisPointsOf(values: FormValues, name: string): number | string | undefined {
  const text = textOf(values, name).replace(/\s*%$/, '');
  return centsOf({ [name]: text }, name);
}

function durationText(duration: Duration, locale: Locale): string {
  return durationWords(duration.count, duration.unit, locale);
}

/** The form's values for stored terms: what editing starts from. */
function valuesOfTerms(terms: ContractTerms, locale: Locale): FormValues {
  const values: FormValues = {
    code: terms.code,
    name: terms.name,
    description: terms.description,
    autoExtend: String(terms.autoExtend),
    'indexation.kind': terms.indexation?.kind ?? '',
  };
  for (const name of DURATIONS) {
    const duration = terms[name];
    if (duration === undefined) continue;
    values[`${name}.count`] = String(duration.count);
    values[`${name}.unit`] = duration.unit;
  }
  const indexation = terms.indexation;
  const percents: Record<string, number | undefined> =
    indexation === undefined
      ? {}
      : indexation.kind === 'fixed'
        ? { 'indexation.basisPoints': indexation.basisPoints }
        : {
            'indexation.capBasisPoints': indexation.capBasisPoints,
            'indexation.floorBasisPoints': indexation.floorBasisPoints,
          };
  for (const [name, basisPoints] of Object.entries(percents)) {
    if (basisPoints !== undefined) values[name] = percentOf(basisPoints, locale, 'decimal');
  }
  return values;
}

/** A new form: a yearly contract that extends by itself, invoiced monthly. */
const NEW_TERMS: FormValues = {
  autoExtend: 'true',
  'period.count': '1',
  'period.unit': 'year',
  'renewalPeriod.unit': 'year',
  'noticeBeforeCancellation.unit': 'month',
  'noticeAfterRenewal.unit': 'month',
  'invoicePeriod.count': '1',
  'invoicePeriod.unit': 'month',
};

/**
 * The API body for the posted form. Empty optional periods are left out (the schema's defaults apply); text that is
 * no number goes through as it is, so the API's schema refuses it naming the field.
 */
function termsBodyOf(values: FormValues): Record<string, unknown> {
  const duration = (name: string) => ({
    count: wholeNumberOf(values, `${name}.count`),
    unit: textOf(values, `${name}.unit`),
  });
  const optional = (name: string) => (textOf(values, `${name}.count`) === '' ? {} : { [name]: duration(name) });
  const autoExtend = textOf(values, 'autoExtend');
  const kind = textOf(values, 'indexation.kind');
  const percent = (name: string) => {
    const basisPoints = basisPointsOf(values, `indexation.${name}`);
    return basisPoints === undefined ? {} : { [name]: basisPoints };
  };
  const indexation =
    kind === ''
      ? {}
      : {
          indexation:
            kind === 'fixed'
              ? { kind, basisPoints: basisPointsOf(values, 'indexation.basisPoints') }
              : kind === 'index'
                ? { kind, ...percent('capBasisPoints'), ...percent('floorBasisPoints') }
                : { kind },
        };
  return {
    code: textOf(values, 'code'),
    name: textOf(values, 'name'),
    description: textOf(values, 'description'),
    autoExtend: autoExtend === 'true' ? true : autoExtend === 'false' ? false : autoExtend,
    period: duration('period'),
    ...optional('renewalPeriod'),
    ...optional('noticeBeforeCancellation'),
    ...optional('noticeAfterRenewal'),
    ...optional('invoicePeriod'),
    ...indexation,
  };
}

/** The labels of the fields, for the error summary's links. */
function labelsOf(t: Messages): Record<string, string> {
  const labels: Record<string, string> = {
    code: t.code,
    name: t.name,
    description: t.description,
    autoExtend: t.autoExtend,
    'indexation.kind': t.indexationKind,
    'indexation.basisPoints': t.basisPoints,
    'indexation.capBasisPoints': t.capBasisPoints,
    'indexation.floorBasisPoints': t.floorBasisPoints,
  };
  for (const name of DURATIONS) {
    const label = t[name];
    labels[`${name}.count`] = t.number(label);
    labels[`${name}.unit`] = t.unit(label);
  }
  return labels;
}

function TermsFacts(props: { terms: ContractTerms; page: PageContext }) {
  const { terms, page } = props;
  const t = MESSAGES[page.locale];
  const words = (duration: Duration) => durationText(duration, page.locale);
  const indexation = terms.indexation;
  return (
    <dl class="facts">
      {terms.description !== '' && (
        <>
          <dt>{t.description}</dt>
          <dd>{terms.description}</dd>
        </>
      )}
      <dt>{t.period}</dt>
      <dd>{words(terms.period)}</dd>
      <dt>{t.renewal}</dt>
      <dd>{terms.autoExtend ? t.renewsBy(words(terms.renewalPeriod ?? terms.period)) : t.noRenewal}</dd>
      <dt>{t.notice}</dt>
      <dd>
        {terms.noticeBeforeCancellation.count === 0 ? t.noNotice : words(terms.noticeBeforeCancellation)}
        {terms.noticeAfterRenewal !== undefined && t.afterRenewal(words(terms.noticeAfterRenewal))}
      </dd>
      <dt>{t.invoicing}</dt>
      <dd>{t.invoiceEvery(words(terms.invoicePeriod))}</dd>
      <dt>{t.indexation}</dt>
      <dd>
        {indexation === undefined
          ? t.noIndexation
          : indexation.kind === 'fixed'
            ? t.fixedIndexation(percentOf(indexation.basisPoints, page.locale))
            : [
                t.indexIndexation,
                indexation.capBasisPoints !== undefined && t.cap(percentOf(indexation.capBasisPoints, page.locale)),
                indexation.floorBasisPoints !== undefined &&
                  t.floor(percentOf(indexation.floorBasisPoints, page.locale)),
              ]
                .filter((part) => part !== false)
                .join('')}
      </dd>
    </dl>
  );
}

/** A duration's two fields: how many, and of which unit. */
function DurationFields(props: {
  name: string;
  label: string;
  hint?: string;
  values: FormValues;
  errors: readonly FieldError[];
  t: Messages;
}) {
  const { name, label, t, values, errors } = props;
  return (
    <>
      <Field
        name={`${name}.count`}
        label={t.number(label)}
        type="number"
        {...(props.hint !== undefined && { hint: props.hint })}
        values={values}
        errors={errors}
      />
      <Field
        name={`${name}.unit`}
        label={t.unit(label)}
        options={UNITS.map((unit) => ({ value: unit, label: t.units(unit) }))}
        values={values}
        errors={errors}
      />
    </>
  );
}

/** `editing`: the code of the terms being edited; absent, the form adds new terms. */
async function termsView(page: PageContext, c: Context<AppEnv>, options: SettingsViewOptions = {}): Promise<PageView> {
  const t = MESSAGES[page.locale];
  const errors = options.errors ?? [];
  const { data } = (await callOperation(page, c, 'listTerms')).body as { data: ContractTerms[] };
  const usages = await Promise.all(data.map((terms) => contractUsageOf(page, { termsCode: terms.code })));
  const editing = options.editing;
  let values = options.values;
  if (values === undefined) {
    const edited = editing === undefined ? undefined : data.find((terms) => terms.code === editing);
    if (editing !== undefined && edited === undefined) {
      throw new PowerUpError('not-found', `there are no contract terms '${editing}': check the code.`, {
        path: ['code'],
      });
    }
    values = edited === undefined ? NEW_TERMS : valuesOfTerms(edited, page.locale);
  }
  const field = (name: string, label: string, extra: { hint?: string; type?: 'number'; required?: boolean } = {}) => (
    <Field name={name} label={label} values={values} errors={errors} {...extra} />
  );
  const duration = (name: string, label: string, hint?: string) => (
    <DurationFields
      name={name}
      label={label}
      {...(hint !== undefined && { hint })}
      values={values}
      errors={errors}
      t={t}
    />
  );
  return {
    title: t.title,
    status: errors.length > 0 ? 422 : 200,
    body: (
      <>
        <p>{t.intro}</p>
        <Notice text={options.notice} />
        <ErrorSummary title={t.errors} errors={errors} labels={labelsOf(t)} />
        {data.length === 0 && <p class="empty">{t.none}</p>}
        {data.map((terms, i) => (
          <section aria-labelledby={`terms-${i}`}>
            <h2 id={`terms-${i}`}>{`${terms.name} (${terms.code})`}</h2>
            <TermsFacts terms={terms} page={page} />
            <ContractUsageNote page={page} usage={usages[i]!} />
            <p>
              <a href={`${page.href(PATH, { edit: terms.code })}#terms-form`}>{t.edit(terms.code)}</a>
            </p>
            {usages[i]!.count === 0 && (
              <form method="post" action={PATH}>
                <ContextFields page={page} />
                <input type="hidden" name="code" value={terms.code} />
                <button type="submit" name="intent" value="delete" class="secondary">
                  {t.remove(terms.code)}
                </button>
              </form>
            )}
          </section>
        ))}
        <h2 id="terms-form">{editing === undefined ? t.add : t.editing(editing)}</h2>
        {editing !== undefined && (
          <p class="muted">
            {t.editingHint} <a href={page.href(PATH)}>{t.cancelEdit}</a>
          </p>
        )}
        <form method="post" action={PATH} novalidate aria-labelledby="terms-form">
          <ContextFields page={page} />
          <fieldset>
            <legend>{t.general}</legend>
            {editing === undefined ? (
              field('code', t.code, { required: true })
            ) : (
              <input type="hidden" name="code" value={editing} />
            )}
            {field('name', t.name, { required: true })}
            <Field name="description" label={t.description} textarea values={values} errors={errors} />
          </fieldset>
          <fieldset>
            <legend>{t.term}</legend>
            {duration('period', t.period)}
            <Field
              name="autoExtend"
              label={t.autoExtend}
              options={[
                { value: 'true', label: t.autoExtendYes },
                { value: 'false', label: t.autoExtendNo },
              ]}
              values={values}
              errors={errors}
            />
            {duration('renewalPeriod', t.renewalPeriod, t.renewalPeriodHint)}
          </fieldset>
          <fieldset>
            <legend>{t.cancellation}</legend>
            {duration('noticeBeforeCancellation', t.noticeBeforeCancellation, t.noticeBeforeCancellationHint)}
            {duration('noticeAfterRenewal', t.noticeAfterRenewal, t.noticeAfterRenewalHint)}
          </fieldset>
          <fieldset>
            <legend>{t.invoicing}</legend>
            {duration('invoicePeriod', t.invoicePeriod, t.invoicePeriodHint)}
          </fieldset>
          <fieldset>
            <legend>{t.indexation}</legend>
            <Field
              name="indexation.kind"
              label={t.indexationKind}
              options={[
                { value: '', label: t.kindNone },
                { value: 'fixed', label: t.kindFixed },
                { value: 'index', label: t.kindIndex },
              ]}
              values={values}
              errors={errors}
            />
            {field('indexation.basisPoints', t.basisPoints, { hint: t.basisPointsHint })}
            {field('indexation.capBasisPoints', t.capBasisPoints, { hint: t.capBasisPointsHint })}
            {field('indexation.floorBasisPoints', t.floorBasisPoints, { hint: t.floorBasisPointsHint })}
          </fieldset>
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

/** The contract terms (settings): each in words with the contracts that use it; add, edit (replace whole), delete. */
export const termsPage: PageDefinition = {
  path: PATH,
  entities: ['settings'],
  capability: {
    key: 'settings-terms',
    kind: 'settings-page',
    title: { nl: MESSAGES.nl.title, en: MESSAGES.en.title },
    display: 'frame',
  },
  render(page, c) {
    const editing = c.req.query('edit');
    return termsView(page, c, editing === undefined ? {} : { editing });
  },
};

/** Adding refuses a code already taken; the store refuses deleting terms a contract uses (see `settings-post.ts`). */
export const termsPostPage = settingsPostPage(PATH, (page, c) => ({
  view: (options) => termsView(page, c, options),
  operations: { put: 'putTerms', delete: 'deleteTerms' },
  records: page.store.terms,
  texts: MESSAGES[page.locale],
  bodyOf: ({ values }) => ({
    body: termsBodyOf(values),
    errors: [],
    refusalsOf: (error) => formErrorsOf(error, FIELDS, page.locale),
  }),
}));
