import { parseArgs } from 'node:util';
import { demoContracts } from '../demo/demo-contracts.js';
import { renderDemo } from '../demo/render-demo.js';

const USAGE = `Usage: contractbeheer <command> [options]

Commands:
  demo    Print the work-order plan of the demo contracts and run the generator day by day.
          --from YYYY-MM-DD   first day (default: today in Europe/Amsterdam)
          --days N            number of days to run (default: 31)
                              work due more than 14 days before the first day is skipped, as after downtime
  help    Show this text.
`;

/** Today's date in Amsterdam: the CLI is the one place that reads the clock, and passes it on. */
function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(Date.now());
}

function fail(message: string): never {
  process.stderr.write(`contractbeheer: ${message}\n\n${USAGE}`);
  process.exit(2);
}

export function main(argv: string[]): void {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return;
  }
  if (command !== 'demo') fail(`unknown command '${command}'`);
  let values: { from?: string | undefined; days?: string | undefined };
  try {
    ({ values } = parseArgs({ args: rest, options: { from: { type: 'string' }, days: { type: 'string' } } }));
  } catch (error) {
    fail((error as Error).message);
  }
  const from = values.from ?? todayInAmsterdam();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(Date.parse(from)))
    fail(`--from must be a date YYYY-MM-DD, got '${from}'`);
  const days = values.days === undefined ? 31 : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3660)
    fail(`--days must be a whole number from 1 to 3660, got '${values.days}'`);
  process.stdout.write(`${renderDemo(demoContracts, { from, days, catchUpLimitDays: 14 })}\n`);
}

main(process.argv.slice(2));
