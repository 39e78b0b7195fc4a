import { clip, CoreError, echo } from '../errors.js';
import { isLocalDate } from '../time/civil.js';
import { divideRounded, type Money } from '../money/money.js';

/**
 * One actual cost of a contract's work orders, as read from the host: labour (minutes × the hour type's rate),
 * materials (quantity × unit price; the quantity as a whole number or a decimal string such as `'2.5'`), or other.
 */
export type CostLine =
  | { kind: 'labour'; date: string; minutes: number; hourTypeCode: string }
  | { kind: 'material'; date: string; quantity: number | string; unitPrice: Money }
  | { kind: 'other'; date: string; amount: Money };

/** Hourly rates per hour-type code, in cents per hour. */
export type HourTypeRates = Readonly<Record<string, Money>>;

function fail(index: number, field: string, message: string): never {
  throw new CoreError('invalid-input', message, { path: ['costLines', index, field] });
}

function sameCurrency(value: Money, currency: string, index: number, field: string): void {
  if (
    typeof value !== 'object' ||
    value === null ||
    value.currency !== currency ||
    !Number.isSafeInteger(value.amount)
  ) {
    fail(index, field, `expected whole cents in ${currency}, got ${echo(value)}`);
  }
}

/** A quantity as an exact fraction: `'2.5'` → 25/10. Floats are refused: they cannot say 0.1 exactly. */
function quantityFraction(quantity: number | string, index: number): [bigint, bigint] {
  if (typeof quantity === 'number') {
    if (!Number.isSafeInteger(quantity))
      fail(index, 'quantity', `write a fractional quantity as text ('${clip(quantity)}'), not as a float`);
    return [BigInt(quantity), 1n];
  }
  // Fifteen whole digits is more than any stock holds; more digits are a mistake, and would make a cost past the
  // exact integers.
  const match = typeof quantity === 'string' ? /^(-?\d{1,15})(?:[.,](\d{1,6}))?$/.exec(quantity) : null;
  if (match === null)
    fail(
      index,
      'quantity',
      `${echo(quantity)} is not a quantity: use e.g. '2.5' (at most 15 digits before the point, 6 after)`,
    );
  const fraction = match[2] ?? '';
  return [BigInt(`${match[1]}${fraction}`), 10n ** BigInt(fraction.length)];
}

function safeCost(cost: number, index: number, field: string): number {
  if (!Number.isSafeInteger(cost))
    fail(index, field, `the cost leaves the range of exact cents (±${Number.MAX_SAFE_INTEGER}): check the line`);
  return cost;
}

/** The field of a cost line whose value drives its cost: named when a running total leaves the exact integers. */
export function costField(line: CostLine): string {
  return line.kind === 'labour' ? 'minutes' : line.kind === 'material' ? 'quantity' : 'amount';
}

/**
 * The cost of one line in cents, rounded once, half away from zero. Checked as it is costed (the date, the
 * currency, the hour type), so a bad line is named by its index and field.
 */
export function costOf(line: CostLine, rates: HourTypeRates, currency: string, index: number): number {
  if (line === null || typeof line !== 'object') fail(index, 'kind', 'expected a cost line object');
  if (typeof line.date !== 'string' || !isLocalDate(line.date)) {
    fail(index, 'date', `expected a date 'YYYY-MM-DD', got ${echo(line.date)}`);
  }
  switch (line.kind) {
    case 'labour': {
      if (!Number.isSafeInteger(line.minutes) || line.minutes < 0) fail(index, 'minutes', 'expected whole minutes ≥ 0');
      const rate = rates[line.hourTypeCode];
      // An hour type called '__proto__' or 'toString' finds Object.prototype's members, never a valid rate: the
      // own-key check runs only then, off the hot path.
      if (rate === undefined || rate === null || typeof rate !== 'object' || rate.currency !== currency) {
        if (rate === undefined || !Object.hasOwn(rates, line.hourTypeCode)) {
          fail(index, 'hourTypeCode', `no rate for hour type '${clip(line.hourTypeCode)}': add it to hourTypeRates`);
        }
      }
      sameCurrency(rate, currency, index, 'hourTypeCode');
      return safeCost(divideRounded(BigInt(rate.amount) * BigInt(line.minutes), 60n), index, 'minutes');
    }
    case 'material': {
      sameCurrency(line.unitPrice, currency, index, 'unitPrice');
      const [numerator, denominator] = quantityFraction(line.quantity, index);
      return safeCost(divideRounded(BigInt(line.unitPrice.amount) * numerator, denominator), index, 'quantity');
    }
    case 'other':
      sameCurrency(line.amount, currency, index, 'amount');
      return line.amount.amount;
    default:
      return fail(
        index,
        'kind',
        `unknown kind ${echo((line as { kind: unknown }).kind)}: use 'labour', 'material' or 'other'`,
      );
  }
}
