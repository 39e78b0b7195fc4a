import type { Command } from 'commander';
import { ReportedFailure } from '../cli-errors.js';
import type { CliOutput } from '../cli-output.js';
import { CONTRACT_COLUMNS } from '../contract-columns.js';
import { describePlace, readContractFile } from '../contract-file.js';
import { withStore } from '../open-store.js';
import { startProgress } from '../progress.js';
import { requireTenant } from '../require-tenant.js';

/** How many problems are listed before the rest is summarised: a wrong file can have thousands. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * `import <file> --tenant <id>`: every row is checked with the core's `parseContract` first; one bad row and
 * nothing is written. The contracts are then created in one store transaction, so a failure there (an id that
 * already exists) also leaves the tenant as it was.
 */
export function registerImportCommand(program: Command, output: CliOutput): void {
  program
    .command('import')
    .description('import contracts from a .csv or .json file: all rows, or none when any row is invalid')
    .argument('<file>', 'a .csv (one contract per row, columns as `export` writes them) or .json (an array) file')
    .requiredOption('--tenant <id>', 'the tenant to import into')
    .option('--dry-run', 'check every row, write nothing')
    .addHelpText(
      'after',
      `\nCSV columns: ${CONTRACT_COLUMNS.join(', ')}.\n` +
        'objectCodes are separated by ;, and workOrder, schedule, objectOwners, budget, expectedCostPerWorkOrder,\n' +
        'freeFields and termination are JSON. An empty cell leaves the field out.\n' +
        'Exit code 1 when any row is invalid (each is listed with its line and field) or the write fails.',
    )
    .action(async (file: string, options: { tenant: string; dryRun?: boolean }) => {
      const { contracts, problems } = await readContractFile(file, (total) =>
        startProgress(output, 'validating', total),
      );
      if (problems.length > 0) {
        for (const problem of problems.slice(0, MAX_LISTED_PROBLEMS)) {
          output.err(`${file}: ${describePlace(problem.place)}: ${problem.field}: ${problem.message}\n`);
        }
        if (problems.length > MAX_LISTED_PROBLEMS) {
          output.err(`… and ${problems.length - MAX_LISTED_PROBLEMS} more invalid rows\n`);
        }
        output.err(`nothing imported: ${problems.length} invalid row(s); fix them and run the import again.\n`);
        throw new ReportedFailure(`${problems.length} invalid row(s)`);
      }
      if (options.dryRun) {
        output.out(`${contracts.length} contracts are valid; nothing written (--dry-run)\n`);
        return;
      }
      await withStore(async (store) => {
        await requireTenant(store, options.tenant);
        const at = new Date().toISOString();
        const bar = startProgress(output, 'importing', contracts.length);
        let current = contracts[0];
        try {
          await store.forTenant(options.tenant).transaction(async (tx) => {
            for (const entry of contracts) {
              current = entry;
              await tx.contracts.create(entry.contract, { actor: 'cli import', at });
              bar.tick();
            }
          });
        } catch (error) {
          bar.done();
          // Name the row the store refused (an id that already exists): the transaction rolled everything back.
          if (current !== undefined) {
            output.err(`${file}: ${describePlace(current.place)}: nothing imported, the store refused this row:\n`);
          }
          throw error;
        }
        bar.done();
      });
      output.out(`${contracts.length} contracts imported into ${options.tenant}\n`);
    });
}
