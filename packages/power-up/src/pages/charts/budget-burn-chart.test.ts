import { describe, expect, it } from 'vitest';
import { BudgetBurnChart, budgetBurnSummary, type BudgetBurnData } from './budget-burn-chart.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const data: BudgetBurnData = {
  period: { start: '2026-01-01', end: '2026-12-31' },
  today: '2026-07-01',
  budget: eur(1_200_00),
  spend: [
    { date: '2026-02-10', cumulative: 150_00 },
    { date: '2026-05-20', cumulative: 450_00 },
  ],
  consumed: eur(450_00),
  forecast: eur(1_350_00),
  usedBasisPoints: 3_750,
  elapsedBasisPoints: 4_986,
};

const render = async (input: BudgetBurnData, locale: 'nl' | 'en') =>
  String(await BudgetBurnChart({ id: 'burn', data: input, locale }));

describe('the budget burn chart', () => {
  it('is an image with a title and a description that say the figures in words', async () => {
    const svg = await render(data, 'en');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="burn-title burn-desc"');
    expect(svg).toContain('<title id="burn-title">Budget burn</title>');
    expect(svg).toMatch(
      /<desc id="burn-desc">Budget €1,200.00 for 1 Jan 2026 to 31 Dec 2026\. By 1 Jul 2026, €450.00 is spent/,
    );
    expect(svg).toContain('Forecast at the end of the period: €1,350.00.');
    expect(svg).toContain('<figcaption>');
  });

  it('speaks Dutch when the context is Dutch', async () => {
    const svg = await render(data, 'nl');
    expect(svg).toContain('<title id="burn-title">Budgetverbruik</title>');
    expect(svg).toMatch(/Prognose aan het eind van de periode: €\s1\.350,00\./);
    expect(svg).toContain('jul 2026');
  });

  it('draws the spend as steps up to today, the budget line at the budget and the forecast to the period end', async () => {
    const svg = await render(data, 'en');
    const points = /class="actual-line" points="([^"]+)"/.exec(svg)![1]!.split(' ');
    // Start at zero, two steps up, then flat until today: 1 + 2×2 + 1 points, rising only.
    expect(points).toHaveLength(6);
    const ys = points.map((point) => Number(point.split(',')[1]));
    expect(ys[0]).toBeGreaterThan(ys[2]!);
    expect(ys[2]).toBeGreaterThan(ys[4]!);
    expect(ys[4]).toBe(ys[5]);
    const budgetY = Number(/class="budget-line"[^>]*y1="([\d.]+)"/.exec(svg)![1]);
    const forecast = /class="forecast-line" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/.exec(svg)!;
    // The forecast starts where the spend stands today and ends above the budget line (it overruns).
    expect(Number(forecast[2])).toBe(ys[5]);
    expect(Number(forecast[4])).toBeLessThan(budgetY);
    expect(Number(forecast[3])).toBeGreaterThan(Number(points[5]!.split(',')[0]));
  });

  it('has no forecast line and says so for an open-ended period', async () => {
    const open = { ...data, period: { start: '2026-01-01', end: null }, forecast: null, elapsedBasisPoints: null };
    const svg = await render(open, 'en');
    expect(svg).not.toContain('forecast-line');
    expect(budgetBurnSummary(open, 'en')).toContain('No forecast: the period has no end.');
    expect(budgetBurnSummary(open, 'en')).toContain('to open end');
  });

  it('escapes nothing it should not and keeps text in text nodes (no markup from data)', async () => {
    const svg = await render({ ...data, budget: eur(0), consumed: eur(0), spend: [], forecast: eur(0) }, 'en');
    expect(svg).toContain('€0.00');
    expect(svg).not.toContain('NaN');
  });
});
