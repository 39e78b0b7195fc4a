import { checkMoney, divideRounded, type Money } from '../money/money.js';
import { CoreError, echo } from '../errors.js';
import { parseInput, requireObject } from '../validation.js';
import { indexationSchema, type Indexation } from './contract-terms.js';

/** A decimal written as text or a whole number, read exactly as a fraction (no floating point). */
function exactDecimal(value: string | number, path: string): { numerator: bigint; denominator: bigint } {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  // An index has a handful of digits; thousands of them are a mistake (and a price past the exact integers).
  const match =
    typeof text === 'string' && text.length <= 64 ? /^(\d{1,15})(?:[.,](\d{1,15}))?$/.exec(text.trim()) : null;
  if (match === null) {
    throw new CoreError(
      'invalid-input',
      `${echo(value)} is not a positive decimal of at most 15 digits before and after the point: write it as text, e.g. '128.4'.`,
      {
        path: [path],
      },
    );
  }
  const fraction = match[2] ?? '';
  return { numerator: BigInt(`${match[1]}${fraction}`), denominator: 10n ** BigInt(fraction.length) };
}

function safePrice(amount: number): number {
  if (!Number.isSafeInteger(amount)) {
    throw new CoreError(
      'invalid-input',
      `the indexed price leaves the range of exact cents (±${Number.MAX_SAFE_INTEGER}).`,
      {
        path: ['price', 'amount'],
      },
    );
  }
  return amount;
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
  checkMoney(price, ['price']);
  requireObject(indices, ['indices'], 'indices { previousIndex, currentIndex }');
  const indexation = parseInput(indexationSchema, indexationInput, { path: ['indexation'] });
  const amount = BigInt(price.amount);
  if (indexation.kind === 'fixed') {
    return {
      price: {
        amount: safePrice(divideRounded(amount * BigInt(10_000 + indexation.basisPoints), 10_000n)),
        currency: price.currency,
      },
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
  if (previous.numerator === 0n)
    throw new CoreError('invalid-input', 'the previous index cannot be 0.', { path: ['previousIndex'] });
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
  const appliedBasisPoints = divideRounded((numerator - denominator) * 10_000n, denominator);
  if (!Number.isSafeInteger(appliedBasisPoints)) {
    throw new CoreError('invalid-input', 'the index changed by more than any price can follow: check both indices.', {
      path: ['currentIndex'],
    });
  }
  return {
    price: { amount: safePrice(divideRounded(amount * numerator, denominator)), currency: price.currency },
    appliedBasisPoints,
    limitedBy,
  };
}
