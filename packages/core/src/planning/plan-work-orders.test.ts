import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../model/contract.js';
import { contractFixture } from '../../test/support/contract-fixtures.js';
import { occurrenceKey, parseOccurrenceKey } from './occurrence-key.js';
import { planWorkOrders } from './plan-work-orders.js';

const monthly = contractFixture({
  type: 'preventive',
  debtorNumber: 'D100',
  objectCodes: ['CV-01', 'CV-02'],
  daysInAdvance: 30,
  schedule: { unit: 'month', day: 31 },
  workOrder: { workType: 'Onderhoud', description: 'Jaarlijks onderhoud cv-ketel', durationMinutes: 60 },
});
/** 08:00 in Amsterdam on a date (winter time). */
const morningOf = (date: string) => `${date}T07:00:00Z`;

describe('occurrence keys', () => {
  it('are contract | object or * | local target date, and round-trip', () => {
    expect(occurrenceKey('C-1', 'CV-01', '2025-03-15')).toBe('C-1|CV-01|2025-03-15');
    expect(occurrenceKey('C-1', null, '2025-03-15')).toBe('C-1|*|2025-03-15');
    expect(parseOccurrenceKey('C-1|*|2025-03-15')).toEqual({
      contractId: 'C-1',
      objectCode: null,
      targetDate: '2025-03-15',
    });
  });
});

