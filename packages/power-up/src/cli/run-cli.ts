import { CommanderError } from 'commander';
import { PowerUpError } from '../power-up-error.js';
import { processOutput, type CliOutput } from './cli-output.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { buildProgram } from './program.js';
import { ReportedFailure, UsageError } from './cli-errors.js';

/** An error as the person at the terminal should read it: what is wrong, where, and what to do. */
function explain(error: unknown): { message: string; code: ExitCode } {
  if (error instanceof UsageError) return { message: `${error.message}\n(add --help for usage)`, code: EXIT.usage };
  if (error instanceof PowerUpError && error.code === 'invalid-config') {
    const variable = String(error.path[0] ?? 'the environment');
    const detail = error.message.startsWith(`${variable}: `) ? error.message.slice(variable.length + 2) : error.message;
    return {
      message: `configuration: ${variable} ${detail.startsWith('is ') ? '' : 'is not valid: '}${detail}\nSet ${variable} in the environment, or leave it unset for its default (see the README).`,
      code: EXIT.failure,
    };
  }
  if (error instanceof PowerUpError) return { message: error.pathMessage, code: EXIT.failure };
  if (error instanceof Error) {
    // A CoreError's path is kept apart from its message; show both.
    const path = (error as { path?: unknown }).path;
    const where = Array.isArray(path) && path.length > 0 ? `${path.join('.')}: ` : '';
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return { message: `${where}${error.message}${cause}`, code: EXIT.failure };
  }
  return { message: String(error), code: EXIT.failure };
}

/** Runs the command line and returns the exit code (see `exit-codes.ts`); never calls `process.exit` itself. */
export async function runCli(
  argv: readonly string[],
  output: CliOutput = processOutput,
  version = '0.0.0',
): Promise<ExitCode> {
  const program = buildProgram(output, version);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version "fail" with exit code 0; everything else commander refuses is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof ReportedFailure) return EXIT.failure;
    const { message, code } = explain(error);
    output.err(`contractbeheer: ${message}\n`);
    return code;
  }
}
