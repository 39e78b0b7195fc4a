// Issue 8, item 7: dates stay in 0001-01-01 … 9999-12-31 and the cost of a call grows with the window it asks for,
// not with the contract's length. Each case below hung, exhausted the heap or took tens of seconds before.
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  budgetStatus,
  cancellationReport,
  contractStatus,
  CoreError,
  parseContract,
  planWorkOrders,
  previewScheduleChange,
  renewalTimeline,
} from '../src/index.js';
import { contractFixture, eur } from './support/contract-fixtures.js';

const FAST = { timeout: 5_000 };
const yearly = (count = 1) =>
  ({ code: 'JAAR', name: 'Jaar', autoExtend: true, period: { count, unit: 'year' } }) as const;

function thrown(call: () => unknown): CoreError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  }
  throw new Error('expected a CoreError');
}

describe('supported date range', () => {
  it('refuses year 0000 and five-digit years with a typed error naming the field', FAST, () => {
    expect(thrown(() => parseContract(contractFixture({ startDate: '0000-01-01' })))).toMatchObject({
      code: 'date-out-of-range',
      path: ['startDate'],
    });
    expect(thrown(() => parseContract(contractFixture({ endDate: '10000-01-01' })))).toMatchObject({
      code: 'date-out-of-range',
      path: ['endDate'],
    });
    expect(parseContract(contractFixture({ startDate: '0001-01-01', endDate: '9999-12-31' })).endDate).toBe(
      '9999-12-31',
    );
  });

  it('a planWorkOrders from year 0000 is refused at once', FAST, () => {
    const contract = contractFixture({ type: 'preventive', startDate: '0000-01-01', schedule: { unit: 'day' } });
    expect(thrown(() => planWorkOrders(contract, { asOf: '2025-01-01T00:00:00Z', generatedKeys: [] })).code).toBe(
      'date-out-of-range',
    );
  });
});

describe('near year 9999', () => {
  it('cancellationReport up to 9999-12-31 lists the periods and returns', FAST, () => {
    const report = cancellationReport([], { from: '9990-01-01', to: '9999-12-31', groupBy: 'year' });
    expect(report.periods.map((p) => p.period)).toEqual(Array.from({ length: 10 }, (_, i) => `${9990 + i}`));
    expect(report.periods.at(-1)).toMatchObject({ from: '9999-01-01', to: '9999-12-31' });
    const monthly = cancellationReport([], { from: '9999-11-15', to: '9999-12-31', groupBy: 'month' });
    expect(monthly.periods.map((p) => [p.from, p.to])).toEqual([
      ['9999-11-15', '9999-11-30'],
      ['9999-12-01', '9999-12-31'],
    ]);
  });

  it('renewalTimeline and contractStatus return when a renewal period would run past 9999', FAST, () => {
    const contract = contractFixture({ startDate: '9997-01-01', termsCode: 'JAAR' });
    const asOf = { asOf: '9999-06-01T12:00:00Z' };
    expect(thrown(() => renewalTimeline(contract, yearly(2), asOf)).code).toBe('date-out-of-range');
    expect(thrown(() => contractStatus(contract, { ...asOf, terms: yearly(2) })).code).toBe('date-out-of-range');
  });

  it('an open-ended placeholder end date 9999-12-31 still has a status and a timeline', FAST, () => {
    const contract = contractFixture({ endDate: '9999-12-31', termsCode: 'JAAR' });
    const { status, timeline } = contractStatus(contract, { asOf: '2025-06-01T12:00:00Z', terms: yearly() });
    expect(status).toBe('active');
    // The day after 9999-12-31 is not a date the engine can name: no renewal within the supported calendar.
    expect(timeline).toMatchObject({ periodEnd: '9999-12-31', nextRenewal: null, renewals: 0 });
  });

  it('addWorkingMinutes refuses to answer with a year-10000 instant', FAST, () => {
    const day = [['08:00', '17:00']] as [string, string][];
    const calendar = { tzid: 'UTC', hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] } };
    const error = thrown(() => addWorkingMinutes(calendar, '9999-12-31T16:00:00Z', 120));
    expect(error.code).toBe('date-out-of-range');
  });
});

describe('cost grows with the window, not with the contract', () => {
  const daily = contractFixture({
    type: 'preventive',
    endDate: '9999-12-31',
    objectCodes: ['CV-1'],
    schedule: { unit: 'day' },
    budget: { amount: eur(1_000_000), per: 'contract' },
  });

  it('budgetStatus with end date 9999-12-31 answers quickly', FAST, () => {
    const status = budgetStatus(daily, {
      asOf: '2025-06-30T10:00:00Z',
      costLines: [],
      hourTypeRates: {},
      expectedCostPerWorkOrder: eur(100),
    });
    expect(status?.period).toEqual({ start: '2025-01-01', end: '9999-12-31' });
    // Work orders further ahead than the planning horizon are not counted, so there is no forecast either.
    expect(status?.forecast).toBeNull();
    expect(status?.planned.workOrders).toBeGreaterThan(0);
  });

  it('renewalTimeline of a daily-renewing contract from year 0001 jumps to today', FAST, () => {
    const contract = {
      id: 'C-1',
      type: 'corrective',
      startDate: '0001-01-01',
      debtorNumber: 'D1',
      termsCode: 'DAG',
    } as const;
    const terms = { code: 'DAG', name: 'Dag', autoExtend: true, period: { count: 1, unit: 'day' } } as const;
    const started = performance.now();
    const timeline = renewalTimeline(contract, terms, { asOf: '2025-06-01T12:00:00Z' });
    // Walking 739,402 renewals one by one took seconds; a synchronous loop cannot be stopped by the test's timeout.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(timeline).toMatchObject({
      periodStart: '2025-06-01',
      periodEnd: '2025-06-01',
      renewals: 739_402,
    });
  });

  it('planWorkOrders of a daily contract that started in year 0001 looks back a bounded window', FAST, () => {
    const contract = { ...daily, startDate: '0001-01-01', endDate: undefined, budget: undefined };
    const { plans } = planWorkOrders(contract, { asOf: '2025-01-01T00:00:00Z', generatedKeys: [] });
    expect(plans.length).toBeLessThanOrEqual(3_700);
    expect(plans.at(-1)?.targetDate).toBe('2025-01-01');
  });

  it('planWorkOrders of a contract starting in year 9999 does not build zone tables up to it', FAST, () => {
    const contract = { ...daily, startDate: '9999-12-01', endDate: undefined, budget: undefined };
    const started = performance.now();
    // Targets are planned in 1900–2199 only (PLANNING_FIRST_DATE); this took minutes before.
    expect(planWorkOrders(contract, { asOf: '2025-01-01T00:00:00Z', generatedKeys: [] })).toEqual({
      plans: [],
      skipped: [],
      nextCreationDate: null,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('previewScheduleChange refuses a window of thousands of years with a clear error', FAST, () => {
    const contract = { ...daily, budget: undefined };
    const error = thrown(() =>
      previewScheduleChange(contract, contract, { asOf: '2025-01-01T00:00:00Z', until: '9999-12-31' }),
    );
    expect(error).toMatchObject({ code: 'invalid-range', path: ['until'] });
  });
});
