import { describe, expect, it } from 'vitest';
import type { HostRecord } from '../host/host-models.js';
import { WorkOrderStore } from './work-order-store.js';

const customer = {
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
  PaymentMethod: 'Op rekening',
};
const order = (no: string, extra: HostRecord = {}): HostRecord => ({ WorkorderNo: no, ...customer, ...extra });
const q = (query: string) => new URLSearchParams(query);

function store() {
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const workOrders = new WorkOrderStore({
    now: () => new Date('2025-03-01T08:15:00Z'),
    emit: (type, data) => events.push({ type, data }),
    hasEmployee: (number) => number === '17',
  });
  const create = (...records: HostRecord[]) =>
    workOrders.create(records).response as { workorder_no: string; row_id: number }[];
  return { workOrders, events, create };
}

describe('WorkOrderStore: PostWorkorders', () => {
  it('names every missing field of every record and stores nothing', () => {
    const { workOrders, events } = store();
    const answer = workOrders.create([order('WO-1', { CustomerCity: ' ' }), order('', { PaymentMethod: null })]);
    expect(answer.code).toBe(1501);
    expect(answer.messages).toEqual([
      'Required field missing: CustomerCity',
      'Required field missing: WorkorderNo',
      'Required field missing: PaymentMethod',
    ]);
    expect(workOrders.workOrders.size).toBe(0);
    expect(events).toEqual([]);
  });

  it('creates with a row id as a JSON number, scalars stored as strings, and the host-side fields filled in', () => {
    const { workOrders, create } = store();
    const [created] = create(order('WO-1', { Duration: 60, EmployeeNr: 17 }));
    expect(created).toEqual({ workorder_no: 'WO-1', row_id: expect.any(Number) });
    const stored = workOrders.get(q(`row_id=${created?.row_id}`)).response as HostRecord;
    expect(stored).toMatchObject({
      WorkorderNo: 'WO-1',
      Duration: '60',
      EmployeeNr: '17',
      Employees: ['17'],
      status: 'Klaargezet',
      WorkFinished: '0',
      CreationDate: '2025-03-01 08:15',
      id: String(created?.row_id),
    });
    expect(stored.OrderNr).toMatch(/^[0-9A-F]{8}$/);
  });

  it('upserts by WorkorderNo: same row id, order number and creation date, and an update event', () => {
    const { workOrders, events, create } = store();
    const [first] = create(order('WO-1'));
    const before = workOrders.get(q('workorder_no=WO-1')).response as HostRecord;
    const [again] = create(order('WO-1', { Description: 'changed' }));
    expect(again?.row_id).toBe(first?.row_id);
    expect(workOrders.workOrders.size).toBe(1);
    const after = workOrders.get(q('workorder_no=WO-1')).response as HostRecord;
    expect(after).toMatchObject({ Description: 'changed', OrderNr: before.OrderNr, CreationDate: before.CreationDate });
    expect(events.map((e) => e.type)).toEqual(['workorder.created', 'workorder.updated']);
  });

  it('refuses anything but POST as an unknown endpoint', () => {
    const { workOrders } = store();
    const route = workOrders.routes().PostWorkorders;
    expect(route?.({ method: 'GET', endpoint: 'PostWorkorders', query: q(''), body: undefined }).code).toBe(1001);
  });
});

describe('WorkOrderStore: reads close completed work orders', () => {
  it('GetWorkorder answers a completed order as Compleet and leaves it Afgehandeld, unless update_status=false', () => {
    const { workOrders, events, create } = store();
    const [a, b] = create(order('WO-1'), order('WO-2'));
    workOrders.progress(a?.row_id as number, 'Compleet');
    workOrders.progress(b?.row_id as number, 'Compleet');
    events.length = 0;
    expect(workOrders.get(q('workorder_no=WO-2&update_status=false')).response).toMatchObject({ status: 'Compleet' });
    expect(workOrders.get(q('workorder_no=WO-1')).response).toMatchObject({ status: 'Compleet' });
    expect(workOrders.get(q('workorder_no=WO-1')).response).toMatchObject({ status: 'Afgehandeld' });
    expect(workOrders.workOrders.get(b?.row_id as number)?.status).toBe('Compleet');
    expect(events).toEqual([
      {
        type: 'workorder.status_changed',
        data: { rowId: a?.row_id, workorderNo: 'WO-1', previousStatus: 'Compleet', status: 'Afgehandeld' },
      },
    ]);
  });

  it('GetWorkorders needs a valid status and filters on it and on workstatus', () => {
    const { workOrders, create } = store();
    const [a] = create(order('WO-1'), order('WO-2', { WorkStatus: 'WACHT' }));
    workOrders.progress(a?.row_id as number, 'Opgehaald');
    expect(workOrders.list(q('')).code).toBe(1504);
    expect(workOrders.list(q('status=Bogus')).messages).toEqual([
      'Status invalid. Use one of Alle, Klaargezet, Opgehaald, Compleet, Afgehandeld',
    ]);
    const numbers = (query: string) => (workOrders.list(q(query)).response as HostRecord[]).map((w) => w.WorkorderNo);
    expect(numbers('status=Alle')).toEqual(['WO-1', 'WO-2']);
    expect(numbers('status=Opgehaald')).toEqual(['WO-1']);
    expect(numbers('status=Alle&workstatus=WACHT')).toEqual(['WO-2']);
  });

  it('answers 1500 for a work order it does not know', () => {
    const { workOrders } = store();
    expect(workOrders.get(q('row_id=1')).code).toBe(1500);
    expect(workOrders.get(q('workorder_no=nope')).code).toBe(1500);
  });
});

