import { hostText } from './host-text.js';
import type { HostRecord } from '../host/host-models.js';
import type { EntityDeleter } from './delete-entity.js';
import { hostStamp } from './host-stamp.js';
import { matchesLike } from './like-pattern.js';
import { own } from './own-key.js';
import { missingFields } from './required-fields.js';
import { envelope } from './sandbox-envelope.js';
import type { Route } from './sandbox-router.js';
import { seedRecords } from './sandbox-seed.js';
import type { EmitEvent } from './webhook-emitter.js';

/** Master-data endpoints: required fields on POST, upsert key, the x01 code for a missing field. */
const MASTER: Readonly<Record<string, { required: string[]; key: string; code: number }>> = {
  employees: { required: ['firstname', 'lastname', 'number'], key: 'number', code: 1101 },
  relations: { required: ['name', 'debtor_number', 'street', 'postal_code', 'city'], key: 'debtor_number', code: 1301 },
  materials: { required: ['code', 'description', 'price', 'unit'], key: 'code', code: 1201 },
  hourtypes: { required: ['code', 'name', 'cost_booking', 'sale_booking', 'sale_price'], key: 'code', code: 1801 },
  objects: { required: ['obj_code', 'obj_debiteur_nummer', 'obj_description'], key: 'obj_code', code: 1901 },
  priorities: { required: ['code', 'description'], key: 'code', code: 1051 },
  workstatusses: { required: ['sta_code', 'sta_name'], key: 'sta_code', code: 2801 },
  worktypes: {
    required: ['wrt_name', 'wrt_description', 'wrt_default_minutes', 'wrt_active'],
    key: 'wrt_name',
    code: 2601,
  },
  hours: { required: ['hrs_emp_nr', 'hrs_date'], key: 'hrs_id', code: 1051 },
};
/** Filter endpoints that read another list. */
const FILTER_ALIASES: Readonly<Record<string, string>> = { object: 'objects' };

/** One filter condition of the host's `key[]`/`operator[]`/`value[]` query; the default operator is `eq`. */
function matches(record: HostRecord, key: string, operator: string, value: string): boolean {
  const field = own(record, key);
  const text = field === null || field === undefined ? '' : hostText(field);
  // Numbers as strings compare as numbers ('9' < '10'); anything else compares as text.
  const numeric = Number(text) - Number(value);
  const compare = Number.isNaN(numeric) ? text.localeCompare(value) : numeric;
  switch (operator) {
    case 'li':
      return matchesLike(text, value);
    case 'ne':
      return text !== value;
    case 'gt':
      return compare > 0;
    case 'ge':
      return compare >= 0;
    case 'lt':
      return compare < 0;
    case 'le':
      return compare <= 0;
    default:
      return text === value;
  }
}

/** The host accepts both `key[]=…` and a single `key=…`; the bracketed form wins when both are sent. */
const listParam = (query: URLSearchParams, name: string) =>
  query.getAll(`${name}[]`).length > 0 ? query.getAll(`${name}[]`) : query.getAll(name);

export type MasterDataStoreOptions = {
  /** The sandbox's clock, for `obj_modified`. */
  now: () => Date;
  emit: EmitEvent;
};

/**
 * Master data (employees, relations, objects, materials, …) in the host's shapes, seeded with demo data, and the
 * host's list endpoints: filtered GETs, upserting POSTs, DeleteEntity, and the objects changed in the app.
 */
export class MasterDataStore {
  /** Master data per endpoint; without a prototype, so no request can name one of its keys. */
  readonly records: Record<string, HostRecord[]> = Object.assign(
    Object.create(null) as Record<string, HostRecord[]>,
    seedRecords(),
  );
  /** Object codes changed "in the app" and not yet acknowledged. */
  readonly changedObjects = new Set<string>();

  constructor(private readonly options: MasterDataStoreOptions) {}

  /** Endpoints with a name of their own; every other endpoint is a list, answered by {@link listRoute}. */
  routes(): Record<string, Route> {
    return {
      // Lists the objects changed in the app; with `obj_code`, acknowledges one so it is not listed again.
      'objects/changed': ({ query }) => {
        const code = query.get('obj_code');
        if (code !== null) {
          this.changedObjects.delete(code);
          return envelope(200, true);
        }
        return envelope(
          200,
          (this.records.objects ?? []).filter((o) => this.changedObjects.has(String(o.obj_code))),
        );
      },
    };
  }

  /** A master-data list: GET filters, POST upserts by the list's key; an unknown list is an unknown endpoint. */
  readonly listRoute: Route = ({ method, endpoint, query, body }) => {
    const name = own(FILTER_ALIASES, endpoint) ?? endpoint;
    const spec = own(MASTER, name);
    const list = own(this.records, name);
    if (spec === undefined || !Array.isArray(list)) return envelope(1001);
    if (method === 'GET') {
      const keys = listParam(query, 'key');
      const values = listParam(query, 'value');
      const operators = listParam(query, 'operator');
      const found = list.filter((record) =>
        keys.every((key, i) => matches(record, key, operators[i] ?? 'eq', values[i] ?? '')),
      );
      return envelope(200, structuredClone(found));
    }
    if (method === 'POST') {
      const records = body ?? [];
      const missing = missingFields(records, spec.required);
      if (missing.length > 0) return envelope(spec.code, null, missing);
      for (const record of records) {
        const stored = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === null ? null : hostText(v)]));
        const at = list.findIndex((r) => r[spec.key] === stored[spec.key]);
        if (at >= 0) list[at] = { ...list[at], ...stored };
        else list.push(stored);
      }
      return envelope(200, records.length);
    }
    return envelope(1001);
  };

  /** DeleteEntity for a master-data entity (singular or plural name); `undefined` when no list has that name. */
  deleterFor(entity: string): EntityDeleter | undefined {
    const list = own(this.records, `${entity}s`) ?? own(this.records, entity);
    if (!Array.isArray(list)) return undefined;
    return ({ all, key, value }) => {
      if (all) {
        const count = list.length;
        list.length = 0;
        return envelope(200, count);
      }
      const before = list.length;
      const kept = list.filter((r) => key === null || String(own(r, key)) !== value);
      list.splice(0, list.length, ...kept);
      return envelope(200, before - kept.length);
    };
  }

  /** Whether an employee with this number exists. */
  hasEmployee(number: string): boolean {
    return (this.records.employees ?? []).some((e) => e.number === number);
  }

  /** Changes an object "in the app": it shows up in `objects/changed` until acknowledged. */
  changeObject(code: string, changes: HostRecord): void {
    const object = this.records.objects?.find((o) => o.obj_code === code);
    if (object === undefined) throw new Error(`sandbox: no object ${code}`);
    Object.assign(object, changes, { obj_modified: `${hostStamp(this.options.now())}:00` });
    this.changedObjects.add(code);
    this.options.emit('object.updated', { code });
  }
}
