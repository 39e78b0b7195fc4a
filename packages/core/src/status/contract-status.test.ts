import { describe, expect, it } from 'vitest';
import { contractFixture } from '../../test/support/contract-fixtures.js';
import type { ContractTermsInput } from '../terms/contract-terms.js';
import { planWorkOrders } from '../planning/plan-work-orders.js';
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

  it('answers a row of calls with one asOf (as a list asks) as it answers each alone, zones and windows mixed', () => {
    const newYork = { ...contract, timeZone: 'America/New_York' };
    const asOf = '2024-12-31T23:30:00Z';
    const statuses = [contract, newYork, contract, newYork].map((row) => contractStatus(row, { asOf }).status);
    expect(statuses).toEqual(['active', 'not-started', 'active', 'not-started']);
    const late = on('2025-11-20');
    expect(contractStatus(contract, { asOf: late, terms: yearly }).flags).toEqual(['notice-deadline-near']);
    expect(contractStatus(contract, { asOf: late, terms: yearly, warnDays: 5 }).flags).toEqual([]);
    expect(() => contractStatus(contract, { asOf: late, warnDays: -1 })).toThrow(
      expect.objectContaining({ path: ['warnDays'] }),
    );
  });

  it('refuses a bad asOf, naming it', () => {
    expect(() => contractStatus(contract, { asOf: '2025-01-01' })).toThrow(expect.objectContaining({ path: ['asOf'] }));
  });
});

// "Een Contract kan het volgende bevatten: … start- en einddata, dagen van tevoren" and "OutSmart controleert het
// schema en maakt Werkbonnen aan op basis van de Contract-instellingen." (Maak een contract): work orders are made
// days in advance, so a contract that has not started may already have its first work order due.
describe('status and generation agree', () => {
  const preventive = contractFixture({
    type: 'preventive',
    startDate: '2025-03-01',
    daysInAdvance: 30,
    schedule: { unit: 'month', day: 10 },
  });

  it.each([
    ['before the first creation date', '2025-02-07', []],
    ['on the first creation date (10 March − 30 days)', '2025-02-08', ['first-work-order-due']],
    ['after it, still before the start', '2025-02-28', ['first-work-order-due']],
  ])('not started, %s', (_, date, flags) => {
    const { status, flags: actual } = contractStatus(preventive, { asOf: on(date) });
    expect(status).toBe('not-started');
    expect(actual).toEqual(flags);
    // The flag says exactly what generation does on that day.
    const planned = planWorkOrders(preventive, { asOf: on(date), generatedKeys: [] }).plans.length > 0;
    expect(planned).toBe(flags.length > 0);
  });

  it('is gone once the contract has started, and never set for a contract without work orders', () => {
    expect(contractStatus(preventive, { asOf: on('2025-03-01') }).flags).toEqual([]);
    expect(contractStatus({ ...contract, startDate: '2025-03-01' }, { asOf: on('2025-02-28') }).flags).toEqual([]);
  });
});

// "Een Contract kan het volgende bevatten: Contracttype, Contractvoorwaarden, …" (Maak een contract): the terms are
// the contract's own.
describe("the terms must be the contract's", () => {
  it('refuses terms with another code, naming terms.code and both codes', () => {
    expect(() => contractStatus(contract, { asOf: on('2025-06-01'), terms: fixed })).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        path: ['terms', 'code'],
        message: expect.stringMatching(/"JAAR".*"VAST"/),
      }),
    );
  });

  it('refuses terms for a contract that names none', () => {
    expect(() => contractStatus(contractFixture(), { asOf: on('2025-06-01'), terms: yearly })).toThrow(
      expect.objectContaining({ path: ['terms', 'code'], message: expect.stringMatching(/names no terms/) }),
    );
  });
});
