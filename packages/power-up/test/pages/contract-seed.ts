import { parseContract, parseContractTerms } from '@contractbeheer/core';
import type { TenantStore } from '../../src/store/store.js';

const meta = { actor: 'test', at: '2026-03-02T09:00:00Z' };

/** Yearly terms that extend by themselves, with a month's notice. */
const YEARLY_TERMS = {
  code: 'JAAR',
  name: 'Jaarcontract',
  autoExtend: true,
  period: { count: 1, unit: 'year' },
  noticeBeforeCancellation: { count: 1, unit: 'month' },
} as const;

/**
 * A preventive contract with five years of weekly occurrences (2023-01-02 to 2027-12-31), under yearly terms, with a
 * yearly budget and an expected cost per work order; terms and a cancellation reason in settings.
 */
export async function seedFiveYearContract(store: TenantStore, id = 'C-5Y'): Promise<void> {
  await store.terms.put(parseContractTerms(YEARLY_TERMS), meta);
  await store.cancellationReasons.put({ code: 'PRIJS', label: 'Te duur', archived: false }, meta);
  await store.contracts.create(
    parseContract({
      id,
      name: 'Onderhoud cv-ketels Hoofdstraat',
      type: 'preventive',
      termsCode: 'JAAR',
      startDate: '2023-01-02',
      endDate: '2027-12-31',
      debtorNumber: 'D100',
      daysInAdvance: 7,
      schedule: { unit: 'week', weekdays: ['mon', 'thu'] },
      budget: { amount: { amount: 2_400_000, currency: 'EUR' }, per: 'contract-year' },
      expectedCostPerWorkOrder: { amount: 12_500, currency: 'EUR' },
    }),
    meta,
  );
}
