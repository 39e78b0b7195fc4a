import type { Command } from 'commander';
import type { CliOutput } from '../cli-output.js';
import { withStore } from '../open-store.js';

const operator = () => ({ actor: 'cli', at: new Date().toISOString() });

/** `tenants create <id> --name <name>` and `tenants list`: tenants added by hand, outside the marketplace. */
export function registerTenantCommands(program: Command, output: CliOutput): void {
  const tenants = program.command('tenants').description('create and list tenants');
  tenants
    .command('create')
    .description('add a tenant (without host credentials: the marketplace install adds those)')
    .argument('<id>', 'tenant id: letters, digits, dots, dashes or underscores')
    .requiredOption('--name <name>', "the tenant's name")
    .action(async (id: string, options: { name: string }) => {
      const tenant = await withStore((store) => store.tenants.create({ id, name: options.name }, operator()));
      output.out(`tenant ${tenant.id} created\n`);
    });
  tenants
    .command('list')
    .description('list every tenant with its status')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const list = await withStore((store) => store.tenants.list());
      if (options.json) {
        output.out(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      if (list.length === 0) output.err('no tenants yet: `contractbeheer tenants create <id> --name <name>`\n');
      for (const tenant of list) {
        output.out(`${tenant.id}\t${tenant.status}\t${tenant.name}\t${tenant.hostBaseUrl ?? '-'}\n`);
      }
    });
}
