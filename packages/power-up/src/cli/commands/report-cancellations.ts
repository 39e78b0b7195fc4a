import { cancellationReport, formatMoney, type CancellationReport } from '@contractbeheer/core';
import { Option, type Command } from 'commander';
import type { CliOutput } from '../cli-output.js';
import { withStore } from '../open-store.js';
import { requireTenant } from '../require-tenant.js';
import { dateOption, todayInAmsterdam } from '../today.js';
import { UsageError } from '../cli-errors.js';

function renderTable(report: CancellationReport): string {
  const lines: string[] = [];
  for (const period of report.periods) {
    lines.push(`${period.period}\t${period.count} opzegging(en)\t${formatMoney(period.lostValue)}`);
    for (const row of period.reasons) {
      lines.push(`  ${row.reasonLabel} (${row.reasonCode})\t${row.count}\t${formatMoney(row.lostValue)}`);
    }
  }
  lines.push('totaal');
  for (const row of report.totals) {
    lines.push(`  ${row.reasonLabel} (${row.reasonCode})\t${row.count}\t${formatMoney(row.lostValue)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `report cancellations`: the core's cancellation report over the tenant's recorded terminations and reasons. */
export function registerReportCommands(program: Command, output: CliOutput): void {
  const report = program.command('report').description('reports over a tenant’s data');
  report
    .command('cancellations')
    .description('terminations per reason per period, with the contract value lost')
    .requiredOption('--tenant <id>', 'the tenant')
    .option('--from <date>', 'first day, YYYY-MM-DD (default: 1 January of this year)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default: today)')
    .addOption(
      new Option('--group-by <period>', 'month, quarter or year')
        .choices(['month', 'quarter', 'year'])
        .default('month'),
    )
    .option('--json', 'print the report as JSON')
    .action(
      async (options: {
        tenant: string;
        from?: string;
        to?: string;
        groupBy: 'month' | 'quarter' | 'year';
        json?: boolean;
      }) => {
        const today = todayInAmsterdam();
        const from = dateOption('from', options.from ?? `${today.slice(0, 4)}-01-01`);
        const to = dateOption('to', options.to ?? today);
        if (to < from) throw new UsageError(`--to (${to}) lies before --from (${from})`);
        const terminations = await withStore(async (store) => {
          await requireTenant(store, options.tenant);
          return store.forTenant(options.tenant).terminations.list({ from, to });
        });
        const result = cancellationReport(
          terminations.map((t) => ({
            contractId: t.contractId,
            date: t.date,
            lostValue: t.lostValue,
            ...(t.reasonCode === undefined ? {} : { reasonCode: t.reasonCode }),
            ...(t.reasonLabel === undefined ? {} : { reasonLabel: t.reasonLabel }),
          })),
          { from, to, groupBy: options.groupBy },
        );
        output.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderTable(result));
      },
    );
}
