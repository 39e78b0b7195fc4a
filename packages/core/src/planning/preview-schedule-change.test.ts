import { describe, expect, it } from 'vitest';
import { contractFixture } from '../../test/support/contract-fixtures.js';
import { previewScheduleChange } from './preview-schedule-change.js';

const before = contractFixture({
  type: 'preventive',
  debtorNumber: 'D100',
  schedule: { unit: 'week', weekdays: ['mon'] },
});
const asOf = '2025-01-01T09:00:00Z';

describe('previewScheduleChange', () => {
  it('a weekday change moves every visit within its slot', () => {
    const preview = previewScheduleChange(
      before,
      { ...before, schedule: { unit: 'week', weekdays: ['tue'] } },
      { asOf, until: '2025-01-21' },
    );
    expect(preview.moved.map((m) => [m.from.targetDate, m.to.targetDate])).toEqual([
      ['2025-01-06', '2025-01-07'],
      ['2025-01-13', '2025-01-14'],
      ['2025-01-20', '2025-01-21'],
    ]);
    expect(preview.added).toEqual([]);
    expect(preview.removed).toEqual([]);
  });

  it('adding a weekday adds, removing one removes, the rest is unchanged', () => {
    const twice = { ...before, schedule: { unit: 'week' as const, weekdays: ['mon' as const, 'thu' as const] } };
    const added = previewScheduleChange(before, twice, { asOf, until: '2025-01-19' });
    expect(added.added.map((o) => o.targetDate)).toEqual(['2025-01-02', '2025-01-09', '2025-01-16']);
    expect(added.unchanged).toBe(2);
    const removed = previewScheduleChange(twice, before, { asOf, until: '2025-01-19' });
    expect(removed.removed.map((o) => o.targetDate)).toEqual(['2025-01-02', '2025-01-09', '2025-01-16']);
  });

  it('a change of days in advance moves the creation dates only', () => {
    const preview = previewScheduleChange(before, { ...before, daysInAdvance: 7 }, { asOf, until: '2025-01-13' });
    expect(preview.changed).toEqual([]);
    expect(preview.moved.every((c) => c.fields.join() === 'creationDate')).toBe(true);
    expect(preview.moved.map((m) => [m.from.creationDate, m.to.creationDate])).toEqual([
      ['2025-01-06', '2024-12-30'],
      ['2025-01-13', '2025-01-06'],
    ]);
  });

  it('generated and past occurrences are history and never part of the diff', () => {
    const preview = previewScheduleChange(
      before,
      { ...before, schedule: { unit: 'week', weekdays: ['tue'] } },
      { asOf: '2025-01-08T09:00:00Z', until: '2025-01-21', generatedKeys: ['C-1|*|2025-01-13'] },
    );
    // 6 Jan is past and 13 Jan is generated: both stay as they are. After 13 Jan, Monday 20 moves to its neighbour
    // Tuesday 21, and Tuesday 14 is new.
    expect(preview.moved.map((m) => [m.from.targetDate, m.to.targetDate])).toEqual([['2025-01-20', '2025-01-21']]);
    expect(preview.added.map((o) => o.targetDate)).toEqual(['2025-01-14']);
    expect(preview.removed).toEqual([]);
  });

  it('a generated occurrence separates slots, so the visits on either side pair on their own', () => {
    const preview = previewScheduleChange(
      before,
      { ...before, schedule: { unit: 'week', weekdays: ['tue'] } },
      { asOf: '2025-01-01T09:00:00Z', until: '2025-01-21', generatedKeys: ['C-1|*|2025-01-14'] },
    );
    // New Tuesday 14 Jan is already generated (say, by hand): Mondays 6 and 20 pair with Tuesdays 7 and 21.
    expect(preview.moved.map((m) => [m.from.targetDate, m.to.targetDate])).toEqual([
      ['2025-01-06', '2025-01-07'],
      ['2025-01-20', '2025-01-21'],
    ]);
    expect(preview.removed.map((o) => o.targetDate)).toEqual(['2025-01-13']);
    expect(preview.added).toEqual([]);
  });

  it('an earlier end date removes what lies after it', () => {
    const preview = previewScheduleChange(before, { ...before, endDate: '2025-01-10' }, { asOf, until: '2025-01-31' });
    expect(preview.removed.map((o) => o.targetDate)).toEqual(['2025-01-13', '2025-01-20', '2025-01-27']);
    expect(preview.unchanged).toBe(1);
  });

  it('compares one year ahead by default', () => {
    const preview = previewScheduleChange(before, before, { asOf });
    expect(preview.until).toBe('2026-01-02');
    expect(preview.unchanged).toBe(52);
  });
});

