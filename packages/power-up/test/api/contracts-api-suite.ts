import { ConflictError, contractsApi, type ContractResource, type CreateContractBody } from '@contractbeheer/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationId } from '../../src/api/contracts/operation-routes.js';
import {
  call,
  callOnOwnConnection,
  startApiWorld,
  type ApiWorld,
  type Engine,
  type RawAnswer,
} from './contracts-harness.js';

const ROUTES = contractsApi.CONTRACTS_API_ROUTES;

/** A customer and an object of theirs in the SDK's sandbox seed; LIFT-7 belongs to D1002. */
const CUSTOMER = 'D1001';
const OWN_OBJECT = 'CV-KETEL-88';
const OTHERS_OBJECT = 'LIFT-7';

const terms = (code: string) => ({
  code,
  name: 'Jaarcontract',
  description: '',
  autoExtend: true,
  period: { count: 1, unit: 'year' as const },
  noticeBeforeCancellation: { count: 1, unit: 'month' as const },
  invoicePeriod: { count: 1, unit: 'month' as const },
});
const policy = (code: string) => ({
  code,
  name: 'Goud',
  description: '',
  responseStatus: 'ONDERWEG',
  resolvedStatus: 'COMPLEET',
  clock: 'calendar' as const,
  targets: {
    HOOG: { response: { amount: 4, unit: 'hours' as const }, resolution: { amount: 2, unit: 'days' as const } },
  },
});

/** A preventive contract of the sandbox's customer D1001, monthly on the 15th, with a yearly budget. */
function contract(id: string, overrides: Partial<CreateContractBody> = {}): CreateContractBody {
  return {
    id,
    name: `Onderhoud ${id}`,
    type: 'preventive',
    startDate: '2025-01-01',
    debtorNumber: CUSTOMER,
    objectCodes: [OWN_OBJECT],
    schedule: { unit: 'month', day: 15 },
    budget: { amount: { amount: 120_000, currency: 'EUR' }, per: 'contract-year' },
    expectedCostPerWorkOrder: { amount: 15_000, currency: 'EUR' },
    ...overrides,
  };
}

type ErrorBody = { error: { code: string; message: string; path: (string | number)[] } };

/** The answer is the refusal we expect: status, code and the field it names. */
function expectRefusal(answer: RawAnswer, status: number, path: (string | number)[], code?: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const { error } = answer.body as ErrorBody;
  expect(error.path).toEqual(path);
  expect(error.message.length).toBeGreaterThan(10);
  if (code !== undefined) expect(error.code).toBe(code);
}

