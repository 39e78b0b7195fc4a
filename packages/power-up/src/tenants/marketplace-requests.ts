import * as z from 'zod';
import { PowerUpError } from '../power-up-error.js';

/** Same rule as the store's tenant ids: safe in paths, keys and log lines. */
const tenantId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, {
  error: 'use 1–128 letters, digits, dots, dashes or underscores, starting with a letter or digit',
});

const hostTokens = z.object({
  /** The customer's OPENApi token. */
  token: z.string().min(1, { error: "give the customer's host token" }).max(1024),
  /** The software token issued for this integration. */
  softwareToken: z.string().min(1, { error: 'give the software token' }).max(1024),
});

const webhookSecret = z.string().min(16, { error: 'use a webhook secret of at least 16 characters' }).max(1024);

/** `POST /marketplace/install`: who the tenant is, where its host API lives, and the secrets to use there. */
export const installRequestSchema = z.object({
  tenantId,
  tenantName: z.string().trim().min(1, { error: "give the tenant's name" }).max(200),
  hostBaseUrl: z.url({ protocol: /^https?$/, error: "use the host's API base URL, http(s)://…" }),
  hostTokens,
  webhookSecret,
});
export type InstallRequest = z.infer<typeof installRequestSchema>;

/** `POST /marketplace/uninstall`. */
export const uninstallRequestSchema = z.object({ tenantId });
export type UninstallRequest = z.infer<typeof uninstallRequestSchema>;

/** `POST /marketplace/rotate`: new host tokens, a new webhook secret, or both. */
export const rotateRequestSchema = z
  .object({ tenantId, hostTokens: hostTokens.optional(), webhookSecret: webhookSecret.optional() })
  .refine((body) => body.hostTokens !== undefined || body.webhookSecret !== undefined, {
    error: 'give hostTokens, webhookSecret or both: there is nothing to rotate',
    path: ['hostTokens'],
  });
export type RotateRequest = z.infer<typeof rotateRequestSchema>;

/**
 * Parses a signed body against its schema. A bad body is `invalid-input` naming the first offending field; the
 * message is zod's, which never repeats the value (the body holds tokens).
 */
export function parseMarketplaceBody<T>(schema: z.ZodType<T>, rawBody: string): T {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new PowerUpError('invalid-input', 'the body is not JSON: send the request as application/json.', {
      path: ['body'],
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PowerUpError('invalid-input', `${issue.message}.`, { path: issue.path.map((p) => String(p)) });
  }
  return parsed.data;
}
