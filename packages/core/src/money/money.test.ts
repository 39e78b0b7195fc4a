import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMoney, allocateMoney, divideRounded, formatMoney, money, multiplyMoney, sumMoney } from './money.js';

describe('money in integer cents', () => {
  it('allocates 100.03 over three as 33.35, 33.34, 33.34', () => {
    expect(allocateMoney(money(10003), [1, 1, 1]).map((m) => m.amount)).toEqual([3335, 3334, 3334]);
    expect(allocateMoney(money(-10003), [1, 1, 1]).map((m) => m.amount)).toEqual([-3335, -3334, -3334]);
    expect(allocateMoney(money(100), [70, 30]).map((m) => m.amount)).toEqual([70, 30]);
    expect(allocateMoney(money(5), [1, 0, 1]).map((m) => m.amount)).toEqual([3, 0, 2]);
  });

  it('allocation always sums to the total, never negative shares for a positive total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
          .filter((r) => r.some((x) => x > 0)),
        (amount, ratios) => {
          const shares = allocateMoney(money(amount), ratios);
          expect(shares.reduce((a, s) => a + s.amount, 0)).toBe(amount);
          for (const share of shares) {
            expect(Number.isInteger(share.amount)).toBe(true);
            if (amount >= 0) expect(share.amount).toBeGreaterThanOrEqual(0);
          }
          // Shares differ from the exact proportion by less than one cent.
          const total = ratios.reduce((a, b) => a + b, 0);
          shares.forEach((share, i) => {
            expect(Math.abs(share.amount - (amount * (ratios[i] as number)) / total)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });

  it('multiplies by ratios with half-away-from-zero rounding and no floats', () => {
    expect(multiplyMoney(money(4550), 90, 60).amount).toBe(6825); // 1.5 h × € 45,50
    expect(multiplyMoney(money(1), 1, 2).amount).toBe(1);
    expect(multiplyMoney(money(-1), 1, 2).amount).toBe(-1);
    expect(divideRounded(5n, 2n)).toBe(3);
    expect(divideRounded(-5n, 2n)).toBe(-3);
    expect(() => multiplyMoney(money(1), 1.5)).toThrow(/whole numbers/);
  });

  it('refuses floats, unsafe integers and mixed currencies, naming the field', () => {
    expect(() => money(10.5)).toThrow(expect.objectContaining({ path: ['amount'] }));
    expect(() => money(1, 'euro')).toThrow(expect.objectContaining({ path: ['currency'] }));
    expect(() => addMoney(money(1), money(1, 'USD'))).toThrow(/EUR with USD/);
    expect(() => addMoney(money(Number.MAX_SAFE_INTEGER), money(1))).toThrow(/exact integers/);
    expect(sumMoney([money(1), money(2)], 'EUR').amount).toBe(3);
  });

  it('formats for people in Dutch', () => {
    expect(formatMoney(money(123456))).toMatch(/€\s?1\.234,56/);
    expect(formatMoney(money(-5))).toMatch(/-\s?€\s?0,05|€\s?-0,05/);
  });
});
