import type { HostRecord } from '../host/host-models.js';
import { signWebhook } from '../webhooks/webhook-signature.js';
import type { WebhookEvent } from '../webhooks/webhook-event.js';
import { matchesLike } from './like-pattern.js';
import { own } from './own-key.js';
import { DEFAULT_MAX_BODY_BYTES, readLimitedBody } from './request-body.js';
import { NO_FAULTS, seededRandom, type SandboxFaults } from './sandbox-faults.js';
import { seedRecords } from './sandbox-seed.js';

export const SANDBOX_TOKEN = 'sandbox-client-token';
export const SANDBOX_SOFTWARE_TOKEN = 'sandbox-software-token';

/** The answer to one request, and whether to cut the connection instead of sending it (after the effect). */
export type SandboxAnswer = { response: Response; drop: boolean };

type Envelope = { code: number; messages: string[]; response: unknown };

const REQUIRED_WORK_ORDER_FIELDS = [
  'WorkorderNo', 'CustomerName', 'CustomerDebtorNr', 'CustomerStreet', 'CustomerZIP', 'CustomerCity', 'CustomerContactPerson',
  'CustomerNameInvoice', 'CustomerDebtorNrInvoice', 'CustomerStreetInvoice', 'CustomerZIPInvoice', 'CustomerCityInvoice',
  'CustomerContactPersonInvoice', 'TypeOfWork', 'PaymentMethod',
];
const STATUSES = ['Klaargezet', 'Opgehaald', 'Compleet', 'Afgehandeld'];

/** Master-data endpoints: list name, required fields on POST, upsert key, the x01 code for a missing field. */
const MASTER: Record<string, { required: string[]; key: string; code: number }> = {
  employees: { required: ['firstname', 'lastname', 'number'], key: 'number', code: 1101 },
  relations: { required: ['name', 'debtor_number', 'street', 'postal_code', 'city'], key: 'debtor_number', code: 1301 },
  materials: { required: ['code', 'description', 'price', 'unit'], key: 'code', code: 1201 },
  hourtypes: { required: ['code', 'name', 'cost_booking', 'sale_booking', 'sale_price'], key: 'code', code: 1801 },
  objects: { required: ['obj_code', 'obj_debiteur_nummer', 'obj_description'], key: 'obj_code', code: 1901 },
  priorities: { required: ['code', 'description'], key: 'code', code: 1051 },
  workstatusses: { required: ['sta_code', 'sta_name'], key: 'sta_code', code: 2801 },
  worktypes: { required: ['wrt_name', 'wrt_description', 'wrt_default_minutes', 'wrt_active'], key: 'wrt_name', code: 2601 },
  hours: { required: ['hrs_emp_nr', 'hrs_date'], key: 'hrs_id', code: 1051 },
};
/** Filter endpoints that read another list. */
const FILTER_ALIASES: Record<string, string> = { object: 'objects' };

const pad = (n: number) => String(n).padStart(2, '0');
const hostStamp = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const isRecord = (value: unknown): value is HostRecord =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function matches(record: HostRecord, key: string, operator: string, value: string): boolean {
  const field = own(record, key);
  const text = field === null || field === undefined ? '' : String(field);
  const numeric = Number(text) - Number(value);
  const compare = Number.isNaN(numeric) ? text.localeCompare(value) : numeric;
  switch (operator) {
    case 'li':
      return matchesLike(text, value);
    case 'ne': return text !== value;
    case 'gt': return compare > 0;
    case 'ge': return compare >= 0;
    case 'lt': return compare < 0;
    case 'le': return compare <= 0;
    default: return text === value;
  }
}

export type SandboxOptions = {
  token?: string;
  softwareToken?: string;
  /** Answer 1006 to plain-HTTP requests, as the real host does (off by default: the sandbox runs on loopback). */
  requireHttps?: boolean;
  faults?: Partial<SandboxFaults>;
  /** Seed of the fault generator. */
  seed?: number;
  /** The sandbox's clock (for CreationDate and events); default the real one. */
  now?: () => Date;
  /** Where the host's API lives in the URL path. */
  basePath?: string;
  /** Request bodies longer than this many bytes get HTTP 413, as from the host's front proxy; default 5 MB. */
  maxBodyBytes?: number;
};