export function describeContractsApi(engine: Engine): void {
  describe(`the contracts API over HTTP (${engine.name})`, () => {
    let world: ApiWorld;
    let acme: ApiWorld['tenants']['acme']['client'];

    /** Creates an acme contract through the client and returns it. */
    const create = (id: string, overrides: Partial<CreateContractBody> = {}) =>
      acme.contracts.create(contract(id, overrides));

    beforeAll(async () => {
      world = await startApiWorld(engine);
      acme = world.tenants.acme.client;
      await acme.terms.put('JAAR', terms('JAAR'));
      await acme.slaPolicies.put('GOUD', policy('GOUD'));
      await acme.cancellationReasons.put('VERHUISD', { code: 'VERHUISD', label: 'Klant verhuisd' });
    });
    afterAll(() => world?.close());

    describe('good calls, through the SDK client', () => {
      it('creates a contract (version 0, objects checked with the host) and reads it back with its ETag', async () => {
        const created = await acme.contracts.create(contract('C-CREATE'));
        expect(created).toMatchObject({
          contract: { id: 'C-CREATE', version: 0, objectOwners: { [OWN_OBJECT]: CUSTOMER } },
          status: 'active',
          etag: '"0"',
        });
        const raw = await call(world, 'GET', '/contracts/C-CREATE');
        expect(raw.headers.get('etag')).toBe('"0"');
        expect(await acme.contracts.get('C-CREATE')).toEqual(created);
        // The host was asked for the customer's objects before the link was made.
        expect(world.sandbox.requests.some((r) => r.endpoint.startsWith('object'))).toBe(true);
        expect(await world.rows("select object_code from object_links where contract_id = 'C-CREATE'")).toEqual([
          { object_code: OWN_OBJECT },
        ]);
      });

      it('lists with cursor pagination, filters by customer and by derived status', async () => {
        for (const n of [1, 2, 3, 4, 5]) {
          await create(`L-${n}`, {
            debtorNumber: 'D9000',
            objectCodes: [],
            startDate: n > 3 ? '2027-01-01' : '2025-01-01',
            // L-3's budget covers its visits; the others' do not.
            ...(n === 3 && { budget: { amount: { amount: 10_000_000, currency: 'EUR' }, per: 'contract-year' } }),
          });
        }
        const first = await acme.contracts.listPage({ debtorNumber: 'D9000', limit: 2 });
        expect(first.data.map((r) => r.contract.id)).toEqual(['L-1', 'L-2']);
        expect(first.nextCursor).not.toBeNull();
        const second = await acme.contracts.listPage({ debtorNumber: 'D9000', limit: 2, cursor: first.nextCursor! });
        expect(second.data.map((r) => r.contract.id)).toEqual(['L-3', 'L-4']);
        const all: string[] = [];
        for await (const resource of acme.contracts.list({ debtorNumber: 'D9000', limit: 2 }))
          all.push(resource.contract.id);
        expect(all).toEqual(['L-1', 'L-2', 'L-3', 'L-4', 'L-5']);
        const notStarted = await acme.contracts.listPage({ debtorNumber: 'D9000', status: 'not-started', limit: 1 });
        expect(notStarted.data.map((r) => r.contract.id)).toEqual(['L-4']);
        const rest = await acme.contracts.listPage({
          debtorNumber: 'D9000',
          status: 'not-started',
          cursor: notStarted.nextCursor!,
        });
        expect(rest).toMatchObject({ data: [{ contract: { id: 'L-5' } }], nextCursor: null });
        const ids = async (query: Record<string, string | number | boolean>) =>
          (await acme.contracts.listPage({ debtorNumber: 'D9000', ...query })).data.map((r) => r.contract.id);
        expect(await ids({ q: 'onderhoud l-2' })).toEqual(['L-2']);
        expect(await ids({ type: 'corrective' })).toEqual([]);
        expect(await ids({ renewalDue: false, limit: 2 })).toEqual(['L-1', 'L-2']);
        // € 1 200 a year against twelve visits at € 150: the forecast runs over the budget.
        expect(await ids({ underBudgetPressure: true })).toEqual(['L-1', 'L-2', 'L-4', 'L-5']);
        expect(await ids({ underBudgetPressure: false })).toEqual(['L-3']);
        expect(await ids({ objectCode: OWN_OBJECT })).toEqual([]);
        expect(await ids({ termsCode: 'JAAR' })).toEqual([]);
      });

      it('edits with If-Match: a new version, a new ETag and the schedule preview', async () => {
        const created = await create('C-EDIT');
        const { contract: edited, preview } = await acme.contracts.update(
          'C-EDIT',
          { schedule: { unit: 'month', day: 20 } },
          { etag: created.etag },
        );
        expect(edited).toMatchObject({ contract: { version: 1, schedule: { day: 20 } }, etag: '"1"' });
        expect(preview.moved.length).toBeGreaterThan(0);
        expect((await acme.contracts.get('C-EDIT')).contract.schedule).toMatchObject({ day: 20 });
      });

      it('two writers on one contract: one wins, the other gets 412 and changes nothing', async () => {
        const { etag } = await create('C-RACE');
        const attempts = await Promise.allSettled([
          acme.contracts.update('C-RACE', { daysInAdvance: 3 }, { etag }),
          acme.contracts.update('C-RACE', { daysInAdvance: 9 }, { etag }),
        ]);
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
        expect(lost[0]!.reason).toMatchObject({ status: 412, code: 'precondition-failed', path: ['if-match'] });
        const stored = await acme.contracts.get('C-RACE');
        expect(stored.contract.version).toBe(1);
        const winner = (won[0] as PromiseFulfilledResult<{ contract: ContractResource }>).value.contract;
        expect(stored.contract.daysInAdvance).toBe(winner.contract.daysInAdvance);
        // A write on the old ETag afterwards is refused the same way, on every If-Match route.
        for (const [method, path, body] of [
          ['PATCH', '/contracts/C-RACE', { changes: { daysInAdvance: 1 } }],
          ['DELETE', '/contracts/C-RACE', undefined],
          ['POST', '/contracts/C-RACE/actions/terminate', { date: '2026-06-30' }],
          ['POST', '/contracts/C-RACE/actions/renew', {}],
        ] as const) {
          expectRefusal(
            await call(world, method, path, { body, ifMatch: etag }),
            412,
            ['if-match'],
            'precondition-failed',
          );
        }
        expect((await world.rows("select version from contract_versions where contract_id = 'C-RACE'")).length).toBe(2);
      });

      it('keeps the history: who changed what, when', async () => {
        const created = await create('C-HIST');
        world.clock.advance(3600);
        const first = await acme.contracts.update('C-HIST', { daysInAdvance: 5 }, created);
        world.clock.advance(3600);
        await acme.contracts.update('C-HIST', { employeeNumber: '17', daysInAdvance: 6 }, first.contract);
        const history = await acme.contracts.historyPage('C-HIST');
        expect(history.nextCursor).toBeNull();
        expect(history.data.map((e) => [e.version, e.changedFields])).toEqual([
          [0, expect.arrayContaining(['id', 'debtorNumber', 'schedule'])],
          [1, ['daysInAdvance']],
          [2, ['daysInAdvance', 'employeeNumber']],
        ]);
        expect(history.data[2]).toMatchObject({
          actor: expect.stringMatching(/^api-key:key_/),
          contract: { version: 2 },
        });
        expect(Date.parse(history.data[2]!.at) - Date.parse(history.data[1]!.at)).toBe(3_600_000);
        const paged = await acme.contracts.historyPage('C-HIST', { limit: 2 });
        expect(paged.data.map((e) => e.version)).toEqual([0, 1]);
        const next = await acme.contracts.historyPage('C-HIST', { limit: 2, cursor: paged.nextCursor! });
        expect(next).toMatchObject({ data: [{ version: 2 }], nextCursor: null });
      });

      it('terminates (the termination and its lost value recorded), reports it, and restarts it', async () => {
        const created = await create('C-TERM');
        const result = await acme.contracts.terminate(
          'C-TERM',
          { date: '2026-06-30', reasonCode: 'VERHUISD', remark: 'naar Utrecht' },
          created,
        );
        expect(result.contract).toMatchObject({
          contract: { version: 1, termination: { date: '2026-06-30', reasonLabel: 'Klant verhuisd' } },
          etag: '"1"',
        });
        expect(result.effects.map((e) => e.type)).toEqual(['save-contract', 'stop-generation-after']);
        const [row] = await world.rows("select * from terminations where contract_id = 'C-TERM'");
        expect(row).toMatchObject({ reason_code: 'VERHUISD', reason_label: 'Klant verhuisd' });
        // A yearly budget of € 1 200 and the year running to 2026-12-31: 184 days after June 30 are lost.
        expect(Number(row!.lost_value_cents)).toBe(Math.round((120_000 * 184) / 365));
        const report = await acme.reports.cancellations({ from: '2026-01-01', to: '2026-12-31', groupBy: 'year' });
        expect(report.totals).toEqual([
          expect.objectContaining({ reasonCode: 'VERHUISD', count: 1, lostValue: { amount: 60_493, currency: 'EUR' } }),
        ]);
        // Relabelling a reason in use warns: the termination keeps the label it was recorded with.
        const relabelled = await acme.cancellationReasons.put('VERHUISD', { code: 'VERHUISD', label: 'Verhuisd' });
        expect(relabelled).toMatchObject({ terminationCount: 1, warning: expect.stringMatching(/keep the label/) });
        await acme.cancellationReasons.put('VERHUISD', { code: 'VERHUISD', label: 'Klant verhuisd' });
        const withRemarks = await acme.reports.cancellations({
          from: '2026-01-01',
          to: '2026-12-31',
          groupBy: 'year',
          includeRemarks: true,
        });
        expect(withRemarks.periods[0]!.reasons[0]!.remarks).toEqual([
          { contractId: 'C-TERM', date: '2026-06-30', remark: 'naar Utrecht' },
        ]);
        const restarted = await acme.contracts.restart('C-TERM', { newId: 'C-TERM-2' });
        expect(restarted.effects).toEqual([
          expect.objectContaining({ type: 'create-contract', contract: expect.objectContaining({ id: 'C-TERM-2' }) }),
        ]);
        expect((await acme.contracts.get('C-TERM-2')).contract).toMatchObject({
          restartOf: 'C-TERM',
          startDate: '2026-07-01',
          version: 0,
        });
        // "Herstarten" continues the contract under new conditions: a later start, an end and another budget.
        await acme.contracts.restart('C-TERM', {
          newId: 'C-TERM-3',
          startDate: '2026-09-01',
          endDate: '2027-08-31',
          budget: { amount: { amount: 150_000, currency: 'EUR' }, per: 'contract-year' },
        });
        expect((await acme.contracts.get('C-TERM-3')).contract).toMatchObject({
          restartOf: 'C-TERM',
          startDate: '2026-09-01',
          endDate: '2027-08-31',
          budget: { amount: { amount: 150_000 } },
        });
      });

      it('renews per the terms: the end moves a renewal period on', async () => {
        const created = await create('C-RENEW', { termsCode: 'JAAR', startDate: '2025-03-01', endDate: '2026-02-28' });
        const renewed = await acme.contracts.renew('C-RENEW', {}, created);
        expect(renewed.contract).toMatchObject({ contract: { endDate: '2027-02-28', version: 1 }, etag: '"1"' });
        // Both versions plan from the beginning; the renewed one supersedes the first whole, so generation plans
        // each occurrence once (it refused the contract when both versions planned every key).
        await world.powerUp.generator.runUntilIdle();
        const ledger = await world.powerUp.store.forTenant('acme').ledger.forContract('C-RENEW');
        expect(ledger.length).toBeGreaterThan(0);
        expect(new Set(ledger.map((row) => row.key)).size).toBe(ledger.length);
      });

      it('deletes with If-Match; afterwards every route of the contract answers 404', async () => {
        const created = await create('C-DEL');
        await acme.contracts.delete('C-DEL', created);
        expect((await call(world, 'GET', '/contracts/C-DEL')).status).toBe(404);
        expect((await call(world, 'GET', '/contracts/C-DEL/history')).status).toBe(404);
        expect(await world.rows("select * from contracts where id = 'C-DEL'")).toEqual([]);
      });

      it('refreshes from the host (objects checked again)', async () => {
        await create('C-REFRESH');
        const before = world.sandbox.requests.length;
        expect(await acme.contracts.refresh('C-REFRESH')).toMatchObject({ contract: { etag: '"0"' }, workOrders: 0 });
        expect(world.sandbox.requests.length).toBeGreaterThan(before);
      });

      it('shows each occurrence where generation stands with it in the schedule view', async () => {
        await create('C-GENERATED');
        // The contract's first visit (15 January) is due today: the power-up's generator creates it on the host.
        await world.powerUp.generator.runUntilIdle();
        const view = await acme.schedule.view('C-GENERATED', { from: '2026-01-01', until: '2026-03-31' });
        expect(view.occurrences.map((o) => [o.targetDate, o.state, o.late])).toEqual([
          ['2026-01-15', 'created', false],
          ['2026-02-15', 'planned', false],
          ['2026-03-15', 'planned', false],
        ]);
        const [created] = view.occurrences;
        expect(created!.workOrderNumber).toMatch(/^CB-/);
        expect(world.sandbox.workOrders.get(created!.hostRowId!)?.WorkorderNo).toBe(created!.workOrderNumber);
        expect(created).toMatchObject({ skippedReason: null, lastError: null, deletedOnHostAt: null });
        expect(view.nextCreationDate).toBe('2026-02-15');
      });

      it('previews an edit without saving it, views the schedule, and reports the budget', async () => {
        await create('C-PLAN');
        const preview = await acme.schedule.preview('C-PLAN', { schedule: { unit: 'month', day: 1 } });
        // From the 15th to the 1st: each month's visit moves.
        expect(preview.moved[0]).toMatchObject({
          from: { targetDate: '2026-02-15' },
          to: { targetDate: '2026-02-01' },
        });
        expect((await acme.contracts.get('C-PLAN')).contract.version).toBe(0);

        const view = await acme.schedule.view('C-PLAN', { from: '2026-01-01', until: '2026-03-31' });
        expect(view.occurrences.map((o) => [o.targetDate, o.objectCode, o.state])).toEqual([
          ['2026-01-15', OWN_OBJECT, 'planned'],
          ['2026-02-15', OWN_OBJECT, 'planned'],
          ['2026-03-15', OWN_OBJECT, 'planned'],
        ]);
        expect(view.nextCreationDate).toBe('2026-02-15');

        const budget = await acme.budgets.get('C-PLAN');
        expect(budget).toMatchObject({
          consumedBy: { labour: { amount: 0 }, materials: { amount: 0 }, other: { amount: 0 } },
          materialsUsed: [],
          generated: { workOrders: 0 },
          planned: { cost: { amount: 15_000 * 11 } },
          period: { start: '2026-01-01', end: '2026-12-31' },
          budget: { amount: 120_000, currency: 'EUR' },
          consumed: { amount: 0 },
          remaining: { amount: 120_000 },
        });
      });

      it('reads and replaces the tenant settings; a required reason then applies to terminations', async () => {
        expect(await acme.settings.get()).toMatchObject({
          reasonRequired: false,
          catchUpLimitDays: 14,
          holidays: 'nl',
        });
        const saved = await acme.settings.put({ reasonRequired: true, timeZone: 'Europe/Amsterdam' });
        expect(saved).toMatchObject({
          reasonRequired: true,
          catchUpLimitDays: 14,
          notStartedAfterTermination: 'leave',
        });
        expect(await acme.settings.get()).toEqual(saved);
        const created = await create('C-REASON');
        expectRefusal(
          await call(world, 'POST', '/contracts/C-REASON/actions/terminate', {
            body: { date: '2026-06-30' },
            ifMatch: created.etag,
          }),
          400,
          ['reasonCode'],
        );
        await acme.settings.put({ timeZone: 'Europe/Amsterdam' });
        expect((await acme.settings.get()).reasonRequired).toBe(false);
      });

      it('keeps terms, SLA policies and cancellation reasons', async () => {
        expect(await acme.terms.put('KWARTAAL', { ...terms('KWARTAAL'), name: 'Kwartaal' })).toMatchObject({
          code: 'KWARTAAL',
        });
        expect((await acme.terms.list()).map((t) => t.code)).toEqual(['JAAR', 'KWARTAAL']);
        await acme.terms.delete('KWARTAAL');
        expect((await acme.terms.list()).map((t) => t.code)).toEqual(['JAAR']);

        await acme.slaPolicies.put('ZILVER', policy('ZILVER'));
        expect((await acme.slaPolicies.list()).map((p) => p.code)).toEqual(['GOUD', 'ZILVER']);
        await acme.slaPolicies.delete('ZILVER');
        expect((await acme.slaPolicies.list()).map((p) => p.code)).toEqual(['GOUD']);

        expect(await acme.cancellationReasons.put('PRIJS', { code: 'PRIJS', label: 'Te duur' })).toEqual({
          code: 'PRIJS',
          label: 'Te duur',
          archived: false,
          terminationCount: 0,
        });
        expect(await acme.cancellationReasons.archive('PRIJS')).toMatchObject({ code: 'PRIJS', archived: true });
        expect(await acme.cancellationReasons.list()).toContainEqual({
          code: 'PRIJS',
          label: 'Te duur',
          archived: true,
          terminationCount: 0,
        });
        await acme.cancellationReasons.delete('PRIJS');
        expect((await acme.cancellationReasons.list()).map((r) => r.code)).not.toContain('PRIJS');
      });
    });

    describe('bad input: a 4xx naming the field, and nothing written', () => {
      /**
       * One refused call per operation of the route table (the type demands one for each), with the field it must
       * name. Each runs against a contract `BAD` (version 0) and the settings made in `beforeAll`.
       */
      const BAD: Record<OperationId, () => Promise<[RawAnswer, number, (string | number)[]]>> = {
        listContracts: async () => [await call(world, 'GET', '/contracts?limit=0'), 400, ['limit']],
        createContract: async () => [
          await call(world, 'POST', '/contracts', {
            body: contract('C-NEW', { objectCodes: [OWN_OBJECT, OTHERS_OBJECT] }),
          }),
          400,
          ['objectCodes', 1],
        ],
        getContract: async () => [await call(world, 'GET', '/contracts/NOPE'), 404, ['id']],
        updateContract: async () => [
          await call(world, 'PATCH', '/contracts/BAD', {
            body: { changes: { startDate: '2025-13-01' } },
            ifMatch: '"0"',
          }),
          400,
          ['changes', 'startDate'],
        ],
        deleteContract: async () => [await call(world, 'DELETE', '/contracts/BAD'), 428, ['if-match']],
        terminateContract: async () => [
          await call(world, 'POST', '/contracts/BAD/actions/terminate', {
            body: { date: '30-06-2026' },
            ifMatch: '"0"',
          }),
          400,
          ['date'],
        ],
        restartContract: async () => [
          await call(world, 'POST', '/contracts/BAD/actions/restart', { body: {} }),
          400,
          ['newId'],
        ],
        renewContract: async () => [
          await call(world, 'POST', '/contracts/BAD/actions/renew', { body: { currentIndex: 7 }, ifMatch: '"0"' }),
          400,
          ['currentIndex'],
        ],
        refreshContract: async () => [await call(world, 'POST', '/contracts/NOPE/actions/refresh'), 404, ['id']],
        previewSchedule: async () => [
          await call(world, 'POST', '/contracts/BAD/schedule/preview', {
            body: { changes: { schedule: { unit: 'fortnight' } } },
          }),
          400,
          ['changes', 'schedule', 'unit'],
        ],
        viewSchedule: async () => [await call(world, 'GET', '/contracts/BAD/schedule?from=2026-02-30x'), 400, ['from']],
        getBudget: async () => [await call(world, 'GET', '/contracts/NOBUDGET/budget'), 404, ['budget']],
        contractHistory: async () => [
          await call(world, 'GET', '/contracts/BAD/history?cursor=garbage'),
          400,
          ['cursor'],
        ],
        listTerms: async () => [
          await call(world, 'GET', '/terms', { key: 'cb_live_not-a-key' }),
          401,
          ['authorization'],
        ],
        putTerms: async () => [
          await call(world, 'PUT', '/terms/NIEUW', { body: { ...terms('NIEUW'), period: { count: 0, unit: 'year' } } }),
          400,
          ['period', 'count'],
        ],
        deleteTerms: async () => [await call(world, 'DELETE', '/terms/JAAR'), 409, ['code']],
        listSlaPolicies: async () => [await call(world, 'GET', '/sla-policies?page=2'), 400, ['page']],
        putSlaPolicy: async () => [
          await call(world, 'PUT', '/sla-policies/ZILVER', { body: policy('GOUD') }),
          400,
          ['code'],
        ],
        deleteSlaPolicy: async () => [await call(world, 'DELETE', '/sla-policies/NOPE'), 404, ['code']],
        listCancellationReasons: async () => [
          await call(world, 'GET', '/cancellation-reasons', { headers: { authorization: 'Basic x' } }),
          401,
          ['authorization'],
        ],
        putCancellationReason: async () => [
          await call(world, 'PUT', '/cancellation-reasons/NIEUW', { rawBody: '{"code": "NIEUW", ' }),
          400,
          ['body'],
        ],
        archiveCancellationReason: async () => [
          await call(world, 'POST', '/cancellation-reasons/NOPE/archive'),
          404,
          ['code'],
        ],
        deleteCancellationReason: async () => [
          await call(world, 'DELETE', '/cancellation-reasons/NOPE'),
          404,
          ['code'],
        ],
        cancellationReport: async () => [
          await call(world, 'GET', '/reports/cancellations?from=2026-01-01&to=2026-12-31&groupBy=week'),
          400,
          ['groupBy'],
        ],
        getSettings: async () => [await call(world, 'GET', '/settings?reasonRequired=true'), 400, ['reasonRequired']],
        putSettings: async () => [
          await call(world, 'PUT', '/settings', { body: { timeZone: 'Europe/Amsterdam', catchUpLimitDays: -1 } }),
          400,
          ['catchUpLimitDays'],
        ],
      };

      beforeAll(async () => {
        await create('BAD', { termsCode: 'JAAR' });
        await create('NOBUDGET', { budget: undefined });
      });

      it('has a refused call for every route of the table', () => {
        expect(Object.keys(BAD).sort()).toEqual(ROUTES.map((r) => r.id).sort());
      });

      it.each(Object.keys(BAD) as OperationId[])('%s', async (id) => {
        const before = await world.snapshot();
        const [answer, status, path] = await BAD[id]();
        expectRefusal(answer, status, path);
        expect(await world.snapshot()).toBe(before);
      });

      it('refuses more: unknown or repeated parameters, bad objects, stale and malformed ETags, taken ids', async () => {
        const before = await world.snapshot();
        const cases: [RawAnswer, number, (string | number)[]][] = [
          [await call(world, 'GET', '/contracts?limt=5'), 400, ['limt']],
          [await call(world, 'GET', '/contracts?limit=5&limit=6'), 400, ['limit']],
          [await call(world, 'GET', '/contracts?cursor=nonsense'), 400, ['cursor']],
          [await call(world, 'GET', '/contracts?status=sleeping'), 400, ['status']],
          [
            await call(world, 'POST', '/contracts', { body: contract('C-X', { objectCodes: ['NO-SUCH'] }) }),
            400,
            ['objectCodes', 0],
          ],
          [
            await call(world, 'POST', '/contracts', { body: { ...contract('C-X'), debtorNumber: undefined } }),
            400,
            ['debtorNumber'],
          ],
          [
            await call(world, 'POST', '/contracts', { body: contract('C-X', { termsCode: 'NOPE' }) }),
            400,
            ['termsCode'],
          ],
          [await call(world, 'POST', '/contracts', { body: contract('BAD') }), 409, ['id']],
          [
            await call(world, 'PATCH', '/contracts/BAD', { body: { changes: { id: 'X' } }, ifMatch: '"0"' }),
            400,
            ['changes', 'id'],
          ],
          [
            await call(world, 'PATCH', '/contracts/BAD', {
              body: { changes: { objectCodes: [OTHERS_OBJECT] } },
              ifMatch: '"0"',
            }),
            400,
            ['changes', 'objectCodes', 0],
          ],
          [await call(world, 'PATCH', '/contracts/BAD', { body: { changes: {} }, ifMatch: 'v0' }), 400, ['if-match']],
          [await call(world, 'PATCH', '/contracts/BAD', { body: { changes: {} }, ifMatch: '"5"' }), 412, ['if-match']],
          [await call(world, 'PATCH', '/contracts/BAD', { body: { changes: {} } }), 428, ['if-match']],
          [await call(world, 'PATCH', '/contracts/BAD', { body: { wrong: {} }, ifMatch: '"0"' }), 400, ['changes']],
          [
            await call(world, 'POST', '/contracts/BAD/actions/terminate', {
              body: { date: '2026-06-30', reasonCode: 'NOPE' },
              ifMatch: '"0"',
            }),
            400,
            ['reasonCode'],
          ],
          [await call(world, 'POST', '/contracts/BAD/actions/restart', { body: { newId: 'C-R' } }), 409, []],
          [
            await call(world, 'POST', '/contracts/NOBUDGET/actions/renew', { body: {}, ifMatch: '"0"' }),
            400,
            ['terms'],
          ],
          [await call(world, 'GET', '/contracts/BAD/schedule?from=2026-06-01&until=2026-01-01'), 400, ['until']],
          [await call(world, 'PUT', '/terms/NIEUW', { body: { code: 'NIEUW' } }), 400, ['name']],
          [await call(world, 'POST', '/contracts', { body: { ...contract('C-X'), version: 7 } }), 400, ['version']],
          [await call(world, 'POST', '/contracts', { body: { ...contract('C-X'), name: undefined } }), 400, ['name']],
          [await call(world, 'GET', '/contracts?renewalDue=perhaps'), 400, ['renewalDue']],
          [
            await call(world, 'PATCH', '/contracts/BAD', { body: { changes: { objectOwners: {} } }, ifMatch: '"0"' }),
            400,
            ['changes', 'objectOwners'],
          ],
          [
            await call(world, 'PATCH', '/contracts/BAD', {
              body: { changes: { debtorNumber: 'D1002' } },
              ifMatch: '"0"',
            }),
            400,
            ['changes', 'debtorNumber'],
          ],
        ];
        for (const [answer, status, path] of cases) expectRefusal(answer, status, path);
        expect(await world.snapshot()).toBe(before);
      });

      it('refuses a body over the size limit (413) before reading it', async () => {
        const before = await world.snapshot();
        const huge = JSON.stringify({ changes: { freeFields: { note: 'x'.repeat(2 * 1024 * 1024) } } });
        expectRefusal(await callOnOwnConnection(world, 'PATCH', '/contracts/BAD', huge, { 'if-match': '"0"' }), 413, [
          'body',
        ]);
        expect(await world.snapshot()).toBe(before);
      });
    });

    describe('tenant isolation', () => {
      /** What each route needs to pass validation, so only the tenant check can refuse it. */
      const VALID: Partial<Record<OperationId, { body?: unknown; query?: string }>> = {
        createContract: { body: contract('ISO-1') },
        updateContract: { body: { changes: { daysInAdvance: 2 } } },
        terminateContract: { body: { date: '2026-06-30' } },
        restartContract: { body: { newId: 'ISO-RESTARTED' } },
        renewContract: { body: {} },
        previewSchedule: { body: { changes: { daysInAdvance: 2 } } },
        putTerms: { body: { ...terms('JAAR'), name: 'Eigen' } },
        putSlaPolicy: { body: { ...policy('GOUD'), name: 'Eigen' } },
        putCancellationReason: { body: { code: 'VERHUISD', label: 'Stolen label' } },
        cancellationReport: { query: '?from=2025-01-01&to=2027-12-31&groupBy=year' },
        putSettings: { body: { timeZone: 'Europe/Amsterdam', reasonRequired: true, catchUpLimitDays: 99 } },
      };
      const acmeRows = async () => {
        const dump: Record<string, unknown> = {};
        for (const table of [
          'contracts',
          'contract_versions',
          'object_links',
          'contract_terms',
          'sla_policies',
          'cancellation_reasons',
          'terminations',
        ]) {
          dump[table] = await world.rows(`select * from ${table} where tenant_id = 'acme' order by 1, 2`);
        }
        dump.settings = await world.rows("select settings from tenants where id = 'acme'");
        return JSON.stringify(dump);
      };

      // The PUTs last: they give the other tenant its own settings under acme's codes, which the other routes must not
      // find before.
      const ordered = [...ROUTES].sort((a, b) => Number(a.method === 'PUT') - Number(b.method === 'PUT'));
      it.each(ordered.map((route) => [route.id, route] as const))("%s with another tenant's key", async (_, route) => {
        const target = await create(`ISO-${route.id}`, { termsCode: 'JAAR', endDate: '2026-12-31' });
        const before = await acmeRows();
        const path = route.path
          .replace('{id}', target.contract.id)
          .replace(/\{code\}/, () =>
            route.path.startsWith('/terms') ? 'JAAR' : route.path.startsWith('/sla') ? 'GOUD' : 'VERHUISD',
          );
        const valid = VALID[route.id] ?? {};
        const answer = await call(world, route.method, `${path}${valid.query ?? ''}`, {
          key: world.tenants.other.key,
          ...(valid.body !== undefined && { body: valid.body }),
          ifMatch: target.etag,
        });
        const dump = JSON.stringify(answer.body ?? '');
        if (route.path.includes('{id}') || (route.path.includes('{code}') && route.method !== 'PUT')) {
          // Nothing but the refusal: the other tenant's contract or setting does not exist for this key.
          expect(answer.status, dump).toBe(404);
          expect(Object.keys(answer.body as object)).toEqual(['error']);
          expect((answer.body as ErrorBody).error.code).toBe('not-found');
        } else {
          // Acme's contracts, labels and terms never show up in the other tenant's answers.
          for (const acmeOnly of ['ISO-getContract', 'C-CREATE', 'Klant verhuisd', 'Jaarcontract']) {
            expect(dump).not.toContain(acmeOnly);
          }
          // Collections and PUTs act on the caller's own namespace: acme's rows stay as they were.
          expect(answer.status, dump).toBeLessThan(300);
        }
        expect(await acmeRows()).toBe(before);
      });
    });
  });
}
