import { describe, expect, it } from 'vitest';
import { deleteEntityRoute, type DeleteRequest } from './delete-entity.js';
import { envelope } from './sandbox-envelope.js';

function route() {
  const requests: DeleteRequest[] = [];
  const deleteEntity = deleteEntityRoute((entity) =>
    entity === 'employee'
      ? (request) => {
          requests.push(request);
          return envelope(200, 1);
        }
      : undefined,
  );
  const call = (query: string) =>
    deleteEntity({ method: 'GET', endpoint: 'DeleteEntity', query: new URLSearchParams(query), body: undefined });
  return { call, requests };
}

describe('deleteEntityRoute', () => {
  it('requires delete_all before looking at the entity', () => {
    const { call, requests } = route();
    expect(call('entity=employee&key=number&value=17')).toEqual({
      code: 1600,
      messages: ['Required field missing: delete_all'],
      response: null,
    });
    expect(requests).toEqual([]);
  });

  it('names an entity no store keeps, and a missing one', () => {
    const { call } = route();
    expect(call('delete_all=false&entity=nope').messages).toEqual(['Entity: nope not found']);
    expect(call('delete_all=false').messages).toEqual(['Entity: null not found']);
  });

  it('hands the store the request, with true and 1 meaning everything', () => {
    const { call, requests } = route();
    call('delete_all=false&entity=employee&key=number&value=17');
    call('delete_all=1&entity=employee');
    call('delete_all=true&entity=employee');
    expect(requests).toEqual([
      { all: false, key: 'number', value: '17' },
      { all: true, key: null, value: null },
      { all: true, key: null, value: null },
    ]);
  });
});
