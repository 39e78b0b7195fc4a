import * as z from 'zod/mini';
import { isList } from '../is-list.js';
import { CoreError, echo } from '../errors.js';
import { parseInput } from '../validation.js';

/**
 * An amount of money as integer minor units (cents) with an ISO 4217 currency. No floats anywhere: every
 * operation stays in safe integers and refuses to leave them.
 */
export type Money = { readonly amount: number; readonly currency: string };

export const moneySchema = z.strictObject({
  amount: z
    .number({ error: 'expected a whole number of cents' })
    .check(
      z.refine(Number.isInteger, { error: 'must be a whole number of cents', abort: true }),
      z.refine(Number.isSafeInteger, { error: 'is too large' }),
    ),
  currency: z
    .string({ error: 'expected an ISO 4217 code such as EUR' })
    .check(z.regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as EUR' })),
});

function checkSafe(amount: number, what: string, path: readonly (string | number)[] = ['amount']): number {
  if (!Number.isSafeInteger(amount)) {
    throw new CoreError(
      'invalid-input',
      `${what} leaves the range of exact integers (±${Number.MAX_SAFE_INTEGER} cents): split the amount.`,
      { path },
    );
  }
  return amount;
}

const CURRENCY = /^[A-Z]{3}$/;

/**
 * Checks a `Money` built by hand (not by {@link money}): whole, safe cents and an ISO 4217 code. The functions below
 * take plain objects, so a `0.5`, a `NaN` or a `2 ** 60` must be named here rather than turn into a BigInt
 * RangeError or a silently wrong sum later.
 */
export function checkMoney(value: Money, path: readonly (string | number)[]): Money {
  if (typeof value !== 'object' || value === null) {
    throw new CoreError('invalid-input', `expected money { amount, currency }, got ${echo(value)}.`, { path });
  }
  if (!Number.isSafeInteger(value.amount)) {
    throw new CoreError(
      'invalid-input',
      `expected whole cents within ±${Number.MAX_SAFE_INTEGER}, got ${echo(value.amount)}.`,
      {
        path: [...path, 'amount'],
      },
    );
  }
  if (typeof value.currency !== 'string' || !CURRENCY.test(value.currency)) {
    throw new CoreError('invalid-input', `expected an ISO 4217 code such as EUR, got ${echo(value.currency)}.`, {
      path: [...path, 'currency'],
    });
  }
  return value;
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
  checkMoney(a, ['a']);
  checkMoney(b, ['b']);
  sameCurrency(a, b);
  return { amount: checkSafe(a.amount + b.amount, 'the sum'), currency: a.currency };
}

/** @example subtractMoney(money(1050), money(250)); // { amount: 800, currency: 'EUR' } */
export function subtractMoney(a: Money, b: Money): Money {
  checkMoney(a, ['a']);
  checkMoney(b, ['b']);
  sameCurrency(a, b);
  return { amount: checkSafe(a.amount - b.amount, 'the difference'), currency: a.currency };
}

/** @example sumMoney([money(1050), money(250), money(1)], 'EUR'); // { amount: 1301, currency: 'EUR' } */
export function sumMoney(items: readonly Money[], currency: string): Money {
  if (!isList(items))
    throw new CoreError('invalid-input', `expected an array of money, got ${echo(items)}.`, { path: ['items'] });
  for (let i = 0; i < items.length; i++) checkMoney(items[i] as Money, ['items', i]);
  checkMoney({ amount: 0, currency }, []);
  let total = 0;
  for (const item of items) {
    if (item.currency !== currency) sameCurrency({ amount: 0, currency }, item);
    // Checked at every step: past 2^53 a float sum stops being exact and could drift back into range.
    total = checkSafe(total + item.amount, 'the sum', ['items']);
  }
  return { amount: total, currency };
}

/**
 * `numerator / denominator` of an integer, rounded half away from zero (the commercial rule: € 0,005 → € 0,01),
 * computed in BigInt so large products stay exact.
 */
export function divideRounded(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n)
    throw new CoreError('invalid-input', 'division by zero: use a denominator other than 0.', {
      path: ['denominator'],
    });
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
  checkMoney(a, ['a']);
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
  checkMoney(total, ['total']);
  if (!isList(ratios) || ratios.length === 0 || ratios.some((r) => !Number.isSafeInteger(r) || r < 0)) {
    throw new CoreError('invalid-input', 'ratios must be whole numbers ≥ 0, at least one.', { path: ['ratios'] });
  }
  const sum = ratios.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(sum))
    throw new CoreError('invalid-input', 'the ratios add up past the exact integers: use smaller ratios.', {
      path: ['ratios'],
    });
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
  checkMoney(value, ['value']);
  const format = currencyFormat(locale, value.currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const scale = 10 ** digits;
  const whole = Math.trunc(value.amount / scale);
  const fraction = Math.abs(value.amount % scale);
  const text = `${value.amount < 0 && whole === 0 ? '-' : ''}${whole}.${String(fraction).padStart(digits, '0')}`;
  // Intl formats a decimal string exactly (NumberFormat v3); the lib typings only list number and bigint.
  return format.format(text as unknown as number);
}

/** Intl's currency format, with the locale or currency it refuses named as a `CoreError` instead of a RangeError. */
function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  try {
    if (typeof locale !== 'string') throw new TypeError('not a string');
    Intl.getCanonicalLocales(locale);
  } catch (cause) {
    throw new CoreError(
      'invalid-input',
      `${echo(locale)} is not a locale Intl knows: use a BCP 47 tag such as 'nl-NL'.`,
      {
        path: ['locale'],
        cause,
      },
    );
  }
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch (cause) {
    throw new CoreError('invalid-input', `Intl cannot format ${echo(currency)}: use an ISO 4217 code such as EUR.`, {
      path: ['value', 'currency'],
      cause,
    });
  }
}
