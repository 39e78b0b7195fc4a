import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { CONTEXT_AUDIENCE, type ContextClaims } from './context-claims.js';

/** How long a context token the host preview mints lives: a working session in one tab. */
const DEFAULT_LIFETIME_SECONDS = 15 * 60;

/**
 * Mints a context token as the host does when it opens a page (HS256 over the claims, with the tenant's webhook
 * secret). The power-up itself never needs to: this is the host's side, for the host preview and tests.
 */
export async function mintContextToken(
  claims: Pick<ContextClaims, 'tenant' | 'user' | 'locale' | 'entity'>,
  options: { secret: string; now: Date; lifetimeSeconds?: number; jti?: string },
): Promise<string> {
  const issuedAt = Math.floor(options.now.getTime() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience(CONTEXT_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS))
    .setJti(options.jti ?? randomUUID())
    .sign(new TextEncoder().encode(options.secret));
}
