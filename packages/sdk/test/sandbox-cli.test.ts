// The contractbeheer-sandbox bin as users run it (needs the build).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { SANDBOX_SOFTWARE_TOKEN, SANDBOX_TOKEN } from '../src/testing.js';

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
