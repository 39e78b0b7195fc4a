import type { Command } from 'commander';
import type { CliOutput } from '../cli-output.js';
import { withStore } from '../open-store.js';

/** `migrate`: brings the database schema up to date (opening the store runs the migrations) and exits. */
export function registerMigrateCommand(program: Command, output: CliOutput): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (start does this too) and exit')
    .action(async () => {
      const where = await withStore(async (_store, config) =>
        config.database.kind === 'pglite' ? `the embedded database in ${config.database.dataDir}` : 'PostgreSQL',
      );
      output.out(`${where} is up to date\n`);
    });
}
