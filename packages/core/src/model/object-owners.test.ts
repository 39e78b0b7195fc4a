import { describe, expect, it } from 'vitest';
import type { CoreError } from '../errors.js';
import { coreErrorOf } from '../../test/support/core-error.js';
import { contractFixture } from '../../test/support/contract-fixtures.js';
import { parseContract } from './contract.js';

const refusal = (input: unknown): CoreError => coreErrorOf(() => parseContract(input));

// "Selecteer de Klant en de werkopzet" and then "Selecteer het Object of de Objecten die bij de overeenkomst horen"
// (Koppel contracten aan objecten): the objects are the customer's.
describe('linked objects belong to the contract’s customer', () => {
  const linked = contractFixture({ debtorNumber: 'D1', objectCodes: ['CV-01', 'CV-02'] });

  it('accepts objects of the customer, and objects whose owner is not known (yet)', () => {
    expect(parseContract({ ...linked, objectOwners: { 'CV-01': 'D1', 'CV-02': 'D1' } }).objectOwners).toEqual({
      'CV-01': 'D1',
      'CV-02': 'D1',
    });
    expect(parseContract({ ...linked, objectOwners: { 'CV-01': 'D1' } }).objectCodes).toEqual(['CV-01', 'CV-02']);
    expect(parseContract(linked).objectOwners).toBeUndefined();
  });

  it('refuses an object of another customer, naming the object, both customers and what to do', () => {
    const error = refusal({ ...linked, objectOwners: { 'CV-01': 'D1', 'CV-02': 'D2' } });
    expect(error.path).toEqual(['objectOwners', 'CV-02']);
    expect(error.message).toBe(
      "object CV-02 belongs to customer D2, not to this contract's customer D1: unlink it, or link an object of D1",
    );
  });

  it('refuses a customer change while the old customer’s objects are linked', () => {
    const owners = { 'CV-01': 'D1', 'CV-02': 'D1' };
    const error = refusal({ ...linked, debtorNumber: 'D2', objectOwners: owners });
    expect(error.path).toEqual(['debtorNumber']);
    expect(error.message).toBe(
      'the linked objects belong to another customer than D2 (CV-01, CV-02 of customer D1): to move the contract to ' +
        'customer D2, unlink those objects first and link objects of D2; otherwise keep customer D1',
    );
    // Unlinking them first makes the change possible.
    expect(parseContract({ ...linked, debtorNumber: 'D2', objectCodes: [], objectOwners: {} }).debtorNumber).toBe('D2');
  });

  it('refuses an owner for an object that is not linked', () => {
    const error = refusal({ ...linked, objectOwners: { 'CV-01': 'D1', 'CV-09': 'D1' } });
    expect(error.path).toEqual(['objectOwners', 'CV-09']);
    expect(error.message).toMatch(/not linked to this contract: remove its owner, or add it to objectCodes/);
  });
});
