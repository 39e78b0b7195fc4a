import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { readOrCreateLocalSecret } from './local-secret-file.js';

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
  const { file, value, created } = await readOrCreateLocalSecret(dataDir, MARKETPLACE_SECRET_FILE, {
    schema: fileSchema,
    variable: MARKETPLACE_SECRET_VARIABLE,
    whenDamaged: 'delete it to generate a new one, or set the variable.',
    create: () => ({ secret: `mkt_${randomBytes(32).toString('base64url')}`, createdAt: now().toISOString() }),
  });
  if (!created) return value.secret;
  warn(
    `${MARKETPLACE_SECRET_VARIABLE} is not set: generated one into ${file} for this local install; sign marketplace ` +
      'requests with it. In production set the variable to the secret the marketplace gave you.',
  );
  return value.secret;
}
