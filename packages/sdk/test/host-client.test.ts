import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  createHostClient,
  hostFilter,
  NotFoundError,
  PermissionError,
  ValidationError,
  type HostWorkOrder,
  type PostWorkorderRecord,
} from '../src/index.js';
import {
  createHostSandbox,
  sandboxHandlers,
  SANDBOX_SOFTWARE_TOKEN,
  SANDBOX_TOKEN,
  type HostSandbox,
} from '../src/testing.js';

let sandbox: HostSandbox;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sandbox = createHostSandbox();
  server.use(...sandboxHandlers(sandbox));
});
afterEach(() => server.resetHandlers());

const client = (overrides: Partial<Parameters<typeof createHostClient>[0]> = {}) =>
  createHostClient({ token: SANDBOX_TOKEN, softwareToken: SANDBOX_SOFTWARE_TOKEN, maxRetries: 0, ...overrides });

async function createOne(host: ReturnType<typeof client>, record: PostWorkorderRecord): Promise<number> {
  const [created] = await host.workOrders.create(record);
  if (created === undefined) throw new Error('expected a created work order');
  return created.rowId;
}

/** A fetch that removes a query parameter on the way out, to provoke the host's token codes. */
const stripping =
  (pattern: RegExp): typeof fetch =>
  (input, init) => {
    const request = new Request(input, init);
    return fetch(new Request(request.url.replace(pattern, ''), request));
  };

const order = (number: string, extra: Partial<PostWorkorderRecord> = {}): PostWorkorderRecord => ({
  WorkorderNo: number,
  CustomerName: 'Bakkerij De Vries',
  CustomerDebtorNr: 'D1001',
  CustomerStreet: 'Kerkstraat',
  CustomerZIP: '3511AB',
  CustomerCity: 'Utrecht',
  CustomerContactPerson: 'J. de Vries',
  CustomerNameInvoice: 'Bakkerij De Vries',
  CustomerDebtorNrInvoice: 'D1001',
  CustomerStreetInvoice: 'Kerkstraat',
  CustomerZIPInvoice: '3511AB',
  CustomerCityInvoice: 'Utrecht',
  CustomerContactPersonInvoice: 'J. de Vries',
  TypeOfWork: 'Onderhoud',
  PaymentMethod: 'op rekening',
  WorkObjects: ['CV-KETEL-88'],
  ...extra,
});

