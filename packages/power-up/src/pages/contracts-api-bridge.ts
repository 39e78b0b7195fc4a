import { CoreError } from '@contractbeheer/core';
import type { Context } from 'hono';
import type * as z from 'zod';
import type { AppEnv, TenantContext } from '../api/app-env.js';
import { CONTRACTS_HANDLERS } from '../api/contracts/contracts-handlers.js';
import { CONTRACTS_API_ROUTES, type OperationHandlers, type OperationId } from '../api/contracts/operation-routes.js';
import { PowerUpError } from '../power-up-error.js';
import { fieldOfPath, type FieldError } from './form-values.js';
import { refusalText } from './i18n/error-messages.js';
import type { Locale } from './i18n/locale.js';
import type { PageContext } from './page-route.js';

type RequestOf<K extends OperationId> = Parameters<OperationHandlers[K]>[0];

/** A page's input the contracts API's schema refuses: every issue, each with its path, so a form shows them all. */
class PageInputError extends Error {
  override readonly name = 'PageInputError';
  constructor(readonly issues: readonly { code: string; path: readonly (string | number)[]; message: string }[]) {
    super(issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
}

/** The tenant context the API's handlers work in, for the person the host's context names. */
function tenantContextOf(page: PageContext): TenantContext {
  return {
    tenantId: page.tenant.id,
    tenant: page.tenant,
    store: page.store,
    log: page.log,
    // The audit trail names the host's user, as it names an API key for the API.
    actor: `host-user:${page.claims.user.id}`,
  };
}

function checked(schema: z.ZodType | undefined, value: unknown): unknown {
  if (schema === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new PageInputError(
      parsed.error.issues.map((issue) => ({
        code: issue.code,
        path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

/**
 * Runs one operation of the contracts API for a page, exactly as the API runs it: the body and query checked by the
 * SDK route table's schemas, then the API's own handler — the same core decision, the same effect executor, the same
 * store transaction. A page holds no second copy of a business rule: what the API refuses, the page refuses, naming
 * the same field.
 *
 * @throws PageInputError when the schema refuses the input; the handler's `CoreError`/`PowerUpError` otherwise.
 */
export async function callOperation<K extends OperationId>(
  page: PageContext,
  c: Context<AppEnv>,
  id: K,
  input: { params?: Record<string, string>; body?: unknown; query?: Record<string, unknown>; ifMatch?: number } = {},
): Promise<{ body?: unknown }> {
  const route = CONTRACTS_API_ROUTES.find((candidate) => candidate.id === id)!;
  const body = 'body' in route ? checked(route.body as z.ZodType, input.body) : undefined;
  const query = 'query' in route ? checked(route.query, input.query ?? {}) : undefined;
  const handler = CONTRACTS_HANDLERS[id] as (request: RequestOf<K>) => Promise<{ body?: unknown }>;
  return handler({
    param: (name: string) => {
      const value = input.params?.[name];
      if (value === undefined || value === '') {
        throw new PowerUpError('invalid-input', `give the ${name}.`, { path: [name] });
      }
      return value;
    },
    body,
    query,
    ifMatch: input.ifMatch,
    tenant: tenantContextOf(page),
    services: page.services,
    c,
  } as RequestOf<K>);
}

/**
 * The field errors an operation's failure means for a form with these fields: every schema issue, or the core's or
 * the power-up's one error, each on the field its path names (`''`: above the form), in the page's language (by the
 * error's code and path, see `i18n/error-messages.ts`). `undefined`
 * for a failure that is no mistake in the input — a missing record, a bug — which the page lets through (a 404 or 500
 * page).
 */
export function formErrorsOf(error: unknown, fields: readonly string[], locale: Locale): FieldError[] | undefined {
  if (error instanceof PageInputError) {
    return error.issues.map((issue) => ({
      field: fieldOfPath(issue.path, fields),
      message: refusalText(locale, issue),
    }));
  }
  if (error instanceof CoreError || (error instanceof PowerUpError && error.code !== 'not-found')) {
    return [{ field: fieldOfPath(error.path, fields), message: refusalText(locale, error) }];
  }
  return undefined;
}
