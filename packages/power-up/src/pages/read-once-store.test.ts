import { describe, expect, it } from 'vitest';
import type { TenantStore } from '../store/store.js';
import { readOnceStore } from './read-once-store.js';

/** A store with only the repositories the test touches, counting each read. */
function countingStore() {
  const reads: string[] = [];
  let failNextTerms = false;
  const store = {
    tenantId: 't1',
    contracts: {
      get: async (id: string) => (reads.push(`contract ${id}`), { contract: { id } }),
      list: async () => (reads.push('list'), { items: [], nextCursor: null }),
    },
    terms: {
      get: async (code: string) => {
        reads.push(`terms ${code}`);
        if (failNextTerms) {
          failNextTerms = false;
          throw new Error('connection lost');
        }
        return { code };
      },
    },
    ledger: { forContract: async (id: string) => (reads.push(`ledger ${id}`), []) },
  };
  return { store: store as unknown as TenantStore, reads, failTermsOnce: () => (failNextTerms = true) };
}

describe('readOnceStore', () => {
  it('reads a contract, its terms and its ledger once, and shares the answer with every later caller', async () => {
    const { store, reads } = countingStore();
    const once = readOnceStore(store);
    const [a, b] = await Promise.all([once.contracts.get('C-1'), once.contracts.get('C-1')]);
    expect(a).toBe(b);
    await once.contracts.get('C-2');
    await once.terms.get('JAAR');
    await once.terms.get('JAAR');
    await once.ledger.forContract('C-1');
    await once.ledger.forContract('C-1');
    expect(reads).toEqual(['contract C-1', 'contract C-2', 'terms JAAR', 'ledger C-1']);
  });

  it('keeps everything else the store’s own: other reads run each time, the tenant stays', async () => {
    const { store, reads } = countingStore();
    const once = readOnceStore(store);
    await once.contracts.list({});
    await once.contracts.list({});
    expect(reads).toEqual(['list', 'list']);
    expect(once.tenantId).toBe('t1');
  });

  it('asks again after a failed read rather than keeping the failure', async () => {
    const { store, reads, failTermsOnce } = countingStore();
    const once = readOnceStore(store);
    failTermsOnce();
    await expect(once.terms.get('JAAR')).rejects.toThrow('connection lost');
    await expect(once.terms.get('JAAR')).resolves.toEqual({ code: 'JAAR' });
    expect(reads).toEqual(['terms JAAR', 'terms JAAR']);
  });

  it('leaves the underlying store as it was', async () => {
    const { store, reads } = countingStore();
    readOnceStore(store);
    await store.contracts.get('C-1');
    await store.contracts.get('C-1');
    expect(reads).toEqual(['contract C-1', 'contract C-1']);
  });
});
