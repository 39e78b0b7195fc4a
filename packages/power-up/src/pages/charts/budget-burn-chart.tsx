import type { Money } from '@contractbeheer/core';
import { ChartFigure } from './chart-figure.js';
import { Legend } from './legend.js';
import { amountTicks, dateOf, dayOf, linearScale, px, timeTicks } from './chart-scale.js';
import { defineMessages } from '../i18n/define-messages.js';
import { formatterFor } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { formatMonth, formatAxisAmount } from './locale-format.js';

/** What the burn chart shows: the budget period, the spend so far, and where the core's forecast says it ends. */
export type BudgetBurnData = {
  /** The budget period (the core's `budgetStatus().period`); an open end shows a year past today. */
  period: { start: string; end: string | null };
  today: string;
  budget: Money;
  /** The spend so far, summed per day (ascending dates, each the running total in minor units). */
  spend: readonly { date: string; cumulative: number }[];
  consumed: Money;
  /** Consumed + planned work orders × expected cost, at the period's end; `null` without a forecast. */
  forecast: Money | null;
  usedBasisPoints: number;
  elapsedBasisPoints: number | null;
};

const MESSAGES = defineMessages({
  nl: {
    title: 'Budgetverbruik',
    budget: 'Budget',
    actual: 'Besteed',
    forecast: 'Prognose',
    today: 'Vandaag',
    summary: (d: Record<string, string>) =>
      `Budget ${d.budget} voor ${d.start} tot en met ${d.end}. Op ${d.today} is ${d.consumed} besteed ` +
      `(${d.used} van het budget${d.elapsed ? `, ${d.elapsed} van de periode verstreken` : ''}).` +
      (d.forecast
        ? ` Prognose aan het eind van de periode: ${d.forecast}.`
        : ' Geen prognose: de periode heeft geen einde.'),
    openEnd: 'open einde',
  },
  en: {
    title: 'Budget burn',
    budget: 'Budget',
    actual: 'Spent',
    forecast: 'Forecast',
    today: 'Today',
    summary: (d: Record<string, string>) =>
      `Budget ${d.budget} for ${d.start} to ${d.end}. By ${d.today}, ${d.consumed} is spent ` +
      `(${d.used} of the budget${d.elapsed ? `, ${d.elapsed} of the period elapsed` : ''}).` +
      (d.forecast ? ` Forecast at the end of the period: ${d.forecast}.` : ' No forecast: the period has no end.'),
    openEnd: 'open end',
  },
});

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 36, left: 72 };

/** The sentence the chart says to people who cannot see it (and to everyone, as the figure's caption). */
export function budgetBurnSummary(data: BudgetBurnData, locale: Locale): string {
  const m = MESSAGES[locale];
  return m.summary({
    budget: formatterFor(locale).money(data.budget.amount, data.budget.currency),
    start: formatterFor(locale).date(data.period.start),
    end: data.period.end === null ? m.openEnd : formatterFor(locale).date(data.period.end),
    today: formatterFor(locale).date(data.today),
    consumed: formatterFor(locale).money(data.consumed.amount, data.consumed.currency),
    used: formatterFor(locale).percent(data.usedBasisPoints / 10_000),
    elapsed: data.elapsedBasisPoints === null ? '' : formatterFor(locale).percent(data.elapsedBasisPoints / 10_000),
    forecast: data.forecast === null ? '' : formatterFor(locale).money(data.forecast.amount, data.forecast.currency),
  });
}

/**
 * The budget burn chart as server-rendered SVG: the running total of actual spend over the budget period (a solid
 * step line), the budget (a dashed horizontal line) and the forecast from today to the period's end (a dotted line).
 * Lines differ in dash as well as colour; the figure's caption says the same in words (`role="img"`, `<title>`,
 * `<desc>`).
 */
export function BudgetBurnChart(props: { id: string; data: BudgetBurnData; locale: Locale }) {
  const { id, data, locale } = props;
  const m = MESSAGES[locale];
  const currency = data.budget.currency;
  const start = data.period.start;
  const end = data.period.end ?? dateOf(Math.max(dayOf(data.today), dayOf(start)) + 365);
  const x = linearScale([dayOf(start), dayOf(end)], [MARGIN.left, WIDTH - MARGIN.right]);
  const top = Math.max(data.budget.amount, data.consumed.amount, data.forecast?.amount ?? 0);
  const yTicks = amountTicks(top);
  const y = linearScale([0, yTicks[yTicks.length - 1] ?? 1], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const todayDay = Math.min(Math.max(dayOf(data.today), dayOf(start)), dayOf(end));

  // The actual spend as a step line: flat until a day's spend, then up, ending at today.
  const steps: string[] = [`${px(x(dayOf(start)))},${px(y(0))}`];
  let previous = 0;
  for (const point of data.spend) {
    const day = dayOf(point.date);
    if (day < dayOf(start) || day > todayDay) continue;
    steps.push(`${px(x(day))},${px(y(previous))}`, `${px(x(day))},${px(y(point.cumulative))}`);
    previous = point.cumulative;
  }
  steps.push(`${px(x(todayDay))},${px(y(previous))}`);
  const summary = budgetBurnSummary(data, locale);
  const plot = { left: MARGIN.left, right: WIDTH - MARGIN.right, bottom: HEIGHT - MARGIN.bottom };

  return (
    <ChartFigure id={id} class="budget-burn" width={WIDTH} height={HEIGHT} title={m.title} summary={summary}>
      <g class="axis" font-size="11" fill="#333">
        {yTicks.map((tick) => (
          <g>
            <line x1={plot.left} x2={plot.right} y1={px(y(tick))} y2={px(y(tick))} stroke="#ddd" />
            <text x={plot.left - 6} y={px(y(tick) + 4)} text-anchor="end">
              {formatAxisAmount(tick, currency, locale)}
            </text>
          </g>
        ))}
        {timeTicks(start, end, 6).map((tick) => (
          <text x={px(x(dayOf(tick)))} y={plot.bottom + 18} text-anchor="middle">
            {formatMonth(tick, locale)}
          </text>
        ))}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#555" />
      </g>
      <line
        class="today"
        x1={px(x(todayDay))}
        x2={px(x(todayDay))}
        y1={MARGIN.top}
        y2={plot.bottom}
        stroke="#767676"
        stroke-dasharray="2 3"
      />
      <line
        class="budget-line"
        x1={plot.left}
        x2={plot.right}
        y1={px(y(data.budget.amount))}
        y2={px(y(data.budget.amount))}
        stroke="#b00020"
        stroke-width="2"
        stroke-dasharray="8 4"
      />
      {data.forecast !== null && (
        <line
          class="forecast-line"
          x1={px(x(todayDay))}
          y1={px(y(previous))}
          x2={px(x(dayOf(end)))}
          y2={px(y(data.forecast.amount))}
          stroke="#6a3d9a"
          stroke-width="2"
          stroke-dasharray="2 3"
        />
      )}
      <polyline class="actual-line" points={steps.join(' ')} fill="none" stroke="#005a9c" stroke-width="2.5" />
      <Legend
        x={plot.left + 8}
        y={MARGIN.top + 4}
        items={[
          { label: m.actual, stroke: '#005a9c', dash: undefined },
          { label: m.budget, stroke: '#b00020', dash: '8 4' },
          ...(data.forecast !== null ? [{ label: m.forecast, stroke: '#6a3d9a', dash: '2 3' }] : []),
          { label: m.today, stroke: '#767676', dash: '2 3' },
        ]}
      />
    </ChartFigure>
  );
}
