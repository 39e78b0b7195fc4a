import type { Command } from 'commander';
import { demoContracts } from '../../demo/demo-contracts.js';
import { renderDemo } from '../../demo/render-demo.js';
import type { CliOutput } from '../cli-output.js';
import { dateOption, todayInAmsterdam } from '../today.js';
import { UsageError } from '../cli-errors.js';

/** `demo`: the work-order plan of the demo contracts, without a database or a server. */
export function registerDemoCommand(program: Command, output: CliOutput): void {
  program
    .command('demo')
    .description('print the work-order plan of the demo contracts and run the generator day by day')
    .option('--from <date>', 'first day, YYYY-MM-DD (default: today in Europe/Amsterdam)')
    .option('--days <n>', 'number of days to run', '31')
    .addHelpText('after', '\nWork due more than 14 days before the first day is skipped, as after downtime.')
    .action((options: { from?: string; days: string }) => {
      const from = dateOption('from', options.from ?? todayInAmsterdam());
      const days = Number(options.days);
      if (!Number.isInteger(days) || days < 1 || days > 3660) {
        throw new UsageError(`--days must be a whole number from 1 to 3660, got '${options.days}'`);
      }
      output.out(`${renderDemo(demoContracts, { from, days, catchUpLimitDays: 14 })}\n`);
    });
}
