import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_COLUMNS, contractToRow } from '../../src/cli/contract-columns.js';
import { demoSeedContracts } from '../../src/demo/demo-seed.js';
import { cliEnv, newDataDir, runCli } from './run-built-cli.js';

let dataDir: string;
let env: NodeJS.ProcessEnv;
/** Each command opens the embedded database anew (seconds each on a busy 2-core machine). */
const SLOW = { timeout: 240_000 };

beforeAll(async () => {
  dataDir = await newDataDir();
  env = cliEnv(dataDir);
  // The first open creates the database: `migrate` does it and says so.
  const migrated = await runCli(['migrate'], env);
  expect(migrated).toMatchObject({ code: 0, stdout: expect.stringMatching(/embedded database in .* is up to date/) });
}, 240_000);

/** Contracts as CSV text in the layout `export` writes, with `edit` applied to chosen rows (0-based). */
function csvOf(
  contracts = demoSeedContracts(40),
  edit: (row: Record<string, string>, index: number) => void = () => {},
) {
  const rows = contracts.map((contract, index) => {
    const row: Record<string, string> = contractToRow(contract);
    edit(row, index);
    return CONTRACT_COLUMNS.map((column) => row[column] ?? '');
  });
  return stringify([[...CONTRACT_COLUMNS], ...rows]);
}

async function exportCsv(tenant: string) {
  const result = await runCli(['export', '--tenant', tenant], env);
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('usage: --help everywhere, and exit codes scripts can rely on', () => {
  it('prints help with exit code 0 for the program and each command', SLOW, async () => {
    const commands = [
      [],
      ['start'],
      ['migrate'],
      ['tenants'],
      ['tenants', 'create'],
      ['keys', 'revoke'],
      ['import'],
      ['export'],
      ['report', 'cancellations'],
      ['demo'],
    ];
    const results = await Promise.all(commands.map((command) => runCli([...command, '--help'], env)));
    results.forEach((result, i) => {
      expect(result.code, commands[i]!.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/^Usage: contractbeheer/);
    });
    expect(results[0]!.stdout).toMatch(/Exit codes: 0 done, 1 failed .* 2 wrong command line/);
    expect(results[6]!.stdout).toMatch(/objectCodes are separated by ;/);
  });

  it(
    'answers 2 for an unknown command, a missing option or a malformed value, naming what is wrong',
    SLOW,
    async () => {
      const [unknown, missing, badDate, badChoice] = await Promise.all([
        runCli(['frobnicate'], env),
        runCli(['keys', 'create'], env),
        runCli(['demo', '--from', '2025-13-45'], env),
        runCli(['export', '--tenant', 'x', '--format', 'xml'], env),
      ]);
      expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command 'frobnicate'/) });
      expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/required option '--tenant <id>'/) });
      expect(badDate).toMatchObject({ code: 2, stderr: expect.stringMatching(/--from must be a date YYYY-MM-DD/) });
      expect(badChoice).toMatchObject({ code: 2, stderr: expect.stringMatching(/Allowed choices are csv, json/) });
    },
  );

  it('answers 1 for an invalid setting, naming the variable and what to do', SLOW, async () => {
    const result = await runCli(['migrate'], cliEnv(dataDir, { DATABASE_URL: 'mysql://nope' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/configuration: DATABASE_URL is not valid: use a PostgreSQL URL/);
    expect(result.stderr).toMatch(/Set DATABASE_URL in the environment, or leave it unset/);
  });

  it('keeps `demo` printing the plan', SLOW, async () => {
    const result = await runCli(['demo', '--from', '2025-06-01', '--days', '3'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Contractbeheer demo — werkbonplanning van 5 contracten, 3 dagen vanaf 2025-06-01/);
    expect(result.stdout).toMatch(/werkbonnen aangemaakt, \d+ unieke sleutels/);
  });
});

describe('tenants and keys', () => {
  it('creates and lists tenants; issues, lists and revokes a key that is shown once', SLOW, async () => {
    expect((await runCli(['tenants', 'create', 'acme', '--name', 'Acme BV'], env)).code).toBe(0);
    const list = await runCli(['tenants', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: 'acme', name: 'Acme BV' })]);

    const created = await runCli(['keys', 'create', '--tenant', 'acme', '--name', 'ci'], env);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^cb_live_[A-Za-z0-9_-]{43}$/);
    const keyId = /key (key_[0-9a-f]+)/.exec(created.stderr)?.[1];
    expect((await runCli(['keys', 'revoke', keyId!, '--tenant', 'acme'], env)).code).toBe(0);
    const listed = await runCli(['keys', 'list', '--tenant', 'acme'], env);
    expect(listed.stdout).toMatch(new RegExp(`^${keyId}\tci\t…${key.slice(-4)}\trevoked `, 'm'));
    expect(listed.stdout).not.toContain(key);

    const unknownTenant = await runCli(['keys', 'create', '--tenant', 'nobody'], env);
    expect(unknownTenant).toMatchObject({ code: 1, stderr: expect.stringMatching(/there is no tenant 'nobody'/) });
  });
});

