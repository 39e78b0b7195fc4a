// The contractbeheer-sandbox bin as users run it (needs the build).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createHostClient, toPostWorkorder } from '../src/index.js';
import { SANDBOX_SOFTWARE_TOKEN, SANDBOX_TALLY_PATH, SANDBOX_TOKEN } from '../src/testing.js';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist/sandbox-cli.js');

it('--max-body-bytes limits request bodies (HTTP 413 above it)', async () => {
  const args = [cli, '--port', '0', '--max-body-bytes', '100'];
  const sandbox = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      let output = '';
      sandbox.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /on (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1] as string);
      });
      sandbox.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    const url = `${baseUrl}/relations?token=${SANDBOX_TOKEN}&software_token=${SANDBOX_SOFTWARE_TOKEN}`;
    expect((await fetch(url, { method: 'POST', body: `[${' '.repeat(200)}]` })).status).toBe(413);
    expect((await fetch(url, { method: 'POST', body: '[]' })).status).toBe(200);
  } finally {
    sandbox.kill();
  }
}, 30_000);

it('refuses a --max-body-bytes that is not a number', async () => {
  const args = [cli, '--port', '0', '--max-body-bytes', 'lots'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(2);
  expect(stderr).toMatch(/--max-body-bytes must be a number/);
}, 30_000);

it('--port 0 prints the bound URL, and the tally path counts work orders and the posts of each WorkorderNo', async () => {
  const sandbox = spawn(process.execPath, [cli, '--port', '0', '--seed', '7'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      let output = '';
      sandbox.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /on (http:\/\/127\.0\.0\.1:(\d+)\S*)/.exec(output);
        if (match) resolve(match[1] as string);
      });
      sandbox.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    expect(baseUrl).not.toMatch(/:0\//);
    const origin = new URL(baseUrl).origin;
    const tally = async () => (await fetch(`${origin}${SANDBOX_TALLY_PATH}`)).json();
    expect(await tally()).toEqual({ workOrders: 0, postsByNumber: {} });

    const host = createHostClient({ baseUrl, token: SANDBOX_TOKEN, softwareToken: SANDBOX_SOFTWARE_TOKEN });
    const customer = {
      name: 'Bakkerij De Vries',
      debtorNumber: 'D1001',
      street: 'Kerkstraat',
      zip: '3511AB',
      city: 'Utrecht',
      contactPerson: 'J. de Vries',
    };
    const plan = (day: string) => ({
      key: `C-1|CV-KETEL-88|2025-03-${day}`,
      contractId: 'C-1',
      debtorNumber: 'D1001',
      objectCodes: ['CV-KETEL-88'],
      targetDate: `2025-03-${day}`,
      creationDate: `2025-03-${day}`,
      late: false,
      timing: { kind: 'deadline' as const, deadline: `2025-03-${day}` },
      workType: 'Onderhoud',
      description: 'Onderhoud',
      durationMinutes: undefined,
      priorityCode: undefined,
    });
    const first = toPostWorkorder(plan('10'), customer);
    const second = toPostWorkorder(plan('11'), customer);
    await host.workOrders.create(first);
    await host.workOrders.create(second);
    // The same number again: this host updates in place, and the tally shows the second post.
    await host.workOrders.create(first);
    expect(await tally()).toEqual({
      workOrders: 2,
      postsByNumber: { [first.WorkorderNo]: 2, [second.WorkorderNo]: 1 },
    });
  } finally {
    sandbox.kill();
  }
}, 30_000);
