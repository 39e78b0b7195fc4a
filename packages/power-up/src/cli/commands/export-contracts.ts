import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Contract } from '@contractbeheer/core';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { Option } from 'commander';
import type { CliOutput } from '../cli-output.js';
import { CONTRACT_COLUMNS, contractToRow } from '../contract-columns.js';
import { withStore } from '../open-store.js';
import { requireTenant } from '../require-tenant.js';

const PAGE_SIZE = 200;

async function write(target: Writable, text: string): Promise<void> {
  if (!target.write(text)) await once(target, 'drain');
}

/** `export --tenant <id> [--format csv|json] [--output file]`: every contract, in the layout `import` reads. */
export function registerExportCommand(program: Command, output: CliOutput): void {
  program
    .command('export')
    .description("write a tenant's contracts as CSV or JSON (what `import` reads back)")
    .requiredOption('--tenant <id>', 'the tenant to export')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('--output <file>', 'write to this file instead of stdout')
    .action(async (options: { tenant: string; format: 'csv' | 'json'; output?: string }) => {
      const count = await withStore(async (store) => {
        await requireTenant(store, options.tenant);
        const file = options.output === undefined ? undefined : createWriteStream(options.output);
        const target: Writable = file ?? process.stdout;
        let written = 0;
        let cursor: string | undefined;
        if (options.format === 'csv') await write(target, stringify([[...CONTRACT_COLUMNS]]));
        else await write(target, '[');
        do {
          const page = await store.forTenant(options.tenant).contracts.list({
            limit: PAGE_SIZE,
            ...(cursor === undefined ? {} : { cursor }),
          });
          const contracts: Contract[] = page.items.map((item) => item.contract);
          if (options.format === 'csv') {
            await write(
              target,
              stringify(contracts.map((contract) => CONTRACT_COLUMNS.map((c) => contractToRow(contract)[c]))),
            );
          } else {
            for (const contract of contracts) {
              await write(target, `${written === 0 ? '\n' : ',\n'}  ${JSON.stringify(contract)}`);
              written++;
            }
          }
          if (options.format === 'csv') written += contracts.length;
          cursor = page.nextCursor ?? undefined;
        } while (cursor !== undefined);
        if (options.format === 'json') await write(target, written === 0 ? ']\n' : '\n]\n');
        if (file !== undefined) {
          file.end();
          await once(file, 'close');
        }
        return written;
      });
      output.err(`${count} contracts exported${options.output === undefined ? '' : ` to ${options.output}`}\n`);
    });
}
