import type { contractsApi } from '@contractbeheer/sdk';
import type { Context } from 'hono';
import type { AppEnv } from '../../api/app-env.js';
import { callOperation, formErrorsOf } from '../contracts-api-bridge.js';
import { ErrorSummary, Field, Notice } from '../form-fields.js';
import { textOf } from '../form-values.js';
import { defineMessages } from '../i18n/define-messages.js';
import { ContextFields, type PageContext, type PageDefinition, type PageView } from '../page-route.js';
import { refusalsOrThrow, settingsPostPage, type SettingsViewOptions } from './settings-post.js';

const MESSAGES = defineMessages({
  nl: {
    title: 'Annuleringsredenen',
    intro:
      'Redenen kies je bij het beëindigen van een contract. Een reden die al gebruikt is, kun je archiveren maar niet verwijderen: beëindigingen houden het label dat ze hadden.',
    errors: 'Controleer deze velden',
    code: 'Code',
    label: 'Omschrijving',
    state: 'Stand',
    used: 'Gebruikt',
    actions: 'Acties',
    active: 'In gebruik',
    archived: 'Gearchiveerd',
    archive: (label: string) => `${label} archiveren`,
    remove: (label: string) => `${label} verwijderen`,
    add: 'Reden toevoegen of hernoemen',
    save: 'Opslaan',
    saved: (code: string) => `Reden ${code} is opgeslagen.`,
    archivedDone: (code: string) => `Reden ${code} is gearchiveerd.`,
    removed: (code: string) => `Reden ${code} is verwijderd.`,
    none: 'Er zijn nog geen redenen.',
  },
  en: {
    title: 'Cancellation reasons',
    intro:
      'Reasons are chosen when a contract is terminated. A reason already used can be archived but not deleted: terminations keep the label they had.',
    errors: 'Check these fields',
    code: 'Code',
    label: 'Label',
    state: 'State',
    used: 'Used',
    actions: 'Actions',
    active: 'Active',
    archived: 'Archived',
    archive: (label: string) => `Archive ${label}`,
    remove: (label: string) => `Delete ${label}`,
    add: 'Add or relabel a reason',
    save: 'Save',
    saved: (code: string) => `Reason ${code} is saved.`,
    archivedDone: (code: string) => `Reason ${code} is archived.`,
    removed: (code: string) => `Reason ${code} is deleted.`,
    none: 'There are no reasons yet.',
  },
});

const PATH = '/pages/settings/cancellation-reasons';
const FIELDS = ['code', 'label'];

async function reasonsView(
  page: PageContext,
  c: Context<AppEnv>,
  options: SettingsViewOptions = {},
): Promise<PageView> {
  const t = MESSAGES[page.locale];
  const errors = options.errors ?? [];
  const values = options.values ?? {};
  const { data } = (await callOperation(page, c, 'listCancellationReasons')).body as {
    data: contractsApi.CancellationReasonListItem[];
  };
  return {
    title: t.title,
    status: errors.length > 0 ? 422 : 200,
    body: (
      <>
        <p>{t.intro}</p>
        <Notice text={options.notice} />
        <ErrorSummary title={t.errors} errors={errors} labels={{ code: t.code, label: t.label }} />
        {data.length === 0 ? (
          <p class="empty">{t.none}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t.code}</th>
                <th scope="col">{t.label}</th>
                <th scope="col">{t.state}</th>
                <th scope="col" class="num">
                  {t.used}
                </th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((reason) => (
                <tr>
                  <td>{reason.code}</td>
                  <td>{reason.label}</td>
                  <td>{reason.archived ? t.archived : t.active}</td>
                  <td class="num">{page.format.number(reason.terminationCount)}</td>
                  <td>
                    <form method="post" action={PATH} class="inline-form">
                      <ContextFields page={page} />
                      <input type="hidden" name="code" value={reason.code} />
                      {reason.terminationCount === 0 ? (
                        <button type="submit" name="intent" value="delete" class="secondary">
                          {t.remove(reason.label)}
                        </button>
                      ) : (
                        !reason.archived && (
                          <button type="submit" name="intent" value="archive" class="secondary">
                            {t.archive(reason.label)}
                          </button>
                        )
                      )}
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>{t.add}</h2>
        <form method="post" action={PATH} novalidate>
          <ContextFields page={page} />
          <Field name="code" label={t.code} required values={values} errors={errors} />
          <Field name="label" label={t.label} required values={values} errors={errors} />
          <p>
            <button type="submit" name="intent" value="save">
              {t.save}
            </button>
          </p>
        </form>
      </>
    ),
  };
}

/** The cancellation reasons (settings): list with usage, add or relabel, archive a used one, delete an unused one. */
export const cancellationReasonsPage: PageDefinition = {
  path: PATH,
  entities: ['settings'],
  capability: {
    key: 'settings-cancellation-reasons',
    kind: 'settings-page',
    title: { nl: MESSAGES.nl.title, en: MESSAGES.en.title },
    display: 'frame',
  },
  render: (page, c) => reasonsView(page, c),
};

/**
 * Saving relabels a reason under its code, keeping whether it is archived; the store refuses deleting a used reason,
 * naming it (see `settings-post.ts`).
 */
export const cancellationReasonsPostPage = settingsPostPage(PATH, (page, c) => {
  const t = MESSAGES[page.locale];
  const reasons = page.store.cancellationReasons;
  return {
    view: (options) => reasonsView(page, c, options),
    operations: { put: 'putCancellationReason', delete: 'deleteCancellationReason' },
    records: reasons,
    texts: t,
    bodyOf: async ({ values, code }) => ({
      body: { code, label: textOf(values, 'label'), archived: (await reasons.get(code))?.archived ?? false },
      errors: [],
      refusalsOf: (error) => formErrorsOf(error, FIELDS, page.locale),
    }),
    intents: {
      async archive({ values, code }) {
        try {
          await callOperation(page, c, 'archiveCancellationReason', { params: { code } });
        } catch (error) {
          return reasonsView(page, c, { values, errors: refusalsOrThrow(error, FIELDS, page) });
        }
        return reasonsView(page, c, { notice: t.archivedDone(code) });
      },
    },
  };
});
