// The examples of packages/core/README.md, run as written (the README's `// →` comments are the expectations).
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  allocateMoney,
  applyContractAction,
  budgetStatus,
  cancellationReport,
  contractStatus,
  describeSchedule,
  dutchDaysOff,
  dutchPublicHolidays,
  expandRRule,
  expandSchedule,
  indexPrice,
  planWorkOrders,
  previewScheduleChange,
  renewalTimeline,
  scheduleToRRule,
  slaState,
  versionOn,
  type ContractInput,
} from '../src/index.js';

describe('README examples', () => {
  it('expandRRule', () => {
    expect(
      expandRRule(
        { rrule: 'FREQ=WEEKLY;BYDAY=MO,TH', dtstart: '2025-03-24T09:00:00', tzid: 'Europe/Amsterdam' },
        { limit: 3 },
      ),
    ).toEqual([
      { local: '2025-03-24T09:00:00', instant: '2025-03-24T08:00:00Z', offset: '+01:00' },
      { local: '2025-03-27T09:00:00', instant: '2025-03-27T08:00:00Z', offset: '+01:00' },
      { local: '2025-03-31T09:00:00', instant: '2025-03-31T07:00:00Z', offset: '+02:00' },
    ]);
  });

  it('the schedule spec', () => {
    const schedule = { unit: 'month', weekday: 'fri', nth: 'last', time: '07:30' } as const;
    expect(describeSchedule(schedule, 'nl')).toBe('elke maand op de laatste vrijdag om 07:30');
    expect(describeSchedule(schedule, 'en')).toBe('every month on the last Friday at 07:30');
    expect(scheduleToRRule(schedule)).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    expect(expandSchedule(schedule, { start: '2025-01-01', end: '2025-12-31', tzid: 'Europe/Amsterdam' })).toHaveLength(
      12,
    );
  });

  it('planning', () => {
    const contract: ContractInput = {
      id: 'C-1',
      type: 'preventive',
      startDate: '2025-01-01',
      debtorNumber: 'D100',
      objectCodes: ['CV-01', 'CV-02'],
      daysInAdvance: 30,
      schedule: { unit: 'month', day: 31 },
    };
    const { plans, nextCreationDate } = planWorkOrders(contract, { asOf: '2025-01-01T08:00:00Z', generatedKeys: [] });
    expect(plans.map((p) => p.key)).toEqual(['C-1|CV-01|2025-01-31', 'C-1|CV-02|2025-01-31']);
    expect(nextCreationDate).toBe('2025-01-29');
    const later = previewScheduleChange(contract, { ...contract, daysInAdvance: 14 }, { asOf: '2025-01-01T08:00:00Z' });
    expect(later.moved).toHaveLength(24);
    expect(later.moved[0]?.fields).toEqual(['creationDate']);
    expect(
      previewScheduleChange(contract, { ...contract, employeeNumber: 'E7' }, { asOf: '2025-01-01T08:00:00Z' })
        .changed[0]?.fields,
    ).toEqual(['employeeNumber']);

    const versions = [
      contract,
      { ...contract, version: 1, effectiveFrom: '2025-03-01', objectCodes: ['CV-01', 'CV-02', 'CV-03'] },
    ];
    expect(versionOn(versions, '2025-02-28')?.version).toBe(0);
    expect(
      planWorkOrders(versions, { asOf: '2025-03-01T08:00:00Z', generatedKeys: [] }).plans.map((p) => p.key),
    ).toEqual([
      'C-1|CV-01|2025-01-31',
      'C-1|CV-02|2025-01-31',
      'C-1|CV-01|2025-02-28',
      'C-1|CV-02|2025-02-28',
      'C-1|CV-01|2025-03-31',
      'C-1|CV-02|2025-03-31',
      'C-1|CV-03|2025-03-31',
    ]);
  });

  it('status, terms and renewal', () => {
    const contract = {
      id: 'C-1',
      type: 'corrective',
      startDate: '2025-01-01',
      debtorNumber: 'D1',
      termsCode: 'JAAR',
    } as const;
    const terms = {
      code: 'JAAR',
      name: 'Jaarcontract',
      autoExtend: true,
      period: { count: 1, unit: 'year' },
      noticeBeforeCancellation: { count: 1, unit: 'month' },
      indexation: { kind: 'fixed', basisPoints: 250 },
    } as const;
    expect(renewalTimeline(contract, terms, { asOf: '2025-06-01T12:00:00Z' })).toEqual({
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      noticeDeadline: '2025-11-30',
      nextRenewal: '2026-01-01',
      renewals: 0,
      finalDay: null,
    });
    expect(contractStatus(contract, { asOf: '2025-11-15T12:00:00Z', terms })).toMatchObject({
      status: 'active',
      flags: ['notice-deadline-near'],
    });
    expect(indexPrice({ amount: 120000, currency: 'EUR' }, terms.indexation).price).toEqual({
      amount: 123000,
      currency: 'EUR',
    });
  });

  it('actions', () => {
    const { contract: terminated, effects } = applyContractAction(
      {
        id: 'C-1',
        type: 'preventive',
        startDate: '2025-01-01',
        debtorNumber: 'D1',
        schedule: { unit: 'month', day: 15 },
      },
      { type: 'terminate', date: '2025-06-30', reasonCode: 'VERHUISD' },
      {
        asOf: '2025-06-01T10:00:00Z',
        reasons: [{ code: 'VERHUISD', label: 'Klant verhuisd' }],
        workOrders: [{ key: 'C-1|*|2025-07-15', state: 'open' }],
      },
    );
    expect(terminated?.termination).toEqual({
      date: '2025-06-30',
      reasonCode: 'VERHUISD',
      reasonLabel: 'Klant verhuisd',
    });
    expect(effects.map((e) => e.type)).toEqual(['save-contract', 'stop-generation-after', 'review-work-orders']);
  });

  it('money and budgets', () => {
    expect(allocateMoney({ amount: 10003, currency: 'EUR' }, [1, 1, 1]).map((m) => m.amount)).toEqual([
      3335, 3334, 3334,
    ]);
    const status = budgetStatus(
      {
        id: 'C-1',
        type: 'preventive',
        startDate: '2025-01-01',
        endDate: '2025-12-31',
        debtorNumber: 'D1',
        objectCodes: ['CV-1'],
        schedule: { unit: 'month', day: 15 },
        budget: { amount: { amount: 120000, currency: 'EUR' }, per: 'contract' },
      },
      {
        asOf: '2025-06-30T10:00:00Z',
        hourTypeRates: { NORMAAL: { amount: 6500, currency: 'EUR' } },
        expectedCostPerWorkOrder: { amount: 10000, currency: 'EUR' },
        costLines: [
          { kind: 'labour', date: '2025-01-15', minutes: 90, hourTypeCode: 'NORMAAL' },
          { kind: 'material', date: '2025-02-15', quantity: '2.5', unitPrice: { amount: 455, currency: 'EUR' } },
        ],
      },
    );
    expect(status).toMatchObject({
      consumed: { amount: 10888 },
      planned: { workOrders: 6, cost: { amount: 60000 } },
      forecast: { amount: 70888 },
      underPressure: false,
    });
  });

  it('SLA clock', () => {
    const day = [['08:00', '17:00']] as [string, string][];
    const calendar = {
      tzid: 'Europe/Amsterdam',
      hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
      holidays: dutchDaysOff(2025, 2027),
    };
    expect(addWorkingMinutes(calendar, '2025-03-28T15:00:00Z', 120)).toBe('2025-03-31T07:00:00Z');
    expect(dutchPublicHolidays(2025).find((h) => h.name === 'Koningsdag')).toEqual({
      date: '2025-04-26',
      name: 'Koningsdag',
      dayOff: true,
    });
    const policy = {
      code: 'GOUD',
      name: 'Goud',
      responseStatus: 'ONDERWEG',
      resolvedStatus: 'COMPLEET',
      clock: 'business',
      targets: { HOOG: { response: { amount: 4, unit: 'hours' }, resolution: { amount: 2, unit: 'days' } } },
    } as const;
    expect(
      slaState(policy, calendar, {
        priorityCode: 'HOOG',
        openedAt: '2025-03-03T08:00:00Z',
        asOf: '2025-03-03T10:00:00Z',
        history: [],
      }).response,
    ).toEqual({
      due: '2025-03-03T12:00:00Z',
      state: 'running',
      metAt: null,
      remainingMinutes: 120,
    });
  });

  it('cancellation report', () => {
    const report = cancellationReport(
      [
        {
          contractId: 'C-1',
          date: '2025-02-10',
          reasonCode: 'PRIJS',
          reasonLabel: 'Te duur',
          lostValue: { amount: 50000, currency: 'EUR' },
        },
      ],
      { from: '2025-01-01', to: '2025-06-30', groupBy: 'quarter' },
    );
    expect(report.periods.map((p) => [p.period, p.count, p.lostValue.amount])).toEqual([
      ['2025-Q1', 1, 50000],
      ['2025-Q2', 0, 0],
    ]);
  });
});
