import type { Context } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../../api/app-env.js';
import type { OperationId } from '../../api/contracts/operation-routes.js';
import { PowerUpError } from '../../power-up-error.js';
import { callOperation, formErrorsOf } from '../contracts-api-bridge.js';
import { formValuesOf, textOf, type FieldError, type FormValues } from '../form-values.js';
import type { PageContext, PageDefinition, PageView } from '../page-route.js';

/** A settings form's post: its fields as typed, the code of the record it is about, and the button pressed. */
type SettingsPost = { values: FormValues; code: string; intent: string };

/** What a settings page shows after a post. */
export type SettingsViewOptions = {
  /** The code of the record a refused `save` was editing: the form stays on it. */
  editing?: string;
  /** The form as it was posted, after a refusal. */
  values?: FormValues;
  errors?: readonly FieldError[];
  notice?: string;
};

type SettingsBody = {
  body: unknown;
  errors: FieldError[];
  refusalsOf: (error: unknown) => FieldError[] | undefined;
};

/** A write of a settings page's records (by code), in the words of that page. */
export type SettingsCrud = {
  view(options: SettingsViewOptions): Promise<PageView>;
  /** The contracts API's operations that write a record whole (`PUT …/{code}`) and delete one. */
  operations: { put: OperationId; delete: OperationId };
  /** The records in the tenant's store: whether a code is taken, and how many contracts use a record. */
  records: { get(code: string): Promise<unknown>; usageCount(code: string): Promise<number> };
  texts: {
    saved: (code: string) => string;
    removed: (code: string) => string;
    /** For a form that adds with intent `create`: the API's PUT would replace the record under a taken code. */
    codeTaken?: (code: string) => string;
    /** Why a record contracts use was not deleted; without it the store's refusal is shown as it is. */
    inUse?: (code: string, count: string) => string;
  };
  /**
   * The API body for the posted form, the mistakes the page sees itself (the API cannot), and the fields the API's
   * refusals of that body go on (`undefined`: no refusal, the failure goes through).
   */
  bodyOf(post: SettingsPost): Promise<SettingsBody> | SettingsBody;
  /** The page's buttons beyond saving and deleting (archive, the working hours). */
  intents?: Record<string, (post: SettingsPost) => Promise<PageView>>;
};

/** A write the API warns about (relabelling a used reason) says its warning instead of the saved notice. */
const WARNED = z.object({ warning: z.string() });

/**
 * The errors a refused write means for a form with these fields; a failure that is no refusal — a missing record
 * (404 page), a bug (500 page) — is thrown on.
 */
export function refusalsOrThrow(error: unknown, fields: readonly string[], page: PageContext): FieldError[] {
  const errors = formErrorsOf(error, fields, page.locale);
  if (errors === undefined) throw error;
  return errors;
}

async function settingsPostOf(c: Context<AppEnv>): Promise<SettingsPost> {
  const values = formValuesOf(await c.req.parseBody());
  return { values, code: textOf(values, 'code'), intent: textOf(values, 'intent') };
}

async function deleteRecord(page: PageContext, c: Context<AppEnv>, crud: SettingsCrud, post: SettingsPost) {
  const { values, code } = post;
  try {
    await callOperation(page, c, crud.operations.delete, { params: { code } });
  } catch (error) {
    const { inUse } = crud.texts;
    if (inUse !== undefined && error instanceof PowerUpError && error.code === 'in-use') {
      const count = page.format.number(await crud.records.usageCount(code));
      return crud.view({ errors: [{ field: '', message: inUse(code, count) }] });
    }
    return crud.view({ values, errors: refusalsOrThrow(error, ['code'], page) });
  }
  return crud.view({ notice: crud.texts.removed(code) });
}

async function saveRecord(page: PageContext, c: Context<AppEnv>, crud: SettingsCrud, post: SettingsPost) {
  const { values, code, intent } = post;
  const editing = intent === 'save' ? { editing: code } : {};
  const { body, errors, refusalsOf } = await crud.bodyOf(post);
  const { codeTaken } = crud.texts;
  if (intent === 'create' && codeTaken !== undefined && code !== '' && (await crud.records.get(code)) !== undefined) {
    errors.unshift({ field: 'code', message: codeTaken(code) });
  }
  if (errors.length > 0) return crud.view({ ...editing, values, errors });
  let answer: { body?: unknown };
  try {
    answer = await callOperation(page, c, crud.operations.put, { params: { code: code === '' ? '-' : code }, body });
  } catch (error) {
    const refusals = refusalsOf(error);
    if (refusals === undefined) throw error;
    return crud.view({ ...editing, values, errors: refusals });
  }
  const warned = WARNED.safeParse(answer.body);
  return crud.view({ notice: warned.success ? warned.data.warning : crud.texts.saved(code) });
}

/**
 * The post of a settings page that keeps records by code (terms, SLA policies, cancellation reasons). Every change
 * goes through the API's settings handlers, so the page refuses what the API refuses, by field, and writes nothing
 * then: `delete` deletes the posted code (a record contracts use is refused, saying by how many); any other button
 * writes the form whole, refusing a code already taken when it adds (`create`). Each page states only what differs:
 * its records, its operations, its body, its texts.
 */
export function settingsPostPage(
  path: string,
  crudOf: (page: PageContext, c: Context<AppEnv>) => SettingsCrud,
): PageDefinition {
  return {
    method: 'POST',
    path,
    entities: ['settings'],
    async render(page, c) {
      const crud = crudOf(page, c);
      const post = await settingsPostOf(c);
      const own = Object.hasOwn(crud.intents ?? {}, post.intent) ? crud.intents?.[post.intent] : undefined;
      if (own !== undefined) return own(post);
      return post.intent === 'delete' ? deleteRecord(page, c, crud, post) : saveRecord(page, c, crud, post);
    },
  };
}
