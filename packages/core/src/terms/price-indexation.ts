import { divideRounded, type Money } from '../budget/money.js';
import { CoreError } from '../errors.js';
import { parseInput } from '../validation.js';
import { indexationSchema, type Indexation } from './contract-terms.js';

/** A decimal written as text or a whole number, read exactly as a fraction (no floating point). */
function exactDecimal(value: string | number, path: string): { numerator: bigint; denominator: bigint } {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  const match = typeof text === 'string' ? /^(\d+)(?:[.,](\d+))?$/.exec(text.trim()) : null;
  if (match === null) {
    throw new CoreError('invalid-input', `${JSON.stringify(value)} is not a positive decimal: write it as text, e.g. '128.4'.`, {
      path: [path],
    });
  }
  const fraction = match[2] ?? '';
  return { numerator: BigInt(`${match[1]}${fraction}`), denominator: 10n ** BigInt(fraction.length) };
}

export type IndexedPrice = {
  price: Money;
  /** The increase applied, in basis points of the old price, rounded to a whole basis point for display. */
  appliedBasisPoints: number;
  /** Whether the cap or the floor limited the index change. */
  limitedBy: 'cap' | 'floor' | null;
};

/**
 * The price after indexation on renewal. A fixed indexation adds its percentage; an index indexation multiplies by
 * `currentIndex / previousIndex`, kept between the floor and the cap. Rounding rule: the exact result is rounded
 * once, to whole cents, half away from zero (€ 0,005 → € 0,01).
 *
 * @example
 * indexPrice({ amount: 120000, currency: 'EUR' }, { kind: 'fixed', basisPoints: 250 }).price; // { amount: 123000, currency: 'EUR' }
 * indexPrice({ amount: 120000, currency: 'EUR' }, { kind: 'index', capBasisPoints: 300 },
 *   { previousIndex: '120.0', currentIndex: '126.0' }); // +5% capped at +3%: { price: { amount: 123600, … }, limitedBy: 'cap' }
 */
export function indexPrice(
  price: Money,
  indexationInput: Indexation,
  indices: { previousIndex?: string | number; currentIndex?: string | number } = {},
): IndexedPrice {
  const indexation = parseInput(indexationSchema, indexationInput, { path: ['indexation'] });
  const amount = BigInt(price.amount);
  if (indexation.kind === 'fixed') {
    return {
      price: { amount: divideRounded(amount * BigInt(10_000 + indexation.basisPoints), 10_000n), currency: price.currency },
      appliedBasisPoints: indexation.basisPoints,
      limitedBy: null,
    };
  }
  if (indices.previousIndex === undefined || indices.currentIndex === undefined) {
    throw new CoreError('invalid-input', 'an index indexation needs previousIndex and currentIndex.', {
      path: [indices.previousIndex === undefined ? 'previousIndex' : 'currentIndex'],
    });
  }
  const previous = exactDecimal(indices.previousIndex, 'previousIndex');
  const current = exactDecimal(indices.currentIndex, 'currentIndex');
  if (previous.numerator === 0n) throw new CoreError('invalid-input', 'the previous index cannot be 0.', { path: ['previousIndex'] });
  // ratio = current / previous as one fraction.
  let numerator = current.numerator * previous.denominator;
  let denominator = current.denominator * previous.numerator;
  let limitedBy: IndexedPrice['limitedBy'] = null;
  const { capBasisPoints: cap, floorBasisPoints: floor } = indexation;
  if (cap !== undefined && numerator * 10_000n > BigInt(10_000 + cap) * denominator) {
    [numerator, denominator, limitedBy] = [BigInt(10_000 + cap), 10_000n, 'cap'];
  } else if (floor !== undefined && numerator * 10_000n < BigInt(10_000 + floor) * denominator) {
    [numerator, denominator, limitedBy] = [BigInt(10_000 + floor), 10_000n, 'floor'];
  }
  return {
    price: { amount: divideRounded(amount * numerator, denominator), currency: price.currency },
    appliedBasisPoints: divideRounded((numerator - denominator) * 10_000n, denominator),
    limitedBy,
  };
}
