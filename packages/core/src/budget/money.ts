import * as z from 'zod/mini';
import { CoreError } from '../errors.js';
import { parseInput } from '../validation.js';

/**
 * An amount of money as integer minor units (cents) with an ISO 4217 currency. No floats anywhere: every
 * operation stays in safe integers and refuses to leave them.
 */
export type Money = { readonly amount: number; readonly currency: string };

export const moneySchema = z.strictObject({
  amount: z.number({ error: 'expected a whole number of cents' }).check(
    z.refine(Number.isInteger, { error: 'must be a whole number of cents', abort: true }),
    z.refine(Number.isSafeInteger, { error: 'is too large' }),
  ),
  currency: z.string({ error: 'expected an ISO 4217 code such as EUR' }).check(
    z.regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as EUR' }),
  ),
});

function checkSafe(amount: number, what: string): number {
  if (!Number.isSafeInteger(amount)) {
    throw new CoreError('invalid-input', `${what} leaves the range of exact integers (${amount}).`, { path: ['amount'] });
  }
  return amount;
}

/** Money from whole cents: `money(10003, 'EUR')` is € 100,03. */
export function money(amount: number, currency = 'EUR'): Money {
  return parseInput(moneySchema, { amount, currency });
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new CoreError('invalid-input', `cannot combine ${a.currency} with ${b.currency}: convert first.`, {
      path: ['currency'],
    });
  }
}

/** @example addMoney(money(1050), money(250)); // { amount: 1300, currency: 'EUR' } */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: checkSafe(a.amount + b.amount, 'the sum'), currency: a.currency };
}

/** @example subtractMoney(money(1050), money(250)); // { amount: 800, currency: 'EUR' } */
export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: checkSafe(a.amount - b.amount, 'the difference'), currency: a.currency };
}

/** @example sumMoney([money(1050), money(250), money(1)], 'EUR'); // { amount: 1301, currency: 'EUR' } */
export function sumMoney(items: readonly Money[], currency: string): Money {
  let total = 0;
  for (const item of items) {
    if (item.currency !== currency) sameCurrency({ amount: 0, currency }, item);
    total += item.amount;
  }
  return { amount: checkSafe(total, 'the sum'), currency };
}

/**
 * `numerator / denominator` of an integer, rounded half away from zero (the commercial rule: € 0,005 → € 0,01),
 * computed in BigInt so large products stay exact.
 */
export function divideRounded(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new CoreError('invalid-input', 'division by zero.', { path: [] });
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return Number(negative ? -quotient : quotient);
}

/**
 * Multiplies money by a ratio `numerator / denominator` (e.g. hours as minutes/60, a quantity in thousandths),
 * rounded half away from zero to whole cents.
 *
 * @example
 * multiplyMoney(money(6500), 90, 60); // 90 minutes at € 65,00 an hour → { amount: 9750, currency: 'EUR' }
 */
export function multiplyMoney(a: Money, numerator: number, denominator = 1): Money {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new CoreError('invalid-input', 'a multiplier must be a ratio of whole numbers.', { path: ['multiplier'] });
  }
  return {
    amount: checkSafe(divideRounded(BigInt(a.amount) * BigInt(numerator), BigInt(denominator)), 'the product'),
    currency: a.currency,
  };
}

/**
 * Splits money over the given ratios without losing a cent: each share is rounded down and the remaining cents go,
 * one each, to the shares with the largest remainders (ties to the earlier share). `allocate(€100,03, [1,1,1])` →
 * € 33,35 + € 33,34 + € 33,34.
 */
export function allocateMoney(total: Money, ratios: readonly number[]): Money[] {
  if (ratios.length === 0 || ratios.some((r) => !Number.isSafeInteger(r) || r < 0)) {
    throw new CoreError('invalid-input', 'ratios must be whole numbers ≥ 0, at least one.', { path: ['ratios'] });
  }
  const sum = ratios.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new CoreError('invalid-input', 'at least one ratio must be above 0.', { path: ['ratios'] });
  const amount = BigInt(total.amount);
  const negative = amount < 0n;
  const absolute = negative ? -amount : amount;
  const big = BigInt(sum);
  const shares = ratios.map((ratio) => (absolute * BigInt(ratio)) / big);
  const remainders = ratios.map((ratio, index) => ({ index, remainder: (absolute * BigInt(ratio)) % big }));
  let left = absolute - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index] = (shares[index] as bigint) + 1n;
    left--;
  }
  return shares.map((share) => ({ amount: Number(negative ? -share : share), currency: total.currency }));
}

/**
 * `€ 1.234,56`-style text for people (nl-NL by default); never used for arithmetic.
 *
 * @example formatMoney(money(123456)); // '€ 1.234,56'
 */
export function formatMoney(value: Money, locale = 'nl-NL'): string {
  const digits = new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;
  const scale = 10 ** digits;
  const whole = Math.trunc(value.amount / scale);
  const fraction = Math.abs(value.amount % scale);
  const text = `${value.amount < 0 && whole === 0 ? '-' : ''}${whole}.${String(fraction).padStart(digits, '0')}`;
  // Intl formats a decimal string exactly (NumberFormat v3); the lib typings only list number and bigint.
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(text as unknown as number);
}