describe('the preview shows every change to future work orders', () => {
  const monthly = contractFixture({
    type: 'preventive',
    objectCodes: ['CV-01', 'CV-02'],
    orderPerObject: false,
    schedule: { unit: 'month', day: 15 },
    workOrder: { workType: 'Onderhoud', description: 'Jaarlijks onderhoud', durationMinutes: 60 },
  });
  const window = { asOf: '2025-03-01T09:00:00Z', until: '2025-05-31' };
  const only = (after: Parameters<typeof previewScheduleChange>[1], before = monthly) => {
    const preview = previewScheduleChange(before, after, window);
    expect(preview.unchanged).toBe(0);
    expect([preview.added, preview.removed, preview.moved]).toEqual([[], [], []]);
    expect(preview.changed.map((c) => c.to.targetDate)).toEqual(['2025-03-15', '2025-04-15', '2025-05-15']);
    return preview.changed;
  };

  // "Wat gebeurt er als ik een Medewerker toewijs? Gegenereerde Werkbonnen kunnen geplande uitvoeringsdetails
  // bevatten." (Maak een contract)
  it('assigning an employee, changing them, and the planned time', () => {
    const assigned = only({ ...monthly, employeeNumber: 'E1' });
    expect(assigned[0]).toMatchObject({
      fields: ['employeeNumber'],
      from: { employeeNumber: null, time: null },
      to: { employeeNumber: 'E1', time: null },
    });
    const withE1 = { ...monthly, employeeNumber: 'E1' };
    expect(only({ ...withE1, employeeNumber: 'E2' }, withE1)[0]?.fields).toEqual(['employeeNumber']);
    // A planned time is timing: the work order moves within its day.
    const atTime = previewScheduleChange(
      withE1,
      { ...withE1, workOrder: { ...withE1.workOrder, timeOfDay: '08:30' } },
      window,
    );
    expect([atTime.changed, atTime.unchanged]).toEqual([[], 0]);
    expect(atTime.moved[0]).toMatchObject({ fields: ['time'], from: { time: null }, to: { time: '08:30' } });
  });

  // "Vul eerst de hoofdgegevens van het Contract en de Werkbon in." (Koppel contracten aan objecten)
  it('the work-order template: type, description, duration and priority', () => {
    const changed = only({
      ...monthly,
      workOrder: { workType: 'Storing', description: 'Nieuw', durationMinutes: 90, priorityCode: 'HOOG' },
    });
    expect(changed[0]?.fields).toEqual(['workType', 'description', 'durationMinutes', 'priorityCode']);
    expect(changed[0]?.to).toMatchObject({ workType: 'Storing', durationMinutes: 90, priorityCode: 'HOOG' });
  });

  // "Toekomstige gegenereerde Werkbonnen gebruiken de gekoppelde objectcontext." (Koppel contracten aan objecten)
  it('an object added to or removed from a combined work order', () => {
    const added = only({ ...monthly, objectCodes: ['CV-01', 'CV-02', 'CV-03'] });
    expect(added[0]).toMatchObject({
      fields: ['objectCodes'],
      from: { key: 'C-1|*|2025-03-15', objectCodes: ['CV-01', 'CV-02'] },
      to: { key: 'C-1|*|2025-03-15', objectCodes: ['CV-01', 'CV-02', 'CV-03'] },
    });
    expect(only({ ...monthly, objectCodes: ['CV-02'] })[0]?.fields).toEqual(['objectCodes']);
  });

  // "Selecteer de Klant en de werkopzet" (Koppel contracten aan objecten)
  it('the customer', () => {
    expect(only({ ...monthly, debtorNumber: 'D2' })[0]).toMatchObject({
      fields: ['debtorNumber'],
      to: { debtorNumber: 'D2' },
    });
  });

  it('a visit that moves and changes employee lists both, pairing kept', () => {
    const preview = previewScheduleChange(
      monthly,
      { ...monthly, employeeNumber: 'E1', schedule: { unit: 'month', day: 16 } },
      window,
    );
    expect(preview.moved.map((m) => [m.from.targetDate, m.to.targetDate, m.fields])).toEqual([
      ['2025-03-15', '2025-03-16', ['targetDate', 'creationDate', 'employeeNumber']],
      ['2025-04-15', '2025-04-16', ['targetDate', 'creationDate', 'employeeNumber']],
      ['2025-05-15', '2025-05-16', ['targetDate', 'creationDate', 'employeeNumber']],
    ]);
    expect(preview.changed).toEqual([]);
  });

  it('compares from the day the change takes effect', () => {
    const preview = previewScheduleChange(
      monthly,
      { ...monthly, debtorNumber: 'D2', effectiveFrom: '2025-04-01' },
      window,
    );
    expect(preview.from).toBe('2025-04-01');
    expect(preview.changed.map((c) => c.to.targetDate)).toEqual(['2025-04-15', '2025-05-15']);
    // An effectiveFrom in the past (copied from the stored version) compares from today.
    expect(
      previewScheduleChange(monthly, { ...monthly, debtorNumber: 'D2', effectiveFrom: '2025-01-01' }, window).from,
    ).toBe('2025-03-01');
  });
});
