import { createHash } from 'node:crypto';
import { localDateAt, type ScheduleChangePreview } from '@contractbeheer/core';
import type { contractsApi } from '@contractbeheer/sdk';
import type { Context } from 'hono';
import type { AppEnv } from '../../api/app-env.js';
import { asOfNow } from '../../api/contracts/as-of.js';
import { callOperation, formErrorsOf } from '../contracts-api-bridge.js';
import { formValuesOf, textOf, type FieldError, type FormValues } from '../form-values.js';
import { defineMessages } from '../i18n/define-messages.js';
import type { Locale } from '../i18n/locale.js';
import type { PageContext, PageDefinition, PageView } from '../page-route.js';
import { ContractForm, reviewStaleNotice } from './contract-form.js';
import { CONTRACT_FORM_FIELDS, contractBodyOf, contractChangesOf, contractFormValues } from './contract-form-values.js';
import { contractPath } from './contract-paths.js';
import { SchedulePreview, schedulePreviewOf } from './schedule-preview.js';

const MESSAGES = defineMessages({
  nl: { newTitle: 'Nieuw contract', editTitle: (name: string) => `Contract ${name} wijzigen` },
  en: { newTitle: 'New contract', editTitle: (name: string) => `Edit contract ${name}` },
});

/** The currency of amounts typed on the form: the platform works in euros. */
const CURRENCY = 'EUR';

/** What the form's selects offer: the tenant's terms and SLA policies. */
async function settingsChoices(page: PageContext) {
  const [terms, slaPolicies] = await Promise.all([page.store.terms.list(), page.store.slaPolicies.list()]);
  return { terms, slaPolicies };
}

/** The values of a new contract's form: the tenant's zone, today, a monthly schedule; the host's customer or object. */
function newContractValues(page: PageContext): FormValues {
  const entity = page.claims.entity;
  return {
    type: 'preventive',
    startDate: localDateAt(asOfNow(page.services), page.zone),
    timeZone: page.zone,
    daysInAdvance: '0',
    'schedule.unit': 'month',
    'schedule.interval': '1',
    'schedule.monthBy': 'day',
    'schedule.day': '1',
    'budget.per': 'contract-year',
    'workOrder.workType': 'Onderhoud',
    orderPerObject: 'per-object',
    ...(entity.type === 'customer' && entity.id !== undefined && { debtorNumber: entity.id }),
    ...(entity.type === 'object' && entity.id !== undefined && { objectCodes: entity.id }),
  };
}

async function formView(
  page: PageContext,
  options: {
    mode: 'create' | 'edit';
    title: string;
    action: string;
    values: FormValues;
    errors?: readonly FieldError[];
    diff?: { fields: string[]; schedule: ScheduleChangePreview | null; reviewed: string };
    notice?: string;
  },
): Promise<PageView> {
  const errors = options.errors ?? [];
  const preview = schedulePreviewOf(contractBodyOf(options.values, CURRENCY), asOfNow(page.services), page.locale);
  return {
    title: options.title,
    status: errors.length > 0 ? 422 : 200,
    body: (
      <ContractForm
        page={page}
        action={options.action}
        mode={options.mode}
        values={options.values}
        errors={errors}
        preview={preview}
        diff={options.diff}
        notice={options.notice}
        {...await settingsChoices(page)}
      />
    ),
  };
}

/** The field errors of a failed operation, or the failure itself when it is no mistake in the form. */
function fieldErrors(error: unknown, locale: Locale): FieldError[] {
  const errors = formErrorsOf(error, CONTRACT_FORM_FIELDS, locale);
  if (errors === undefined) throw error;
  return errors;
}

const postedValues = async (c: Context<AppEnv>): Promise<FormValues> =>
  formValuesOf(await c.req.parseBody({ all: true }));

export const newContractPage: PageDefinition = {
  path: '/pages/contracts/new',
  // From a customer's or an object's screen the form starts with that customer or object filled in.
  entities: ['customer', 'object', 'contract', 'dashboard'],
  capability: {
    key: 'contract-new',
    kind: 'action-button',
    title: { nl: MESSAGES.nl.newTitle, en: MESSAGES.en.newTitle },
    display: 'dialog',
  },
  render: async (page) =>
    formView(page, {
      mode: 'create',
      title: MESSAGES[page.locale].newTitle,
      action: '/pages/contracts/new',
      values: newContractValues(page),
    }),
};

/** Creating: the preview button re-renders with the preview; saving creates through the API's handler. */
export const createContractPage: PageDefinition = {
  method: 'POST',
  path: '/pages/contracts/new',
  async render(page, c) {
    const values = await postedValues(c);
    const view = {
      mode: 'create' as const,
      title: MESSAGES[page.locale].newTitle,
      action: '/pages/contracts/new',
      values,
    };
    if (textOf(values, 'intent') !== 'save') return formView(page, view);
    const body = contractBodyOf(values, CURRENCY);
    try {
      await callOperation(page, c, 'createContract', { body });
    } catch (error) {
      return formView(page, { ...view, errors: fieldErrors(error, page.locale) });
    }
    return c.redirect(page.href(contractPath(String(body.id))), 303);
  },
};