/**
 * An in-memory emulator of the OutSmart OPENApi v8 endpoints the SDK uses, with the real API's quirks: HTTP 200 with
 * an application code for every answer, tokens in the query string, strings for numbers, comma decimals for material
 * prices, state-changing GETs and `update_status` defaulting to true. It can also emit signed webhooks and inject
 * faults. Serve it with {@link sandboxHandlers} (msw) or {@link startSandboxServer} (real HTTP on loopback).
 */
export class HostSandbox {
  readonly token: string;
  readonly softwareToken: string;
  readonly basePath: string;
  readonly maxBodyBytes: number;
  /** Master data per endpoint, in the host's shapes; without a prototype, so no request can name one of its keys. */
  readonly records: Record<string, HostRecord[]> = Object.assign(
    Object.create(null) as Record<string, HostRecord[]>,
    seedRecords(),
  );
  /** Work orders by row id, in the shape GetWorkorder returns. */
  readonly workOrders = new Map<number, HostRecord>();
  /** Row id per WorkorderNo, so upserts and look-ups by number stay O(1) at 10,000s of work orders. */
  private readonly rowIdByNumber = new Map<string, number>();
  /** Object codes changed "in the app" and not yet acknowledged. */
  readonly changedObjects = new Set<string>();
  faults: SandboxFaults;
  /** Every request seen, for assertions: method, endpoint and the (credential-free) query. */
  readonly requests: { method: string; endpoint: string; query: Record<string, string> }[] = [];
  private nextRowId = 2_100_000;
  private requestCount = 0;
  private readonly random: () => number;
  private readonly now: () => Date;
  private readonly requireHttps: boolean;
  private webhook: { url: string; secret: string } | undefined;
  private readonly pending = new Set<Promise<void>>();
  private eventCount = 0;
  /** Every webhook delivery attempted, with the HTTP status the receiver answered (0 when unreachable). */
  readonly deliveries: { event: WebhookEvent; status: number }[] = [];

  constructor(options: SandboxOptions = {}) {
    this.token = options.token ?? SANDBOX_TOKEN;
    this.softwareToken = options.softwareToken ?? SANDBOX_SOFTWARE_TOKEN;
    this.basePath = (options.basePath ?? '/openapi/8').replace(/\/+$/, '');
    this.faults = { ...NO_FAULTS, ...options.faults };
    this.random = seededRandom(options.seed ?? 1);
    this.now = options.now ?? (() => new Date());
    this.requireHttps = options.requireHttps ?? false;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    // NaN would compare false with every size and lift the limit altogether.
    if (!(this.maxBodyBytes >= 0)) {
      throw new RangeError('createHostSandbox: maxBodyBytes must be a number of bytes, 0 or more.');
    }
  }

  setFaults(faults: Partial<SandboxFaults>): void {
    this.faults = { ...NO_FAULTS, ...faults };
  }

  /** Signed webhooks for every change go to `url` from now on. */
  configureWebhooks(target: { url: string; secret: string } | undefined): void {
    this.webhook = target;
  }

