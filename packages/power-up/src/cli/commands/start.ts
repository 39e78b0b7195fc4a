import type { Command } from 'commander';
import { createPowerUp, type PowerUp } from '../../create-power-up.js';
import { DEMO_CURL_PATH, startLocalDemo } from '../../demo/local-demo.js';
import { renderPlanSummary } from '../../demo/plan-summary.js';
import type { CliOutput } from '../cli-output.js';
import { loadCliConfig } from '../open-store.js';
import { startProgress } from '../progress.js';
import { todayInAmsterdam } from '../today.js';
import { UsageError } from '../cli-errors.js';

/**
 * Resolves on the first SIGINT or SIGTERM, with its name. Later ones are noted and ignored rather than left to kill
 * the process: Ctrl-C under `pnpm start` reaches the service twice (from the terminal and forwarded by pnpm), and
 * the second must not cut the graceful shutdown short (it is bounded by the power-up's shutdown timeout).
 */
function nextStopSignal(output: CliOutput): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const stop = (signal: NodeJS.Signals) => {
      if (received) {
        output.err(`${signal}: already stopping\n`);
        return;
      }
      received = true;
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * The demo's first generation pass, with a progress bar over the contracts due now: every work order due today is
 * created in the sandbox host before the scheduler takes over (it then keeps ticking at the configured interval).
 */
async function firstGenerationPass(powerUp: PowerUp, output: CliOutput): Promise<void> {
  const due = await powerUp.store.dueIndex.countDue(new Date().toISOString());
  const progress = startProgress(output, 'werkbonnen', due);
  // Called once per contract, however many ticks the pass takes.
  const report = await powerUp.generator.runUntilIdle({ onProgress: () => progress.tick() });
  progress.done();
  output.out(
    `Generatie: ${report.created} werkbonnen aangemaakt in de sandbox-host` +
      `${report.skipped > 0 ? `, ${report.skipped} overgeslagen (te ver terug)` : ''}` +
      `${report.errors > 0 ? `, ${report.errors} fouten (volgende ronde opnieuw)` : ''}; de planner loopt door.\n`,
  );
}

/**
 * `start`: serves the power-up until SIGINT/SIGTERM, then stops accepting connections, lets requests in flight
 * finish, closes the database and exits 0. As a local demo (the default without `DATABASE_URL` and outside
 * production) it also runs the sandbox host, installs the power-up into it and prints a `curl` to try.
 */
export function registerStartCommand(program: Command, output: CliOutput): void {
  program
    .command('start')
    .description('serve the power-up; locally (no DATABASE_URL, not production) as a demo with a sandbox host')
    .option('--demo', 'run the local demo: sandbox host, marketplace install, demo tenant with contracts')
    .option('--no-demo', 'serve the power-up only')
    .option('--sandbox-port <port>', 'port of the demo sandbox host (default: any free port)')
    .addHelpText(
      'after',
      '\nSettings come from the environment (DATABASE_URL, CONTRACTBEHEER_DATA_DIR, PORT, HOST, ' +
        'CONTRACTBEHEER_SECRET_KEY, CONTRACTBEHEER_MARKETPLACE_SECRET, LOG_LEVEL); see the README.\n' +
        'The demo seeds its tenant on the first start only and issues a new API key on every start.',
    )
    .action(async (options: { demo?: boolean; sandboxPort?: string }) => {
      const sandboxPort = options.sandboxPort === undefined ? undefined : Number(options.sandboxPort);
      if (sandboxPort !== undefined && !(Number.isInteger(sandboxPort) && sandboxPort >= 0 && sandboxPort <= 65_535)) {
        throw new UsageError(`--sandbox-port must be a port number 0–65535, got '${options.sandboxPort}'`);
      }
      const config = await loadCliConfig(output);
      const demo = options.demo ?? (config.database.kind === 'pglite' && config.environment !== 'production');
      const logLevel = config.logLevel ?? (demo ? 'warn' : 'info');
      const powerUp = await createPowerUp(config, {
        logLevel,
        // The demo's host is the sandbox started below: generation waits for it (see the first pass).
        deferScheduler: demo,
        // In the demo the terminal shows the banner on stdout; the JSON log lines go to stderr.
        ...(demo && { logDestination: { write: (line: string) => output.err(line) } }),
      });
      const stopped = nextStopSignal(output);
      let closeDemo = async () => {};
      try {
        const { url } = await powerUp.listen();
        if (!demo) {
          output.out(`contractbeheer listening on ${url}\n`);
        } else {
          const local = await startLocalDemo({
            powerUp,
            apiUrl: url,
            marketplaceSecret: config.marketplaceSecret,
            ...(sandboxPort !== undefined && { sandboxPort }),
          });
          closeDemo = () => local.close();
          const where =
            config.database.kind === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL';
          output.out(
            [
              'Contractbeheer draait lokaal (demo).',
              `  API:          ${url}/api/v1`,
              `  OpenAPI:      ${url}/openapi.json`,
              `  Sandbox-host: ${local.sandboxUrl}`,
              `  Host-preview: ${local.previewUrl}  (de tabbladen van de power-up in de host)`,
              `  Data:         ${where} (${local.seeded > 0 ? `${local.seeded} democontracten aangemaakt` : `${local.contracts.length} contracten, hergebruikt`})`,
              '',
              'Probeer (de sleutel is nieuw bij elke start; eerdere demosleutels zijn ingetrokken):',
              `  curl -H 'Authorization: Bearer ${local.apiKey}' ${url}${DEMO_CURL_PATH}`,
              '',
              renderPlanSummary(local.contracts, { from: todayInAmsterdam(), days: 31 }),
              '',
              'Ctrl+C stopt.',
              '',
            ].join('\n'),
          );
          await firstGenerationPass(powerUp, output);
          powerUp.startScheduler();
        }
      } catch (error) {
        await closeDemo();
        await powerUp.close();
        throw error;
      }
      const signal = await stopped;
      output.err(`${signal}: stopping — finishing requests in flight, then closing the database\n`);
      await powerUp.close();
      await closeDemo();
      output.err('stopped\n');
    });
}