describe('planWorkOrders', () => {
  it('creation date = target − days in advance; one work order per object', () => {
    const { plans, nextCreationDate } = planWorkOrders(monthly, { asOf: morningOf('2025-01-01'), generatedKeys: [] });
    expect(plans.map((p) => p.key)).toEqual(['C-1|CV-01|2025-01-31', 'C-1|CV-02|2025-01-31']);
    expect(plans[0]).toMatchObject({
      targetDate: '2025-01-31',
      creationDate: '2025-01-01',
      late: false,
      objectCodes: ['CV-01'],
      timing: { kind: 'deadline', deadline: '2025-01-31' },
      workType: 'Onderhoud',
      durationMinutes: 60,
    });
    expect(nextCreationDate).toBe('2025-01-29'); // 28 February − 30 days
  });

  it('target 31 August with 30 days in advance is created on 1 August', () => {
    const { plans } = planWorkOrders(
      { ...monthly, startDate: '2025-08-01' },
      { asOf: morningOf('2025-08-01'), generatedKeys: [] },
    );
    expect(plans.map((p) => [p.targetDate, p.creationDate])).toContainEqual(['2025-08-31', '2025-08-01']);
  });

  it('one combined work order listing all objects when not per object', () => {
    const { plans } = planWorkOrders(
      { ...monthly, orderPerObject: false },
      { asOf: morningOf('2025-01-01'), generatedKeys: [] },
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ key: 'C-1|*|2025-01-31', objectCodes: ['CV-01', 'CV-02'] });
  });

  it('plans for an employee on the date and time, otherwise a deadline only', () => {
    const planned = planWorkOrders(
      { ...monthly, employeeNumber: 'E7', workOrder: { timeOfDay: '08:30' } },
      { asOf: morningOf('2025-01-01'), generatedKeys: [] },
    );
    expect(planned.plans[0]?.timing).toEqual({
      kind: 'planned',
      date: '2025-01-31',
      time: '08:30',
      employeeNumber: 'E7',
    });
    const scheduleTime = planWorkOrders(
      { ...monthly, employeeNumber: 'E7', schedule: { unit: 'month', day: 31, time: '07:15' } },
      { asOf: morningOf('2025-01-01'), generatedKeys: [] },
    );
    expect(scheduleTime.plans[0]?.timing).toMatchObject({ time: '07:15' });
  });

  it('never plans a generated key again; catches up on missed ones, marked late', () => {
    const asOf = morningOf('2025-04-10');
    const first = planWorkOrders(monthly, { asOf, generatedKeys: ['C-1|CV-01|2025-01-31'] });
    expect(first.plans.map((p) => p.key)).toEqual([
      'C-1|CV-02|2025-01-31',
      'C-1|CV-01|2025-02-28',
      'C-1|CV-02|2025-02-28',
      'C-1|CV-01|2025-03-31',
      'C-1|CV-02|2025-03-31',
      'C-1|CV-01|2025-04-30',
      'C-1|CV-02|2025-04-30',
    ]);
    expect(first.plans.every((p) => p.late === p.creationDate < '2025-04-10')).toBe(true);
    const second = planWorkOrders(monthly, {
      asOf,
      generatedKeys: new Set(['C-1|CV-01|2025-01-31', ...first.plans.map((p) => p.key)]),
    });
    expect(second.plans).toEqual([]);
    expect(second.nextCreationDate).toBe('2025-05-01'); // 31 May − 30
  });

  it('skips occurrences older than the catch-up limit', () => {
    const result = planWorkOrders(monthly, { asOf: morningOf('2025-04-10'), generatedKeys: [], catchUpLimitDays: 20 });
    expect(result.skipped.map((s) => s.targetDate)).toEqual(['2025-01-31', '2025-01-31', '2025-02-28', '2025-02-28']);
    expect(result.plans.map((p) => p.targetDate)).toEqual(['2025-03-31', '2025-03-31', '2025-04-30', '2025-04-30']);
  });

  it('today is the date in the contract zone, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    const result = planWorkOrders(monthly, { asOf: '2024-12-31T23:30:00Z', generatedKeys: [] });
    expect(result.plans).toHaveLength(2);
    const utc = planWorkOrders({ ...monthly, timeZone: 'UTC' }, { asOf: '2024-12-31T23:30:00Z', generatedKeys: [] });
    expect(utc.plans).toHaveLength(0);
    expect(utc.nextCreationDate).toBe('2025-01-01');
  });

  it('respects the end date and the termination date', () => {
    const ended = planWorkOrders(
      { ...monthly, endDate: '2025-03-30' },
      { asOf: morningOf('2025-12-01'), generatedKeys: [] },
    );
    expect([...new Set(ended.plans.map((p) => p.targetDate))]).toEqual(['2025-01-31', '2025-02-28']);
    expect(ended.nextCreationDate).toBeNull();
    const terminated = planWorkOrders(
      { ...monthly, termination: { date: '2025-02-28', reasonCode: 'MOVED' } },
      { asOf: morningOf('2025-12-01'), generatedKeys: [] },
    );
    expect([...new Set(terminated.plans.map((p) => p.targetDate))]).toEqual(['2025-01-31', '2025-02-28']);
    expect(terminated.nextCreationDate).toBeNull();
  });

  it('a contract that has not started yet plans its first visit in advance', () => {
    const result = planWorkOrders(
      { ...monthly, startDate: '2025-03-01' },
      { asOf: morningOf('2025-01-01'), generatedKeys: [] },
    );
    expect(result.plans).toEqual([]);
    expect(result.nextCreationDate).toBe('2025-03-01'); // 31 March − 30 days
  });

  it('corrective contracts plan nothing', () => {
    const result = planWorkOrders(
      { ...monthly, type: 'corrective', schedule: undefined },
      { asOf: morningOf('2025-06-01'), generatedKeys: [] },
    );
    expect(result).toEqual({ plans: [], skipped: [], nextCreationDate: null });
  });

  it('yearly orders: N equal periods per contract year', () => {
    const yearly: ContractInput = {
      ...monthly,
      type: 'yearly-orders',
      schedule: undefined,
      ordersPerYear: 4,
      daysInAdvance: 0,
      objectCodes: [],
      startDate: '2025-01-01',
    };
    const { plans, nextCreationDate } = planWorkOrders(yearly, { asOf: morningOf('2026-01-01'), generatedKeys: [] });
    // 365 days / 4: day 0, 91, 182, 273 of each contract year.
    expect(plans.map((p) => p.targetDate)).toEqual([
      '2025-01-01',
      '2025-04-02',
      '2025-07-02',
      '2025-10-01',
      '2026-01-01',
    ]);
    expect(nextCreationDate).toBe('2026-04-02');
  });

  it('refuses bad options, naming the field', () => {
    expect(() => planWorkOrders(monthly, { asOf: '2025-01-01', generatedKeys: [] })).toThrow(
      expect.objectContaining({ path: ['asOf'] }),
    );
    expect(() => planWorkOrders(monthly, { asOf: morningOf('2025-01-01'), generatedKeys: 'x' as never })).toThrow(
      expect.objectContaining({ path: ['generatedKeys'] }),
    );
  });

  it('property: keys are deterministic, unique, and never repeat what was generated', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 60 }),
        fc.boolean(),
        fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata'),
        (day, daysInAdvance, perObject, timeZone) => {
          const asOf = new Date(Date.UTC(2025, 0, 1) + day * 86400000).toISOString().slice(0, 19) + 'Z';
          const contract = {
            ...monthly,
            daysInAdvance,
            orderPerObject: perObject,
            timeZone,
            schedule: { unit: 'week' as const, weekdays: ['tue' as const] },
          };
          const a = planWorkOrders(contract, { asOf, generatedKeys: [] });
          const b = planWorkOrders(contract, { asOf, generatedKeys: [] });
          expect(b).toEqual(a);
          const keys = a.plans.map((p) => p.key);
          expect(new Set(keys).size).toBe(keys.length);
          const half = new Set(keys.filter((_, i) => i % 2 === 0));
          const rest = planWorkOrders(contract, { asOf, generatedKeys: half });
          expect(rest.plans.map((p) => p.key)).toEqual(keys.filter((k) => !half.has(k)));
        },
      ),
      { numRuns: 60 },
    );
  });
});
