import * as z from 'zod';
import { checkInteger, checkPrintable, checkRecord, checkText } from '../errors/argument-checks.js';
import { NotFoundError, ValidationError } from '../errors/sdk-error.js';
import { checkClientOptions, DEFAULT_MAX_RESPONSE_BYTES } from '../transport/option-checks.js';
import {
  Transport,
  type CallOptions,
  type Logger,
  type TransportOptions,
  type TransportRequest,
} from '../transport/transport.js';
import { envelopeError, envelopeResponse } from './host-envelope.js';
import { HostFilter } from './host-filter.js';
import {
  hostRecordsSchema,
  hostRecordSchema,
  toEmployee,
  toHourType,
  toMaterial,
  toObject,
  toPriority,
  toRelation,
  toTimesheetLine,
  toWorkOrder,
  toWorkStatus,
  toWorkType,
  type HostRecord,
  type HostWorkOrder,
  type WorkOrderStatus,
} from './host-models.js';
import { toHostDate } from './host-values.js';
import type { PostWorkorderRecord } from './post-workorder.js';

export const DEFAULT_HOST_URL = 'https://www.out-smart.com/openapi/8';

export type HostClientOptions = {
  /** The customer's client token (`token`). */
  token: string;
  /** The software token issued for this integration (`software_token`). */
  softwareToken: string;
  baseUrl?: string;
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

type Query = [string, string][];
type WorkOrderRef = { rowId: number } | { workorderNo: string };

const createdSchema = z.array(z.object({ workorder_no: z.coerce.string(), row_id: z.coerce.number() }));

const WORK_ORDER_STATUSES = ['Klaargezet', 'Opgehaald', 'Compleet', 'Afgehandeld', 'Alle'];

/** Checks a work-order reference: `{ rowId }` (a positive whole number) or `{ workorderNo }` (a non-empty string). */
function checkRef(ref: unknown, where: string): WorkOrderRef {
  const record = checkRecord(ref, where, 'the work order ({ rowId } or { workorderNo })', false) as HostRecord;
  if ('rowId' in record) return { rowId: checkInteger(record.rowId, where, 'rowId', 1, Number.MAX_SAFE_INTEGER) };
  if ('workorderNo' in record) return { workorderNo: checkPrintable(record.workorderNo, where, 'workorderNo') };
  throw new ValidationError(`${where}: name the work order as { rowId } or { workorderNo }.`);
}

function refQuery(ref: WorkOrderRef): Query {
  return 'rowId' in ref ? [['row_id', String(ref.rowId)]] : [['workorder_no', ref.workorderNo]];
}

/** Whether a host answer holds no record at all (`null`, `[]`, `{}`, `[null]`): the host's way of saying "none". */
function isEmptyAnswer(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0 || (value.length === 1 && isEmptyAnswer(value[0]));
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/**
 * A typed client for the host's OPENApi v8. It always sends both tokens as query parameters, sends
 * `update_status=false` unless asked, reads the `{code, messages, response}` envelope (an application code other
 * than 200 becomes a typed error, HTTP 200 or not), parses strings, comma decimals and `d-m-Y` dates at the edge,
 * retries only calls that are safe to repeat, and never shows a token in an error or a log line.
 *
 * @example
 * const host = createHostClient({ token: process.env.OUTSMART_TOKEN!, softwareToken: process.env.OUTSMART_SOFTWARE_TOKEN! });
 * const done = await host.workOrders.list({ status: 'Compleet' }); // update_status=false: nothing flips to Afgehandeld
 */
export function createHostClient(options: HostClientOptions) {
  checkRecord(options, 'createHostClient', 'the options', false);
  const { token, softwareToken } = options;
  if (typeof token !== 'string' || typeof softwareToken !== 'string' || token === '' || softwareToken === '') {
    throw new ValidationError('createHostClient: give both token and softwareToken (the host checks that they match).');
  }
  checkClientOptions('createHostClient', options);
  const transportOptions: TransportOptions = {
    baseUrl: options.baseUrl ?? DEFAULT_HOST_URL,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    auth: { kind: 'query', params: { token: options.token, software_token: options.softwareToken } },
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.maxRetries !== undefined && { retry: { maxRetries: options.maxRetries } }),
    ...(options.logger && { logger: options.logger }),
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.random && { random: options.random }),
  };
  const transport = new Transport(transportOptions);

  const invalid = (message: string) => new ValidationError(message, { secrets: transport.secretValues });

  async function call(request: Omit<TransportRequest, 'check'>): Promise<unknown> {
    const response = await transport.send({
      ...request,
      check: (body, info) => envelopeError(body, info, transport.secretValues),
    });
    return envelopeResponse(response.body);
  }

  async function records<T>(
    path: string,
    map: (raw: HostRecord) => T,
    query: Query = [],
    callOptions?: CallOptions,
  ): Promise<T[]> {
    const response = await call({ method: 'GET', path, query, idempotent: true, options: callOptions });
    const parsed = hostRecordsSchema.safeParse(response ?? []);
    if (!parsed.success) throw invalid(`GET ${path}: expected an array of records from the host.`);
    return parsed.data.map(map);
  }

  const listOf =
    <T>(path: string, filterPath: string, map: (raw: HostRecord) => T) =>
    async (filter?: HostFilter, callOptions?: CallOptions) => {
      if (filter !== undefined && !(filter instanceof HostFilter)) {
        throw invalid(`GET ${path}: pass a filter made with hostFilter().where(…), or none.`);
      }
      return filter && filter.size > 0
        ? records(filterPath, map, filter.toQuery(), callOptions)
        : records(path, map, [], callOptions);
    };

  const workOrders = {
    /** Creates one or many work orders (PostWorkorders). Not retried: the caller reconciles by `WorkorderNo`. */
    async create(input: PostWorkorderRecord | PostWorkorderRecord[], callOptions?: CallOptions) {
      const body = Array.isArray(input) ? input : [input];
      const isRecord = (record: unknown) => typeof record === 'object' && record !== null && !Array.isArray(record);
      if (body.length === 0 || !body.every(isRecord)) {
        throw invalid(
          'workOrders.create: pass a work-order record (see toPostWorkorder) or a non-empty array of them.',
        );
      }
      const response = await call({
        method: 'POST',
        path: 'PostWorkorders/',
        body,
        idempotent: false,
        options: callOptions,
      });
      const parsed = createdSchema.safeParse(response);
      if (!parsed.success) throw invalid('PostWorkorders: the host did not return [{ workorder_no, row_id }].');
      return parsed.data.map((row) => ({ workorderNo: row.workorder_no, rowId: row.row_id }));
    },
    /** One work order by row id or number. `updateStatus: true` closes a completed one (Afgehandeld). */
    async get(ref: WorkOrderRef, opts: { updateStatus?: boolean } & CallOptions = {}): Promise<HostWorkOrder> {
      const checked = checkRef(ref, 'workOrders.get');
      checkRecord(opts, 'workOrders.get', 'the options', false);
      const updateStatus = opts.updateStatus === true;
      const { updateStatus: _, ...callOptions } = opts;
      const response = await call({
        method: 'GET',
        path: 'GetWorkorder/',
        query: [...refQuery(checked), ['update_status', updateStatus ? 'true' : 'false']],
        idempotent: !updateStatus,
        options: callOptions,
      });
      // Some hosts answer code 200 with no record instead of code 1500: that is "not found" too, not an empty order.
      if (isEmptyAnswer(response)) {
        const named = 'rowId' in checked ? `row_id ${checked.rowId}` : `workorder_no ${checked.workorderNo}`;
        const message = `GetWorkorder: the host returned no work order for ${named}.`;
        throw new NotFoundError(message, { status: 200, secrets: transport.secretValues });
      }
      const parsed = hostRecordSchema.safeParse(Array.isArray(response) ? response[0] : response);
      if (!parsed.success) throw invalid('GetWorkorder: expected one work-order record from the host.');
      return toWorkOrder(parsed.data);
    },
    /** Work orders by lifecycle status, without closing them (`update_status=false`) unless asked. */
    async list(
      opts: { status: WorkOrderStatus | 'Alle'; workStatus?: string; updateStatus?: boolean } & CallOptions,
    ): Promise<HostWorkOrder[]> {
      checkRecord(opts, 'workOrders.list', 'the options ({ status })', false);
      if (!WORK_ORDER_STATUSES.includes(opts.status)) {
        throw invalid(`workOrders.list: status must be one of ${WORK_ORDER_STATUSES.join(', ')}.`);
      }
      const { status, workStatus, updateStatus: update, ...callOptions } = opts;
      const updateStatus = update === true;
      const query: Query = [
        ['status', status],
        ['update_status', updateStatus ? 'true' : 'false'],
      ];
      if (workStatus !== undefined && workStatus !== '') {
        query.push(['workstatus', checkPrintable(workStatus, 'workOrders.list', 'workStatus')]);
      }
      const response = await call({
        method: 'GET',
        path: 'GetWorkorders/',
        query,
        idempotent: !updateStatus,
        options: callOptions,
      });
      const parsed = hostRecordsSchema.safeParse(response ?? []);
      if (!parsed.success) throw invalid('GetWorkorders: expected an array of work-order records from the host.');
      return parsed.data.map(toWorkOrder);
    },
    /**
     * Reschedules or reassigns (UpdateWorkorder): absolute values, so safe to repeat. When a retry is answered
     * "no data changed" (1503), the attempt whose answer was lost applied the change: that is success. A 1503 on
     * the first attempt stays a `ConflictError` (the order already had these values).
     */
    async reschedule(
      ref: WorkOrderRef,
      change: { date?: string; time?: string; employeeNr?: string; workStatus?: string },
      callOptions?: CallOptions,
    ) {
      const query: Query = refQuery(checkRef(ref, 'reschedule'));
      checkRecord(change, 'reschedule', 'the change', false);
      const value = (name: keyof typeof change) => {
        const given = change[name];
        return given === undefined || given === '' ? undefined : checkPrintable(given, 'reschedule', name);
      };
      const date = value('date');
      if (date !== undefined) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
          throw invalid(`reschedule: date must be 'YYYY-MM-DD' (got ${JSON.stringify(date.slice(0, 20))}).`);
        }
        query.push(['workdate', toHostDate(date)]);
      }
      const time = value('time');
      if (time !== undefined) query.push(['worktime', time]);
      const employeeNr = value('employeeNr');
      if (employeeNr !== undefined) query.push(['employee_nr', employeeNr]);
      const workStatus = value('workStatus');
      if (workStatus !== undefined) query.push(['workstatus', workStatus]);
      if (query.length === 1) throw invalid('reschedule: give a date, time, employeeNr or workStatus to change.');
      await call({
        method: 'GET',
        path: 'UpdateWorkorder/',
        query,
        idempotent: true,
        options: callOptions,
        doneOnRetry: (error) => error.appCode === 1503,
      });
    },
    /** Marks a completed work order handled (Afgehandeld) by fetching it with `update_status=true`. */
    async markHandled(rowId: number, callOptions?: CallOptions): Promise<HostWorkOrder> {
      checkRecord(callOptions, 'workOrders.markHandled', 'the call options', true);
      return workOrders.get({ rowId }, { ...callOptions, updateStatus: true });
    },
    /** Deletes a work order (DeleteEntity); returns the number of rows deleted. */
    async delete(ref: WorkOrderRef, callOptions?: CallOptions): Promise<number> {
      const checked = checkRef(ref, 'workOrders.delete');
      const [key, value] =
        'rowId' in checked ? ['db_row', String(checked.rowId)] : ['workorder_no', checked.workorderNo];
      const response = await call({
        method: 'GET',
        path: 'DeleteEntity/',
        query: [
          ['delete_all', 'false'],
          ['entity', 'workorder'],
          ['key', key],
          ['value', value],
        ],
        idempotent: false,
        options: callOptions,
      });
      if (response === null) return 0;
      const deleted = typeof response === 'number' || typeof response === 'string' ? Number(response) : Number.NaN;
      if (!Number.isSafeInteger(deleted) || deleted < 0) {
        throw invalid('DeleteEntity: expected the number of rows deleted from the host.');
      }
      return deleted;
    },
  };

  return {
    workOrders,
    objects: {
      list: listOf('objects/', 'object/', toObject),
      /** Objects changed in the app since their last acknowledgement. */
      changed: (callOptions?: CallOptions) => records('objects/changed/', toObject, [], callOptions),
      /** Resets an object's "changed" mark, so `changed()` stops returning it. */
      async acknowledge(code: string, callOptions?: CallOptions): Promise<void> {
        const objCode = checkText(code, 'objects.acknowledge', 'the object code');
        await call({
          method: 'GET',
          path: 'objects/changed/',
          query: [['obj_code', objCode]],
          idempotent: true,
          options: callOptions,
        });
      },
    },
    relations: { list: listOf('relations/', 'relations/', toRelation) },
    employees: { list: (callOptions?: CallOptions) => records('employees/', toEmployee, [], callOptions) },
    hourTypes: { list: (callOptions?: CallOptions) => records('hourtypes/', toHourType, [], callOptions) },
    materials: { list: (callOptions?: CallOptions) => records('materials/', toMaterial, [], callOptions) },
    priorities: { list: (callOptions?: CallOptions) => records('priorities/', toPriority, [], callOptions) },
    workStatuses: { list: (callOptions?: CallOptions) => records('workstatusses/', toWorkStatus, [], callOptions) },
    workTypes: { list: (callOptions?: CallOptions) => records('worktypes/', toWorkType, [], callOptions) },
    timesheet: { list: listOf('hours/', 'hours/', toTimesheetLine) },
  };
}

export type HostClient = ReturnType<typeof createHostClient>;
