import * as z from 'zod/mini';
import { moneySchema, type Money } from '../money/money.js';
import { CoreError, echo } from '../errors.js';
import { daysFromCivil, daysInMonth, formatDate } from '../time/civil.js';
import { localDateSchema, parseInput } from '../validation.js';

const terminationRecordSchema = z.object({
  contractId: z.string(),
  /** The termination date (local). */
  date: localDateSchema,
  reasonCode: z.optional(z.string()),
  /** The label as it read on the day of the termination. */
  reasonLabel: z.optional(z.string()),
  /** The contract value lost: what the contract would still have brought in (the caller's measure). */
  lostValue: moneySchema,
  /** The remark given with the termination, if any: context for the chosen reason. */
  remark: z.optional(z.string()),
});
export type TerminationRecord = z.input<typeof terminationRecordSchema>;

const reportOptionsSchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    groupBy: z.enum(['month', 'quarter', 'year'], { error: "use 'month', 'quarter' or 'year'" }),
    /** List each period row's remarks (off by default: remarks are free text and can be long). */
    includeRemarks: z._default(z.boolean({ error: 'expected true or false' }), false),
  })
  .check(z.refine((o) => o.from <= o.to, { path: ['to'], error: 'to lies before from' }));
export type ReportOptions = z.input<typeof reportOptionsSchema>;

/** Terminations without a reason are counted under this code. */
export const NO_REASON = '(geen reden)';

/** One termination's remark in a report row: which contract, when, and what was said. */
export type ReportRemark = { contractId: string; date: string; remark: string };

export type ReasonRow = {
  reasonCode: string;
  reasonLabel: string;
  count: number;
  lostValue: Money;
  /**
   * With `includeRemarks`, on the rows of each period (not the totals): the remarks of the row's terminations that
   * have one, by date.
   */
  remarks?: ReportRemark[];
};
export type ReportPeriod = {
  period: string;
  from: string;
  to: string;
  reasons: ReasonRow[];
  count: number;
  lostValue: Money;
};
export type CancellationReport = { periods: ReportPeriod[]; totals: ReasonRow[]; currency: string };

