import * as z from 'zod';
import { ValidationError } from '../errors/sdk-error.js';
import { Transport, type CallOptions, type Logger, type TransportOptions, type TransportRequest } from '../transport/transport.js';
import { envelopeError, envelopeResponse } from './host-envelope.js';
import type { HostFilter } from './host-filter.js';
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
  timeoutMs?: number;
  maxRetries?: number;
  logger?: Logger;
  fetch?: typeof globalThis.fetch;
  random?: () => number;
};

type Query = [string, string][];
type WorkOrderRef = { rowId: number } | { workorderNo: string };

const createdSchema = z.array(z.object({ workorder_no: z.coerce.string(), row_id: z.coerce.number() }));

function refQuery(ref: WorkOrderRef): Query {
  return 'rowId' in ref ? [['row_id', String(ref.rowId)]] : [['workorder_no', ref.workorderNo]];
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
  if (!options.token || !options.softwareToken) {
    throw new ValidationError('createHostClient: give both token and softwareToken (the host checks that they match).');
  }
  const transportOptions: TransportOptions = {
    baseUrl: options.baseUrl ?? DEFAULT_HOST_URL,
    auth: { kind: 'query', params: { token: options.token, software_token: options.softwareToken } },
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.maxRetries !== undefined && { retry: { maxRetries: options.maxRetries } }),
    ...(options.logger && { logger: options.logger }),
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.random && { random: options.random }),
  };
  const transport = new Transport(transportOptions);

  async function call(request: Omit<TransportRequest, 'check'>): Promise<unknown> {
    const response = await transport.send({ ...request, check: (body, info) => envelopeError(body, info, transport.secretValues) });
    return envelopeResponse(response.body);
  }

  async function records<T>(path: string, map: (raw: HostRecord) => T, query: Query = [], callOptions?: CallOptions): Promise<T[]> {
    const response = await call({ method: 'GET', path, query, idempotent: true, options: callOptions });
    const parsed = hostRecordsSchema.safeParse(response ?? []);
    if (!parsed.success) throw new ValidationError(`GET ${path}: expected an array of records from the host.`, { secrets: transport.secretValues });
    return parsed.data.map(map);
  }

  const listOf =
    <T>(path: string, filterPath: string, map: (raw: HostRecord) => T) =>
    (filter?: HostFilter, callOptions?: CallOptions) =>
      filter && filter.size > 0 ? records(filterPath, map, filter.toQuery(), callOptions) : records(path, map, [], callOptions);

  return {
    workOrders: {
      /** Creates one or many work orders (PostWorkorders). Not retried: the caller reconciles by `WorkorderNo`. */
      async create(input: PostWorkorderRecord | PostWorkorderRecord[], callOptions?: CallOptions) {
        const body = Array.isArray(input) ? input : [input];
        const response = await call({ method: 'POST', path: 'PostWorkorders/', body, idempotent: false, options: callOptions });
        const parsed = createdSchema.safeParse(response);
        if (!parsed.success) throw new ValidationError('PostWorkorders: the host did not return [{ workorder_no, row_id }].', { secrets: transport.secretValues });
        return parsed.data.map((row) => ({ workorderNo: row.workorder_no, rowId: row.row_id }));
      },
      /** One work order by row id or number. `updateStatus: true` closes a completed one (Afgehandeld). */
      async get(ref: WorkOrderRef, opts: { updateStatus?: boolean } & CallOptions = {}): Promise<HostWorkOrder> {
        const updateStatus = opts.updateStatus === true;
        const response = await call({
          method: 'GET',
          path: 'GetWorkorder/',
          query: [...refQuery(ref), ['update_status', updateStatus ? 'true' : 'false']],
          idempotent: !updateStatus,
          options: opts,
        });
        const record = Array.isArray(response) ? response[0] : response;
        return toWorkOrder(hostRecordSchema.parse(record ?? {}));
      },
      /** Work orders by lifecycle status, without closing them (`update_status=false`) unless asked. */
      async list(opts: { status: WorkOrderStatus | 'Alle'; workStatus?: string; updateStatus?: boolean } & CallOptions): Promise<HostWorkOrder[]> {
        const updateStatus = opts.updateStatus === true;
        const query: Query = [['status', opts.status], ['update_status', updateStatus ? 'true' : 'false']];
        if (opts.workStatus) query.push(['workstatus', opts.workStatus]);
        const response = await call({ method: 'GET', path: 'GetWorkorders/', query, idempotent: !updateStatus, options: opts });
        return hostRecordsSchema.parse(response ?? []).map(toWorkOrder);
      },
      /** Reschedules or reassigns (UpdateWorkorder): absolute values, so safe to repeat. */
      async reschedule(ref: WorkOrderRef, change: { date?: string; time?: string; employeeNr?: string; workStatus?: string }, callOptions?: CallOptions) {
        const query: Query = refQuery(ref);
        if (change.date) query.push(['workdate', toHostDate(change.date)]);
        if (change.time) query.push(['worktime', change.time]);
        if (change.employeeNr) query.push(['employee_nr', change.employeeNr]);
        if (change.workStatus) query.push(['workstatus', change.workStatus]);
        if (query.length === 1) throw new ValidationError('reschedule: give a date, time, employeeNr or workStatus to change.');
        await call({ method: 'GET', path: 'UpdateWorkorder/', query, idempotent: true, options: callOptions });
      },
      /** Marks a completed work order handled (Afgehandeld) by fetching it with `update_status=true`. */
      markHandled(rowId: number, callOptions?: CallOptions): Promise<HostWorkOrder> {
        return this.get({ rowId }, { ...callOptions, updateStatus: true });
      },
      /** Deletes a work order (DeleteEntity); returns the number of rows deleted. */
      async delete(ref: WorkOrderRef, callOptions?: CallOptions): Promise<number> {
        const [key, value] = 'rowId' in ref ? ['db_row', String(ref.rowId)] : ['workorder_no', ref.workorderNo];
        const response = await call({
          method: 'GET',
          path: 'DeleteEntity/',
          query: [['delete_all', 'false'], ['entity', 'workorder'], ['key', key], ['value', value]],
          idempotent: false,
          options: callOptions,
        });
        return Number(response ?? 0);
      },
    },
    objects: {
      list: listOf('objects/', 'object/', toObject),
      /** Objects changed in the app since their last acknowledgement. */
      changed: (callOptions?: CallOptions) => records('objects/changed/', toObject, [], callOptions),
      /** Resets an object's "changed" mark, so `changed()` stops returning it. */
      async acknowledge(code: string, callOptions?: CallOptions): Promise<void> {
        await call({ method: 'GET', path: 'objects/changed/', query: [['obj_code', code]], idempotent: true, options: callOptions });
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
