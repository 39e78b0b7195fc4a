// Issue 8, item 8: hostile values get a CoreError naming the field — never a RangeError/TypeError, a silent NaN or
// an unsafe number — and echoed input is truncated.
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  allocateMoney,
  budgetStatus,
  cancellationReport,
  CoreError,
  describeSchedule,
  formatMoney,
  indexPrice,
  localToOccurrence,
  multiplyMoney,
  parseContract,
  subtractMoney,
  sumMoney,
  type BudgetOptions,
  type Money,
} from '../src/index.js';
import { contractFixture } from './support/contract-fixtures.js';

const eur = (amount: number): Money => ({ amount, currency: 'EUR' });

function thrown(call: () => unknown): CoreError {
  try {
    call();
  } catch (error) {
    if (!(error instanceof CoreError)) throw new Error(`expected a CoreError, got ${String(error)}`);
    return error;
  }
  throw new Error('expected a CoreError');
}

describe('hand-built Money', () => {
  const bad: [string, Money][] = [
    ['half a cent', eur(0.5)],
    ['NaN', eur(Number.NaN)],
    ['an unsafe integer', eur(2 ** 60)],
    ['a currency Intl refuses', { amount: 100, currency: 'EURO' }],
  ];
  it.each(bad)('%s is named in every money function', (_, value) => {
    const path = value.currency === 'EURO' ? 'currency' : 'amount';
    expect(thrown(() => sumMoney([value, value], value.currency)).path).toEqual(['items', 0, path]);
    expect(thrown(() => addMoney(value, value)).path).toEqual(['a', path]);
    expect(thrown(() => subtractMoney(eur(1), value)).path.at(-1)).toBe(path);
    expect(thrown(() => multiplyMoney(value, 2)).path).toEqual(['a', path]);
    expect(thrown(() => allocateMoney(value, [1, 1])).path).toEqual(['total', path]);
    expect(thrown(() => formatMoney(value)).path).toEqual(['value', path]);
    expect(thrown(() => indexPrice(value, { kind: 'fixed', basisPoints: 100 })).path).toEqual(['price', path]);
  });

  it('a locale Intl refuses is named', () => {
    expect(thrown(() => formatMoney(eur(100), '__proto__'))).toMatchObject({ code: 'invalid-input', path: ['locale'] });
    expect(thrown(() => formatMoney(eur(100), 'x'.repeat(10_000))).message.length).toBeLessThan(300);
  });

  it('results beyond Number.MAX_SAFE_INTEGER cents are refused, not rounded', () => {
    const big = eur(Number.MAX_SAFE_INTEGER - 1);
    expect(thrown(() => sumMoney([big, eur(10)], 'EUR')).path).toEqual(['items']);
    expect(thrown(() => indexPrice(big, { kind: 'fixed', basisPoints: 100 })).path).toEqual(['price', 'amount']);
    const lost = (amount: number) => ({ contractId: 'C', date: '2025-01-01', lostValue: eur(amount) });
    const report = () =>
      cancellationReport([lost(Number.MAX_SAFE_INTEGER), lost(1)], {
        from: '2025-01-01',
        to: '2025-12-31',
        groupBy: 'year',
      });
    expect(thrown(report).path[0]).toBe('terminations');
  });

  it('a 10,000-digit index is refused, not turned into Infinity', () => {
    const digits = '9'.repeat(10_000);
    const error = thrown(() => indexPrice(eur(100), { kind: 'index' }, { previousIndex: '100', currentIndex: digits }));
    expect(error.path).toEqual(['currentIndex']);
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('budgetStatus input', () => {
  const contract = contractFixture({ endDate: '2025-12-31', budget: { amount: eur(100_000), per: 'contract' } });
  const options: BudgetOptions = {
    asOf: '2025-06-01T00:00:00Z',
    costLines: [],
    hourTypeRates: {},
    expectedCostPerWorkOrder: eur(100),
  };
  const call = (changes: Record<string, unknown>) => () => budgetStatus(contract, { ...options, ...changes });

  it('names a non-array costLines and a missing hourTypeRates', () => {
    expect(thrown(call({ costLines: 'lines' })).path).toEqual(['costLines']);
    expect(thrown(call({ costLines: { length: 1 } })).path).toEqual(['costLines']);
    const labour = { kind: 'labour', date: '2025-02-01', minutes: 60, hourTypeCode: 'NORMAAL' };
    expect(thrown(call({ costLines: [labour], hourTypeRates: undefined })).path).toEqual(['hourTypeRates']);
    expect(thrown(call({ costLines: [{ ...labour, hourTypeCode: '__proto__' }] })).path).toEqual([
      'costLines',
      0,
      'hourTypeCode',
    ]);
  });

  it('a 10,000-digit quantity and a sum beyond safe cents are refused', () => {
    const material = { kind: 'material', date: '2025-02-01', quantity: '9'.repeat(10_000), unitPrice: eur(100) };
    const error = thrown(call({ costLines: [material] }));
    expect(error.path).toEqual(['costLines', 0, 'quantity']);
    expect(error.message.length).toBeLessThan(300);
    const other = { kind: 'other', date: '2025-02-01', amount: eur(Number.MAX_SAFE_INTEGER - 1) };
    expect(thrown(call({ costLines: [other, other] })).path).toEqual(['costLines', 1, 'amount']);
  });
});

describe('echoed input is truncated', () => {
  it('a 10 MB zone name gives a short message', () => {
    const error = thrown(() =>
      parseContract({
        id: 'C-1',
        type: 'corrective',
        startDate: '2025-01-01',
        debtorNumber: 'D1',
        timeZone: 'Z'.repeat(10_000_000),
      }),
    );
    expect(error.path).toEqual(['timeZone']);
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('unknown locales and zones are named, never a TypeError', () => {
  it("describeSchedule refuses 'de' and '__proto__' with the locale as the path", () => {
    for (const locale of ['de', '__proto__', 'constructor', '']) {
      const error = thrown(() => describeSchedule({ unit: 'day' }, locale as 'nl'));
      expect(error.path).toEqual(['locale']);
      expect(error.message).toMatch(/'nl' or 'en'/);
    }
  });

  it('localToOccurrence with a zone that is not text names the zone', () => {
    const error = thrown(() => localToOccurrence('2025-06-01T10:00:00', Object.create(null) as string));
    expect(error.code).toBe('invalid-time-zone');
    expect(thrown(() => localToOccurrence('2025-06-01T10:00:00', 'Z'.repeat(10_000_000))).message.length).toBeLessThan(
      300,
    );
  });
});
