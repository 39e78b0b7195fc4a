import { hostText } from './host-text.js';
import type { HostRecord } from '../host/host-models.js';
import type { EntityDeleter } from './delete-entity.js';
import { hostStamp } from './host-stamp.js';
import { own } from './own-key.js';
import { missingFields } from './required-fields.js';
import { envelope, type Envelope } from './sandbox-envelope.js';
import type { Route } from './sandbox-router.js';
import type { EmitEvent } from './webhook-emitter.js';

const REQUIRED_WORK_ORDER_FIELDS = [
  'WorkorderNo',
  'CustomerName',
  'CustomerDebtorNr',
  'CustomerStreet',
  'CustomerZIP',
  'CustomerCity',
  'CustomerContactPerson',
  'CustomerNameInvoice',
  'CustomerDebtorNrInvoice',
  'CustomerStreetInvoice',
  'CustomerZIPInvoice',
  'CustomerCityInvoice',
  'CustomerContactPersonInvoice',
  'TypeOfWork',
  'PaymentMethod',
];
const STATUSES = ['Klaargezet', 'Opgehaald', 'Compleet', 'Afgehandeld'];
/** DeleteEntity's keys for a work order, and the field each one matches. */
const DELETE_KEYS: Readonly<Record<string, string>> = {
  db_row: 'id',
  workorder_no: 'WorkorderNo',
  order_no: 'OrderNr',
};

export type WorkOrderStoreOptions = {
  /** The sandbox's clock, for CreationDate. */
  now: () => Date;
  emit: EmitEvent;
  /** Whether an employee number exists: UpdateWorkorder refuses to plan a work order on anyone else. */
  hasEmployee: (number: string) => boolean;
};

/**
 * Work orders as the host keeps them (the shape GetWorkorder returns) and the host's work-order endpoints, with their
 * quirks: upsert by WorkorderNo, strings for numbers, and `update_status` closing completed work orders on a read.
 */
export class WorkOrderStore {
  /** Work orders by row id. */
  readonly workOrders = new Map<number, HostRecord>();
  /**
   * How many PostWorkorders records carried each WorkorderNo. This host upserts by number, so a second post never
   * shows as a second work order here; the count is how a test sees that a client posted the same occurrence twice
   * (which a host that does not upsert would have turned into a duplicate).
   */
  readonly postsByNumber = new Map<string, number>();
  /** Row id per WorkorderNo, so upserts and look-ups by number stay O(1) at 10,000s of work orders. */
  private readonly rowIdByNumber = new Map<string, number>();
  private nextRowId = 2_100_000;

  constructor(private readonly options: WorkOrderStoreOptions) {}

  /** The host's work-order endpoints. */
  routes(): Record<string, Route> {
    return {
      PostWorkorders: ({ method, body }) => (method === 'POST' ? this.create(body ?? []) : envelope(1001)),
      GetWorkorder: ({ query }) => this.get(query),
      GetWorkorders: ({ query }) => this.list(query),
      UpdateWorkorder: ({ query }) => this.update(query),
    };
  }