function periodKey(date: string, groupBy: 'month' | 'quarter' | 'year'): string {
  if (groupBy === 'year') return date.slice(0, 4);
  if (groupBy === 'month') return date.slice(0, 7);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

function periodStart(date: string, groupBy: 'month' | 'quarter' | 'year'): string {
  const month = Number(date.slice(5, 7));
  const first = groupBy === 'year' ? 1 : groupBy === 'quarter' ? month - ((month - 1) % 3) : month;
  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

function safeSum(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw new CoreError(
      'invalid-input',
      `the lost value adds up past the exact integers (±${Number.MAX_SAFE_INTEGER} cents).`,
      {
        path: ['terminations'],
      },
    );
  }
  return sum;
}

function addRow(rows: Map<string, ReasonRow>, code: string, label: string, value: Money): void {
  const row = rows.get(code);
  if (row === undefined) {
    rows.set(code, { reasonCode: code, reasonLabel: label, count: 1, lostValue: { ...value } });
  } else {
    row.count++;
    row.lostValue = { amount: safeSum(row.lostValue.amount, value.amount), currency: value.currency };
  }
}

const byCode = (a: ReasonRow, b: ReasonRow) => b.count - a.count || a.reasonCode.localeCompare(b.reasonCode);

/**
 * Terminations per reason per period, with the contract value lost, between `from` and `to` (inclusive). Every
 * period in the range is listed, empty ones too, so the result charts directly. Labels are the ones recorded on the
 * terminations (the latest one per code in the totals), so renaming a reason never rewrites history. The cost grows
 * with the number of periods between `from` and `to` (up to 9999-12-31).
 *
 * @example
 * cancellationReport(
 *   [{ contractId: 'C-1', date: '2025-02-10', reasonCode: 'PRIJS', reasonLabel: 'Te duur', lostValue: { amount: 50000, currency: 'EUR' } }],
 *   { from: '2025-01-01', to: '2025-06-30', groupBy: 'quarter' },
 * ).periods.map((p) => [p.period, p.count]); // [['2025-Q1', 1], ['2025-Q2', 0]]
 */
export function cancellationReport(
  records: readonly TerminationRecord[],
  optionsInput: ReportOptions,
): CancellationReport {
  const { from, to, groupBy, includeRemarks } = parseInput(reportOptionsSchema, optionsInput);
  if (!Array.isArray(records)) {
    throw new CoreError('invalid-input', `expected an array of terminations, got ${echo(records)}.`, {
      path: ['terminations'],
    });
  }
  const terminations = Array.from(records, (record, i) =>
    parseInput(terminationRecordSchema, record, { path: ['terminations', i] }),
  );
  const currency = terminations[0]?.lostValue.currency ?? 'EUR';
  terminations.forEach((t, i) => {
    if (t.lostValue.currency !== currency) {
      throw new CoreError('invalid-input', `all lost values must be in one currency (${currency}); convert first.`, {
        path: ['terminations', i, 'lostValue', 'currency'],
      });
    }
  });

  const step = groupBy === 'month' ? 1 : groupBy === 'quarter' ? 3 : 12;
  const periods: ReportPeriod[] = [];
  const rowsByPeriod = new Map<string, Map<string, ReasonRow>>();
  // Periods are counted as month numbers, not compared as texts: past 9999-12 a text date gets a fifth year digit
  // and compares as earlier, which once made this loop run until the heap gave out.
  const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const lastIndex = monthIndex(to);
  for (let index = monthIndex(periodStart(from, groupBy)); index <= lastIndex; index += step) {
    const start = formatDate(daysFromCivil(Math.floor(index / 12), (index % 12) + 1, 1));
    const endIndex = index + step - 1;
    const endYear = Math.floor(endIndex / 12);
    const endMonth = (endIndex % 12) + 1;
    const last = formatDate(daysFromCivil(endYear, endMonth, daysInMonth(endYear, endMonth)));
    const key = periodKey(start, groupBy);
    rowsByPeriod.set(key, new Map());
    periods.push({
      period: key,
      from: start < from ? from : start,
      to: last > to ? to : last,
      reasons: [],
      count: 0,
      lostValue: { amount: 0, currency },
    });
  }

  const totals = new Map<string, ReasonRow>();
  const latestLabel = new Map<string, { date: string; label: string }>();
  for (const t of terminations) {
    if (t.date < from || t.date > to) continue;
    const code = t.reasonCode ?? NO_REASON;
    const label = t.reasonLabel ?? t.reasonCode ?? NO_REASON;
    const periodRows = rowsByPeriod.get(periodKey(t.date, groupBy)) as Map<string, ReasonRow>;
    addRow(periodRows, code, label, t.lostValue);
    if (includeRemarks) {
      const row = periodRows.get(code) as ReasonRow;
      row.remarks ??= [];
      if (t.remark !== undefined && t.remark.trim() !== '') {
        row.remarks.push({ contractId: t.contractId, date: t.date, remark: t.remark });
      }
    }
    addRow(totals, code, label, t.lostValue);
    const seen = latestLabel.get(code);
    if (seen === undefined || seen.date <= t.date) latestLabel.set(code, { date: t.date, label });
  }
  for (const period of periods) {
    const rows = [...(rowsByPeriod.get(period.period) as Map<string, ReasonRow>).values()].sort(byCode);
    for (const row of rows)
      row.remarks?.sort((a, b) => a.date.localeCompare(b.date) || a.contractId.localeCompare(b.contractId));
    period.reasons = rows;
    period.count = rows.reduce((sum, r) => sum + r.count, 0);
    period.lostValue = { amount: rows.reduce((sum, r) => safeSum(sum, r.lostValue.amount), 0), currency };
  }
  const totalRows = [...totals.values()].map((row) => ({
    ...row,
    reasonLabel: latestLabel.get(row.reasonCode)?.label ?? row.reasonLabel,
  }));
  return { periods, totals: totalRows.sort(byCode), currency };
}
