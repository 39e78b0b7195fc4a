import { requireObject, requireString } from '../validation.js';

/** Longest description: a few paragraphs, like a work order's memo field. */
export const DESCRIPTION_MAX = 4_000;
/** Longest external reference: purchase-order and agreement numbers are short; 100 leaves room for a prefix. */
export const EXTERNAL_REFERENCE_MAX = 100;

type Searchable = { id: string; name?: string | undefined; externalReference?: string | undefined };

/** Lower case without accents, so 'Cafe' finds 'Café' and 'PO-12' finds 'po-12'. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The list's text search (`q`): every word of the query occurs in the contract's name, its external reference (the
 * customer's PO or agreement number) or its id — case and accents ignored. An empty query matches every contract.
 *
 * @example
 * matchesContractSearch({ id: 'C-1', name: 'Onderhoud cv-ketels', externalReference: 'PO-2025-118' }, 'ketels 118'); // true
 */
export function matchesContractSearch(contract: Searchable, query: string): boolean {
  const { id, name, externalReference } = requireObject(contract, ['contract'], 'a contract');
  const text = (value: unknown, field: string) =>
    value === undefined ? '' : requireString(value, ['contract', field], `the ${field} as text`);
  const words = fold(requireString(query, ['query'], 'the search text', 1_000))
    .split(/\s+/)
    .filter(Boolean);
  const haystack = fold([text(name, 'name'), text(externalReference, 'externalReference'), text(id, 'id')].join('\n'));
  return words.every((word) => haystack.includes(word));
}