  /** Waits until every webhook delivery started so far has finished. */
  async flushWebhooks(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Moves a work order along as the field would (Opgehaald, Compleet), with hours and materials. */
  progressWorkOrder(rowId: number, status: 'Opgehaald' | 'Compleet', extra: { Workperiods?: HostRecord[]; Materials?: HostRecord[] } = {}): HostRecord {
    const order = this.workOrders.get(rowId);
    if (order === undefined) throw new Error(`sandbox: no work order ${rowId}`);
    const previous = String(order.status);
    Object.assign(order, extra, { status, ...(status === 'Compleet' && { WorkFinished: '1' }) });
    this.emit('workorder.status_changed', { rowId, workorderNo: String(order.WorkorderNo), previousStatus: previous, status });
    if (status === 'Compleet') this.emit('workorder.completed', { rowId, workorderNo: String(order.WorkorderNo), status });
    return order;
  }

  /** Changes an object "in the app": it shows up in `objects/changed` until acknowledged. */
  changeObjectInApp(code: string, changes: HostRecord): void {
    const object = this.records.objects?.find((o) => o.obj_code === code);
    if (object === undefined) throw new Error(`sandbox: no object ${code}`);
    Object.assign(object, changes, { obj_modified: `${hostStamp(this.now())}:00` });
    this.changedObjects.add(code);
    this.emit('object.updated', { code });
  }

  private emit(type: WebhookEvent['type'], data: Record<string, unknown>): void {
    if (this.webhook === undefined) return;
    const event = { id: `evt_sandbox_${++this.eventCount}`, type, createdAt: this.now().toISOString().replace(/\.\d{3}Z$/, 'Z'), data } as WebhookEvent;
    const { url, secret } = this.webhook;
    const delivery = (async () => {
      let status = 0;
      try {
        // Signing inside the try: a bad secret or clock is an undelivered event, not an unhandled rejection.
        const { body, headers } = await signWebhook({ payload: event, secret, timestamp: this.now() });
        status = (await fetch(url, { method: 'POST', body, headers })).status;
      } catch {
        status = 0;
      }
      this.deliveries.push({ event, status });
    })();
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  private envelope(code: number, response: unknown = null, messages: string[] = []): Envelope {
    return { code, messages, response };
  }

  /** Answers one request as the host would. */
  async handle(request: Request): Promise<SandboxAnswer> {
    const url = new URL(request.url);
    const count = ++this.requestCount;
    const faults = this.faults;
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.rateLimitEvery > 0 && count % faults.rateLimitEvery === 0) {
      return { response: new Response('Too Many Requests', { status: 429, headers: { 'retry-after': String(faults.retryAfterSeconds) } }), drop: false };
    }
    if (faults.serverErrorRate > 0 && this.random() < faults.serverErrorRate) {
      return { response: new Response('Service Unavailable', { status: 503 }), drop: false };
    }
    let text: string | undefined;
    if (request.method === 'POST' || request.method === 'PUT') {
      text = await readLimitedBody(request, this.maxBodyBytes);
      if (text === undefined) {
        const message = `Payload Too Large: send at most ${this.maxBodyBytes} bytes per request`;
        const response = new Response(message, { status: 413, headers: { 'content-type': 'text/plain' } });
        return { response, drop: false };
      }
    }
    const drop = faults.dropAfterCommitRate > 0 && this.random() < faults.dropAfterCommitRate;
    const envelope = await this.answer(request, url, text);
    return {
      response: new Response(JSON.stringify(envelope), { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } }),
      drop,
    };
  }

  private async answer(request: Request, url: URL, text: string | undefined): Promise<Envelope> {
    if (this.requireHttps && url.protocol !== 'https:') return this.envelope(1006);
    const query = url.searchParams;
    const token = query.get('token');
    const softwareToken = query.get('software_token');
    if (token === null) return this.envelope(1002);
    if (softwareToken === null) return this.envelope(1003);
    if (token !== this.token) return this.envelope(1004);
    if (softwareToken !== this.softwareToken) return this.envelope(1005);
    if (!url.pathname.startsWith(this.basePath)) return this.envelope(1000);
    const endpoint = url.pathname.slice(this.basePath.length).replace(/^\/+|\/+$/g, '');
    if (endpoint === '') return this.envelope(1000);
    const plainQuery = Object.fromEntries([...query.entries()].filter(([k]) => k !== 'token' && k !== 'software_token'));
    this.requests.push({ method: request.method, endpoint, query: plainQuery });

    let body: unknown;
    if (text !== undefined) {
      if (text.trim() === '') return this.envelope(1008, null, ['Unable to fetch body']);
      try {
        body = JSON.parse(text);
      } catch {
        return this.envelope(1009, null, ['Unable to parse body']);
      }
      if (!Array.isArray(body) || !body.every(isRecord)) return this.envelope(1009, null, ['Unable to parse body']);
    }
    switch (endpoint) {
      case 'PostWorkorders':
        return request.method === 'POST' ? this.postWorkOrders(body as HostRecord[]) : this.envelope(1001);
      case 'GetWorkorder':
        return this.getWorkOrder(query);
      case 'GetWorkorders':
        return this.getWorkOrders(query);
      case 'UpdateWorkorder':
        return this.updateWorkOrder(query);
      case 'DeleteEntity':
        return this.deleteEntity(query);
      case 'objects/changed': {
        const code = query.get('obj_code');
        if (code !== null) {
          this.changedObjects.delete(code);
          return this.envelope(200, true);
        }
        return this.envelope(200, (this.records.objects ?? []).filter((o) => this.changedObjects.has(String(o.obj_code))));
      }
      default:
        return this.master(request.method, endpoint, query, body as HostRecord[] | undefined);
    }
  }

