import { describe, expect, it } from 'vitest';
import { applyContractAction } from '../actions/contract-actions.js';
import { parseContract, type Contract, type ContractInput } from '../model/contract.js';
import { contractFixture } from '../../test/support/contract-fixtures.js';
import { planWorkOrders } from './plan-work-orders.js';

// "Wijzigingen hebben vooral invloed op toekomstige gegenereerde Werkbonnen. Bestaande Werkbonnen blijven onderdeel
// van de geschiedenis van het dossier." (Beheer contracten) and "Toekomstige generatie kan na bewerkingen opnieuw
// worden berekend." (Maak een contract): an edit recalculates future generation only.

const original = parseContract(
  contractFixture({
    type: 'preventive',
    objectCodes: ['CV-01', 'CV-02'],
    schedule: { unit: 'month', day: 15 },
  }),
);
const editDay = '2025-03-01';
const asOfEdit = `${editDay}T09:00:00Z`;
/** Everything due up to the edit has been generated: the ledger a running service would have. */
const generatedBeforeEdit = planWorkOrders(original, { asOf: asOfEdit, generatedKeys: [] }).plans.map((p) => p.key);

function editOn(asOf: string, changes: Partial<ContractInput>, from: Contract = original): Contract {
  const { contract } = applyContractAction(from, { type: 'edit', expectedVersion: from.version, changes }, { asOf });
  return contract as Contract;
}
const keys = (contract: Contract | Contract[], asOf: string, generatedKeys: readonly string[] = []) =>
  planWorkOrders(contract, { asOf, generatedKeys }).plans.map((p) => p.key);

describe('an edit never plans the past', () => {
  it('adding object CV-03 on 1 March plans no late CV-03 work orders for January and February', () => {
    const edited = editOn(asOfEdit, { objectCodes: ['CV-01', 'CV-02', 'CV-03'] });
    expect(edited.effectiveFrom).toBe(editDay);
    expect(keys(edited, asOfEdit, generatedBeforeEdit)).toEqual([]);
    expect(keys([original, edited], asOfEdit, generatedBeforeEdit)).toEqual([]);
    // From its effective date on, CV-03 is planned like the others.
    expect(keys([original, edited], '2025-03-15T09:00:00Z', generatedBeforeEdit)).toEqual([
      'C-1|CV-01|2025-03-15',
      'C-1|CV-02|2025-03-15',
      'C-1|CV-03|2025-03-15',
    ]);
  });

  it('moving day 15 to day 10 on 1 March plans nothing for 10 January or 10 February', () => {
    const edited = editOn(asOfEdit, { schedule: { unit: 'month', day: 10 } });
    expect(keys([original, edited], asOfEdit, generatedBeforeEdit)).toEqual([]);
    expect(keys([original, edited], '2025-03-10T09:00:00Z', generatedBeforeEdit)).toEqual([
      'C-1|CV-01|2025-03-10',
      'C-1|CV-02|2025-03-10',
    ]);
  });

  it('moving the start date earlier plans none of the months before', () => {
    const edited = editOn(asOfEdit, { startDate: '2024-06-01' });
    expect(keys([original, edited], asOfEdit, generatedBeforeEdit)).toEqual([]);
    expect(keys(edited, asOfEdit)).toEqual([]);
  });

  it('catch-up after downtime happens under the version in force on the missed dates', () => {
    // Nothing ran in January and February; on 1 March the employee changes from E1 to E2.
    const withE1 = editOn('2024-12-01T09:00:00Z', { employeeNumber: 'E1' });
    const withE2 = editOn(asOfEdit, { employeeNumber: 'E2' }, withE1);
    const plans = planWorkOrders([original, withE1, withE2], { asOf: '2025-03-15T09:00:00Z', generatedKeys: [] });
    expect(plans.plans.map((p) => [p.key, p.timing.kind === 'planned' && p.timing.employeeNumber, p.late])).toEqual([
      ['C-1|CV-01|2025-01-15', 'E1', true],
      ['C-1|CV-02|2025-01-15', 'E1', true],
      ['C-1|CV-01|2025-02-15', 'E1', true],
      ['C-1|CV-02|2025-02-15', 'E1', true],
      ['C-1|CV-01|2025-03-15', 'E2', false],
      ['C-1|CV-02|2025-03-15', 'E2', false],
    ]);
  });

  it('"De toekomstige aanmaak stopt na de beëindigingsdatum": the latest termination bounds older versions too', () => {
    const edited = editOn(asOfEdit, { daysInAdvance: 3 });
    const { contract: terminated } = applyContractAction(
      edited,
      { type: 'terminate', date: '2025-01-31' },
      { asOf: '2025-03-02T09:00:00Z' },
    );
    // Nothing was generated (downtime): January is caught up under the first version, February not at all.
    expect(keys([original, edited, terminated as Contract], '2025-03-02T09:00:00Z')).toEqual([
      'C-1|CV-01|2025-01-15',
      'C-1|CV-02|2025-01-15',
    ]);
  });

  it('a terminate or renew of a version without effectiveFrom supersedes it whole: each occurrence planned once', () => {
    // Found by the generator: both versions governed from the beginning, and every key was planned twice.
    const { contract: terminated } = applyContractAction(
      original,
      { type: 'terminate', date: '2025-02-28' },
      { asOf: '2025-03-02T09:00:00Z' },
    );
    expect((terminated as Contract).effectiveFrom).toBeUndefined();
    expect(keys([original, terminated as Contract], '2025-03-02T09:00:00Z')).toEqual([
      'C-1|CV-01|2025-01-15',
      'C-1|CV-02|2025-01-15',
      'C-1|CV-01|2025-02-15',
      'C-1|CV-02|2025-02-15',
    ]);
  });

  it('the next creation date is the earliest over all versions', () => {
    // A change taking effect in May with 60 days in advance: its first work order (15 May) is due on 16 March, before
    // the first version's 15 April.
    const future = { ...editOn(asOfEdit, { daysInAdvance: 60 }), effectiveFrom: '2025-05-01' };
    const result = planWorkOrders([original, future], {
      asOf: '2025-03-15T09:00:00Z',
      generatedKeys: [...generatedBeforeEdit, 'C-1|CV-01|2025-03-15', 'C-1|CV-02|2025-03-15'],
    });
    expect(result.plans).toEqual([]);
    expect(result.nextCreationDate).toBe('2025-03-16');
    expect(
      planWorkOrders(original, {
        asOf: '2025-03-15T09:00:00Z',
        generatedKeys: [...generatedBeforeEdit, 'C-1|CV-01|2025-03-15', 'C-1|CV-02|2025-03-15'],
      }).nextCreationDate,
    ).toBe('2025-04-15');
  });

  it('a single version is planned from its own effectiveFrom on', () => {
    const edited = { ...original, effectiveFrom: '2025-02-01' };
    expect(keys(edited, asOfEdit)).toEqual(['C-1|CV-01|2025-02-15', 'C-1|CV-02|2025-02-15']);
  });

  it('refuses a version list that is not one contract in order, naming the index', () => {
    expect(() =>
      planWorkOrders([original, { ...original, id: 'C-9', version: 1 }], { asOf: asOfEdit, generatedKeys: [] }),
    ).toThrow(expect.objectContaining({ code: 'invalid-input', path: [1, 'id'] }));
  });
});
