import {
  applyContractAction,
  budgetStatus,
  cancellationReport,
  contractStatus,
  expandSchedule,
  parseContract,
  parseContractTerms,
  previewScheduleChange,
  WEEKDAYS,
  type Contract,
} from '@contractbeheer/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  contractsOpenApiDocument,
  createContractsClient,
  NotFoundError,
  ValidationError,
} from '../src/index.js';

const API = 'https://contracts.test/api/v1';
const KEY = 'cb_live_key_0123456789';
const AS_OF = '2025-06-01T10:00:00Z';

/** A small stand-in for the power-up's API, built on the core engine, enough to exercise every client call. */
function fakeApi() {
  const contracts = new Map<string, Contract>();
  const requests: string[] = [];
  const reasons = new Map([['VERHUISD', { code: 'VERHUISD', label: 'Klant verhuisd', archived: false }]]);
  const resource = (contract: Contract) => {
    const { status, flags } = contractStatus(contract, { asOf: AS_OF });
    return { contract, status, flags, etag: `"${contract.version}"` };
  };
  const fail = (status: number, code: string, message: string) =>
    HttpResponse.json({ error: { code, message } }, { status });
  const authorized = (request: Request) => request.headers.get('authorization') === `Bearer ${KEY}`;
  const found = (id: string) => contracts.get(id);
  const handlers = [
    http.all(`${API}/*`, ({ request }) => {
      requests.push(
        `${request.method} ${new URL(request.url).pathname.replace('/api/v1', '')}${new URL(request.url).search}`,
      );
      if (!authorized(request)) return fail(401, 'unauthorized', 'send the API key as a bearer token');
      return undefined;
    }),
    http.get(`${API}/contracts`, ({ request }) => {
      const url = new URL(request.url);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const all = [...contracts.values()].sort((a, b) => a.id.localeCompare(b.id));
      const start = url.searchParams.has('cursor')
        ? all.findIndex((c) => c.id > (url.searchParams.get('cursor') as string))
        : 0;
      const page = start < 0 ? [] : all.slice(start, start + limit);
      const last = page.at(-1);
      return HttpResponse.json({
        data: page.map(resource),
        nextCursor: last && start + limit < all.length ? last.id : null,
      });
    }),
    http.post(`${API}/contracts`, async ({ request }) => {
      const contract = parseContract(await request.json());
      contracts.set(contract.id, contract);
      return HttpResponse.json(resource(contract), { status: 201, headers: { etag: `"${contract.version}"` } });
    }),
    http.get(`${API}/contracts/:id`, ({ params }) => {
      const contract = found(params.id as string);
      return contract ? HttpResponse.json(resource(contract)) : fail(404, 'not-found', 'no such contract');
    }),
    http.patch(`${API}/contracts/:id`, async ({ params, request }) => {
      const contract = found(params.id as string);
      if (!contract) return fail(404, 'not-found', 'no such contract');
      if (request.headers.get('if-match') !== `"${contract.version}"`)
        return fail(412, 'version-conflict', 'the contract changed since you read it: reload it');
      const { changes } = (await request.json()) as { changes: Record<string, unknown> };
      const result = applyContractAction(
        contract,
        { type: 'edit', expectedVersion: contract.version, changes },
        { asOf: AS_OF },
      );
      contracts.set(contract.id, result.contract as Contract);
      const preview = result.effects.find((e) => e.type === 'schedule-changed');
      return HttpResponse.json({
        contract: resource(result.contract as Contract),
        preview: preview?.type === 'schedule-changed' ? preview.preview : null,
      });
    }),
    http.delete(`${API}/contracts/:id`, ({ params }) => {
      if (params.id === 'C-DONE')
        return fail(
          409,
          'not-allowed',
          '1 work order(s) of this contract are completed or handled: terminate the contract instead of deleting it.',
        );
      contracts.delete(params.id as string);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${API}/contracts/:id/actions/terminate`, async ({ params, request }) => {
      const contract = found(params.id as string) as Contract;
      const body = (await request.json()) as { date: string; reasonCode?: string };
      const result = applyContractAction(
        contract,
        { type: 'terminate', ...body },
        { asOf: AS_OF, reasons: [...reasons.values()] },
      );
      contracts.set(contract.id, result.contract as Contract);
      return HttpResponse.json({
        contract: resource(result.contract as Contract),
        effects: result.effects.filter((e) => e.type !== 'save-contract'),
      });
    }),
    http.post(`${API}/contracts/:id/schedule/preview`, async ({ params, request }) => {
      const contract = found(params.id as string) as Contract;
      const { changes } = (await request.json()) as { changes: Record<string, unknown> };
      return HttpResponse.json(
        previewScheduleChange(contract, { ...contract, ...changes }, { asOf: AS_OF, until: '2025-07-31' }),
      );
    }),
    http.get(`${API}/contracts/:id/budget`, ({ params }) => {
      if (params.id === 'C-BROKEN') return HttpResponse.json({ wrong: 'shape' });
      const contract = found(params.id as string);
      if (!contract) return fail(404, 'not-found', 'no such contract');
      return HttpResponse.json({
        ...budgetStatus(contract, {
          asOf: AS_OF,
          costLines: [],
          hourTypeRates: {},
          expectedCostPerWorkOrder: { amount: 5000, currency: 'EUR' },
        }),
        materialsUsed: [],
        generated: { workOrders: 5 },
      });
    }),
    http.get(`${API}/contracts/:id/schedule`, ({ params, request }) => {
      const contract = found(params.id as string) as Contract;
      const url = new URL(request.url);
      const occurrences = expandSchedule(
        contract.schedule as NonNullable<Contract['schedule']>,
        { start: contract.startDate, tzid: contract.timeZone },
        { from: url.searchParams.get('from') ?? undefined, until: url.searchParams.get('until') ?? '2025-12-31' },
      ).map((o) => ({
        key: `${contract.id}|*|${o.local.slice(0, 10)}`,
        objectCode: null,
        targetDate: o.local.slice(0, 10),
        creationDate: o.local.slice(0, 10),
        state: o.local < '2025-06' ? 'created' : 'planned',
        workOrderNumber: null,
        hostRowId: null,
        late: false,
        skippedReason: null,
      }));
      return HttpResponse.json({ contractId: contract.id, occurrences, nextCreationDate: '2025-06-15' });
    }),
    http.post(`${API}/contracts/:id/actions/:action`, async ({ params, request }) => {
      const contract = found(params.id as string) as Contract;
      if (params.action === 'refresh') return HttpResponse.json({ contract: resource(contract), workOrders: 3 });
      const body = (await request.json()) as Record<string, string>;
      const terms = {
        code: 'JAAR',
        name: 'Jaar',
        autoExtend: false,
        period: { count: 1, unit: 'year' as const },
        indexation: { kind: 'fixed' as const, basisPoints: 200 },
      };
      const command =
        params.action === 'restart'
          ? { type: 'restart' as const, newId: body.newId as string }
          : { type: 'renew' as const };
      const asOf = params.action === 'restart' ? '2027-02-01T10:00:00Z' : AS_OF;
      const result = applyContractAction(contract, command, { asOf, terms });
      const created = result.effects.find((e) => e.type === 'create-contract');
      const next = created?.type === 'create-contract' ? created.contract : (result.contract as Contract);
      contracts.set(next.id, next);
      return HttpResponse.json({
        contract: resource(next),
        effects: result.effects.filter((e) => e.type === 'price-indexed'),
      });
    }),
    ...(['terms', 'sla-policies'] as const).flatMap((collection) => {
      const stored = new Map<string, unknown>();
      return [
        http.get(`${API}/${collection}`, () => HttpResponse.json({ data: [...stored.values()] })),
        http.put(`${API}/${collection}/:code`, async ({ request, params }) => {
          const body = (await request.json()) as Record<string, unknown>;
          const parsed = collection === 'terms' ? parseContractTerms(body) : body;
          stored.set(params.code as string, parsed);
          return HttpResponse.json(parsed);
        }),
        http.delete(`${API}/${collection}/:code`, ({ params }) => {
          stored.delete(params.code as string);
          return new HttpResponse(null, { status: 204 });
        }),
      ];
    }),
    http.put(`${API}/cancellation-reasons/:code`, async ({ request }) => {
      const reason = (await request.json()) as { code: string; label: string; archived?: boolean };
      reasons.set(reason.code, { archived: false, ...reason });
      return HttpResponse.json({ ...reasons.get(reason.code), terminationCount: 0 });
    }),
    http.get(`${API}/cancellation-reasons`, () =>
      HttpResponse.json({ data: [...reasons.values()].map((reason) => ({ ...reason, terminationCount: 0 })) }),
    ),
    http.post(`${API}/cancellation-reasons/:code/archive`, ({ params }) => {
      const reason = reasons.get(params.code as string);
      if (!reason) return fail(404, 'not-found', 'no such reason');
      reason.archived = true;
      return HttpResponse.json(reason);
    }),
    http.get(`${API}/reports/cancellations`, ({ request }) => {
      const url = new URL(request.url);
      const terminated = [...contracts.values()].filter((c) => c.termination);
      return HttpResponse.json(
        cancellationReport(
          terminated.map((c) => ({
            contractId: c.id,
            date: c.termination?.date as string,
            reasonCode: c.termination?.reasonCode,
            reasonLabel: c.termination?.reasonLabel,
            lostValue: { amount: 1000, currency: 'EUR' },
          })),
          {
            from: url.searchParams.get('from') as string,
            to: url.searchParams.get('to') as string,
            groupBy: url.searchParams.get('groupBy') as 'month',
          },
        ),
      );
    }),
  ];
  return { contracts, requests, handlers };
}

const server = setupServer();
let api: ReturnType<typeof fakeApi>;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  api = fakeApi();
  server.use(...api.handlers);
});
afterEach(() => server.resetHandlers());

const client = () => createContractsClient({ baseUrl: API, apiKey: KEY, maxRetries: 0 });
const contract = (id: string) => ({
  id,
  name: `Onderhoud ${id}`,
  type: 'preventive' as const,
  startDate: '2025-01-01',
  debtorNumber: 'D1',
  termsCode: 'JAAR',
  schedule: { unit: 'month' as const, day: 15 },
});

describe('createContractsClient', () => {
  it('creates and reads contracts with their status and ETag', async () => {
    const created = await client().contracts.create(contract('C-1'));
    expect(created).toMatchObject({
      status: 'active',
      etag: '"0"',
      contract: { id: 'C-1', timeZone: 'Europe/Amsterdam' },
    });
    expect((await client().contracts.get('C-1')).contract.schedule).toMatchObject({ unit: 'month', day: 15 });
    await expect(client().contracts.get('C-404')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('pages through contracts lazily; breaking early stops the requests', async () => {
    for (const id of ['C-1', 'C-2', 'C-3', 'C-4', 'C-5']) await client().contracts.create(contract(id));
    api.requests.length = 0;
    const ids: string[] = [];
    for await (const item of client().contracts.list({ limit: 2 })) ids.push(item.contract.id);
    expect(ids).toEqual(['C-1', 'C-2', 'C-3', 'C-4', 'C-5']);
    expect(api.requests).toEqual([
      'GET /contracts?limit=2',
      'GET /contracts?limit=2&cursor=C-2',
      'GET /contracts?limit=2&cursor=C-4',
    ]);
    api.requests.length = 0;
    for await (const item of client().contracts.list({ limit: 2 })) if (item.contract.id === 'C-2') break;
    expect(api.requests).toHaveLength(1);
  });

  it('edits with If-Match; a stale ETag is a ConflictError', async () => {
    const created = await client().contracts.create(contract('C-1'));
    const { contract: updated, preview } = await client().contracts.update(
      'C-1',
      { schedule: { unit: 'month', day: 16 } },
      created,
    );
    expect(updated.etag).toBe('"1"');
    expect(preview.moved.length).toBeGreaterThan(0);
    const stale = await client()
      .contracts.update('C-1', { daysInAdvance: 3 }, created)
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ status: 412 });
  });

  it('terminates, previews a schedule change and reports cancellations', async () => {
    const created = await client().contracts.create(contract('C-1'));
    const result = await client().contracts.terminate('C-1', { date: '2025-06-30', reasonCode: 'VERHUISD' }, created);
    expect(result.contract?.contract.termination).toEqual({
      date: '2025-06-30',
      reasonCode: 'VERHUISD',
      reasonLabel: 'Klant verhuisd',
    });
    expect(result.effects.map((e) => e.type)).toEqual(['stop-generation-after']);
    const preview = await client().schedule.preview('C-1', { daysInAdvance: 7 });
    expect(preview.moved.map((m) => m.to.creationDate)).toEqual(['2025-06-08']);
    const report = await client().reports.cancellations({ from: '2025-01-01', to: '2025-12-31', groupBy: 'quarter' });
    expect(report.periods.map((p) => p.count)).toEqual([0, 1, 0, 0]);
  });

  it('settings: cancellation reasons put, list, archive', async () => {
    const reasons = client().cancellationReasons;
    await reasons.put('PRIJS', { code: 'PRIJS', label: 'Te duur' });
    expect((await reasons.list()).map((r) => [r.code, r.terminationCount])).toEqual([
      ['VERHUISD', 0],
      ['PRIJS', 0],
    ]);
    expect(await reasons.archive('PRIJS')).toEqual({ code: 'PRIJS', label: 'Te duur', archived: true });
  });

  it('a refused delete says why; an unexpected response shape is named', async () => {
    const error = await client()
      .contracts.delete('C-DONE', { etag: '"0"' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/terminate the contract instead/);
    await expect(client().budgets.get('C-BROKEN')).rejects.toThrow(ValidationError);
  });

  it('budget, schedule view, refresh, renew and restart', async () => {
    const created = await client().contracts.create({
      ...contract('C-1'),
      endDate: '2025-12-31',
      budget: { amount: { amount: 100_000, currency: 'EUR' }, per: 'contract' },
    });
    expect(await client().budgets.get('C-1')).toMatchObject({
      planned: { workOrders: 7 },
      generated: { workOrders: 5 },
      forecast: { amount: 35_000 },
      underPressure: false,
    });
    const view = await client().schedule.view('C-1', { from: '2025-05-01', until: '2025-07-31' });
    expect(view.occurrences.map((o) => [o.targetDate, o.state])).toEqual([
      ['2025-05-15', 'created'],
      ['2025-06-15', 'planned'],
      ['2025-07-15', 'planned'],
    ]);
    expect((await client().contracts.refresh('C-1')).workOrders).toBe(3);
    const renewed = await client().contracts.renew('C-1', {}, created);
    expect(renewed.contract?.contract).toMatchObject({
      endDate: '2026-12-31',
      budget: { amount: { amount: 102_000 } },
    });
    expect(renewed.effects).toEqual([
      {
        type: 'price-indexed',
        from: { amount: 100_000, currency: 'EUR' },
        to: { amount: 102_000, currency: 'EUR' },
        appliedBasisPoints: 200,
        limitedBy: null,
      },
    ]);
    const restarted = await client().contracts.restart('C-1', { newId: 'C-1b' });
    expect(restarted.contract?.contract).toMatchObject({ id: 'C-1b', restartOf: 'C-1' });
  });

  it('settings: terms and SLA policies put, list, delete', async () => {
    const terms = { code: 'JAAR', name: 'Jaarcontract', autoExtend: true, period: { count: 1, unit: 'year' as const } };
    expect(await client().terms.put('JAAR', terms)).toMatchObject({
      code: 'JAAR',
      invoicePeriod: { count: 1, unit: 'month' },
    });
    expect((await client().terms.list()).map((t) => t.code)).toEqual(['JAAR']);
    await client().terms.delete('JAAR');
    expect(await client().terms.list()).toEqual([]);
    const policy = {
      code: 'GOUD',
      name: 'Goud',
      description: '',
      responseStatus: 'ONDERWEG',
      resolvedStatus: 'COMPLEET',
      clock: 'business' as const,
      targets: {
        HOOG: { response: { amount: 4, unit: 'hours' as const }, resolution: { amount: 2, unit: 'days' as const } },
      },
    };
    expect(await client().slaPolicies.put('GOUD', policy)).toEqual(policy);
    expect((await client().slaPolicies.list()).map((p) => p.code)).toEqual(['GOUD']);
  });

  it('sends the key as a bearer token and never shows it', async () => {
    const wrong = createContractsClient({ baseUrl: API, apiKey: 'cb_wrong_key_987654', maxRetries: 0 });
    const error = (await wrong.contracts.get('C-1').catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('AuthenticationError');
    expect(JSON.stringify(error) + error.message + String(error.stack)).not.toContain('cb_wrong_key_987654');
  });
});

describe('contractsOpenApiDocument', () => {
  it('describes every route with JSON schemas from the same zod schemas', () => {
    const doc = contractsOpenApiDocument({ serverUrl: API }) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { operationId: string; requestBody?: unknown; parameters: { name: string }[] }>
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).map((op) => op.operationId),
    );
    expect(operations).toHaveLength(26);
    expect(operations).toEqual(expect.arrayContaining(['getSettings', 'putSettings', 'contractHistory']));
    expect(doc.paths['/contracts/{id}']?.patch?.parameters.map((p) => p.name)).toEqual(['id', 'If-Match']);
    const createBody = (
      doc.paths['/contracts']?.post?.requestBody as {
        content: { 'application/json': { schema: { required: string[]; properties: Record<string, unknown> } } };
      }
    ).content['application/json'].schema;
    expect(createBody.required).toEqual(expect.arrayContaining(['id', 'type', 'startDate', 'debtorNumber']));
    expect(Object.keys(createBody.properties)).toContain('schedule');
  });

  type Schema = {
    type?: string;
    required?: string[];
    properties?: Record<string, Schema>;
    items?: Schema;
    additionalProperties?: unknown;
    not?: unknown;
    enum?: unknown[];
    description?: string;
  };
  type Operation = {
    parameters: { name: string; in: string; schema: Schema }[];
    requestBody?: { content: { 'application/json': { schema: Schema } } };
    responses: Record<string, { content?: { 'application/json': { schema: Schema } } }>;
  };
  const operation = (path: string, method: string) => {
    const doc = contractsOpenApiDocument() as { paths: Record<string, Record<string, Operation>> };
    const found = doc.paths[path]?.[method];
    if (found === undefined) throw new Error(`no ${method} ${path} in the document`);
    return found;
  };
  const response = (op: Operation, status = '200') =>
    op.responses[status]?.content?.['application/json'].schema as Schema;

  it('carries the new fields and routes of issue 10', () => {
    // Item 6: the create body is strict, needs a name and refuses the server's fields.
    const create = operation('/contracts', 'post').requestBody?.content['application/json'].schema as Schema;
    expect(create.additionalProperties).toBe(false);
    expect(create.required).toContain('name');
    for (const field of ['version', 'termination', 'restartOf', 'objectOwners'])
      expect(create.properties?.[field]).toEqual({ not: {} });
    // Items 5, 7 and 11: the contract carries its agreement details, expected cost and object owners.
    const contract = response(operation('/contracts/{id}', 'get')).properties?.contract as Schema;
    expect(Object.keys(contract.properties ?? {})).toEqual(
      expect.arrayContaining(['name', 'description', 'externalReference', 'expectedCostPerWorkOrder', 'objectOwners']),
    );
    expect(contract.properties?.objectOwners?.description).toMatch(/fills .* from the host/);
    // Item 7: the budget answer.
    const budget = response(operation('/contracts/{id}/budget', 'get'));
    expect(budget.required).toEqual(expect.arrayContaining(['consumedBy', 'materialsUsed', 'generated', 'planned']));
    expect(Object.keys(budget.properties?.consumedBy?.properties ?? {})).toEqual(['labour', 'materials', 'other']);
    // Item 8: the settings route.
    const settings = response(operation('/settings', 'get'));
    expect(Object.keys(settings.properties ?? {})).toEqual([
      'reasonRequired',
      'catchUpLimitDays',
      'notStartedAfterTermination',
      'timeZone',
      'holidays',
      'hourTypeRates',
      'workingHours',
    ]);
    expect(settings.properties?.notStartedAfterTermination?.enum).toEqual(['leave', 'delete']);
    expect(Object.keys(settings.properties?.workingHours?.properties ?? {})).toEqual([...WEEKDAYS]);
    expect(operation('/settings', 'put').requestBody).toBeDefined();
    // Item 9: the list filters are query parameters.
    expect(operation('/contracts', 'get').parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      [
        'status',
        'debtorNumber',
        'q',
        'type',
        'termsCode',
        'objectCode',
        'underBudgetPressure',
        'renewalDue',
        'noticeDeadlineNear',
        'limit',
        'cursor',
      ].map((name) => `query:${name}`),
    );
    // Item 10: reasons with their use, the relabel warning, remarks in the report.
    const reasons = response(operation('/cancellation-reasons', 'get')).properties?.data?.items as Schema;
    expect(reasons.required).toContain('terminationCount');
    const put = response(operation('/cancellation-reasons/{code}', 'put'));
    expect(Object.keys(put.properties ?? {})).toEqual(expect.arrayContaining(['terminationCount', 'warning']));
    expect(put.required).not.toContain('warning');
    const report = operation('/reports/cancellations', 'get');
    expect(report.parameters.map((p) => p.name)).toContain('includeRemarks');
    const row = response(report).properties?.totals?.items as Schema;
    expect(Object.keys(row.properties ?? {})).toContain('remarks');
  });
});
