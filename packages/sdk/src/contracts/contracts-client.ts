import type { CancellationReasonInput, ContractTermsInput, SlaPolicyInput } from '@contractbeheer/core';
import * as z from 'zod';
import { checkPrintable, checkRecord } from '../errors/argument-checks.js';
import { ApiError, ValidationError } from '../errors/sdk-error.js';
import { checkClientOptions, DEFAULT_MAX_RESPONSE_BYTES } from '../transport/option-checks.js';
import { Transport, type CallOptions, type Logger, type TransportRequest } from '../transport/transport.js';
import {
  actionResultSchema,
  cancellationReasonListItemSchema,
  cancellationReasonSchema,
  cancellationReportSchema,
  contractBudgetSchema,
  contractResourceSchema,
  contractTermsSchema,
  pageSchema,
  putCancellationReasonResultSchema,
  refreshResultSchema,
  schedulePreviewSchema,
  scheduleViewSchema,
  slaPolicySchema,
  tenantSettingsSchema,
  updateResultSchema,
  type ActionResult,
  type CancellationReasonListItem,
  type CancellationReport,
  type CancellationReportQuery,
  type ContractChanges,
  type ContractBudget,
  type ContractResource,
  type CreateContractBody,
  type ListContractsQuery,
  type PutCancellationReasonResult,
  type TenantSettings,
  type TenantSettingsInput,
  type Page,
  type RenewBody,
  type RestartBody,
  type ScheduleChangePreview,
  type ScheduleView,
  type TerminateBody,
} from './contracts-api.js';

export type ContractsClientOptions = {
  /** The power-up's API root, e.g. `https://contracts.example.com/api/v1`. */
  baseUrl: string;
  /** The tenant's API key (sent as a bearer token). */
  apiKey: string;
  /** Per attempt — connecting, headers and the whole body — in ms (1 to 2 147 483 647; default 30 000). */
  timeoutMs?: number;
  /** Retries of calls that are safe to repeat (0 to 10; default 2). */
  maxRetries?: number;
  /** The largest answer read, in bytes (default 64 MiB); a larger one fails with an `ApiError` and no retry. */
  maxResponseBytes?: number;
  logger?: Logger;
  fetch?: typeof globalThis.fetch;
  random?: () => number;
};

/** Changes need the version they were made on: the resource's ETag, sent as `If-Match`. */
export type Precondition = { etag: string };

/** A path from its template; each parameter is checked (a non-empty string) and encoded. */
const path = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(checkPrintable(params[name], template, name)));

/**
 * A typed client for the Contractbeheer contracts API: contracts with optimistic concurrency (ETag / If-Match),
 * actions, schedule preview and view, budgets, terms, SLA policies, cancellation reasons and reports. Lists are
 * async iterators over cursor pages that fetch lazily, so a `break` stops the requests too.
 *
 * @example
 * const api = createContractsClient({ baseUrl: 'https://contracts.example.com/api/v1', apiKey: process.env.CONTRACTS_API_KEY! });
 * for await (const { contract, status } of api.contracts.list({ status: 'active' })) console.log(contract.id, status);
 */
