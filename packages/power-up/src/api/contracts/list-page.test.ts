import { parseContract } from '@contractbeheer/core';
import { describe, expect, it } from 'vitest';
import { answerJson } from '../answer-json.js';
import { toResource } from './contract-resource.js';
import { listPage } from './list-page.js';

const AS_OF = '2026-06-15T10:00:00Z';
const frozen = (id: string) =>
  Object.freeze(
    parseContract({
      id,
      type: 'preventive',
      startDate: '2026-01-01',
      debtorNumber: 'D1',
      schedule: { unit: 'month', day: 15 },
    }),
  );
const storePage = (ids: string[]) => Object.freeze({ items: Object.freeze(ids.map(frozen)), nextCursor: null });
const resourcesOf = (page: ReturnType<typeof storePage>) =>
  page.items.map((contract) => toResource(contract, undefined, AS_OF));

describe('listPage', () => {
  it('answers the same page object again for the same resources, so its text is made once', () => {
    const page = storePage(['A', 'B']);
    const first = listPage(page, resourcesOf(page), 'cursor-1');
    const again = listPage(page, resourcesOf(page), 'cursor-1');
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(answerJson(again)).toBe(JSON.stringify({ data: resourcesOf(page), nextCursor: 'cursor-1' }));
  });

  it('makes a new page when a resource, the number of rows or the cursor differs', () => {
    const page = storePage(['A', 'B']);
    const [a, b] = resourcesOf(page);
    const first = listPage(page, [a!, b!], null);
    // Another derived filter on the same store page: fewer rows.
    const fewer = listPage(page, [a!], null);
    expect(fewer).not.toBe(first);
    expect(fewer.data).toEqual([a]);
    const otherCursor = listPage(page, [a!], 'next');
    expect(otherCursor).not.toBe(fewer);
    expect(otherCursor.nextCursor).toBe('next');
    // The same rows, but one of them derived again (a new day, new terms): a new page with the new resource.
    const newA = toResource(parseContract({ ...a!.contract }), undefined, AS_OF);
    const renewed = listPage(page, [newA, b!], null);
    expect(renewed).not.toBe(first);
    expect(renewed.data[0]).toBe(newA);
  });

  it('keeps nothing for a store page that is not the read cache’s (not frozen)', () => {
    const items = ['A'].map(frozen);
    const page = { items, nextCursor: null };
    const data = items.map((contract) => toResource(contract, undefined, AS_OF));
    const first = listPage(page, data, null);
    expect(listPage(page, [...data], null)).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(false);
  });
});