  private find(query: URLSearchParams): HostRecord | undefined {
    const byRow = query.get('row_id');
    if (byRow !== null) return this.workOrders.get(Number(byRow));
    const number = query.get('workorder_no');
    const rowId = number === null ? undefined : this.rowIdByNumber.get(number);
    return rowId === undefined ? undefined : this.workOrders.get(rowId);
  }

  private postWorkOrders(records: HostRecord[]): Envelope {
    const missing = records.flatMap((record) => REQUIRED_WORK_ORDER_FIELDS.filter((field) => blank(record[field])).map((f) => `Required field missing: ${f}`));
    if (missing.length > 0) return this.envelope(1501, null, missing);
    const created = records.map((record) => {
      const knownRowId = this.rowIdByNumber.get(String(record.WorkorderNo));
      const existing = knownRowId === undefined ? undefined : this.workOrders.get(knownRowId);
      const rowId = existing ? Number(existing.id) : this.nextRowId++;
      const stored: HostRecord = {
        Workperiods: [],
        Materials: [],
        Photos: [],
        Documents: [],
        Forms: [],
        Employees: record.EmployeeNr ? [String(record.EmployeeNr)] : [],
        WorkObjects: [],
        WorkFinished: '0',
        Archived: '0',
        ...existing,
        ...Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Array.isArray(v) || v === null || typeof v === 'object' ? v : String(v)])),
        id: String(rowId),
        OrderNr: existing?.OrderNr ?? rowId.toString(16).toUpperCase().padStart(8, '0'),
        status: existing?.status ?? 'Klaargezet',
        CreationDate: existing?.CreationDate ?? hostStamp(this.now()),
      };
      this.workOrders.set(rowId, stored);
      this.rowIdByNumber.set(String(record.WorkorderNo), rowId);
      this.emit(existing ? 'workorder.updated' : 'workorder.created', { rowId, workorderNo: String(record.WorkorderNo), status: String(stored.status) });
      // row_id is the one number the host returns as a JSON number.
      return { workorder_no: String(record.WorkorderNo), row_id: rowId };
    });
    return this.envelope(200, created);
  }

  /** `update_status` defaults to true: fetching a completed work order closes it (Afgehandeld). */
  private close(order: HostRecord, query: URLSearchParams): void {
    const updateStatus = query.get('update_status');
    if ((updateStatus === null || updateStatus === 'true' || updateStatus === '1') && order.status === 'Compleet') {
      order.status = 'Afgehandeld';
      this.emit('workorder.status_changed', { rowId: Number(order.id), workorderNo: String(order.WorkorderNo), previousStatus: 'Compleet', status: 'Afgehandeld' });
    }
  }

  private getWorkOrder(query: URLSearchParams): Envelope {
    const order = this.find(query);
    if (order === undefined) return this.envelope(1500);
    const copy = structuredClone(order);
    this.close(order, query);
    return this.envelope(200, copy);
  }

  private getWorkOrders(query: URLSearchParams): Envelope {
    const status = query.get('status');
    if (status === null || (status !== 'Alle' && !STATUSES.includes(status))) {
      return this.envelope(1504, null, [`Status invalid. Use one of Alle, ${STATUSES.join(', ')}`]);
    }
    const workStatus = query.get('workstatus');
    const found = [...this.workOrders.values()].filter(
      (w) => (status === 'Alle' || w.status === status) && (workStatus === null || w.WorkStatus === workStatus),
    );
    const copies = found.map((w) => structuredClone(w));
    for (const order of found) this.close(order, query);
    return this.envelope(200, copies);
  }

  private updateWorkOrder(query: URLSearchParams): Envelope {
    const order = this.find(query);
    if (order === undefined) return this.envelope(1500);
    const date = query.get('workdate');
    const time = query.get('worktime');
    const employee = query.get('employee_nr');
    const workStatus = query.get('workstatus');
    if (date === null && time === null && employee === null && workStatus === null) return this.envelope(1502);
    if (date !== null && !/^\d{2}-\d{2}-\d{4}$/.test(date)) return this.envelope(1504, null, ['Date invalid. Format: 20-02-2016']);
    if (time !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return this.envelope(1504, null, ['Time invalid. Format: 07:08']);
    if (employee !== null && !(this.records.employees ?? []).some((e) => e.number === employee)) return this.envelope(1504, null, ['Employee not updated']);
    const changes: HostRecord = {};
    if (date !== null) changes.WorkDate = date;
    if (time !== null) changes.WorkTime = time;
    if (employee !== null) {
      changes.EmployeeNr = employee;
      changes.Employees = [employee];
    }
    if (workStatus !== null) changes.WorkStatus = workStatus;
    const changed = Object.entries(changes).some(([k, v]) => JSON.stringify(order[k]) !== JSON.stringify(v));
    if (!changed) return this.envelope(1503);
    Object.assign(order, changes);
    this.emit('workorder.updated', { rowId: Number(order.id), workorderNo: String(order.WorkorderNo), status: String(order.status) });
    return this.envelope(200, null);
  }

  private deleteEntity(query: URLSearchParams): Envelope {
    const deleteAll = query.get('delete_all');
    const entity = query.get('entity');
    const key = query.get('key');
    const value = query.get('value');
    if (deleteAll === null) return this.envelope(1600, null, ['Required field missing: delete_all']);
    if (entity === 'workorder') {
      if (deleteAll === 'true' || deleteAll === '1') return this.envelope(1600, null, ['Delete all not allowed on Workorder entity']);
      const field = key === 'db_row' ? 'id' : key === 'workorder_no' ? 'WorkorderNo' : key === 'order_no' ? 'OrderNr' : undefined;
      if (field === undefined) return this.envelope(1600, null, [`Key: ${key} not allowed for entity: workorder`]);
      let deleted = 0;
      for (const [rowId, order] of this.workOrders) {
        if (order[field] === value) {
          this.workOrders.delete(rowId);
          this.rowIdByNumber.delete(String(order.WorkorderNo));
          deleted++;
          this.emit('workorder.deleted', { rowId, workorderNo: String(order.WorkorderNo) });
        }
      }
      return this.envelope(200, deleted);
    }
    const list = entity === null ? undefined : (own(this.records, `${entity}s`) ?? own(this.records, entity));
    if (!Array.isArray(list)) return this.envelope(1600, null, [`Entity: ${entity} not found`]);
    if (deleteAll === 'true' || deleteAll === '1') {
      const count = list.length;
      list.length = 0;
      return this.envelope(200, count);
    }
    const before = list.length;
    const kept = list.filter((r) => key === null || String(own(r, key)) !== value);
    list.splice(0, list.length, ...kept);
    return this.envelope(200, before - kept.length);
  }

  private master(method: string, endpoint: string, query: URLSearchParams, body: HostRecord[] | undefined): Envelope {
    const name = own(FILTER_ALIASES, endpoint) ?? endpoint;
    const spec = own(MASTER, name);
    const list = own(this.records, name);
    if (spec === undefined || !Array.isArray(list)) return this.envelope(1001);
    if (method === 'GET') {
      const keys = query.getAll('key[]').length > 0 ? query.getAll('key[]') : query.getAll('key');
      const values = query.getAll('value[]').length > 0 ? query.getAll('value[]') : query.getAll('value');
      const operators = query.getAll('operator[]').length > 0 ? query.getAll('operator[]') : query.getAll('operator');
      const found = list.filter((record) => keys.every((key, i) => matches(record, key, operators[i] ?? 'eq', values[i] ?? '')));
      return this.envelope(200, structuredClone(found));
    }
    if (method === 'POST') {
      const records = body ?? [];
      const missing = records.flatMap((r) => spec.required.filter((f) => blank(r[f])).map((f) => `Required field missing: ${f}`));
      if (missing.length > 0) return this.envelope(spec.code, null, missing);
      for (const record of records) {
        const stored = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === null ? null : String(v)]));
        const at = list.findIndex((r) => r[spec.key] === stored[spec.key]);
        if (at >= 0) list[at] = { ...list[at], ...stored };
        else list.push(stored);
      }
      return this.envelope(200, records.length);
    }
    return this.envelope(1001);
  }
}

/** A fresh sandbox with demo data. */
export function createHostSandbox(options: SandboxOptions = {}): HostSandbox {
  return new HostSandbox(options);
}
