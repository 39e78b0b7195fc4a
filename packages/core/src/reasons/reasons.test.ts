import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.js';
import { reasonDeletion, relabelWarning, snapshotReason } from './cancellation-reason.js';
import { cancellationReport, NO_REASON, type TerminationRecord } from './cancellation-report.js';

const reasons = [
  { code: 'VERHUISD', label: 'Klant verhuisd' },
  { code: 'PRIJS', label: 'Te duur' },
  { code: 'OUD', label: 'Oude reden', archived: true },
];
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('cancellation reasons', () => {
  it('a termination keeps the label as it was', () => {
    const snapshot = snapshotReason(reasons, 'PRIJS', { required: false });
    expect(snapshot).toEqual({ reasonCode: 'PRIJS', reasonLabel: 'Te duur' });
    const renamed = reasons.map((r) => (r.code === 'PRIJS' ? { ...r, label: 'Prijs te hoog' } : r));
    expect(snapshotReason(renamed, 'PRIJS', { required: false })?.reasonLabel).toBe('Prijs te hoog');
    expect(snapshot?.reasonLabel).toBe('Te duur');
  });

  it('required per tenant setting, must exist, must not be archived', () => {
    expect(snapshotReason(reasons, undefined, { required: false })).toBeUndefined();
    expect(() => snapshotReason(reasons, undefined, { required: true })).toThrow(/requires a cancellation reason/);
    expect(() => snapshotReason(reasons, 'ONBEKEND', { required: false })).toThrow(/use one of VERHUISD, PRIJS/);
    expect(() => snapshotReason(reasons, 'OUD', { required: false })).toThrow(
      new CoreError('invalid-input', "'OUD' is archived: choose a current reason.", { path: ['reasonCode'] }),
    );
  });

  it('a used reason cannot be deleted, only archived', () => {
    expect(reasonDeletion('PRIJS', ['VERHUISD'])).toEqual({ allowed: true });
    expect(reasonDeletion('PRIJS', ['VERHUISD', 'PRIJS'])).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/archive/),
    });
  });
});

describe('cancellationReport', () => {
  const terminations: TerminationRecord[] = [
    { contractId: 'C-1', date: '2025-01-15', reasonCode: 'PRIJS', reasonLabel: 'Te duur', lostValue: eur(50000) },
    { contractId: 'C-2', date: '2025-02-20', reasonCode: 'PRIJS', reasonLabel: 'Te duur', lostValue: eur(25050) },
    {
      contractId: 'C-3',
      date: '2025-03-31',
      reasonCode: 'VERHUISD',
      reasonLabel: 'Klant verhuisd',
      lostValue: eur(10000),
    },
    { contractId: 'C-4', date: '2025-05-02', reasonCode: 'PRIJS', reasonLabel: 'Prijs te hoog', lostValue: eur(1) },
    { contractId: 'C-5', date: '2025-05-03', lostValue: eur(700) },
    { contractId: 'C-6', date: '2026-01-01', reasonCode: 'PRIJS', reasonLabel: 'Prijs te hoog', lostValue: eur(99999) },
  ];

  it('per quarter: counts and lost value per reason, empty periods included', () => {
    const report = cancellationReport(terminations, { from: '2025-01-01', to: '2025-12-31', groupBy: 'quarter' });
    expect(report.periods.map((p) => [p.period, p.from, p.to, p.count, p.lostValue.amount])).toEqual([
      ['2025-Q1', '2025-01-01', '2025-03-31', 3, 85050],
      ['2025-Q2', '2025-04-01', '2025-06-30', 2, 701],
      ['2025-Q3', '2025-07-01', '2025-09-30', 0, 0],
      ['2025-Q4', '2025-10-01', '2025-12-31', 0, 0],
    ]);
    expect(report.periods[0]?.reasons).toEqual([
      { reasonCode: 'PRIJS', reasonLabel: 'Te duur', count: 2, lostValue: eur(75050) },
      { reasonCode: 'VERHUISD', reasonLabel: 'Klant verhuisd', count: 1, lostValue: eur(10000) },
    ]);
    expect(report.periods[1]?.reasons.map((r) => [r.reasonCode, r.reasonLabel])).toEqual([
      [NO_REASON, NO_REASON],
      ['PRIJS', 'Prijs te hoog'],
    ]);
    expect(report.totals[0]).toEqual({
      reasonCode: 'PRIJS',
      reasonLabel: 'Prijs te hoog',
      count: 3,
      lostValue: eur(75051),
    });
  });

  it('per month and per year, cut to the range', () => {
    const months = cancellationReport(terminations, { from: '2025-02-10', to: '2025-04-05', groupBy: 'month' });
    expect(months.periods.map((p) => [p.period, p.from, p.to, p.count])).toEqual([
      ['2025-02', '2025-02-10', '2025-02-28', 1],
      ['2025-03', '2025-03-01', '2025-03-31', 1],
      ['2025-04', '2025-04-01', '2025-04-05', 0],
    ]);
    const years = cancellationReport(terminations, { from: '2025-01-01', to: '2026-12-31', groupBy: 'year' });
    expect(years.periods.map((p) => [p.period, p.count])).toEqual([
      ['2025', 5],
      ['2026', 1],
    ]);
  });

  it('refuses mixed currencies and a reversed range, naming the field', () => {
    expect(() =>
      cancellationReport(
        [...terminations, { contractId: 'X', date: '2025-01-01', lostValue: { amount: 1, currency: 'USD' } }],
        {
          from: '2025-01-01',
          to: '2025-12-31',
          groupBy: 'year',
        },
      ),
    ).toThrow(expect.objectContaining({ path: ['terminations', 6, 'lostValue', 'currency'] }));
    expect(() => cancellationReport([], { from: '2025-02-01', to: '2025-01-01', groupBy: 'year' })).toThrow(
      expect.objectContaining({ path: ['to'] }),
    );
  });
});

