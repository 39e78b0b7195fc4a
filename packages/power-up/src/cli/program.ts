import { Command } from 'commander';
import type { CliOutput } from './cli-output.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerExportCommand } from './commands/export-contracts.js';
import { registerGenerateCommand } from './commands/generate.js';
import { registerImportCommand } from './commands/import-contracts.js';
import { registerKeyCommands } from './commands/keys.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerReportCommands } from './commands/report-cancellations.js';
import { registerStartCommand } from './commands/start.js';
import { registerTenantCommands } from './commands/tenants.js';

const EXIT_CODES_HELP = `
Exit codes: 0 done, 1 failed (invalid data or settings, an unknown tenant, the database), 2 wrong command line.
Settings come from the environment; see \`contractbeheer start --help\` and the README.`;

/**
 * The `contractbeheer` command line. Commander parses and validates arguments and writes help; it never exits the
 * process itself (`exitOverride`), so `runCli` decides every exit code.
 */
export function buildProgram(output: CliOutput, version: string): Command {
  const program = new Command('contractbeheer')
    .description('Contractbeheer: service contracts for OutSmart — the power-up service and its tools')
    .version(version)
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();
  registerStartCommand(program, output);
  registerMigrateCommand(program, output);
  registerTenantCommands(program, output);
  registerKeyCommands(program, output);
  registerImportCommand(program, output);
  registerExportCommand(program, output);
  registerReportCommands(program, output);
  registerGenerateCommand(program, output);
  registerDemoCommand(program, output);
  // Every subcommand (and theirs) reports usage errors like the root, and lets runCli choose the exit code.
  const configure = (command: Command) => {
    for (const sub of command.commands) {
      sub.exitOverride().showHelpAfterError('(add --help for usage)').configureOutput({
        writeOut: output.out,
        writeErr: output.err,
      });
      configure(sub);
    }
  };
  configure(program);
  return program;
}
