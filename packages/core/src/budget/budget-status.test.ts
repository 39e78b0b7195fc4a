import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../model/contract.js';
import { contractFixture, eur } from '../../test/support/contract-fixtures.js';
import { budgetStatus } from './budget-status.js';
import { costOf, type CostLine } from './cost-line.js';

const contract = contractFixture({
  type: 'preventive',
  endDate: '2025-12-31',
  objectCodes: ['CV-1', 'CV-2'],
  schedule: { unit: 'month', day: 15 },
  budget: { amount: eur(240000), per: 'contract' },
  termsCode: 'JAAR',
});
const rates = { NORMAAL: eur(6500), WEEKEND: eur(9750) };
const base = { hourTypeRates: rates, expectedCostPerWorkOrder: eur(10000) };
const lines: CostLine[] = [
  { kind: 'labour', date: '2025-01-15', minutes: 90, hourTypeCode: 'NORMAAL' }, // 97.50
  { kind: 'labour', date: '2025-02-15', minutes: 7, hourTypeCode: 'WEEKEND' }, // 97.50 × 7/60 = 11.375 → 11.38
  { kind: 'material', date: '2025-02-15', quantity: '2.5', unitPrice: eur(455) }, // 11.375 → 11.38
  { kind: 'other', date: '2025-03-01', amount: eur(2500) },
  { kind: 'other', date: '2026-01-02', amount: eur(999999) }, // outside the contract period
];

