import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { PowerUpError } from '../power-up-error.js';

/** The marketplace signs install, uninstall and rotate requests with this shared secret (HMAC-SHA256). */
export const MARKETPLACE_SECRET_VARIABLE = 'CONTRACTBEHEER_MARKETPLACE_SECRET';
/** Shorter secrets are guessable offline from one captured request. */
export const MIN_MARKETPLACE_SECRET_LENGTH = 32;
/** The generated secret's file in the data directory. */
export const MARKETPLACE_SECRET_FILE = 'marketplace-secret.json';

const fileSchema = z.object({ secret: z.string().min(MIN_MARKETPLACE_SECRET_LENGTH), createdAt: z.string() });

/**
 * The marketplace secret for a local start without `CONTRACTBEHEER_MARKETPLACE_SECRET`: read from the data
 * directory, or generated once into it (mode 0600), so a local marketplace or test script can sign requests with it
 * and a restart keeps accepting them. Production must set the variable (see `parseConfig`).
 */
export async function loadOrGenerateMarketplaceSecret(
  dataDir: string,
  { now, warn }: { now: () => Date; warn: (message: string) => void },
): Promise<string> {
  const file = path.join(dataDir, MARKETPLACE_SECRET_FILE);
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    try {
      return fileSchema.parse(JSON.parse(text)).secret;
    } catch (error) {
      throw new PowerUpError(
        'invalid-config',
        `${file} is damaged: delete it to generate a new one, or set the variable.`,
        {
          path: [MARKETPLACE_SECRET_VARIABLE],
          cause: error,
        },
      );
    }
  }
  const secret = `mkt_${randomBytes(32).toString('base64url')}`;
  await mkdir(dataDir, { recursive: true });
  const body = JSON.stringify({ secret, createdAt: now().toISOString() }, null, 2);
  await writeFile(file, `${body}\n`, { mode: 0o600, flag: 'wx' });
  warn(
    `${MARKETPLACE_SECRET_VARIABLE} is not set: generated one into ${file} for this local install; sign marketplace ` +
      'requests with it. In production set the variable to the secret the marketplace gave you.',
  );
  return secret;
}
