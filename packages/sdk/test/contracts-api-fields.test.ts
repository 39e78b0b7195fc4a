// Issue 10, items 6–11: the contracts API's fields and routes, each tested from the knowledge-base sentence it serves
// (quoted in Dutch from ../shared/seeds/). The stand-in server below validates with the SDK's own schemas and
// computes with the core, as the power-up's server will.
import {
  applyContractAction,
  budgetStatus,
  cancellationReport,
  contractStatus,
  CoreError,
  matchesContractSearch,
  parseContract,
  relabelWarning,
  type Contract,
  type CostLine,
} from '@contractbeheer/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { contractsApi, createContractsClient, ValidationError, type CreateContractBody } from '../src/index.js';

const API = 'https://contracts.test/api/v1';
const KEY = 'cb_live_key_0123456789';
const AS_OF = '2025-06-01T10:00:00Z';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const JAAR = {
  code: 'JAAR',
  name: 'Jaarcontract',
  autoExtend: true,
  period: { count: 1, unit: 'year' as const },
  noticeBeforeCancellation: { count: 1, unit: 'month' as const },
};
/** The host's objects and their customers: what the server reads to fill `objectOwners`. */
const HOST_OBJECTS: Record<string, string> = { 'CV-01': 'D1', 'CV-02': 'D1', 'AC-07': 'D2' };
/** The host's actual costs and materials per contract, and how many work orders were generated. */
const HOST_COSTS: Record<string, CostLine[]> = {
  'C-1': [
    { kind: 'labour', date: '2025-03-15', minutes: 120, hourTypeCode: 'NORMAAL' },
    { kind: 'material', date: '2025-03-15', quantity: '2.5', unitPrice: eur(455) },
    { kind: 'other', date: '2025-04-01', amount: eur(2500) },
  ],
};
const HOST_MATERIALS: Record<
  string,
  { code: string; name: string; unit: string; quantity: string; cost: ReturnType<typeof eur> }[]
> = {
  'C-1': [{ code: 'FLT-01', name: 'Filter', unit: 'st', quantity: '2.5', cost: eur(1138) }],
};

function invalid(path: readonly PropertyKey[], message: string) {
  return HttpResponse.json({ error: { code: 'invalid-input', message, path } }, { status: 400 });
}
function refuse(error: unknown) {
  if (error instanceof z.ZodError) {
    const [issue] = error.issues;
    return invalid(issue?.path ?? [], issue?.message ?? 'invalid');
  }
  if (error instanceof CoreError) return invalid(error.path, error.message);
  throw error;
}

