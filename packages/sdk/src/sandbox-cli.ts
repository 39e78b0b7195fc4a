import { parseArgs } from 'node:util';
import { createHostSandbox, SANDBOX_SOFTWARE_TOKEN, SANDBOX_TOKEN } from './testing/host-sandbox.js';
import { startSandboxServer } from './testing/loopback-server.js';

const USAGE = `Usage: contractbeheer-sandbox [--port 4010] [--webhook-url URL --webhook-secret SECRET]
                              [--latency MS] [--error-rate 0.1] [--rate-limit-every N] [--drop-rate 0.05]
                              [--max-body-bytes 5242880] [--seed 1]

Serves an emulator of the OutSmart OPENApi v8 on loopback, with demo data. --port 0 takes any free port (the URL
is printed). --seed fixes the fault generator, so a fault scenario repeats. GET <origin>/__sandbox/work-orders
answers how many work orders the sandbox holds and how many posts carried each WorkorderNo (for tests).
`;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        'webhook-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        latency: { type: 'string' },
        'error-rate': { type: 'string' },
        'rate-limit-every': { type: 'string' },
        'drop-rate': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    process.stderr.write(`contractbeheer-sandbox: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const number = (name: string, text: string | undefined, max: number) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0 || value > max) {
      process.stderr.write(`contractbeheer-sandbox: --${name} must be a number from 0 to ${max}, got '${text}'\n`);
      process.exit(2);
    }
    return value;
  };
  const port = number('port', values.port, 65535) ?? 4010;
  const sandbox = createHostSandbox({
    maxBodyBytes: number('max-body-bytes', values['max-body-bytes'], 1024 ** 3),
    seed: number('seed', values.seed, 2 ** 32 - 1),
    faults: {
      latencyMs: number('latency', values.latency, 60_000) ?? 0,
      serverErrorRate: number('error-rate', values['error-rate'], 1) ?? 0,
      rateLimitEvery: number('rate-limit-every', values['rate-limit-every'], 1_000_000) ?? 0,
      dropAfterCommitRate: number('drop-rate', values['drop-rate'], 1) ?? 0,
    },
  });
  if (values['webhook-url'] !== undefined) {
    if (values['webhook-secret'] === undefined) {
      process.stderr.write('contractbeheer-sandbox: --webhook-url needs --webhook-secret\n');
      process.exit(2);
    }
    sandbox.configureWebhooks({ url: values['webhook-url'], secret: values['webhook-secret'] });
  }
  const running = await startSandboxServer(sandbox, { port });
  process.stdout.write(
    `OutSmart sandbox on ${running.baseUrl}\n` +
      `  token:          ${SANDBOX_TOKEN}\n` +
      `  software_token: ${SANDBOX_SOFTWARE_TOKEN}\n` +
      'Ctrl+C stops it.\n',
  );
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
