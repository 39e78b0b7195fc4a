import { localDateAt } from '@contractbeheer/core';
import type { contractsApi } from '@contractbeheer/sdk';
import type { Context } from 'hono';
import type { AppEnv } from '../../api/app-env.js';
import { asOfNow } from '../../api/contracts/as-of.js';
import { callOperation, formErrorsOf } from '../contracts-api-bridge.js';
import { ErrorSummary, Field } from '../form-fields.js';
import { formValuesOf, textOf, type FieldError, type FormValues } from '../form-values.js';
import { defineMessages } from '../i18n/define-messages.js';
import { ContextFields, type PageContext, type PageDefinition, type PageView } from '../page-route.js';
import { contractPath } from './contract-paths.js';

const MESSAGES = defineMessages({
  nl: {
    title: (name: string) => `Contract ${name} beëindigen`,
    intro:
      'Na de beëindigingsdatum worden er geen werkbonnen meer aangemaakt. De reden wordt bewaard zoals hij nu luidt.',
    errors: 'Controleer deze velden',
    date: 'Beëindigen per',
    reason: 'Reden',
    reasonRequired: 'Reden (verplicht)',
    noReason: 'Geen reden',
    remark: 'Opmerking',
    submit: 'Contract beëindigen',
    cancel: 'Terug naar het contract',
  },
  en: {
    title: (name: string) => `Terminate contract ${name}`,
    intro: 'No work orders are created after the termination date. The reason is kept as it reads today.',
    errors: 'Check these fields',
    date: 'Terminate as of',
    reason: 'Reason',
    reasonRequired: 'Reason (required)',
    noReason: 'No reason',
    remark: 'Remark',
    submit: 'Terminate the contract',
    cancel: 'Back to the contract',
  },
});

const FIELDS = ['date', 'reasonCode', 'remark'];

async function terminateView(
  page: PageContext,
  c: Context<AppEnv>,
  values: FormValues | undefined,
  errors: readonly FieldError[] = [],
): Promise<PageView> {
  const t = MESSAGES[page.locale];
  const id = c.req.param('id') ?? '';
  const { contract } = (await callOperation(page, c, 'getContract', { params: { id } }))
    .body as contractsApi.ContractResource;
  const required = page.tenant.settings.reasonRequired;
  const reasons = await page.store.cancellationReasons.list();
  const shown = values ?? {
    date: localDateAt(asOfNow(page.services), contract.timeZone),
    version: String(contract.version),
  };
  const labels = { date: t.date, reasonCode: t.reason, remark: t.remark };
  return {
    title: t.title(contract.name ?? id),
    status: errors.length > 0 ? 422 : 200,
    body: (
      <>
        <ErrorSummary title={t.errors} errors={errors} labels={labels} />
        <p>{t.intro}</p>
        <form method="post" action={contractPath(id, 'terminate')} id="terminate-form" novalidate>
          <ContextFields page={page} />
          <input type="hidden" name="version" value={textOf(shown, 'version')} />
          <Field name="date" label={t.date} type="date" required values={shown} errors={errors} />
          <Field
            name="reasonCode"
            label={required ? t.reasonRequired : t.reason}
            values={shown}
            errors={errors}
            options={[
              ...(required ? [] : [{ value: '', label: t.noReason }]),
              ...reasons.map((reason) => ({ value: reason.code, label: reason.label })),
            ]}
          />
          <Field name="remark" label={t.remark} textarea values={shown} errors={errors} />
          <p class="form-actions">
            <button type="submit">{t.submit}</button> <a href={page.href(contractPath(id))}>{t.cancel}</a>
          </p>
        </form>
      </>
    ),
  };
}

/** The terminate dialog: the date, a cancellation reason from settings (archived ones are not offered), a remark. */
export const terminateDialogPage: PageDefinition = {
  path: '/pages/contracts/:id/terminate',
  render: (page, c) => terminateView(page, c, undefined),
};

/** Terminating through the API's handler (the core checks the date and the reason); errors beside their field. */
export const terminateContractPage: PageDefinition = {
  method: 'POST',
  path: '/pages/contracts/:id/terminate',
  async render(page, c) {
    const id = c.req.param('id') ?? '';
    const values = formValuesOf(await c.req.parseBody());
    const version = textOf(values, 'version');
    const body = {
      date: textOf(values, 'date'),
      ...(textOf(values, 'reasonCode') !== '' && { reasonCode: textOf(values, 'reasonCode') }),
      ...(textOf(values, 'remark') !== '' && { remark: textOf(values, 'remark') }),
    };
    try {
      await callOperation(page, c, 'terminateContract', {
        params: { id },
        body,
        ...(/^\d+$/.test(version) && { ifMatch: Number(version) }),
      });
    } catch (error) {
      const errors = formErrorsOf(error, FIELDS, page.locale);
      if (errors === undefined) throw error;
      return terminateView(page, c, values, errors);
    }
    return c.redirect(page.href(contractPath(id)), 303);
  },
};