function fakeApi() {
  const contracts = new Map<string, Contract>();
  let settings = contractsApi.tenantSettingsSchema.parse({});
  const reasons = new Map([
    ['PRIJS', { code: 'PRIJS', label: 'Te duur', archived: false }],
    ['VERHUISD', { code: 'VERHUISD', label: 'Klant verhuisd', archived: false }],
  ]);
  const resource = (contract: Contract) => {
    const { status, flags } = contractStatus(contract, {
      asOf: AS_OF,
      ...(contract.termsCode === 'JAAR' && { terms: JAAR }),
    });
    return { contract, status, flags, etag: `"${contract.version}"` };
  };
  const withOwners = (contract: Record<string, unknown>) => ({
    ...contract,
    objectOwners: Object.fromEntries(
      ((contract.objectCodes as string[] | undefined) ?? []).flatMap((code) =>
        HOST_OBJECTS[code] === undefined ? [] : [[code, HOST_OBJECTS[code]]],
      ),
    ),
  });
  const budgetOf = (contract: Contract) =>
    budgetStatus(contract, {
      asOf: AS_OF,
      costLines: HOST_COSTS[contract.id] ?? [],
      hourTypeRates: settings.hourTypeRates,
    });
  const terminations = () => [...contracts.values()].filter((c) => c.termination !== undefined);
  const handlers = [
    http.post(`${API}/contracts`, async ({ request }) => {
      try {
        const body = contractsApi.createContractBodySchema.parse(await request.json());
        const contract = parseContract(withOwners(body));
        contracts.set(contract.id, contract);
        return HttpResponse.json(resource(contract), { status: 201 });
      } catch (error) {
        return refuse(error);
      }
    }),
    http.get(`${API}/contracts`, ({ request }) => {
      try {
        const query = contractsApi.listContractsQuerySchema.parse(
          Object.fromEntries(new URL(request.url).searchParams),
        );
        const flagged = (contract: Contract, flag: 'renewal-due' | 'notice-deadline-near') =>
          resource(contract).flags.includes(flag);
        const data = [...contracts.values()]
          .filter((c) => query.q === undefined || matchesContractSearch(c, query.q))
          .filter((c) => query.type === undefined || c.type === query.type)
          .filter((c) => query.termsCode === undefined || c.termsCode === query.termsCode)
          .filter((c) => query.objectCode === undefined || c.objectCodes.includes(query.objectCode))
          .filter((c) => query.debtorNumber === undefined || c.debtorNumber === query.debtorNumber)
          .filter((c) => query.renewalDue === undefined || flagged(c, 'renewal-due') === query.renewalDue)
          .filter(
            (c) =>
              query.noticeDeadlineNear === undefined || flagged(c, 'notice-deadline-near') === query.noticeDeadlineNear,
          )
          .filter(
            (c) =>
              query.underBudgetPressure === undefined ||
              (budgetOf(c)?.underPressure ?? false) === query.underBudgetPressure,
          )
          .map(resource);
        return HttpResponse.json({ data, nextCursor: null });
      } catch (error) {
        return refuse(error);
      }
    }),
    http.patch(`${API}/contracts/:id`, async ({ params, request }) => {
      const contract = contracts.get(params.id as string) as Contract;
      const { changes } = (await request.json()) as { changes: Record<string, unknown> };
      try {
        const result = applyContractAction(
          contract,
          { type: 'edit', expectedVersion: contract.version, changes },
          { asOf: AS_OF },
        );
        contracts.set(contract.id, result.contract as Contract);
        return HttpResponse.json({ contract: resource(result.contract as Contract), preview: null });
      } catch (error) {
        return refuse(error);
      }
    }),
    http.post(`${API}/contracts/:id/actions/terminate`, async ({ params, request }) => {
      const contract = contracts.get(params.id as string) as Contract;
      const body = (await request.json()) as { date: string; reasonCode?: string; remark?: string };
      try {
        const result = applyContractAction(
          contract,
          { type: 'terminate', ...body },
          { asOf: AS_OF, reasons: [...reasons.values()], reasonRequired: settings.reasonRequired },
        );
        contracts.set(contract.id, result.contract as Contract);
        return HttpResponse.json({ contract: resource(result.contract as Contract), effects: [] });
      } catch (error) {
        return refuse(error);
      }
    }),
    http.get(`${API}/contracts/:id/budget`, ({ params }) => {
      const contract = contracts.get(params.id as string) as Contract;
      return HttpResponse.json({
        ...budgetOf(contract),
        materialsUsed: HOST_MATERIALS[contract.id] ?? [],
        generated: { workOrders: 5 },
      });
    }),
    http.get(`${API}/settings`, () => HttpResponse.json(settings)),
    http.put(`${API}/settings`, async ({ request }) => {
      try {
        settings = contractsApi.tenantSettingsSchema.parse(await request.json());
        return HttpResponse.json(settings);
      } catch (error) {
        return refuse(error);
      }
    }),
    http.get(`${API}/cancellation-reasons`, () =>
      HttpResponse.json({
        data: [...reasons.values()].map((reason) => ({
          ...reason,
          terminationCount: terminations().filter((c) => c.termination?.reasonCode === reason.code).length,
        })),
      }),
    ),
    http.put(`${API}/cancellation-reasons/:code`, async ({ request }) => {
      const input = contractsApi.cancellationReasonSchema.parse(await request.json());
      const terminationCount = terminations().filter((c) => c.termination?.reasonCode === input.code).length;
      const warning = relabelWarning(reasons.get(input.code), input, terminationCount);
      reasons.set(input.code, input);
      return HttpResponse.json({ ...input, terminationCount, ...(warning !== undefined && { warning }) });
    }),
    http.get(`${API}/reports/cancellations`, ({ request }) => {
      const query = contractsApi.cancellationReportQuerySchema.parse(
        Object.fromEntries(new URL(request.url).searchParams),
      );
      return HttpResponse.json(
        cancellationReport(
          terminations().map((c) => ({
            contractId: c.id,
            date: c.termination?.date as string,
            reasonCode: c.termination?.reasonCode,
            reasonLabel: c.termination?.reasonLabel,
            remark: c.termination?.remark,
            lostValue: eur(1000),
          })),
          query,
        ),
      );
    }),
  ];
  return { contracts, handlers };
}

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => server.use(...fakeApi().handlers));
afterEach(() => server.resetHandlers());