describe('work orders', () => {
  it('create one or many, get by row id or number, parsed into clean models', async () => {
    const host = client();
    const [created] = await host.workOrders.create(
      order('WO-1', { EmployeeNr: '17', WorkDate: '14-03-2025', WorkTime: '09:30', WorkDuration: '90' }),
    );
    expect(created).toEqual({ workorderNo: 'WO-1', rowId: 2_100_000 });
    expect(await host.workOrders.create([order('WO-2'), order('WO-3')])).toHaveLength(2);
    const fetched = await host.workOrders.get({ workorderNo: 'WO-1' });
    expect(fetched).toMatchObject({
      rowId: 2_100_000,
      workorderNo: 'WO-1',
      status: 'Klaargezet',
      workDate: '2025-03-14',
      workTime: '09:30',
      durationMinutes: 90,
      employeeNr: '17',
      workObjects: ['CV-KETEL-88'],
      finished: false,
    });
    expect(fetched.raw.WorkDate).toBe('14-03-2025');
    expectTypeOf(fetched).toEqualTypeOf<HostWorkOrder>();
  });

  it('lists by status with update_status=false, so nothing flips to Afgehandeld', async () => {
    const host = client();
    const rowId = await createOne(host, order('WO-1'));
    sandbox.progressWorkOrder(rowId, 'Compleet', {
      Workperiods: [
        {
          WorkDate: '14-03-2025',
          BeginTime: '09:35',
          EndTime: '11:05',
          Break: '0',
          TotalTime: '01:30',
          HourType: '001',
          EmployeeNr: '17',
        },
      ],
      Materials: [
        {
          MaterialCode: 'FLT-10',
          MaterialNr: '2',
          MaterialPrice: '12,50',
          MaterialTotalPrice: '25,00',
          MaterialName: 'Filter',
        },
      ],
    });
    const first = await host.workOrders.list({ status: 'Compleet' });
    const again = await host.workOrders.list({ status: 'Compleet' });
    expect(again).toHaveLength(1);
    expect(first[0]?.materials[0]).toMatchObject({ quantity: 2, priceCents: 1250, totalCents: 2500 });
    expect(first[0]?.workPeriods[0]).toMatchObject({ date: '2025-03-14', hourTypeCode: '001', breakMinutes: 0 });
    expect(sandbox.requests.at(-1)?.query).toMatchObject({ status: 'Compleet', update_status: 'false' });
    // Marking handled is the explicit step.
    await host.workOrders.markHandled(rowId);
    expect(await host.workOrders.list({ status: 'Compleet' })).toHaveLength(0);
    expect((await host.workOrders.get({ rowId })).status).toBe('Afgehandeld');
  });

  it("the sandbox keeps the host's quirk: without update_status, fetching closes completed work orders", async () => {
    const host = client();
    const rowId = await createOne(host, order('WO-1'));
    sandbox.progressWorkOrder(rowId, 'Compleet');
    const url = `https://www.out-smart.com/openapi/8/GetWorkorders/?token=${SANDBOX_TOKEN}&software_token=${SANDBOX_SOFTWARE_TOKEN}&status=Compleet`;
    const first = (await (await fetch(url)).json()) as { response: { id: string; status: string }[] };
    expect(first.response.map((w) => [w.id, w.status])).toEqual([[String(rowId), 'Compleet']]);
    expect(((await (await fetch(url)).json()) as { response: unknown[] }).response).toEqual([]);
    expect((await host.workOrders.get({ rowId })).status).toBe('Afgehandeld');
  });

  it('reschedules and reassigns, and deletes', async () => {
    const host = client();
    const rowId = await createOne(host, order('WO-1'));
    await host.workOrders.reschedule({ rowId }, { date: '2025-04-02', time: '08:15', employeeNr: '18' });
    expect(await host.workOrders.get({ rowId })).toMatchObject({
      workDate: '2025-04-02',
      workTime: '08:15',
      employeeNr: '18',
    });
    expect(await host.workOrders.delete({ workorderNo: 'WO-1' })).toBe(1);
    await expect(host.workOrders.get({ rowId })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('master data', () => {
  it('objects, with a filter and the changed feed with acknowledgement', async () => {
    const host = client();
    const all = await host.objects.list();
    expect(all.map((o) => o.code)).toEqual(['CV-KETEL-88', 'LIFT-7', 'BMI-ANKER']);
    expect(all[0]).toMatchObject({ debtorNumber: 'D1001', priceCents: 245000, installedOn: '2019-04-01' });
    const lifts = await host.objects.list(hostFilter().where('obj_type', 'eq', 'Lift'));
    expect(lifts.map((o) => o.code)).toEqual(['LIFT-7']);
    sandbox.changeObjectInApp('LIFT-7', { obj_description: 'Lift vleugel B (gerenoveerd)' });
    expect((await host.objects.changed()).map((o) => o.description)).toEqual(['Lift vleugel B (gerenoveerd)']);
    await host.objects.acknowledge('LIFT-7');
    expect(await host.objects.changed()).toEqual([]);
  });

  it('relations, employees, hour types, materials, priorities, work statuses, work types, timesheet', async () => {
    const host = client();
    expect(
      (await host.relations.list(hostFilter().where('postal_code', 'li', '35%'))).map((r) => r.debtorNumber),
    ).toEqual(['D1001']);
    expect((await host.employees.list()).map((e) => [e.number, e.active])).toEqual([
      ['17', true],
      ['18', true],
      ['19', false],
    ]);
    expect((await host.hourTypes.list())[1]).toMatchObject({ code: '002', salePriceCents: 9750, costPriceCents: 5500 });
    expect((await host.materials.list())[1]).toMatchObject({ code: 'PAK-3', priceCents: 455 });
    expect((await host.priorities.list()).map((p) => p.code)).toEqual(['HOOG', 'NORMAAL']);
    expect((await host.workStatuses.list())[0]).toMatchObject({ code: 'ONDERWEG', description: 'Onderweg' });
    expect((await host.workTypes.list())[0]).toMatchObject({ name: 'Onderhoud', defaultMinutes: 60, active: true });
    expect(await host.timesheet.list(hostFilter().where('hrs_emp_nr', 'eq', '17'))).toEqual([]);
  });
});

describe('application codes become typed errors', () => {
  it.each([
    ['1002 no token', () => client({ fetch: stripping(/(?<=[?&])token=[^&]+&?/) }), AuthenticationError, 1002],
    ['1004 wrong client token', () => client({ token: 'not-the-token' }), PermissionError, 1004],
    ['1005 wrong software token', () => client({ softwareToken: 'not-the-software-token' }), AuthenticationError, 1005],
    ['1001 unknown endpoint', () => client({ baseUrl: 'https://www.out-smart.com/openapi/8/nope' }), ApiError, 1001],
  ])('%s', async (_, make, type, code) => {
    const error = await make()
      .employees.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ appCode: code, status: 200 });
  });

  it('1003 missing software token', async () => {
    const host = client({ fetch: stripping(/&?software_token=[^&]+/) });
    await expect(host.employees.list()).rejects.toMatchObject({ appCode: 1003, name: 'AuthenticationError' });
  });

  it('1006 plain HTTP when the host requires HTTPS', async () => {
    const strict = createHostSandbox({ requireHttps: true });
    server.use(...sandboxHandlers(strict, 'http://host.test'));
    const host = client({ baseUrl: 'http://host.test/openapi/8' });
    await expect(host.employees.list()).rejects.toMatchObject({ appCode: 1006, name: 'ApiError' });
  });

  it('1500 not found, 1501 missing fields (one message each), 1502 no data, 1503 nothing changed, 1504 bad values', async () => {
    const host = client();
    await expect(host.workOrders.get({ rowId: 1 })).rejects.toMatchObject({ appCode: 1500, name: 'NotFoundError' });
    const missing = await host.workOrders
      .create({ ...order('WO-X'), CustomerCity: '', TypeOfWork: '' })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(missing).toMatchObject({
      appCode: 1501,
      messages: ['Required field missing: CustomerCity', 'Required field missing: TypeOfWork'],
    });
    const rowId = await createOne(host, order('WO-1', { EmployeeNr: '17' }));
    await expect(host.workOrders.reschedule({ rowId }, { employeeNr: '17' })).rejects.toBeInstanceOf(ConflictError);
    await expect(host.workOrders.reschedule({ rowId }, { employeeNr: '99' })).rejects.toMatchObject({
      appCode: 1504,
      messages: ['Employee not updated'],
    });
    await expect(host.workOrders.reschedule({ rowId }, {})).rejects.toThrow(/give a date, time/);
  });

  it('1008/1009 body errors and x01 codes for master data', async () => {
    const raw = (path: string, body: string) =>
      fetch(
        `https://www.out-smart.com/openapi/8/${path}?token=${SANDBOX_TOKEN}&software_token=${SANDBOX_SOFTWARE_TOKEN}`,
        { method: 'POST', body },
      ).then((r) => r.json());
    expect(await raw('employees/', '')).toMatchObject({ code: 1008, messages: ['Unable to fetch body'] });
    expect(await raw('employees/', '{not json')).toMatchObject({ code: 1009, messages: ['Unable to parse body'] });
    expect(
      await raw(
        'hourtypes/',
        JSON.stringify([{ name: 'Overwerk', cost_booking: '1', sale_booking: '1', sale_price: '65.00' }]),
      ),
    ).toEqual({
      code: 1801,
      messages: ['Required field missing: code'],
      response: null,
    });
  });

  it('1600 delete failures', async () => {
    const url = `https://www.out-smart.com/openapi/8/DeleteEntity/?token=${SANDBOX_TOKEN}&software_token=${SANDBOX_SOFTWARE_TOKEN}`;
    expect(await (await fetch(`${url}&delete_all=true&entity=workorder`)).json()).toMatchObject({
      code: 1600,
      messages: ['Delete all not allowed on Workorder entity'],
    });
    expect(await (await fetch(`${url}&delete_all=false&entity=spaceship&key=code&value=1`)).json()).toMatchObject({
      code: 1600,
    });
  });
});

it('refuses to build a client without both tokens', () => {
  expect(() => createHostClient({ token: '', softwareToken: 'x' })).toThrow(/both token and softwareToken/);
});
