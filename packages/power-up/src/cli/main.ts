import { createRequire } from 'node:module';
import { runCli } from './run-cli.js';

// The bin: the exit code comes from runCli; open handles (a server, the database) are closed by the commands.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
process.exitCode = await runCli(process.argv.slice(2), undefined, version);
