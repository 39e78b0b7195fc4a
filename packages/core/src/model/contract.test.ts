import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.js';
import { contractFixture } from '../../test/support/contract-fixtures.js';
import { parseContract } from './contract.js';

const base = contractFixture({
  type: 'preventive',
  debtorNumber: 'D100',
  objectCodes: ['CV-01', 'CV-02'],
  schedule: { unit: 'month', day: 15 },
});

function pathOf(input: unknown): string {
  try {
    parseContract(input);
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('invalid-input');
    return (error as CoreError).path.join('.');
  }
  throw new Error('expected the contract to be refused');
}

describe('parseContract', () => {
  it('fills in the defaults', () => {
    const contract = parseContract(base);
    expect(contract).toMatchObject({
      timeZone: 'Europe/Amsterdam',
      daysInAdvance: 0,
      orderPerObject: true,
      version: 0,
      freeFields: {},
      workOrder: { workType: 'Onderhoud', description: '' },
      schedule: { unit: 'month', day: 15, interval: 1, exceptions: { skip: [], move: [], add: [] } },
    });
  });

  it('is idempotent: a parsed contract parses to itself', () => {
    const once = parseContract(base);
    expect(parseContract(once)).toEqual(once);
  });

  it.each([
    [{ ...base, id: '' }, 'id'],
    [{ ...base, type: 'weekly' }, 'type'],
    [{ ...base, startDate: '2025-13-01' }, 'startDate'],
    [{ ...base, endDate: '2024-12-31' }, 'endDate'],
    [{ ...base, timeZone: 'Europe/Amsterdm' }, 'timeZone'],
    [{ ...base, daysInAdvance: -1 }, 'daysInAdvance'],
    [{ ...base, daysInAdvance: 2.5 }, 'daysInAdvance'],
    [{ ...base, objectCodes: ['A', 'A'] }, 'objectCodes'],
    [{ ...base, schedule: { unit: 'week', weekdays: [] } }, 'schedule.weekdays'],
    [{ ...base, schedule: undefined }, 'schedule'],
    [{ ...base, ordersPerYear: 4 }, 'ordersPerYear'],
    [{ ...base, type: 'yearly-orders' }, 'ordersPerYear'],
    [{ ...base, type: 'corrective' }, 'schedule'],
    [{ ...base, budget: { amount: { amount: 100.5, currency: 'EUR' }, per: 'contract' } }, 'budget.amount.amount'],
    [{ ...base, workOrder: { timeOfDay: '9:00' } }, 'workOrder.timeOfDay'],
    [{ ...base, termination: { date: '2024-06-01' } }, 'termination.date'],
    [{ ...base, colour: 'red' }, 'colour'],
    [
      { ...base, endDate: '2025-06-30', schedule: { unit: 'month', day: 15, exceptions: { add: ['2025-07-01'] } } },
      'schedule.exceptions.add.0',
    ],
  ])('names the field: %# → %s', (input, path) => {
    expect(pathOf(input)).toBe(path);
  });

  it('says what is wrong and what to do', () => {
    expect(() => parseContract({ ...base, type: 'corrective' })).toThrow(
      expect.objectContaining({
        path: ['schedule'],
        message: expect.stringContaining('a corrective contract generates no work orders: remove the schedule'),
      }),
    );
  });

  it('accepts the other types with their own settings', () => {
    expect(parseContract({ ...base, type: 'yearly-orders', schedule: undefined, ordersPerYear: 4 }).ordersPerYear).toBe(
      4,
    );
    expect(parseContract({ ...base, type: 'corrective', schedule: undefined, slaPolicyCode: 'SLA-GOLD' }).type).toBe(
      'corrective',
    );
  });
});
