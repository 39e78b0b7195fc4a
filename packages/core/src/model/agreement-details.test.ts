import { describe, expect, it } from 'vitest';
import type { CoreError } from '../errors.js';
import { coreErrorOf } from '../../test/support/core-error.js';
import { contractFixture } from '../../test/support/contract-fixtures.js';
import { parseContract } from './contract.js';
import { matchesContractSearch } from './agreement-details.js';

const refusal = (input: unknown): CoreError => coreErrorOf(() => parseContract(input));

// "Het Contract combineert overeenkomstdetails met Werkbon-instellingen." (Maak een contract)
describe('agreement details: name, description, external reference', () => {
  it('"Voeg daarna de overeenkomstdetails en Werkbon-instellingen toe": a contract keeps its name, description and the customer\'s reference', () => {
    const contract = parseContract(
      contractFixture({
        name: '  Onderhoud cv-ketels Hoofdstraat ',
        description: 'Jaarlijks onderhoud van beide ketels; sleutel bij de beheerder.',
        externalReference: 'PO-2025-0118',
      }),
    );
    expect(contract).toMatchObject({
      name: 'Onderhoud cv-ketels Hoofdstraat',
      description: 'Jaarlijks onderhoud van beide ketels; sleutel bij de beheerder.',
      externalReference: 'PO-2025-0118',
    });
    expect(parseContract(contract)).toEqual(contract);
  });

  it('a contract stored before the fields existed still parses: they stay absent', () => {
    const contract = parseContract(contractFixture());
    expect(contract.name).toBeUndefined();
    expect(contract.externalReference).toBeUndefined();
  });

  it.each([
    [{ name: '   ' }, 'name', /may not be empty/],
    [{ name: 'x'.repeat(256) }, 'name', /the contract name is longer than the host's 255 characters/],
    [{ description: 'x'.repeat(4_001) }, 'description', /longer than 4000 characters/],
    [{ externalReference: 'PO-'.repeat(34) }, 'externalReference', /longer than 100 characters/],
    [{ externalReference: 118 }, 'externalReference', /as text/],
  ])('is length-limited and names the field: %j', (overrides, path, message) => {
    const error = refusal(contractFixture(overrides as never));
    expect(error.path).toEqual([path]);
    expect(error.message).toMatch(message);
  });
});

describe('matchesContractSearch (the list filter q)', () => {
  const contract = { id: 'C-17', name: 'Onderhoud cv-ketels Café de Brug', externalReference: 'PO-2025-0118' };

  it('finds a contract by words of its name or its reference, ignoring case and accents', () => {
    expect(matchesContractSearch(contract, 'ketels')).toBe(true);
    expect(matchesContractSearch(contract, 'cafe BRUG')).toBe(true);
    expect(matchesContractSearch(contract, 'po-2025-0118')).toBe(true);
    expect(matchesContractSearch(contract, 'brug 0118')).toBe(true);
    expect(matchesContractSearch(contract, 'c-17')).toBe(true);
  });

  it('every word must occur; an empty query matches all', () => {
    expect(matchesContractSearch(contract, 'ketels airco')).toBe(false);
    expect(matchesContractSearch({ id: 'C-1' }, 'ketels')).toBe(false);
    expect(matchesContractSearch(contract, '  ')).toBe(true);
  });
});
