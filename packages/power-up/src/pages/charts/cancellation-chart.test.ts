import { describe, expect, it } from 'vitest';
import { cancellationReport } from '@contractbeheer/core';
import { CancellationChart, cancellationSummary } from './cancellation-chart.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const report = cancellationReport(
  [
    { contractId: 'C-1', date: '2026-02-01', reasonCode: 'PRIJS', reasonLabel: 'Te duur', lostValue: eur(500_00) },
    { contractId: 'C-2', date: '2026-03-01', reasonCode: 'PRIJS', reasonLabel: 'Te duur', lostValue: eur(250_00) },
    { contractId: 'C-3', date: '2026-04-01', reasonCode: 'VERHUIS', reasonLabel: '<Verhuisd>', lostValue: eur(100_00) },
  ],
  { from: '2026-01-01', to: '2026-12-31', groupBy: 'quarter' },
);
const range = { from: '2026-01-01', to: '2026-12-31' };

describe('the cancellation chart', () => {
  it('has one bar per reason, as long as its count, with the lost value beside it', async () => {
    const svg = String(await CancellationChart({ id: 'report', report, range, locale: 'en' }));
    expect(svg).toContain('role="img"');
    const widths = [...svg.matchAll(/<rect x="\d+" y="\d+" width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeCloseTo(widths[1]! * 2, 0);
    expect(svg).toContain('2 · €750.00');
    // A label is text, never markup.
    expect(svg).toContain('&lt;Verhuisd&gt;');
  });

  it('says the totals in words, in Dutch and English', async () => {
    expect(cancellationSummary(report, range, 'en')).toBe(
      'Terminations from 1 Jan 2026 to 31 Dec 2026: Te duur 2 times (lost value €750.00); <Verhuisd> 1 time (lost value €100.00).',
    );
    expect(cancellationSummary(report, range, 'nl')).toMatch(
      /^Beëindigingen van 1 jan 2026 tot en met 31 dec 2026: Te duur 2 keer/,
    );
    expect(cancellationSummary({ ...report, totals: [] }, range, 'nl')).toContain(': geen.');
  });
});
