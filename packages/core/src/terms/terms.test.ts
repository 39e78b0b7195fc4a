import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractFixture } from '../../test/support/contract-fixtures.js';
import { parseContractTerms, type ContractTermsInput } from './contract-terms.js';
import { indexPrice } from './price-indexation.js';
import { renewalTimeline } from './renewal-timeline.js';

const contract = contractFixture({ startDate: '2025-01-31', termsCode: 'KWARTAAL' });
const quarterly: ContractTermsInput = {
  code: 'KWARTAAL',
  name: 'Kwartaalcontract',
  autoExtend: true,
  period: { count: 1, unit: 'year' },
  renewalPeriod: { count: 3, unit: 'month' },
  noticeBeforeCancellation: { count: 2, unit: 'month' },
  noticeAfterRenewal: { count: 10, unit: 'day' },
};
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('renewalTimeline', () => {
  it('the initial period, its notice deadline and the next renewal', () => {
    expect(renewalTimeline(contract, quarterly, { asOf: '2025-03-01T12:00:00Z' })).toEqual({
      periodStart: '2025-01-31',
      periodEnd: '2026-01-30',
      noticeDeadline: '2025-11-30',
      nextRenewal: '2026-01-31',
      renewals: 0,
      finalDay: null,
    });
  });

  it('renewal periods follow each other without gaps, month ends clamped', () => {
    const t = renewalTimeline(contract, quarterly, { asOf: '2026-06-15T12:00:00Z' });
    expect(t).toMatchObject({
      periodStart: '2026-04-30',
      periodEnd: '2026-07-29',
      renewals: 2,
      nextRenewal: '2026-07-30',
    });
    expect(t.noticeDeadline).toBe('2026-07-19');
  });

  it('an end date on the contract overrides the terms period', () => {
    const t = renewalTimeline(
      { ...contract, endDate: '2025-06-30' },
      { ...quarterly, autoExtend: false },
      { asOf: '2025-03-01T12:00:00Z' },
    );
    expect(t).toMatchObject({
      periodEnd: '2025-06-30',
      noticeDeadline: '2025-04-30',
      nextRenewal: null,
      finalDay: '2025-06-30',
    });
  });

  it('a termination ends the timeline', () => {
    const t = renewalTimeline({ ...contract, termination: { date: '2025-09-30' } }, quarterly, {
      asOf: '2025-03-01T12:00:00Z',
    });
    expect(t).toMatchObject({
      periodEnd: '2025-09-30',
      nextRenewal: null,
      noticeDeadline: null,
      finalDay: '2025-09-30',
    });
  });

  // "Een Contract kan het volgende bevatten: Contracttype, Contractvoorwaarden, …" (Maak een contract)
  it("only the contract's own terms give its timeline", () => {
    expect(() => renewalTimeline(contract, { ...quarterly, code: 'JAAR' }, { asOf: '2025-03-01T12:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'invalid-input', path: ['terms', 'code'] }),
    );
  });

  it('terms are validated with field paths', () => {
    expect(() => parseContractTerms({ ...quarterly, period: { count: 0, unit: 'year' } })).toThrow(
      expect.objectContaining({ path: ['period', 'count'] }),
    );
    expect(() => parseContractTerms({ ...quarterly, period: { count: 1, unit: 'decade' } })).toThrow(
      expect.objectContaining({ path: ['period', 'unit'] }),
    );
  });
});

describe('indexPrice', () => {
  it('a fixed percentage, rounded half away from zero to cents', () => {
    expect(indexPrice(eur(120000), { kind: 'fixed', basisPoints: 250 }).price).toEqual(eur(123000));
    expect(indexPrice(eur(333), { kind: 'fixed', basisPoints: 150 }).price).toEqual(eur(338)); // 337.995 → 338
  });

  it('an index ratio, kept between the floor and the cap', () => {
    const index = { kind: 'index' as const, capBasisPoints: 300, floorBasisPoints: 0 };
    expect(indexPrice(eur(120000), index, { previousIndex: '120.0', currentIndex: '122.4' })).toEqual({
      price: eur(122400),
      appliedBasisPoints: 200,
      limitedBy: null,
    });
    expect(indexPrice(eur(120000), index, { previousIndex: '120.0', currentIndex: '126.0' })).toMatchObject({
      price: eur(123600),
      limitedBy: 'cap',
    });
    expect(indexPrice(eur(120000), index, { previousIndex: '120.0', currentIndex: '118,2' })).toMatchObject({
      price: eur(120000),
      limitedBy: 'floor',
    });
  });

  it('needs both index values, as exact decimals', () => {
    expect(() => indexPrice(eur(100), { kind: 'index' }, { previousIndex: '100' })).toThrow(/currentIndex/);
    expect(() => indexPrice(eur(100), { kind: 'index' }, { previousIndex: 100.5, currentIndex: '101' })).toThrow(
      /as text/,
    );
  });

  it('property: the result is whole cents, never further than half a cent from the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -5000, max: 5000 }), (amount, bp) => {
        const { price } = indexPrice(eur(amount), { kind: 'fixed', basisPoints: bp });
        expect(Number.isSafeInteger(price.amount)).toBe(true);
        const exactTimes10000 = BigInt(amount) * BigInt(10000 + bp);
        const diff = BigInt(price.amount) * 10000n - exactTimes10000;
        expect(diff <= 5000n && diff >= -5000n).toBe(true);
      }),
    );
  });
});