  /** PostWorkorders: creates or, by WorkorderNo, updates; nothing is stored when any record misses a field. */
  create(records: HostRecord[]): Envelope {
    const missing = missingFields(records, REQUIRED_WORK_ORDER_FIELDS);
    if (missing.length > 0) return envelope(1501, null, missing);
    const created = records.map((record) => {
      const number = String(record.WorkorderNo);
      this.postsByNumber.set(number, (this.postsByNumber.get(number) ?? 0) + 1);
      const knownRowId = this.rowIdByNumber.get(number);
      const existing = knownRowId === undefined ? undefined : this.workOrders.get(knownRowId);
      const rowId = existing ? Number(existing.id) : this.nextRowId++;
      const stored: HostRecord = {
        Workperiods: [],
        Materials: [],
        Photos: [],
        Documents: [],
        Forms: [],
        Employees: record.EmployeeNr ? [hostText(record.EmployeeNr)] : [],
        WorkObjects: [],
        WorkFinished: '0',
        Archived: '0',
        ...existing,
        // The host stores scalars as strings and answers them as strings.
        ...Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'object' ? v : hostText(v)])),
        id: String(rowId),
        OrderNr: existing?.OrderNr ?? rowId.toString(16).toUpperCase().padStart(8, '0'),
        status: existing?.status ?? 'Klaargezet',
        CreationDate: existing?.CreationDate ?? hostStamp(this.options.now()),
      };
      this.workOrders.set(rowId, stored);
      this.rowIdByNumber.set(number, rowId);
      this.options.emit(existing ? 'workorder.updated' : 'workorder.created', {
        rowId,
        workorderNo: number,
        status: String(stored.status),
      });
      // row_id is the one number the host returns as a JSON number.
      return { workorder_no: number, row_id: rowId };
    });
    return envelope(200, created);
  }

  /** GetWorkorder by `row_id` or `workorder_no`. */
  get(query: URLSearchParams): Envelope {
    const order = this.find(query);
    if (order === undefined) return envelope(1500);
    const copy = structuredClone(order);
    this.close(order, query);
    return envelope(200, copy);
  }

  /** GetWorkorders by `status` (required; `Alle` for every one) and optionally `workstatus`. */
  list(query: URLSearchParams): Envelope {
    const status = query.get('status');
    if (status === null || (status !== 'Alle' && !STATUSES.includes(status))) {
      return envelope(1504, null, [`Status invalid. Use one of Alle, ${STATUSES.join(', ')}`]);
    }
    const workStatus = query.get('workstatus');
    const found = [...this.workOrders.values()].filter(
      (w) => (status === 'Alle' || w.status === status) && (workStatus === null || w.WorkStatus === workStatus),
    );
    // Copies first: the answer shows the status before the read closed anything.
    const copies = found.map((w) => structuredClone(w));
    for (const order of found) this.close(order, query);
    return envelope(200, copies);
  }

  /** UpdateWorkorder: plans a work order (date, time, employee) or sets its work status. */
  update(query: URLSearchParams): Envelope {
    const order = this.find(query);
    if (order === undefined) return envelope(1500);
    const date = query.get('workdate');
    const time = query.get('worktime');
    const employee = query.get('employee_nr');
    const workStatus = query.get('workstatus');
    if (date === null && time === null && employee === null && workStatus === null) return envelope(1502);
    if (date !== null && !/^\d{2}-\d{2}-\d{4}$/.test(date)) {
      return envelope(1504, null, ['Date invalid. Format: 20-02-2016']);
    }
    if (time !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
      return envelope(1504, null, ['Time invalid. Format: 07:08']);
    }
    if (employee !== null && !this.options.hasEmployee(employee)) return envelope(1504, null, ['Employee not updated']);
    const changes: HostRecord = {};
    if (date !== null) changes.WorkDate = date;
    if (time !== null) changes.WorkTime = time;
    if (employee !== null) {
      changes.EmployeeNr = employee;
      changes.Employees = [employee];
    }
    if (workStatus !== null) changes.WorkStatus = workStatus;
    const changed = Object.entries(changes).some(([k, v]) => JSON.stringify(order[k]) !== JSON.stringify(v));
    // The host answers 1503 when nothing would change, and then sends no event either.
    if (!changed) return envelope(1503);
    Object.assign(order, changes);
    this.options.emit('workorder.updated', {
      rowId: Number(order.id),
      workorderNo: String(order.WorkorderNo),
      status: String(order.status),
    });
    return envelope(200, null);
  }

  /** DeleteEntity for `entity=workorder`: one key at a time; the host refuses to delete every work order. */
  readonly delete: EntityDeleter = ({ all, key, value }) => {
    if (all) return envelope(1600, null, ['Delete all not allowed on Workorder entity']);
    const field = key === null ? undefined : own(DELETE_KEYS, key);
    if (field === undefined) return envelope(1600, null, [`Key: ${key} not allowed for entity: workorder`]);
    let deleted = 0;
    for (const [rowId, order] of this.workOrders) {
      if (order[field] === value) {
        this.workOrders.delete(rowId);
        this.rowIdByNumber.delete(String(order.WorkorderNo));
        deleted++;
        this.options.emit('workorder.deleted', { rowId, workorderNo: String(order.WorkorderNo) });
      }
    }
    return envelope(200, deleted);
  };

  /**
   * Moves a work order along as the field would (Opgehaald, Compleet), with hours and materials — the app's side,
   * which has no endpoint in the API.
   */
  progress(
    rowId: number,
    status: 'Opgehaald' | 'Compleet',
    extra: { Workperiods?: HostRecord[]; Materials?: HostRecord[] } = {},
  ): HostRecord {
    const order = this.workOrders.get(rowId);
    if (order === undefined) throw new Error(`sandbox: no work order ${rowId}`);
    const previousStatus = String(order.status);
    Object.assign(order, extra, { status, ...(status === 'Compleet' && { WorkFinished: '1' }) });
    const workorderNo = String(order.WorkorderNo);
    this.options.emit('workorder.status_changed', { rowId, workorderNo, previousStatus, status });
    if (status === 'Compleet') this.options.emit('workorder.completed', { rowId, workorderNo, status });
    return order;
  }

  private find(query: URLSearchParams): HostRecord | undefined {
    const byRow = query.get('row_id');
    if (byRow !== null) return this.workOrders.get(Number(byRow));
    const number = query.get('workorder_no');
    const rowId = number === null ? undefined : this.rowIdByNumber.get(number);
    return rowId === undefined ? undefined : this.workOrders.get(rowId);
  }

  /** `update_status` defaults to true: fetching a completed work order closes it (Afgehandeld). */
  private close(order: HostRecord, query: URLSearchParams): void {
    const updateStatus = query.get('update_status');
    if ((updateStatus === null || updateStatus === 'true' || updateStatus === '1') && order.status === 'Compleet') {
      order.status = 'Afgehandeld';
      this.options.emit('workorder.status_changed', {
        rowId: Number(order.id),
        workorderNo: String(order.WorkorderNo),
        previousStatus: 'Compleet',
        status: 'Afgehandeld',
      });
    }
  }
}
