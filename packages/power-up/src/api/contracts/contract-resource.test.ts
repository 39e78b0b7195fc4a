import {
  contractStatus,
  localDateAt,
  parseContract,
  parseContractTerms,
  type Contract,
  type ContractInput,
} from '@contractbeheer/core';
import { describe, expect, it } from 'vitest';
import { toResource } from './contract-resource.js';

const deepFrozen = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFrozen(child);
    Object.freeze(value);
  }
  return value;
};

const yearly = deepFrozen(
  parseContractTerms({
    code: 'JAAR',
    name: 'Jaarcontract',
    autoExtend: true,
    period: { count: 1, unit: 'year' },
    noticeBeforeCancellation: { count: 1, unit: 'month' },
  }),
);

const base = { type: 'preventive', debtorNumber: 'D1', schedule: { unit: 'month', day: 15 } } as const;
/** One contract per status and flag the core derives, in zones on both sides of UTC. */
const CONTRACTS: ContractInput[] = [
  { ...base, id: 'not-started', startDate: '2026-07-01', daysInAdvance: 30 },
  { ...base, id: 'active', startDate: '2025-01-01' },
  { ...base, id: 'ends-soon', startDate: '2025-01-01', endDate: '2026-06-20' },
  { ...base, id: 'ended', startDate: '2025-01-01', endDate: '2026-06-14' },
  { ...base, id: 'terminated', startDate: '2025-01-01', termination: { date: '2026-06-14' } },
  { ...base, id: 'terminating', startDate: '2025-01-01', termination: { date: '2026-06-20' } },
  { ...base, id: 'terms', startDate: '2025-07-10', termsCode: 'JAAR' },
  { ...base, id: 'auckland', startDate: '2026-06-15', timeZone: 'Pacific/Auckland' },
  { ...base, id: 'honolulu', startDate: '2026-06-15', endDate: '2026-06-15', timeZone: 'Pacific/Honolulu' },
];

const frozenContract = (input: ContractInput): Contract => deepFrozen(parseContract(input));
const termsOf = (contract: Contract) => (contract.termsCode === undefined ? undefined : yearly);

/** Every hour of 14–16 June 2026 in UTC: each contract's zone sees local days begin and end among them. */
const INSTANTS = Array.from({ length: 72 }, (_, hour) => new Date(Date.UTC(2026, 5, 14, hour, 30)).toISOString()).map(
  (instant) => instant.replace(/\.\d{3}Z$/, 'Z'),
);

describe('toResource', () => {
  it('rests on the core deriving a status from the local date alone: within a local day it never changes', () => {
    for (const input of CONTRACTS) {
      const contract = parseContract(input);
      const terms = termsOf(contract);
      const byDay = new Map<string, unknown>();
      for (const asOf of INSTANTS) {
        const { status, flags } = contractStatus(contract, { asOf, ...(terms !== undefined && { terms }) });
        const day = localDateAt(asOf, contract.timeZone);
        if (!byDay.has(day)) byDay.set(day, { status, flags });
        expect({ status, flags }, `${contract.id} at ${asOf}`).toEqual(byDay.get(day));
      }
    }
  });

  it('answers a frozen contract as deriving it afresh would, at every hour', () => {
    for (const input of CONTRACTS) {
      const frozen = frozenContract(input);
      const fresh = parseContract(input);
      for (const asOf of INSTANTS) {
        expect(toResource(frozen, termsOf(frozen), asOf), `${frozen.id} at ${asOf}`).toEqual(
          toResource(fresh, termsOf(fresh), asOf),
        );
      }
    }
  });

  it('keeps a frozen contract’s resource for its local day, and derives it again on the next day', () => {
    const contract = frozenContract({ ...base, id: 'ends', startDate: '2025-01-01', endDate: '2026-06-14' });
    const morning = toResource(contract, undefined, '2026-06-14T05:00:00Z');
    const evening = toResource(contract, undefined, '2026-06-14T21:00:00Z');
    expect(evening).toBe(morning);
    expect(Object.isFrozen(morning) && Object.isFrozen(morning.flags)).toBe(true);
    expect(morning.status).toBe('active');
    // 22:00 UTC is already 15 June in Amsterdam: the day after the end day.
    const nextDay = toResource(contract, undefined, '2026-06-14T22:00:00Z');
    expect(nextDay).not.toBe(morning);
    expect(nextDay.status).toBe('ended');
  });

  it('derives it again for other terms, and never keeps a contract that is not frozen', () => {
    const contract = frozenContract({ ...base, id: 'terms', startDate: '2025-07-10', termsCode: 'JAAR' });
    // The period ends on 9 July; a month's notice is due by 9 June, a day's by 8 July (past the 30-day window).
    const asOf = '2026-06-05T12:00:00Z';
    expect(toResource(contract, yearly, asOf).flags).toEqual(['notice-deadline-near']);
    const shorter = deepFrozen({ ...yearly, noticeBeforeCancellation: { count: 1, unit: 'day' } as const });
    expect(toResource(contract, shorter, asOf).flags).toEqual([]);

    const open = parseContract({ ...base, id: 'open', startDate: '2025-01-01' });
    const once = toResource(open, undefined, asOf);
    expect(toResource(open, undefined, asOf)).not.toBe(once);
    expect(Object.isFrozen(once)).toBe(false);
  });
});
