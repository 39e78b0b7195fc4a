import { describe, expect, it } from 'vitest';
import type { HostRecord } from '../host/host-models.js';
import { MasterDataStore } from './master-data-store.js';

function store() {
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const masterData = new MasterDataStore({
    now: () => new Date('2025-03-14T10:05:00Z'),
    emit: (type, data) => events.push({ type, data }),
  });
  const get = (endpoint: string, query = '') =>
    masterData.listRoute({ method: 'GET', endpoint, query: new URLSearchParams(query), body: undefined });
  const post = (endpoint: string, body: HostRecord[]) =>
    masterData.listRoute({ method: 'POST', endpoint, query: new URLSearchParams(), body });
  return { masterData, events, get, post };
}
const codes = (answer: { response: unknown }, field: string) => (answer.response as HostRecord[]).map((r) => r[field]);

describe('MasterDataStore: lists', () => {
  it('starts from the demo data, a fresh copy per store', () => {
    const one = store();
    const two = store();
    one.masterData.records.employees?.splice(0);
    expect(codes(two.get('employees'), 'number')).toEqual(['17', '18', '19']);
    expect(codes(two.get('materials'), 'price')).toEqual(['12,50', '4,55', '1,95']);
  });

  it('filters with the host operators: eq by default, li with % wildcards, numbers compared as numbers', () => {
    const { get } = store();
    expect(codes(get('employees', 'key=active&value=1'), 'number')).toEqual(['17', '18']);
    const like = `key[]=name&operator[]=li&value[]=${encodeURIComponent('%de%')}`;
    expect(codes(get('relations', like), 'debtor_number')).toEqual(['D1001', 'D1002']);
    expect(codes(get('employees', 'key[]=number&operator[]=gt&value[]=9'), 'number')).toEqual(['17', '18', '19']);
    const both = 'key[]=active&value[]=1&operator[]=eq&key[]=number&value[]=17&operator[]=ne';
    expect(codes(get('employees', both), 'number')).toEqual(['18']);
    expect(codes(get('object', 'key=obj_code&value=LIFT-7'), 'obj_code')).toEqual(['LIFT-7']);
  });

  it('answers copies: changing an answer does not change the store', () => {
    const { get } = store();
    (get('employees').response as HostRecord[])[0]!.firstname = 'Changed';
    expect(codes(get('employees'), 'firstname')[0]).toBe('Sanne');
  });

  it('upserts by the list key, storing values as strings, and names missing fields with the list code', () => {
    const { get, post } = store();
    expect(post('materials', [{ code: 'FLT-10', description: 'Filter groot', price: 14.5, unit: 'stuk' }])).toEqual({
      code: 200,
      messages: [],
      response: 1,
    });
    expect(get('materials', 'key=code&value=FLT-10').response).toEqual([
      { code: 'FLT-10', description: 'Filter groot', price: '14.5', unit: 'stuk' },
    ]);
    expect(post('materials', [{ code: 'X', description: 'x', unit: 'stuk' }])).toEqual({
      code: 1201,
      messages: ['Required field missing: price'],
      response: null,
    });
    expect(codes(get('materials'), 'code')).toHaveLength(3);
  });

  it('answers 1001 for an unknown list, a name on Object.prototype, or a method other than GET and POST', () => {
    const { masterData, get } = store();
    for (const endpoint of ['nope', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(get(endpoint).code).toBe(1001);
    }
    const put = masterData.listRoute({ method: 'PUT', endpoint: 'employees', query: new URLSearchParams(), body: [] });
    expect(put.code).toBe(1001);
  });
});

describe('MasterDataStore: DeleteEntity', () => {
  it('finds an entity by singular or plural name, deletes by key or everything, and knows no other entity', () => {
    const { masterData, get } = store();
    expect(masterData.deleterFor('employee')?.({ all: false, key: 'number', value: '19' }).response).toBe(1);
    expect(codes(get('employees'), 'number')).toEqual(['17', '18']);
    expect(masterData.deleterFor('materials')?.({ all: true, key: null, value: null }).response).toBe(3);
    expect(get('materials').response).toEqual([]);
    expect(masterData.deleterFor('__proto__')).toBeUndefined();
    expect(masterData.deleterFor('nope')).toBeUndefined();
  });

  it('knows which employees exist', () => {
    const { masterData } = store();
    expect(masterData.hasEmployee('17')).toBe(true);
    expect(masterData.hasEmployee('99')).toBe(false);
  });
});

describe('MasterDataStore: objects changed in the app', () => {
  it('lists a changed object with a new obj_modified until acknowledged, and announces the change', () => {
    const { masterData, events } = store();
    const changed = masterData.routes()['objects/changed'];
    const call = (query: string) =>
      changed?.({ method: 'GET', endpoint: 'objects/changed', query: new URLSearchParams(query), body: undefined });
    expect(call('')?.response).toEqual([]);
    masterData.changeObject('LIFT-7', { obj_description: 'Personenlift vleugel C' });
    expect(call('')?.response).toEqual([
      expect.objectContaining({
        obj_code: 'LIFT-7',
        obj_description: 'Personenlift vleugel C',
        obj_modified: '2025-03-14 10:05:00',
      }),
    ]);
    expect(events).toEqual([{ type: 'object.updated', data: { code: 'LIFT-7' } }]);
    expect(call('obj_code=LIFT-7')?.response).toBe(true);
    expect(call('')?.response).toEqual([]);
    expect(() => masterData.changeObject('NOPE', {})).toThrow('sandbox: no object NOPE');
  });
});
