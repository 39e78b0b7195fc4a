import type { Command } from 'commander';
import { issueApiKey } from '../../tenants/api-keys.js';
import type { CliOutput } from '../cli-output.js';
import { withStore } from '../open-store.js';
import { requireTenant } from '../require-tenant.js';

const operator = () => ({ actor: 'cli', at: new Date().toISOString() });

/** `keys create|list|revoke --tenant <id>`: API keys for the contracts API. */
export function registerKeyCommands(program: Command, output: CliOutput): void {
  const keys = program.command('keys').description("create, list and revoke a tenant's API keys");
  keys
    .command('create')
    .description('issue a new API key; it is printed once, on stdout, and only its hash is stored')
    .requiredOption('--tenant <id>', 'the tenant the key belongs to')
    .option('--name <name>', 'what the key is for', 'cli')
    .action(async (options: { tenant: string; name: string }) => {
      const { key, apiKey } = await withStore(async (store) => {
        await requireTenant(store, options.tenant);
        return issueApiKey(store.forTenant(options.tenant), options.name, operator());
      });
      output.err(`key ${apiKey.id} (${apiKey.name}) created for ${options.tenant}; it is shown only now:\n`);
      output.out(`${key}\n`);
    });
  keys
    .command('list')
    .description("list the tenant's keys (id, name, last four characters, revoked or not)")
    .requiredOption('--tenant <id>', 'the tenant')
    .action(async (options: { tenant: string }) => {
      const list = await withStore(async (store) => {
        await requireTenant(store, options.tenant);
        return store.forTenant(options.tenant).apiKeys.list();
      });
      for (const key of list) {
        output.out(
          `${key.id}\t${key.name}\t…${key.hint}\t${key.revokedAt === null ? 'live' : `revoked ${key.revokedAt}`}\n`,
        );
      }
    });
  keys
    .command('revoke')
    .description('revoke a key by its id: it stops working at once')
    .argument('<keyId>', 'the key id, as `keys list` shows it')
    .requiredOption('--tenant <id>', 'the tenant the key belongs to')
    .action(async (keyId: string, options: { tenant: string }) => {
      await withStore(async (store) => {
        await requireTenant(store, options.tenant);
        await store.forTenant(options.tenant).apiKeys.revoke(keyId, operator());
      });
      output.out(`key ${keyId} revoked\n`);
    });
}
