import type { Command } from 'commander';
import { createPowerUp } from '../../create-power-up.js';
import { DEMO_CURL_PATH, startLocalDemo } from '../../demo/local-demo.js';
import { renderPlanSummary } from '../../demo/plan-summary.js';
import type { CliOutput } from '../cli-output.js';
import { loadCliConfig } from '../open-store.js';
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
