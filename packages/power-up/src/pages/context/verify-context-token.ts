import { decodeJwt, errors, jwtVerify } from 'jose';
import type { Store, Tenant } from '../../store/store.js';
import { matchLocale, type Locale } from '../i18n/locale.js';
import {
  CONTEXT_AUDIENCE,
  contextClaimsSchema,
  MAX_CONTEXT_LIFETIME_SECONDS,
  type ContextClaims,
} from './context-claims.js';

/** Why a page refuses its context; each has its own sentence on the refusal page. */
export type RefusalReason =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'forged'
  | 'unknown-tenant'
  /** A valid context minted for another screen (an object tab's token on a work-order panel). */
  | 'wrong-entity'
  /** A form post without the context's CSRF token or from another origin. */
  | 'cross-site';

/** 401: the request is not (or no longer) someone's; 403: it is, but may not do this. */
export const REFUSAL_STATUS: Record<RefusalReason, 401 | 403> = {
  missing: 401,
  malformed: 401,
  expired: 401,
  forged: 401,
  'unknown-tenant': 401,
  'wrong-entity': 403,
  'cross-site': 403,
};

type ContextCheck =
  | { ok: true; claims: ContextClaims; tenant: Tenant; secret: string }
  | {
      ok: false;
      reason: RefusalReason;
      /** The token's own locale and tenant, unverified: only to word and frame the refusal, never to show data. */
      localeHint: Locale | undefined;
      tenantHint: Tenant | undefined;
    };

/** Clock skew allowed between the host that minted the token and this service. */
const CLOCK_TOLERANCE_SECONDS = 30;

export type ContextVerifier = (token: string | undefined) => Promise<ContextCheck>;

/**
 * Verifies a context token the host minted (see `context-claims.ts`). Returns a result, never throws on what came
 * from the browser. The tenant claim is read before the signature is checked only to find whose secret to check it
 * with; an unknown or uninstalled tenant is refused like a forgery (401), so a caller learns nothing about which
 * tenants exist.
 */
export function createContextVerifier(deps: {
  store: Store;
  /** The tenant's context-signing secret (its webhook secret), or `undefined` when it has none stored. */
  secretFor: (tenant: Tenant) => Promise<string | undefined>;
  now: () => Date;
}): ContextVerifier {
  return async (token) => {
    const refuse = (reason: RefusalReason, hints: { locale?: Locale; tenant?: Tenant } = {}): ContextCheck => ({
      ok: false,
      reason,
      localeHint: hints.locale,
      tenantHint: hints.tenant,
    });
    if (token === undefined || token === '') return refuse('missing');
    let unverified: Record<string, unknown>;
    try {
      unverified = decodeJwt(token);
    } catch {
      return refuse('malformed');
    }
    const locale = typeof unverified.locale === 'string' ? matchLocale(unverified.locale) : undefined;
    const tenantId = unverified.tenant;
    if (typeof tenantId !== 'string' || tenantId === '') return refuse('malformed', { locale });
    const tenant = await deps.store.tenants.get(tenantId);
    const secret = tenant?.status === 'installed' ? await deps.secretFor(tenant) : undefined;
    if (tenant === undefined || secret === undefined) return refuse('unknown-tenant', { locale });

    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
        algorithms: ['HS256'],
        audience: CONTEXT_AUDIENCE,
        currentDate: deps.now(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat', 'jti'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) return refuse('expired', { locale, tenant });
      if (error instanceof errors.JWSSignatureVerificationFailed) return refuse('forged', { locale, tenant });
      return refuse('malformed', { locale, tenant });
    }
    const parsed = contextClaimsSchema.safeParse(payload);
    if (!parsed.success) return refuse('malformed', { locale, tenant });
    const claims = parsed.data;
    if (claims.exp - claims.iat > MAX_CONTEXT_LIFETIME_SECONDS) return refuse('malformed', { locale, tenant });
    return { ok: true, claims, tenant, secret };
  };
}