describe('WorkOrderStore: UpdateWorkorder', () => {
  it('plans a work order on a known employee and announces it once; the same plan again is 1503', () => {
    const { workOrders, events, create } = store();
    create(order('WO-1'));
    events.length = 0;
    expect(workOrders.update(q('workorder_no=WO-1&workdate=15-03-2025&worktime=09:30&employee_nr=17')).code).toBe(200);
    expect(workOrders.get(q('workorder_no=WO-1')).response).toMatchObject({
      WorkDate: '15-03-2025',
      WorkTime: '09:30',
      EmployeeNr: '17',
      Employees: ['17'],
    });
    expect(workOrders.update(q('workorder_no=WO-1&workdate=15-03-2025')).code).toBe(1503);
    expect(events.map((e) => e.type)).toEqual(['workorder.updated']);
  });

  it.each([
    ['nothing to change', '', 1502, []],
    ['a date in the wrong format', '&workdate=2025-03-15', 1504, ['Date invalid. Format: 20-02-2016']],
    ['a time out of range', '&worktime=24:00', 1504, ['Time invalid. Format: 07:08']],
    ['an unknown employee', '&employee_nr=99', 1504, ['Employee not updated']],
  ])('refuses %s with %i', (_, extra, code, messages) => {
    const { workOrders, create } = store();
    create(order('WO-1'));
    expect(workOrders.update(q(`workorder_no=WO-1${extra}`))).toEqual({ code, messages, response: null });
  });
});

describe('WorkOrderStore: deleting and the field', () => {
  it('deletes by workorder_no, after which the number is free again, and refuses delete-all and unknown keys', () => {
    const { workOrders, events, create } = store();
    const [first] = create(order('WO-1'), order('WO-2'));
    expect(workOrders.delete({ all: true, key: null, value: null }).code).toBe(1600);
    expect(workOrders.delete({ all: false, key: '__proto__', value: 'x' }).messages).toEqual([
      'Key: __proto__ not allowed for entity: workorder',
    ]);
    const deleted = workOrders.delete({ all: false, key: 'workorder_no', value: 'WO-1' });
    expect(deleted).toMatchObject({ code: 200, response: 1 });
    expect(workOrders.get(q('workorder_no=WO-1')).code).toBe(1500);
    expect(events.at(-1)).toEqual({ type: 'workorder.deleted', data: { rowId: first?.row_id, workorderNo: 'WO-1' } });
    const [recreated] = create(order('WO-1'));
    expect(recreated?.row_id).not.toBe(first?.row_id);
  });

  it('completes a work order with hours and materials, announcing the status change and the completion', () => {
    const { workOrders, events, create } = store();
    const [created] = create(order('WO-1'));
    const rowId = created?.row_id as number;
    events.length = 0;
    const hours = [{ EmployeeNr: '17', Hours: '1,5' }];
    const done = workOrders.progress(rowId, 'Compleet', { Workperiods: hours });
    expect(done).toMatchObject({ status: 'Compleet', WorkFinished: '1', Workperiods: hours, Materials: [] });
    expect(events).toEqual([
      {
        type: 'workorder.status_changed',
        data: { rowId, workorderNo: 'WO-1', previousStatus: 'Klaargezet', status: 'Compleet' },
      },
      { type: 'workorder.completed', data: { rowId, workorderNo: 'WO-1', status: 'Compleet' } },
    ]);
    expect(() => workOrders.progress(1, 'Opgehaald')).toThrow('sandbox: no work order 1');
  });
});