/** A fingerprint of an edit as reviewed: saving checks the form still says what the person saw. */
function fingerprint(version: string, changes: Record<string, unknown>): string {
  const text = JSON.stringify({ version, changes }, (_key, value: unknown) => (value === undefined ? null : value));
  return createHash('sha256').update(text).digest('base64url');
}

async function loadForEdit(page: PageContext, c: Context<AppEnv>) {
  const id = c.req.param('id') ?? '';
  const resource = (await callOperation(page, c, 'getContract', { params: { id } }))
    .body as contractsApi.ContractResource;
  return { id, contract: resource.contract };
}

export const editContractPage: PageDefinition = {
  path: '/pages/contracts/:id/edit',
  async render(page, c) {
    const { id, contract } = await loadForEdit(page, c);
    return formView(page, {
      mode: 'edit',
      title: MESSAGES[page.locale].editTitle(contract.name ?? id),
      action: contractPath(id, 'edit'),
      values: { ...contractFormValues(contract, page.locale), version: String(contract.version) },
    });
  },
};

/**
 * Editing: first the review — the changed fields and the schedule diff, computed by the API's preview handler
 * (nothing saved) — then the save, only when the form still says what was reviewed, guarded by the version read.
 */
export const updateContractPage: PageDefinition = {
  method: 'POST',
  path: '/pages/contracts/:id/edit',
  async render(page, c) {
    const { id, contract } = await loadForEdit(page, c);
    const values = { ...(await postedValues(c)), id };
    const version = textOf(values, 'version');
    const view = {
      mode: 'edit' as const,
      title: MESSAGES[page.locale].editTitle(contract.name ?? id),
      action: contractPath(id, 'edit'),
      values,
    };
    const changes = contractChangesOf(contract, contractBodyOf(values, CURRENCY));
    const reviewed = fingerprint(version, changes);
    const review = async (notice?: string) => {
      let schedule: ScheduleChangePreview | null = null;
      if (Object.keys(changes).length > 0) {
        try {
          const answer = await callOperation(page, c, 'previewSchedule', { params: { id }, body: { changes } });
          schedule = answer.body as ScheduleChangePreview;
        } catch (error) {
          return formView(page, { ...view, errors: fieldErrors(error, page.locale) });
        }
      }
      const diff = { fields: Object.keys(changes), schedule, reviewed };
      return formView(page, { ...view, diff, ...(notice !== undefined && { notice }) });
    };
    if (textOf(values, 'intent') !== 'save') return review();
    if (textOf(values, 'reviewed') !== reviewed) return review(reviewStaleNotice(page));
    try {
      await callOperation(page, c, 'updateContract', {
        params: { id },
        body: { changes },
        ...(/^\d+$/.test(version) && { ifMatch: Number(version) }),
      });
    } catch (error) {
      return formView(page, { ...view, errors: fieldErrors(error, page.locale) });
    }
    return c.redirect(page.href(contractPath(id)), 303);
  },
};

/**
 * The live preview's answer: the preview region alone, rendered from the posted form (and for an edit, the API's
 * schedule diff). Nothing is saved; a form that is not yet a valid contract previews nothing.
 */
export const schedulePreviewPage: PageDefinition = {
  method: 'POST',
  path: '/pages/contracts/preview',
  async render(page, c) {
    const values = await postedValues(c);
    const body = contractBodyOf(values, CURRENCY);
    const preview = schedulePreviewOf(body, asOfNow(page.services), page.locale);
    let diff: { fields: string[]; schedule: ScheduleChangePreview | null } | undefined;
    const editOf = textOf(values, 'editOf');
    if (editOf !== '') {
      const { contract } = (await callOperation(page, c, 'getContract', { params: { id: editOf } }))
        .body as contractsApi.ContractResource;
      const changes = contractChangesOf(contract, body);
      try {
        const schedule =
          Object.keys(changes).length === 0
            ? null
            : ((await callOperation(page, c, 'previewSchedule', { params: { id: editOf }, body: { changes } }))
                .body as ScheduleChangePreview);
        diff = { fields: Object.keys(changes), schedule };
      } catch (error) {
        // A form with a mistake has no diff yet; its errors show when it is reviewed.
        fieldErrors(error, page.locale);
      }
    }
    const fragment = <SchedulePreview locale={page.locale} format={page.format} preview={preview} diff={diff} />;
    return c.html(String(await fragment), 200, { 'cache-control': 'no-store' });
  },
};