// "Wees voorzichtig met redenen die al in de geschiedenis zijn gebruikt." (Stel redenen voor contractannulering in)
describe('relabelWarning', () => {
  const before = { code: 'PRIJS', label: 'Te duur' };

  it('"wees voorzichtig met redenen die al in de geschiedenis zijn gebruikt": relabelling a used reason warns', () => {
    expect(relabelWarning(before, { code: 'PRIJS', label: 'Prijs te hoog' }, 3)).toBe(
      "'PRIJS' is used by 3 terminations: they keep the label 'Te duur'; new terminations get 'Prijs te hoog'. " +
        'If the meaning changed rather than the wording, add a new reason and archive this one instead, so the ' +
        'report keeps the two apart.',
    );
    expect(relabelWarning(before, { code: 'PRIJS', label: 'Prijs te hoog' }, 1)).toMatch(
      /^'PRIJS' is used by 1 termination:/,
    );
  });

  it('no warning for an unused reason, an unchanged label or a new reason', () => {
    expect(relabelWarning(before, { code: 'PRIJS', label: 'Prijs te hoog' }, 0)).toBeUndefined();
    expect(relabelWarning(before, { code: 'PRIJS', label: 'Te duur', archived: true }, 5)).toBeUndefined();
    expect(relabelWarning(undefined, before, 0)).toBeUndefined();
    expect(() => relabelWarning(before, before, -1)).toThrow(expect.objectContaining({ path: ['terminationCount'] }));
  });
});

// "Opmerkingen kunnen meer context toevoegen aan de geselecteerde reden." (Stel redenen voor contractannulering in)
describe('cancellationReport with remarks', () => {
  const records: TerminationRecord[] = [
    {
      contractId: 'C-2',
      date: '2025-02-20',
      reasonCode: 'PRIJS',
      reasonLabel: 'Te duur',
      lostValue: eur(100),
      remark: 'Concurrent 20 % goedkoper',
    },
    {
      contractId: 'C-1',
      date: '2025-01-15',
      reasonCode: 'PRIJS',
      reasonLabel: 'Te duur',
      lostValue: eur(100),
      remark: 'Budget gehalveerd',
    },
    { contractId: 'C-3', date: '2025-01-20', reasonCode: 'PRIJS', reasonLabel: 'Te duur', lostValue: eur(100) },
    { contractId: 'C-4', date: '2025-04-02', lostValue: eur(100), remark: 'Pand verkocht' },
  ];

  it('"opmerkingen kunnen meer context toevoegen aan de geselecteerde reden": the rows carry the remarks, by date', () => {
    const report = cancellationReport(records, {
      from: '2025-01-01',
      to: '2025-06-30',
      groupBy: 'quarter',
      includeRemarks: true,
    });
    expect(report.periods[0]?.reasons).toEqual([
      {
        reasonCode: 'PRIJS',
        reasonLabel: 'Te duur',
        count: 3,
        lostValue: eur(300),
        remarks: [
          { contractId: 'C-1', date: '2025-01-15', remark: 'Budget gehalveerd' },
          { contractId: 'C-2', date: '2025-02-20', remark: 'Concurrent 20 % goedkoper' },
        ],
      },
    ]);
    expect(report.periods[1]?.reasons[0]?.remarks).toEqual([
      { contractId: 'C-4', date: '2025-04-02', remark: 'Pand verkocht' },
    ]);
    expect(report.totals[0]).not.toHaveProperty('remarks');
  });

  it('without includeRemarks the rows stay as they were', () => {
    const report = cancellationReport(records, { from: '2025-01-01', to: '2025-06-30', groupBy: 'quarter' });
    expect(report.periods[0]?.reasons[0]).not.toHaveProperty('remarks');
  });
});