describe('budgetStatus', () => {
  it('consumed, remaining, shares, planned work and forecast', () => {
    const status = budgetStatus(contract, { ...base, asOf: '2025-06-30T10:00:00Z', costLines: lines });
    expect(status).toEqual({
      period: { start: '2025-01-01', end: '2025-12-31' },
      budget: eur(240000),
      consumed: eur(9750 + 1138 + 1138 + 2500),
      consumedBy: { labour: eur(9750 + 1138), materials: eur(1138), other: eur(2500) },
      remaining: eur(240000 - 14526),
      usedBasisPoints: 605, // 14526 / 240000
      elapsedBasisPoints: 4959, // 181 of 365 days
      planned: { workOrders: 12, cost: eur(120000) }, // 15 July … 15 December, two objects
      forecast: eur(134526),
      underPressure: false,
      reasons: [],
      noticeDeadline: null,
    });
  });

  it('under pressure when the forecast exceeds the budget, before the notice deadline', () => {
    const status = budgetStatus(contract, {
      ...base,
      expectedCostPerWorkOrder: eur(20000),
      asOf: '2025-06-30T10:00:00Z',
      costLines: lines,
      terms: {
        code: 'JAAR',
        name: 'Jaar',
        autoExtend: true,
        period: { count: 1, unit: 'year' },
        noticeBeforeCancellation: { count: 3, unit: 'month' },
      },
    });
    expect(status).toMatchObject({
      underPressure: true,
      reasons: ['forecast-over-budget'],
      noticeDeadline: '2025-09-30',
    });
  });

  it('under pressure when spending runs ahead of time', () => {
    const heavy: CostLine[] = [{ kind: 'other', date: '2025-02-01', amount: eur(120000) }];
    const status = budgetStatus(contract, {
      ...base,
      expectedCostPerWorkOrder: eur(0),
      asOf: '2025-03-31T10:00:00Z',
      costLines: heavy,
    });
    expect(status?.reasons).toEqual(['spending-ahead-of-time']); // 50 % used after 25 % of the time
    const over = budgetStatus(contract, {
      ...base,
      asOf: '2025-03-31T10:00:00Z',
      costLines: [{ kind: 'other', date: '2025-02-01', amount: eur(250000) }],
    });
    expect(over?.reasons).toEqual(['over-budget', 'spending-ahead-of-time']);
  });

  it('a yearly budget is pro-rated for a partial first and last calendar year', () => {
    const yearly: ContractInput = {
      ...contract,
      startDate: '2025-04-01',
      endDate: '2027-03-31',
      budget: { amount: eur(365000), per: 'contract-year', yearStart: 'january' },
    };
    const first = budgetStatus(yearly, { ...base, asOf: '2025-05-01T10:00:00Z', costLines: [] });
    expect(first?.period).toEqual({ start: '2025-04-01', end: '2025-12-31' });
    expect(first?.budget).toEqual(eur(275000)); // 275 of 365 days
    const middle = budgetStatus(yearly, { ...base, asOf: '2026-05-01T10:00:00Z', costLines: [] });
    expect(middle).toMatchObject({ period: { start: '2026-01-01', end: '2026-12-31' }, budget: eur(365000) });
    const last = budgetStatus(yearly, { ...base, asOf: '2027-02-01T10:00:00Z', costLines: [] });
    expect(last).toMatchObject({ period: { start: '2027-01-01', end: '2027-03-31' }, budget: eur(90000) });
  });

  it('anniversary contract years', () => {
    const yearly: ContractInput = {
      ...contract,
      startDate: '2025-04-01',
      endDate: undefined,
      budget: { amount: eur(100000), per: 'contract-year' },
    };
    const status = budgetStatus(yearly, { ...base, asOf: '2026-05-01T10:00:00Z', costLines: [] });
    expect(status).toMatchObject({ period: { start: '2026-04-01', end: '2027-03-31' }, budget: eur(100000) });
  });

  // "Gebruik ze om de verwachte waarde te vergelijken met het daadwerkelijke werk en de kosten." (Volg
  // contractbudgetten): the actual costs by kind, and the expected cost per work order kept on the contract.
  it('"vergelijk de verwachte waarde met het daadwerkelijke werk en de kosten": actuals split by kind, the expected cost from the contract', () => {
    const withExpected = { ...contract, expectedCostPerWorkOrder: eur(10000) };
    const status = budgetStatus(withExpected, { hourTypeRates: rates, asOf: '2025-06-30T10:00:00Z', costLines: lines });
    expect(status?.consumedBy).toEqual({ labour: eur(10888), materials: eur(1138), other: eur(2500) });
    expect(status?.planned).toEqual({ workOrders: 12, cost: eur(120000) });
    // An explicit option still wins over the contract's field.
    const cheaper = budgetStatus(withExpected, {
      ...base,
      expectedCostPerWorkOrder: eur(100),
      asOf: '2025-06-30T10:00:00Z',
      costLines: [],
    });
    expect(cheaper?.planned.cost).toEqual(eur(1200));
  });

  it('without an expected cost per work order anywhere, says where to set it', () => {
    expect(() => budgetStatus(contract, { hourTypeRates: rates, asOf: '2025-06-30T10:00:00Z', costLines: [] })).toThrow(
      expect.objectContaining({
        path: ['expectedCostPerWorkOrder'],
        message: expect.stringMatching(/set expectedCostPerWorkOrder on the contract/),
      }),
    );
  });

  it('no budget → null; bad lines are named by index and field', () => {
    expect(
      budgetStatus({ ...contract, budget: undefined }, { ...base, asOf: '2025-06-30T10:00:00Z', costLines: [] }),
    ).toBeNull();
    const run = (line: unknown) => () =>
      budgetStatus(contract, {
        ...base,
        asOf: '2025-06-30T10:00:00Z',
        costLines: [lines[0] as CostLine, line as CostLine],
      });
    expect(run({ kind: 'labour', date: '2025-01-01', minutes: 30, hourTypeCode: 'NACHT' })).toThrow(
      expect.objectContaining({
        path: ['costLines', 1, 'hourTypeCode'],
        message: expect.stringMatching(/^no rate for hour type 'NACHT'/),
      }),
    );
    expect(run({ kind: 'material', date: '2025-01-01', quantity: 0.1, unitPrice: eur(100) })).toThrow(
      expect.objectContaining({ path: ['costLines', 1, 'quantity'], message: expect.stringMatching(/not as a float/) }),
    );
    expect(run({ kind: 'other', date: '2025-01-01', amount: { amount: 1, currency: 'USD' } })).toThrow(
      expect.objectContaining({ path: ['costLines', 1, 'amount'] }),
    );
    expect(run({ kind: 'gift', date: '2025-01-01' })).toThrow(
      expect.objectContaining({ path: ['costLines', 1, 'kind'] }),
    );
  });

  it('property: every amount is a safe integer and consumed is the sum of the line costs', () => {
    const lineArbitrary = fc.oneof(
      fc.record({
        kind: fc.constant('labour' as const),
        date: fc.constant('2025-05-01'),
        minutes: fc.integer({ min: 0, max: 10_000 }),
        hourTypeCode: fc.constantFrom('NORMAAL', 'WEEKEND'),
      }),
      fc.record({
        kind: fc.constant('material' as const),
        date: fc.constant('2025-05-01'),
        quantity: fc
          .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 999 }))
          .map(([w, f]) => `${w}.${f}`),
        unitPrice: fc.integer({ min: 0, max: 1_000_000 }).map(eur),
      }),
      fc.record({
        kind: fc.constant('other' as const),
        date: fc.constant('2025-05-01'),
        amount: fc.integer({ min: -100_000, max: 1_000_000 }).map(eur),
      }),
    );
    fc.assert(
      fc.property(fc.array(lineArbitrary, { maxLength: 30 }), (costLines) => {
        const status = budgetStatus(contract, { ...base, asOf: '2025-06-30T10:00:00Z', costLines });
        if (status === null) throw new Error('expected a status');
        for (const value of [status.consumed, status.remaining, status.budget, status.planned.cost, status.forecast]) {
          expect(Number.isSafeInteger(value?.amount)).toBe(true);
        }
        expect(Number.isInteger(status.usedBasisPoints)).toBe(true);
        expect(status.consumed.amount + status.remaining.amount).toBe(status.budget.amount);
        // Each kind's share is the sum of that kind's line costs, and the shares add up to what was consumed.
        const sumOf = (kind: CostLine['kind']) =>
          costLines.reduce((sum, line, i) => (line.kind === kind ? sum + costOf(line, rates, 'EUR', i) : sum), 0);
        expect(status.consumedBy).toEqual({
          labour: eur(sumOf('labour')),
          materials: eur(sumOf('material')),
          other: eur(sumOf('other')),
        });
      }),
    );
  });
});
