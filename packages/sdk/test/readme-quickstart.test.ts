// Runs the README's quickstart as written, against the real contractbeheer-sandbox bin (needs the build).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
let sandbox: ChildProcess;
let baseUrl = '';

beforeAll(async () => {
  sandbox = spawn(process.execPath, [join(packageDir, 'dist/sandbox-cli.js'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    sandbox.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    });
    sandbox.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
}, 30_000);
afterAll(() => {
  sandbox.kill();
});

it('the quickstart runs against contractbeheer-sandbox', async () => {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const code = /```js\n(import \{ createHostClient[\s\S]*?)```/.exec(readme)?.[1];
  expect(code).toBeDefined();
  // Inside the package directory, '@contractbeheer/sdk' resolves to this package's own build.
  const dir = mkdtempSync(join(packageDir, '.quickstart-'));
  try {
    writeFileSync(join(dir, 'quickstart.mjs'), code as string);
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [join(dir, 'quickstart.mjs')], {
        env: { ...process.env, OUTSMART_URL: baseUrl },
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('exit', (exitCode) =>
        exitCode === 0 ? resolve(text) : reject(new Error(`quickstart failed:\n${text}`)),
      );
    });
    expect(output).toContain('customer: Bakkerij De Vries');
    expect(output).toMatch(/work order: CB-[0-9A-Z]{13} Klaargezet 2025-03-15 09:30/);
    expect(output).toContain('not found: 1500 false');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