describe('import and export', () => {
  beforeAll(async () => {
    for (const tenant of ['import-a', 'import-b', 'import-c']) {
      expect((await runCli(['tenants', 'create', tenant, '--name', tenant], env)).code).toBe(0);
    }
  }, 240_000);

  it('refuses a file with one bad row among forty: reports its line and field, imports nothing', SLOW, async () => {
    const file = join(dataDir, 'one-bad-row.csv');
    // Row 23 of the data (line 24: the header is line 1) is a preventive contract without a schedule.
    await writeFile(
      file,
      csvOf(undefined, (row, index) => {
        if (index === 22) {
          row.type = 'preventive';
          row.schedule = '';
          row.ordersPerYear = '';
          row.slaPolicyCode = '';
        }
      }),
    );
    const result = await runCli(['import', file, '--tenant', 'import-a'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /one-bad-row\.csv: line 24: schedule: a preventive contract needs a recurring schedule/,
    );
    expect(result.stderr).toMatch(/nothing imported: 1 invalid row/);
    expect(result.stderr.match(/: line \d+:/g)).toHaveLength(1);
    expect((await exportCsv('import-a')).trim()).toBe(CONTRACT_COLUMNS.join(','));
  });

  it(
    'reports a cell that is not what its column holds, with plain progress lines when not on a terminal',
    SLOW,
    async () => {
      const file = join(dataDir, 'bad-cell.csv');
      await writeFile(
        file,
        csvOf(undefined, (row, index) => {
          if (index === 5) row.daysInAdvance = 'soon';
          if (index === 9) row.workOrder = '{not json';
        }),
      );
      const result = await runCli(['import', file, '--tenant', 'import-a'], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/line 7: daysInAdvance: /);
      expect(result.stderr).toMatch(/line 11: workOrder: is not valid JSON/);
      expect(result.stderr).toMatch(/^validating: 40\/40$/m);
      expect(result.stderr).not.toContain('\u001b[');
    },
  );

  it('rolls back the whole import when the store refuses one row (an id the tenant already has)', SLOW, async () => {
    const contracts = demoSeedContracts(30);
    const first = join(dataDir, 'first.json');
    await writeFile(first, JSON.stringify([contracts[17]]));
    expect((await runCli(['import', first, '--tenant', 'import-b'], env)).code).toBe(0);

    const file = join(dataDir, 'overlapping.csv');
    await writeFile(file, csvOf(contracts));
    const result = await runCli(['import', file, '--tenant', 'import-b'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 19: nothing imported, the store refused this row/);
    expect(result.stderr).toMatch(/DEMO-018|already/);
    const exported = await exportCsv('import-b');
    expect(exported.trim().split('\n')).toHaveLength(2);
  });

  it('imports every row of a valid file in one go, and export → import gives the same contracts', SLOW, async () => {
    const file = join(dataDir, 'good.csv');
    const contracts = demoSeedContracts(45);
    await writeFile(file, csvOf(contracts));
    const imported = await runCli(['import', file, '--tenant', 'import-c'], env);
    expect(imported).toMatchObject({ code: 0, stdout: '45 contracts imported into import-c\n' });

    const json = await runCli(['export', '--tenant', 'import-c', '--format', 'json'], env);
    const exported = JSON.parse(json.stdout) as { id: string }[];
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(exported.sort(byId)).toEqual([...contracts].sort(byId));

    const csvFile = join(dataDir, 'round-trip.csv');
    const written = await runCli(['export', '--tenant', 'import-c', '--output', csvFile], env);
    expect(written).toMatchObject({ code: 0, stderr: expect.stringMatching(/45 contracts exported to /) });
    const dry = await runCli(['import', csvFile, '--tenant', 'import-c', '--dry-run'], env);
    expect(dry).toMatchObject({ code: 0, stdout: '45 contracts are valid; nothing written (--dry-run)\n' });
    expect((await readFile(csvFile, 'utf8')).split('\n')[0]).toBe(CONTRACT_COLUMNS.join(','));
  });

  it('refuses a file that is neither .csv nor .json as a usage error', SLOW, async () => {
    const result = await runCli(['import', join(dataDir, 'contracts.xlsx'), '--tenant', 'import-c'], env);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/give a \.csv or a \.json file/) });
  });
});
