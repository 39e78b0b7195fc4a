import type { contractsApi } from '@contractbeheer/sdk';

type ListPage = { data: contractsApi.ContractResource[]; nextCursor: string | null };

/*
 * The pages answered last, by the read cache's first store page they were made from. A page of the cache's contracts
 * is asked for again and again with the same filters; its rows are the same frozen resources (`toResource` keeps
 * them for the day) until a contract changes, and its JSON text — most of a list request's work — is then the same
 * too. Held weakly, by the cached page: a change drops that from the cache, and the answer with it.
 */
const answered = new WeakMap<object, Readonly<ListPage>>();

/**
 * The list page for `data` and `nextCursor`: the one answered before from the same first store page when it holds
 * the very same resources, so its JSON text is made once (`answerJson` keeps the text of a frozen value); otherwise a
 * new one, kept when the store page is the read cache's (frozen).
 */
export function listPage(
  firstStorePage: object,
  data: contractsApi.ContractResource[],
  nextCursor: string | null,
): Readonly<ListPage> {
  if (!Object.isFrozen(firstStorePage) || !data.every(Object.isFrozen)) return { data, nextCursor };
  const before = answered.get(firstStorePage);
  if (
    before !== undefined &&
    before.nextCursor === nextCursor &&
    before.data.length === data.length &&
    before.data.every((resource, index) => resource === data[index])
  ) {
    return before;
  }
  const page = Object.freeze({ data: Object.freeze(data) as ListPage['data'], nextCursor });
  answered.set(firstStorePage, page);
  return page;
}