const api = () => createContractsClient({ baseUrl: API, apiKey: KEY, maxRetries: 0 });
const preventive = (id: string, more: Partial<CreateContractBody> = {}): CreateContractBody => ({
  id,
  name: `Onderhoud ${id}`,
  type: 'preventive',
  startDate: '2025-01-01',
  debtorNumber: 'D1',
  schedule: { unit: 'month', day: 15 },
  ...more,
});
async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}
const issuesOf = (input: unknown) =>
  contractsApi.createContractBodySchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);

// Item 6. "Selecteer ze vervolgens wanneer je een Contract beëindigt." (Stel redenen voor contractannulering in): a
// termination and its reason are chosen when terminating — never smuggled in when the contract is created.
describe('creating a contract accepts only what a client may set', () => {
  it('"Selecteer ze vervolgens wanneer je een Contract beëindigt": a new contract cannot arrive terminated', async () => {
    expect(issuesOf({ ...preventive('C-1'), termination: { date: '2025-03-01', reasonCode: 'PRIJS' } })).toEqual([
      [
        'termination',
        'termination is set by the server: create the contract, then terminate it (POST /contracts/{id}/actions/terminate), where the reason is checked',
      ],
    ]);
    const error = await refusal(
      api().contracts.create({ ...preventive('C-1'), termination: { date: '2025-03-01' } } as never),
    );
    expect(error.path).toEqual(['termination']);
  });

  it.each([
    ['version', 3, /a new contract starts at version 0/],
    ['restartOf', 'C-0', /restart the original contract instead/],
    ['objectOwners', { 'CV-01': 'D1' }, /reads each linked object's customer from the host/],
    ['effectiveFrom', '2025-01-01', /records from when each version/],
  ])('refuses the server-owned field %s by name, saying what to do', (field, value, message) => {
    const issues = issuesOf({ ...preventive('C-1'), [field]: value });
    expect(issues).toEqual([[field, expect.stringMatching(message)]]);
  });

  it('"Voeg daarna de overeenkomstdetails en Werkbon-instellingen toe": a new contract needs a name', () => {
    const { name: _, ...nameless } = preventive('C-1');
    expect(issuesOf(nameless)).toEqual([['name', expect.any(String)]]);
    expect(issuesOf({ ...preventive('C-1'), name: ' ' })).toEqual([['name', 'the contract name may not be empty']]);
  });

  it('refuses unknown fields by name, and keeps the core’s whole-contract checks with their paths', () => {
    expect(issuesOf({ ...preventive('C-1'), colour: 'red' })).toEqual([
      ['', 'colour: not a field of a contract; remove it (or check its spelling)'],
    ]);
    expect(issuesOf({ ...preventive('C-1'), type: 'corrective' })).toEqual([
      ['schedule', 'a corrective contract generates no work orders: remove the schedule'],
    ]);
  });

  it('an edit cannot change the id or a server-owned field either', () => {
    const parse = (changes: Record<string, unknown>) =>
      contractsApi.updateContractBodySchema
        .safeParse({ changes })
        .error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(parse({ name: 'Nieuwe naam', daysInAdvance: 7 })).toBeUndefined();
    expect(parse({ termination: { date: '2025-06-30' }, id: 'C-9' })).toEqual([
      ['changes.id', 'id cannot be changed: restart the contract under a new id'],
      [
        'changes.termination',
        expect.stringMatching(/^termination is set by the server: create the contract, then terminate it/),
      ],
    ]);
  });

  it('every contract field is either settable on create or owned by the server (a new field must be classified)', () => {
    // A field added to the core's contract lands in the create body unless it is listed as server-owned: this list
    // makes that a decision. Add a client field here, or a server field to SERVER_OWNED_CONTRACT_FIELDS.
    const settable = Object.keys(contractsApi.createContractBodySchema.shape).filter(
      (key) => !(key in contractsApi.SERVER_OWNED_CONTRACT_FIELDS),
    );
    expect(settable.sort()).toEqual(
      [
        'id',
        'type',
        'name',
        'description',
        'externalReference',
        'termsCode',
        'startDate',
        'endDate',
        'timeZone',
        'daysInAdvance',
        'debtorNumber',
        'objectCodes',
        'orderPerObject',
        'workOrder',
        'employeeNumber',
        'schedule',
        'ordersPerYear',
        'slaPolicyCode',
        'budget',
        'expectedCostPerWorkOrder',
        'freeFields',
      ].sort(),
    );
    const contractFields = Object.keys(contractsApi.contractResourceSchema.shape.contract.shape);
    expect(
      contractFields
        .filter((key) => !settable.includes(key))
        .every((key) => key in contractsApi.SERVER_OWNED_CONTRACT_FIELDS),
    ).toBe(true);
  });
});

// Item 11. "Selecteer het Object of de Objecten die bij de overeenkomst horen." (Koppel contracten aan objecten)
describe('linked objects belong to the contract’s customer', () => {
  it('"Selecteer het Object of de Objecten die bij de overeenkomst horen": the server fills the owners; another customer’s object is refused', async () => {
    const created = await api().contracts.create(preventive('C-1', { objectCodes: ['CV-01', 'CV-02'] }));
    expect(created.contract.objectOwners).toEqual({ 'CV-01': 'D1', 'CV-02': 'D1' });
    const error = await refusal(api().contracts.create(preventive('C-2', { objectCodes: ['CV-01', 'AC-07'] })));
    expect(error.path).toEqual(['objectOwners', 'AC-07']);
    expect(error.message).toContain(
      "object AC-07 belongs to customer D2, not to this contract's customer D1: unlink it, or link an object of D1",
    );
  });

  it('changing the customer while the old customer’s objects are linked is refused, naming them and both customers', async () => {
    const created = await api().contracts.create(preventive('C-1', { objectCodes: ['CV-01', 'CV-02'] }));
    const error = await refusal(api().contracts.update('C-1', { debtorNumber: 'D2' }, created));
    expect(error.path).toEqual(['changes', 'debtorNumber']);
    expect(error.message).toContain('CV-01, CV-02 of customer D1');
    expect(error.message).toContain('to move the contract to customer D2, unlink those objects first');
  });
});

// Item 9. "Gebruik dit om contracten op te sporen die onder druk staan voordat het tijd is voor verlenging." (Volg
// contractbudgetten)
describe('the planner’s list filters', () => {
  beforeEach(async () => {
    await api().settings.put({ hourTypeRates: { NORMAAL: eur(6_500) } });
    await api().contracts.create(
      preventive('C-1', {
        name: 'Onderhoud cv-ketels Hoofdstraat',
        externalReference: 'PO-2025-0118',
        startDate: '2024-07-01',
        endDate: '2025-06-30',
        objectCodes: ['CV-01'],
        budget: { amount: eur(10_000), per: 'contract' },
        expectedCostPerWorkOrder: eur(5_000),
      }),
    );
    await api().contracts.create(
      preventive('C-2', { name: 'Airco kantoor', termsCode: 'JAAR', startDate: '2024-08-01', objectCodes: ['CV-02'] }),
    );
    await api().contracts.create({
      id: 'C-3',
      name: 'Storingen Café de Brug',
      type: 'corrective',
      startDate: '2025-01-01',
      debtorNumber: 'D2',
      objectCodes: ['AC-07'],
    });
  });
  const ids = async (query: Parameters<ReturnType<typeof api>['contracts']['listPage']>[0]) =>
    (await api().contracts.listPage(query)).data.map((item) => item.contract.id);

  it('"…contracten op te sporen die onder druk staan voordat het tijd is voor verlenging": budget pressure, renewal due, notice deadline near', async () => {
    expect(await ids({ underBudgetPressure: true })).toEqual(['C-1']);
    expect(await ids({ underBudgetPressure: false })).toEqual(['C-2', 'C-3']);
    expect(await ids({ renewalDue: true })).toEqual(['C-1']);
    expect(await ids({ noticeDeadlineNear: true })).toEqual(['C-2']);
  });

  it('by object, contract type, terms and customer; text search on name and reference', async () => {
    expect(await ids({ objectCode: 'CV-02' })).toEqual(['C-2']);
    expect(await ids({ type: 'corrective' })).toEqual(['C-3']);
    expect(await ids({ termsCode: 'JAAR' })).toEqual(['C-2']);
    expect(await ids({ debtorNumber: 'D1', type: 'preventive' })).toEqual(['C-1', 'C-2']);
    expect(await ids({ q: 'po-2025' })).toEqual(['C-1']);
    expect(await ids({ q: 'cafe brug' })).toEqual(['C-3']);
  });

  it('the query is validated: a misspelt filter or a bad value is refused by name', async () => {
    const parse = (query: Record<string, string>) =>
      contractsApi.listContractsQuerySchema.safeParse(query).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(parse({ underBudget: 'true' })).toEqual([
      ['', expect.stringMatching(/^underBudget: not a filter of GET \/contracts/)],
    ]);
    expect(parse({ renewalDue: 'yes' })).toEqual([['renewalDue', "use 'true' or 'false'"]]);
    expect(parse({ limit: '500' })).toEqual([['limit', expect.stringMatching(/200/)]]);
    expect(contractsApi.listContractsQuerySchema.parse({ limit: '20', renewalDue: 'false' })).toEqual({
      limit: 20,
      renewalDue: false,
    });
    const error = await refusal(api().contracts.listPage({ type: 'weekly' as never }));
    expect(error.path).toEqual(['type']);
  });
});

// Item 7. "Bekijk ze samen met gegenereerd werk, gebruikte materialen en de lopende prestaties van de overeenkomst."
// (Volg contractbudgetten)
describe('the budget with its inputs and actuals', () => {
  it('"Bekijk ze samen met gegenereerd werk, gebruikte materialen…": actuals by kind, materials used, generated vs planned', async () => {
    await api().settings.put({ hourTypeRates: { NORMAAL: eur(6_500) } });
    await api().contracts.create(
      preventive('C-1', {
        endDate: '2025-12-31',
        objectCodes: ['CV-01'],
        budget: { amount: eur(100_000), per: 'contract' },
        expectedCostPerWorkOrder: eur(5_000),
      }),
    );
    const budget = await api().budgets.get('C-1');
    expect(budget.consumedBy).toEqual({ labour: eur(13_000), materials: eur(1_138), other: eur(2_500) });
    expect(budget.consumed).toEqual(eur(16_638));
    expect(budget.materialsUsed).toEqual([
      { code: 'FLT-01', name: 'Filter', unit: 'st', quantity: '2.5', cost: eur(1_138) },
    ]);
    expect(budget.generated).toEqual({ workOrders: 5 });
    // 15 June … 15 December at the contract's expected cost per work order.
    expect(budget.planned).toEqual({ workOrders: 7, cost: eur(35_000) });
  });

  it('the hour-type rates are a tenant setting: changing them re-costs the labour', async () => {
    await api().settings.put({ hourTypeRates: { NORMAAL: eur(9_000) } });
    await api().contracts.create(
      preventive('C-1', { budget: { amount: eur(100_000), per: 'contract' }, expectedCostPerWorkOrder: eur(5_000) }),
    );
    expect((await api().budgets.get('C-1')).consumedBy.labour).toEqual(eur(18_000));
  });
});

// Item 8. "Zijn annuleringsredenen verplicht? … Ze zijn handig voor consistentie, maar het gebruik hangt af van je
// configuratie." (Stel redenen voor contractannulering in)
describe('tenant settings', () => {
  it('"…maar het gebruik hangt af van je configuratie": reading, replacing and using the settings', async () => {
    expect(await api().settings.get()).toEqual({
      reasonRequired: false,
      catchUpLimitDays: 14,
      notStartedAfterTermination: 'leave',
      timeZone: 'Europe/Amsterdam',
      holidays: 'nl',
      hourTypeRates: {},
      workingHours: {
        mon: [['08:00', '17:00']],
        tue: [['08:00', '17:00']],
        wed: [['08:00', '17:00']],
        thu: [['08:00', '17:00']],
        fri: [['08:00', '17:00']],
        sat: [],
        sun: [],
      },
    });
    const created = await api().contracts.create(preventive('C-1'));
    const saved = await api().settings.put({
      reasonRequired: true,
      catchUpLimitDays: 30,
      notStartedAfterTermination: 'delete',
      timeZone: 'Europe/Brussels',
      holidays: ['2025-12-24'],
      hourTypeRates: { NORMAAL: eur(6_500) },
      workingHours: {
        mon: [
          ['07:30', '12:00'],
          ['12:30', '16:00'],
        ],
        tue: [['07:30', '16:00']],
        wed: [],
        thu: [['07:30', '16:00']],
        fri: [['07:30', '12:00']],
        sat: [],
        sun: [],
      },
    });
    expect(saved).toMatchObject({
      reasonRequired: true,
      notStartedAfterTermination: 'delete',
      holidays: ['2025-12-24'],
      workingHours: { wed: [], fri: [['07:30', '12:00']] },
    });
    expect(await api().settings.get()).toEqual(saved);
    const error = await refusal(api().contracts.terminate('C-1', { date: '2025-06-30' }, created));
    expect(error.path).toEqual(['reasonCode']);
    expect(error.message).toMatch(/requires a cancellation reason/);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ catchUpLimitDays: -1 }, 'catchUpLimitDays'],
    [{ notStartedAfterTermination: 'archive' }, 'notStartedAfterTermination'],
    [{ holidays: 'be' }, 'holidays'],
    [{ hourTypeRates: { NORMAAL: { amount: 65.5, currency: 'EUR' } } }, 'hourTypeRates.NORMAAL.amount'],
    [{ reasonsRequired: true }, ''],
    [
      { workingHours: { mon: [['17:00', '08:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
      'workingHours.mon.0',
    ],
    [{ workingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } }, 'workingHours'],
  ])('a bad setting is refused by name: %j', async (input, path) => {
    const error = await refusal(api().settings.put(input as never));
    expect(error.path.join('.')).toBe(path);
  });
});

// Item 10. "Wees voorzichtig met redenen die al in de geschiedenis zijn gebruikt." and "Je kunt ook een extra opmerking
// toevoegen wanneer nodig." (Stel redenen voor contractannulering in)
describe('cancellation reasons and the report', () => {
  beforeEach(async () => {
    const one = await api().contracts.create(preventive('C-1'));
    const two = await api().contracts.create(preventive('C-2'));
    await api().contracts.terminate(
      'C-1',
      { date: '2025-02-10', reasonCode: 'PRIJS', remark: 'Offerte concurrent' },
      one,
    );
    await api().contracts.terminate('C-2', { date: '2025-03-05', reasonCode: 'PRIJS' }, two);
  });

  it('"Wees voorzichtig met redenen die al in de geschiedenis zijn gebruikt": each reason shows its use; relabelling a used one warns', async () => {
    expect((await api().cancellationReasons.list()).map((r) => [r.code, r.terminationCount])).toEqual([
      ['PRIJS', 2],
      ['VERHUISD', 0],
    ]);
    const relabelled = await api().cancellationReasons.put('PRIJS', { code: 'PRIJS', label: 'Prijs te hoog' });
    expect(relabelled.warning).toMatch(/^'PRIJS' is used by 2 terminations: they keep the label 'Te duur'/);
    const unused = await api().cancellationReasons.put('VERHUISD', { code: 'VERHUISD', label: 'Verhuisd' });
    expect(unused).toEqual({ code: 'VERHUISD', label: 'Verhuisd', archived: false, terminationCount: 0 });
  });

  it('"Je kunt ook een extra opmerking toevoegen wanneer nodig": the report includes the remarks on request', async () => {
    const query = { from: '2025-01-01', to: '2025-03-31', groupBy: 'quarter' as const };
    const plain = await api().reports.cancellations(query);
    expect(plain.periods[0]?.reasons[0]).not.toHaveProperty('remarks');
    const withRemarks = await api().reports.cancellations({ ...query, includeRemarks: true });
    expect(withRemarks.periods[0]?.reasons).toEqual([
      {
        reasonCode: 'PRIJS',
        reasonLabel: 'Te duur',
        count: 2,
        lostValue: eur(2000),
        remarks: [{ contractId: 'C-1', date: '2025-02-10', remark: 'Offerte concurrent' }],
      },
    ]);
  });
});
