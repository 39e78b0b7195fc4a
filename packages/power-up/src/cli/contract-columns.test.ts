import { parseContract, type Contract } from '@contractbeheer/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CellError, CONTRACT_COLUMNS, contractToRow, rowToContractInput } from './contract-columns.js';

describe('the CSV layout of a contract', () => {
  it('has a column for every field of the core contract (a new field fails to compile here)', () => {
    expectTypeOf<Exclude<keyof Contract, (typeof CONTRACT_COLUMNS)[number]>>().toEqualTypeOf<never>();
    expect(new Set(CONTRACT_COLUMNS).size).toBe(CONTRACT_COLUMNS.length);
  });

  it('writes a contract with every kind of field and reads it back unchanged', () => {
    const contract = parseContract({
      id: 'C-1',
      version: 3,
      type: 'preventive',
      name: 'Onderhoud, "groot"',
      description: 'twee regels\nmet een komma, en quotes "',
      externalReference: 'PO-77',
      startDate: '2025-01-01',
      endDate: '2027-12-31',
      daysInAdvance: 7,
      debtorNumber: 'D1',
      objectCodes: ['CV-1', 'CV-2'],
      objectOwners: { 'CV-1': 'D1', 'CV-2': 'D1' },
      orderPerObject: false,
      employeeNumber: 'E1',
      schedule: { unit: 'month', day: 15 },
      budget: { amount: { amount: 120_000, currency: 'EUR' }, per: 'contract-year' },
      expectedCostPerWorkOrder: { amount: 9_500, currency: 'EUR' },
      freeFields: { vloer: 2, koud: true, notitie: null },
      termination: { date: '2026-06-30', reasonCode: 'PRIJS', reasonLabel: 'Te duur' },
    });
    expect(parseContract(rowToContractInput(contractToRow(contract)))).toEqual(contract);
  });

  it('leaves empty cells out, and names a column it does not know or a cell that is not JSON', () => {
    const row = {
      ...contractToRow(parseContract({ id: 'C-2', type: 'corrective', startDate: '2025-01-01', debtorNumber: 'D' })),
    };
    expect(rowToContractInput(row)).not.toHaveProperty('endDate');
    expect(() => rowToContractInput({ ...row, colour: 'red' })).toThrow(CellError);
    expect(() => rowToContractInput({ ...row, schedule: '{' })).toThrow(/is not valid JSON/);
  });
});
