import type { CancellationReport } from '@contractbeheer/core';
import { ChartFigure } from './chart-figure.js';
import { linearScale, px } from './chart-scale.js';
import { defineMessages } from '../i18n/define-messages.js';
import { formatterFor } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';

const MESSAGES = defineMessages({
  nl: {
    title: 'Beëindigingen per reden',
    summary: (from: string, to: string, rows: string) => `Beëindigingen van ${from} tot en met ${to}: ${rows}.`,
    row: (label: string, count: number, lost: string) => `${label} ${count} keer (gederfde waarde ${lost})`,
    none: 'geen',
  },
  en: {
    title: 'Terminations per reason',
    summary: (from: string, to: string, rows: string) => `Terminations from ${from} to ${to}: ${rows}.`,
    row: (label: string, count: number, lost: string) =>
      `${label} ${count} ${count === 1 ? 'time' : 'times'} (lost value ${lost})`,
    none: 'none',
  },
});

/** The report's totals in words: each reason, how often, and the value lost. */
export function cancellationSummary(
  report: CancellationReport,
  range: { from: string; to: string },
  locale: Locale,
): string {
  const m = MESSAGES[locale];
  const rows = report.totals.map((row) =>
    m.row(row.reasonLabel, row.count, formatterFor(locale).money(row.lostValue.amount, row.lostValue.currency)),
  );
  return m.summary(
    formatterFor(locale).date(range.from),
    formatterFor(locale).date(range.to),
    rows.length === 0 ? m.none : rows.join('; '),
  );
}

const WIDTH = 640;
const ROW_HEIGHT = 28;
const LABEL_WIDTH = 200;
const RIGHT = WIDTH - 150;

/**
 * The cancellation report's totals as a horizontal bar chart: one bar per reason (its length the number of
 * terminations), labelled with the count and the lost value. The caption says the same in words.
 */
export function CancellationChart(props: {
  id: string;
  report: CancellationReport;
  range: { from: string; to: string };
  locale: Locale;
}) {
  const { id, report, range, locale } = props;
  const m = MESSAGES[locale];
  const most = Math.max(1, ...report.totals.map((row) => row.count));
  const x = linearScale([0, most], [LABEL_WIDTH, RIGHT]);
  const height = Math.max(1, report.totals.length) * ROW_HEIGHT + 16;
  const summary = cancellationSummary(report, range, locale);
  return (
    <ChartFigure id={id} class="cancellation-chart" width={WIDTH} height={height} title={m.title} summary={summary}>
      <g font-size="12" fill="#222">
        {report.totals.map((row, index) => {
          const y = 8 + index * ROW_HEIGHT;
          // Long labels are cut for the drawing; the caption and the table carry them whole.
          const label = row.reasonLabel.length > 30 ? `${row.reasonLabel.slice(0, 29)}…` : row.reasonLabel;
          return (
            <g class="reason-bar">
              <text x={LABEL_WIDTH - 8} y={y + 15} text-anchor="end">
                {label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y}
                width={px(Math.max(2, x(row.count) - LABEL_WIDTH))}
                height={ROW_HEIGHT - 8}
                fill="#005a9c"
              />
              <text x={px(x(row.count) + 6)} y={y + 15}>
                {`${row.count} · ${formatterFor(locale).money(row.lostValue.amount, row.lostValue.currency)}`}
              </text>
            </g>
          );
        })}
      </g>
    </ChartFigure>
  );
}
