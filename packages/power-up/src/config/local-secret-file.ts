import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type * as z from 'zod';
import { PowerUpError } from '../power-up-error.js';

/**
 * A secret that a local start keeps in its data directory when its variable is not set: read back if the file is
 * there, else generated once and written with mode 0600. Returns whether it was created, so the caller can warn.
 */
export async function readOrCreateLocalSecret<T extends object>(
  dataDir: string,
  fileName: string,
  options: {
    schema: z.ZodType<T>;
    /** The environment variable that replaces the file; named in errors. */
    variable: string;
    /** What to do when the file is damaged, after "… is damaged: ". */
    whenDamaged: string;
    create: () => T;
  },
): Promise<{ file: string; value: T; created: boolean }> {
  const file = path.join(dataDir, fileName);
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    try {
      return { file, value: options.schema.parse(JSON.parse(text)), created: false };
    } catch (error) {
      throw new PowerUpError('invalid-config', `${file} is damaged: ${options.whenDamaged}`, {
        path: [options.variable],
        cause: error,
      });
    }
  }
  const value = options.create();
  await mkdir(dataDir, { recursive: true });
  // 'wx': if two processes start at once, the second fails here instead of overwriting the first one's secret.
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return { file, value, created: true };
}
