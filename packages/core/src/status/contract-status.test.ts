import { describe, expect, it } from 'vitest';
import { contractFixture } from '../../test/support/contract-fixtures.js';
import type { ContractTermsInput } from '../terms/contract-terms.js';
import { contractStatus } from './contract-status.js';

const contract = contractFixture({ termsCode: 'JAAR' });
const yearly: ContractTermsInput = {
  code: 'JAAR',
  name: 'Jaarcontract',
  autoExtend: true,
  period: { count: 1, unit: 'year' },
  noticeBeforeCancellation: { count: 1, unit: 'month' },
  noticeAfterRenewal: { count: 2, unit: 'week' },
};
const fixed: ContractTermsInput = { ...yearly, code: 'VAST', autoExtend: false };
/** Noon in Amsterdam on a date (winter time is fine for the status: only the date matters). */
const on = (date: string) => `${date}T11:00:00Z`;

describe('contractStatus', () => {
  it.each([
    ['the day before the start', '2024-12-31', undefined, 'not-started'],
    ['the start day', '2025-01-01', undefined, 'active'],
    ['open-ended, years later', '2031-05-05', undefined, 'active'],
  ])('%s → %s', (_, date, terms, expected) => {
    expect(contractStatus(contract, { asOf: on(date), terms }).status).toBe(expected);
  });

  it.each([
    ['the end day', '2025-12-31', 'active'],
    ['the day after the end', '2026-01-01', 'ended'],
  ])('with an end date and no terms: %s → %s', (_, date, expected) => {
    expect(contractStatus({ ...contract, endDate: '2025-12-31' }, { asOf: on(date) }).status).toBe(expected);
  });

  it.each([
    ['the last day of the period', '2025-12-31', 'active'],
    ['the day after, without auto-extension', '2026-01-01', 'ended'],
  ])('terms without auto-extension: %s → %s', (_, date, expected) => {
    expect(contractStatus({ ...contract, termsCode: 'VAST' }, { asOf: on(date), terms: fixed }).status).toBe(expected);
  });

  it('an auto-extending contract stays active and renews', () => {
    const result = contractStatus(contract, { asOf: on('2027-03-01'), terms: yearly });
    expect(result.status).toBe('active');
    expect(result.timeline).toMatchObject({
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      renewals: 2,
      nextRenewal: '2028-01-01',
    });
    expect(result.timeline.noticeDeadline).toBe('2027-12-17'); // two weeks after a renewal
  });

  it.each([
    ['the termination day', '2025-06-30', 'active', ['termination-scheduled']],
    ['the day after the termination', '2025-07-01', 'terminated', []],
  ])('terminated on 30 June: %s → %s', (_, date, status, flags) => {
    const terminated = { ...contract, termination: { date: '2025-06-30', reasonCode: 'VERHUISD' } };
    expect(contractStatus(terminated, { asOf: on(date), terms: yearly })).toMatchObject({ status, flags });
  });

  it.each([
    ['31 days before the notice deadline', '2025-10-30', []],
    ['30 days before the notice deadline', '2025-10-31', ['notice-deadline-near']],
    ['the notice deadline day (31 days before the end)', '2025-11-30', ['notice-deadline-near']],
    ['the day after the notice deadline', '2025-12-01', ['renewal-due']],
    ['the last day of the period', '2025-12-31', ['renewal-due']],
  ])('flags around the notice deadline (30 November): %s', (_, date, flags) => {
    expect(contractStatus(contract, { asOf: on(date), terms: yearly }).flags).toEqual(flags);
  });

  it('the warning window is adjustable', () => {
    expect(contractStatus(contract, { asOf: on('2025-11-20'), terms: yearly, warnDays: 5 }).flags).toEqual([]);
  });

  it('the date is read in the contract zone', () => {
    // 23:30 UTC on 31 December is 1 January in Amsterdam.
    expect(contractStatus(contract, { asOf: '2024-12-31T23:30:00Z' }).status).toBe('active');
    expect(contractStatus({ ...contract, timeZone: 'America/New_York' }, { asOf: '2024-12-31T23:30:00Z' }).status).toBe(
      'not-started',
    );
  });

  it('refuses a bad asOf, naming it', () => {
    expect(() => contractStatus(contract, { asOf: '2025-01-01' })).toThrow(expect.objectContaining({ path: ['asOf'] }));
  });
});
