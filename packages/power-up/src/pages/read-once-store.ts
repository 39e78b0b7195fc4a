import type { TenantStore } from '../store/store.js';

/**
 * A tenant store for a page that only reads, and reads one record's data through several of the contracts API's
 * handlers: each handler loads the contract, its terms and its ledger rows for itself (as it must, answering the API
 * alone), so one detail page read the same contract three times, its terms three times and its ledger twice. Here
 * each of those reads runs once per store and later callers share its answer — one consistent snapshot, and five
 * fewer round trips on the detail page.
 *
 * Only for a render that writes nothing: a write through this store would not refresh what it has already read.
 * Everything else (other repositories, `transaction`) is the underlying store's.
 */
export function readOnceStore(store: TenantStore): TenantStore {
  const answers = new Map<string, Promise<unknown>>();
  const once =
    <R>(read: (id: string) => Promise<R>, name: string) =>
    (id: string): Promise<R> => {
      const key = `${name}\u0000${id}`;
      let answer = answers.get(key) as Promise<R> | undefined;
      if (answer === undefined) {
        answer = read(id);
        answers.set(key, answer);
        // A failed read is not kept: the next caller asks again (and sees the error itself).
        answer.catch(() => answers.delete(key));
      }
      return answer;
    };
  // Each repository is the store's own object under a prototype link, so its other methods keep working unchanged.
  const contracts = Object.create(store.contracts) as TenantStore['contracts'];
  contracts.get = once((id) => store.contracts.get(id), 'contracts.get');
  const terms = Object.create(store.terms) as TenantStore['terms'];
  terms.get = once((code) => store.terms.get(code), 'terms.get');
  const ledger = Object.create(store.ledger) as TenantStore['ledger'];
  ledger.forContract = once((id) => store.ledger.forContract(id), 'ledger.forContract');
  return Object.assign(Object.create(store) as TenantStore, { contracts, terms, ledger });
}
