import { hostname } from 'node:os';
import type { Command } from 'commander';
import { createGenerator, type TickReport } from '../../generation/generator.js';
import { previewGeneration, type ContractPreview } from '../../generation/preview-generation.js';
import { createTenantHosts } from '../../hosts/tenant-hosts.js';
import { openStore } from '../../store/open-store.js';
import { createCredentialVault } from '../../tenants/credential-vault.js';
import type { CliOutput } from '../cli-output.js';
import { UsageError } from '../cli-errors.js';
import { loadCliConfig, withStore } from '../open-store.js';
import { requireTenant } from '../require-tenant.js';

type GenerateOptions = { tenant?: string; asOf?: string; dryRun?: boolean; untilIdle?: boolean; json?: boolean };

/** `--as-of`: a UTC instant such as 2026-03-01T06:00:00Z (the moment the run takes as now). */
function asOfOption(value: string | undefined): Date {
  if (value === undefined) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--as-of must be a UTC instant such as 2026-03-01T06:00:00Z, got '${value}'`);
  }
  return new Date(value);
}

function renderPreview(previews: readonly ContractPreview[]): string {
  const lines: string[] = [];
  for (const preview of previews) {
    const where = `${preview.tenantId}\t${preview.contractId}`;
    for (const plan of preview.create) {
      const late = plan.late ? ' (late)' : '';
      lines.push(`${where}\tcreate\t${plan.workOrderNumber}\t${plan.key}\tdue ${plan.creationDate}${late}`);
    }
    for (const skip of preview.skip) lines.push(`${where}\tskip\t\t${skip.key}\t${skip.reason}`);
    for (const key of preview.retry) lines.push(`${where}\tretry\t\t${key}\tpending: looked up, then posted again`);
  }
  const count = (pick: (preview: ContractPreview) => readonly unknown[]) =>
    previews.reduce((sum, preview) => sum + pick(preview).length, 0);
  lines.push(
    `would create ${count((p) => p.create)}, skip ${count((p) => p.skip)} and retry ${count((p) => p.retry)} ` +
      `work order(s) for ${previews.length} due contract(s); nothing was written`,
  );
  return `${lines.join('\n')}\n`;
}

const renderReport = (report: TickReport) =>
  `generated: ${report.created} created, ${report.skipped} skipped, ${report.failed} failed, ` +
  `${report.lookedUp} looked up, ${report.deleted} deleted after termination, ${report.errors} error(s), ` +
  `${report.contracts} contract(s)\n`;

/**
 * `generate`: one generation pass now (or until nothing is due), as the scheduler runs it — the same claims, so it
 * may run beside running instances. `--dry-run` shows what a pass would create and writes nothing.
 */
export function registerGenerateCommand(program: Command, output: CliOutput): void {
  program
    .command('generate')
    .description('create the work orders that are due now on the tenants’ hosts (exactly once)')
    .option('--tenant <id>', 'only this tenant (default: every installed tenant)')
    .option('--as-of <instant>', 'the moment taken as now, a UTC instant such as 2026-03-01T06:00:00Z')
    .option('--dry-run', 'show what a run would create, skip and retry; write nothing, call no host')
    .option('--until-idle', 'run passes until nothing is due any more (default: one pass)')
    .option('--json', 'print the result as JSON')
    .action(async (options: GenerateOptions) => {
      const asOf = asOfOption(options.asOf);
      const tenantId = options.tenant;
      if (options.dryRun) {
        const previews = await withStore(async (store) => {
          if (tenantId !== undefined) await requireTenant(store, tenantId);
          return previewGeneration({ store, now: asOf, ...(tenantId !== undefined && { tenantId }) });
        });
        output.out(options.json ? `${JSON.stringify(previews, null, 2)}\n` : renderPreview(previews));
        return;
      }
      // The host credentials are sealed: this needs the secret key, unlike the other data commands.
      const config = await loadCliConfig(output);
      const store = await openStore(config.database);
      try {
        if (tenantId !== undefined) await requireTenant(store, tenantId);
        const vault = createCredentialVault({ current: config.secretKey, previous: config.previousSecretKeys });
        const generator = createGenerator({
          store,
          hosts: createTenantHosts({ store, vault }),
          // With --as-of the run is pinned to that moment; without, it follows the wall clock like the scheduler.
          clock: options.asOf === undefined ? () => new Date() : () => asOf,
          owner: `cli:${hostname()}:${process.pid}`,
          ...(tenantId !== undefined && { tenantId }),
        });
        const report = options.untilIdle ? await generator.runUntilIdle() : await generator.tick();
        output.out(options.json ? `${JSON.stringify(report)}\n` : renderReport(report));
      } finally {
        await store.close();
      }
    });
}