export function createContractsClient(options: ContractsClientOptions) {
  checkRecord(options, 'createContractsClient', 'the options', false);
  if (typeof options.apiKey !== 'string' || !options.apiKey) {
    throw new ValidationError('createContractsClient: give the apiKey of the tenant.');
  }
  if (options.baseUrl === undefined) {
    throw new ValidationError("createContractsClient: give the baseUrl, e.g. 'https://contracts.example.com/api/v1'.");
  }
  checkClientOptions('createContractsClient', options);
  const transport = new Transport({
    baseUrl: options.baseUrl,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    auth: { kind: 'bearer', token: options.apiKey },
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.maxRetries !== undefined && { retry: { maxRetries: options.maxRetries } }),
    ...(options.logger && { logger: options.logger }),
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.random && { random: options.random }),
  });

  async function call<T>(schema: z.core.$ZodType | undefined, request: TransportRequest): Promise<T> {
    const response = await transport.send(request);
    if (schema === undefined) return undefined as T;
    const parsed = z.safeParse(schema, response.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ValidationError(
        `${request.method} ${request.path}: unexpected response (${issue?.path.join('.') || '(root)'}: ${issue?.message}); is the server the same API version?`,
        { status: response.status, secrets: transport.secretValues },
      );
    }
    return parsed.data as T;
  }

  const query = (params: Record<string, string | number | boolean | undefined>, where: string): [string, string][] =>
    Object.entries(checkRecord(params, where, 'the query', false) as Record<string, unknown>).flatMap(([k, v]) => {
      if (v === undefined) return [];
      if (typeof v === 'number' && Number.isFinite(v)) return [[k, String(v)] as [string, string]];
      if (typeof v === 'boolean') return [[k, String(v)] as [string, string]];
      return [[k, checkPrintable(v, where, k)] as [string, string]];
    });
  const ifMatch = (pre: Precondition, where: string) => {
    const checked = checkRecord(pre, where, 'the precondition ({ etag } from the last read)', false) ?? {};
    return { 'if-match': checkPrintable(checked.etag, where, 'etag') };
  };
  /** A delete whose earlier attempt lost its answer finds nothing on the retry: it is gone, as asked. */
  const goneOnRetry = (error: { status: number | undefined }) => error.status === 404;

  const contracts = {
    /** One page of contracts; `nextCursor` continues. */
    async listPage(params: ListContractsQuery = {}, callOptions?: CallOptions): Promise<Page<ContractResource>> {
      return call(pageSchema(contractResourceSchema), {
        method: 'GET',
        path: 'contracts',
        query: query(params, 'contracts.listPage'),
        idempotent: true,
        options: callOptions,
      });
    },
    /** Every contract, page by page as you iterate; `break` stops fetching. */
    async *list(
      params: Omit<ListContractsQuery, 'cursor'> = {},
      callOptions?: CallOptions,
    ): AsyncGenerator<ContractResource, void, undefined> {
      checkRecord(params, 'contracts.list', 'the query', false);
      let cursor: string | undefined;
      do {
        const page = await contracts.listPage({ ...params, ...(cursor !== undefined && { cursor }) }, callOptions);
        yield* page.data;
        // A server that hands back the cursor it was given would keep this loop asking for the same page forever.
        if (page.nextCursor !== null && page.nextCursor === cursor) {
          const message = `GET contracts: the server returned the same nextCursor again; is it the same API version?`;
          throw new ApiError(message, { status: 200, secrets: transport.secretValues });
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    },
    /**
     * Creates a contract from what a client may set: a name is required, and server-owned fields (`version`,
     * `termination`, `restartOf`, `objectOwners`) are refused — terminate or restart through their actions.
     */
    async create(input: CreateContractBody, callOptions?: CallOptions): Promise<ContractResource> {
      return call(contractResourceSchema, {
        method: 'POST',
        path: 'contracts',
        body: input,
        idempotent: false,
        options: callOptions,
      });
    },
    async get(id: string, callOptions?: CallOptions): Promise<ContractResource> {
      return call(contractResourceSchema, {
        method: 'GET',
        path: path('contracts/{id}', { id }),
        idempotent: true,
        options: callOptions,
      });
    },
    /**
     * Edits with `If-Match`: a 412 (`ConflictError`) means someone else changed it first — reload and retry. Retried
     * after a lost answer, the edit cannot apply twice (the ETag moved on), but the retry then gets that 412 although
     * the edit may be ours: the error says so; `get` and compare before editing again.
     */
    async update(
      id: string,
      changes: ContractChanges,
      pre: Precondition,
      callOptions?: CallOptions,
    ): Promise<{ contract: ContractResource; preview: ScheduleChangePreview }> {
      return call(updateResultSchema, {
        method: 'PATCH',
        path: path('contracts/{id}', { id }),
        body: { changes },
        headers: ifMatch(pre, 'contracts.update'),
        idempotent: true,
        options: callOptions,
      });
    },
    /** Deletes with `If-Match`. Retried after a lost answer, the "not found" that follows counts as deleted. */
    async delete(id: string, pre: Precondition, callOptions?: CallOptions): Promise<void> {
      await call(undefined, {
        method: 'DELETE',
        path: path('contracts/{id}', { id }),
        headers: ifMatch(pre, 'contracts.delete'),
        idempotent: true,
        options: callOptions,
        doneOnRetry: goneOnRetry,
      });
    },
    async terminate(
      id: string,
      body: TerminateBody,
      pre: Precondition,
      callOptions?: CallOptions,
    ): Promise<ActionResult> {
      return call(actionResultSchema, {
        method: 'POST',
        path: path('contracts/{id}/actions/terminate', { id }),
        body,
        headers: ifMatch(pre, 'contracts.terminate'),
        idempotent: false,
        options: callOptions,
      });
    },
    async restart(id: string, body: RestartBody, callOptions?: CallOptions): Promise<ActionResult> {
      return call(actionResultSchema, {
        method: 'POST',
        path: path('contracts/{id}/actions/restart', { id }),
        body,
        idempotent: false,
        options: callOptions,
      });
    },
    async renew(id: string, body: RenewBody, pre: Precondition, callOptions?: CallOptions): Promise<ActionResult> {
      return call(actionResultSchema, {
        method: 'POST',
        path: path('contracts/{id}/actions/renew', { id }),
        body,
        headers: ifMatch(pre, 'contracts.renew'),
        idempotent: false,
        options: callOptions,
      });
    },
    /** Re-reads the host and recomputes; repeating it does no harm, so a retry returns the fresh result. */
    async refresh(id: string, callOptions?: CallOptions): Promise<{ contract: ContractResource; workOrders: number }> {
      return call(refreshResultSchema, {
        method: 'POST',
        path: path('contracts/{id}/actions/refresh', { id }),
        body: {},
        idempotent: true,
        options: callOptions,
      });
    },
  };

  const codeCollection = <Input, Output>(collection: string, schema: z.core.$ZodType) => ({
    async list(callOptions?: CallOptions): Promise<Output[]> {
      return (
        await call<{ data: Output[] }>(z.object({ data: z.array(schema) }), {
          method: 'GET',
          path: collection,
          idempotent: true,
          options: callOptions,
        })
      ).data;
    },
    /** Creates or replaces the entry with this code. */
    async put(code: string, input: Input, callOptions?: CallOptions): Promise<Output> {
      return call(schema, {
        method: 'PUT',
        path: path(`${collection}/{code}`, { code }),
        body: input,
        idempotent: true,
        options: callOptions,
      });
    },
    async delete(code: string, callOptions?: CallOptions): Promise<void> {
      await call(undefined, {
        method: 'DELETE',
        path: path(`${collection}/{code}`, { code }),
        idempotent: true,
        options: callOptions,
        doneOnRetry: goneOnRetry,
      });
    },
  });

  return {
    contracts,
    schedule: {
      async preview(id: string, changes: ContractChanges, callOptions?: CallOptions): Promise<ScheduleChangePreview> {
        return call(schedulePreviewSchema, {
          method: 'POST',
          path: path('contracts/{id}/schedule/preview', { id }),
          body: { changes },
          idempotent: true,
          options: callOptions,
        });
      },
      async view(
        id: string,
        range: { from?: string; until?: string } = {},
        callOptions?: CallOptions,
      ): Promise<ScheduleView> {
        return call(scheduleViewSchema, {
          method: 'GET',
          path: path('contracts/{id}/schedule', { id }),
          query: query(range, 'schedule.view'),
          idempotent: true,
          options: callOptions,
        });
      },
    },
    budgets: {
      /**
       * The budget status with the actuals split into labour, materials and other, the materials used, and the work
       * orders generated in the period beside those still planned.
       */
      async get(id: string, callOptions?: CallOptions): Promise<ContractBudget> {
        return call(contractBudgetSchema, {
          method: 'GET',
          path: path('contracts/{id}/budget', { id }),
          idempotent: true,
          options: callOptions,
        });
      },
    },
    /**
     * The tenant's settings: whether a cancellation reason is required, the catch-up limit, what happens to
     * not-started work orders after a termination, the time zone, the holidays and the hour-type rates.
     */
    settings: {
      async get(callOptions?: CallOptions): Promise<TenantSettings> {
        return call(tenantSettingsSchema, { method: 'GET', path: 'settings', idempotent: true, options: callOptions });
      },
      /** Replaces the settings; fields left out take their default. Repeating it sets the same values. */
      async put(input: TenantSettingsInput, callOptions?: CallOptions): Promise<TenantSettings> {
        return call(tenantSettingsSchema, {
          method: 'PUT',
          path: 'settings',
          body: input,
          idempotent: true,
          options: callOptions,
        });
      },
    },
    terms: codeCollection<ContractTermsInput, z.output<typeof contractTermsSchema>>('terms', contractTermsSchema),
    slaPolicies: codeCollection<SlaPolicyInput, z.output<typeof slaPolicySchema>>('sla-policies', slaPolicySchema),
    cancellationReasons: {
      ...codeCollection<CancellationReasonInput, z.output<typeof cancellationReasonSchema>>(
        'cancellation-reasons',
        cancellationReasonSchema,
      ),
      /** Every reason, each with the number of terminations that use it. */
      async list(callOptions?: CallOptions): Promise<CancellationReasonListItem[]> {
        return (
          await call<{ data: CancellationReasonListItem[] }>(
            z.object({ data: z.array(cancellationReasonListItemSchema) }),
            {
              method: 'GET',
              path: 'cancellation-reasons',
              idempotent: true,
              options: callOptions,
            },
          )
        ).data;
      },
      /**
       * Creates or relabels a reason. Relabelling one that terminations use answers with a `warning`: they keep the
       * old label; if the meaning changed, add a new reason and archive this one instead.
       */
      async put(
        code: string,
        input: CancellationReasonInput,
        callOptions?: CallOptions,
      ): Promise<PutCancellationReasonResult> {
        return call(putCancellationReasonResultSchema, {
          method: 'PUT',
          path: path('cancellation-reasons/{code}', { code }),
          body: input,
          idempotent: true,
          options: callOptions,
        });
      },
      /**
       * Archives a reason. Retried after a lost answer, it archives an archived reason again, which changes nothing
       * (the server answers the reason as it stands).
       */
      async archive(code: string, callOptions?: CallOptions): Promise<z.output<typeof cancellationReasonSchema>> {
        return call(cancellationReasonSchema, {
          method: 'POST',
          path: path('cancellation-reasons/{code}/archive', { code }),
          idempotent: true,
          options: callOptions,
        });
      },
    },
    reports: {
      /** Terminations per reason per period; `includeRemarks: true` adds each row's remarks. */
      async cancellations(params: CancellationReportQuery, callOptions?: CallOptions): Promise<CancellationReport> {
        return call(cancellationReportSchema, {
          method: 'GET',
          path: 'reports/cancellations',
          query: query(params, 'reports.cancellations'),
          idempotent: true,
          options: callOptions,
        });
      },
    },
  };
}

export type ContractsClient = ReturnType<typeof createContractsClient>;
