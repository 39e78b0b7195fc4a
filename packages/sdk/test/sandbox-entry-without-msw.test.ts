import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `@contractbeheer/sdk/sandbox` is what a service's local demo loads (the power-up's `contractbeheer start`): msw is
 * only an optional peer dependency, so nothing the entry loads may import it. Proven twice on the built files, as a
 * user gets them: by reading the module graph, and by running the entry under a loader that fails on msw. Each proof
 * is also run on `@contractbeheer/sdk/testing`, which does import msw, so a proof that could not fail would show.
 */
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** Every module specifier a built file imports or requires (static, side-effect and dynamic). */
function specifiers(code: string): string[] {
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!));
}

/** The bare packages a built entry reaches, following its relative imports (the chunks) through the whole graph. */
function packagesReached(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [join(dist, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else packages.add(specifier.split('/')[0]!);
    }
  }
  return packages;
}

describe('the msw-free sandbox entry', () => {
  it("reaches no msw in its module graph, ESM (with its chunks) and CJS; the testing entry's does", () => {
    for (const entry of ['sandbox.js', 'sandbox.cjs']) {
      const reached = packagesReached(entry);
      expect(reached, entry).not.toContain('msw');
      // The graph was read: the sandbox's own dependencies are there.
      expect(reached, entry).toContain('zod');
    }
    expect(packagesReached('testing.js')).toContain('msw');
    expect(packagesReached('testing.cjs')).toContain('msw');
  });

  const hooksDir = mkdtempSync(join(tmpdir(), 'no-msw-'));
  afterAll(() => rmSync(hooksDir, { recursive: true, force: true }));
  writeFileSync(
    join(hooksDir, 'hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  if (specifier === 'msw' || specifier.startsWith('msw/')) throw new Error('NO-MSW: imported ' + specifier);
  return next(specifier, context);
}\n`,
  );
  writeFileSync(
    join(hooksDir, 'register.mjs'),
    `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
  );

  /** Node with msw made unloadable: imports the entry, serves the sandbox on loopback, lists its objects over HTTP. */
  async function runWithoutMsw(entry: string): Promise<{ ok: boolean; output: string }> {
    const script = `
      const sdk = await import(${JSON.stringify(pathToFileURL(join(dist, entry)).href)});
      const { createHostClient } = await import(${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)});
      const host = await sdk.startSandboxServer(sdk.createHostSandbox());
      const client = createHostClient({
        baseUrl: host.baseUrl,
        token: sdk.SANDBOX_TOKEN,
        softwareToken: sdk.SANDBOX_SOFTWARE_TOKEN,
      });
      const objects = await client.objects.list();
      await host.close();
      console.log('served', objects.length, 'objects');`;
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', pathToFileURL(join(hooksDir, 'register.mjs')).href, '--input-type=module', '-e', script],
        { timeout: 20_000 },
      );
      return { ok: true, output: stdout };
    } catch (error) {
      return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
    }
  }

  it('runs the loopback sandbox with msw unloadable; the testing entry does not', async () => {
    const sandbox = await runWithoutMsw('sandbox.js');
    expect(sandbox.ok, sandbox.output).toBe(true);
    expect(sandbox.output).toMatch(/^served [1-9]\d* objects$/m);
    const testing = await runWithoutMsw('testing.js');
    expect(testing.ok).toBe(false);
    expect(testing.output).toContain('NO-MSW: imported msw');
  }, 40_000);
});
