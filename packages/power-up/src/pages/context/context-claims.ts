import * as z from 'zod';
import { LOCALES } from '../i18n/locale.js';

/** The host screens a page can be opened on, and what the context's `entity.id` then names. */
const ENTITY_TYPES = ['object', 'customer', 'work-order', 'contract', 'dashboard', 'settings'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The audience every context token must name: this power-up. A token minted for another power-up is refused. */
export const CONTEXT_AUDIENCE = 'contractbeheer';

/**
 * The longest lifetime (`exp − iat`) a context token may claim. The host mints one each time it opens a page, so a
 * long-lived token is a leaked or badly minted one: it is refused whatever its signature.
 */
export const MAX_CONTEXT_LIFETIME_SECONDS = 60 * 60;

/**
 * The claims of the host's context token (a JWT, HS256, signed with the tenant's webhook secret — the secret the
 * marketplace gave both the host and the power-up at install). `tenant`, `user`, `locale` and `entity` are this
 * power-up's claims; `aud`, `iat`, `exp` and `jti` are the registered ones.
 */
export const contextClaimsSchema = z.object({
  aud: z.literal(CONTEXT_AUDIENCE),
  /** The tenant (the host environment) the page is opened in. */
  tenant: z.string().min(1),
  user: z.object({ id: z.string().min(1), name: z.string().min(1).optional() }),
  locale: z.enum(LOCALES),
  /** The host record the page is about; dashboards and settings name none. */
  entity: z.object({ type: z.enum(ENTITY_TYPES), id: z.string().min(1).optional() }),
  iat: z.number().int(),
  exp: z.number().int(),
  /** Unique per minted token; the CSRF token of its forms is bound to it. */
  jti: z.string().min(8),
});

export type ContextClaims = z.infer<typeof contextClaimsSchema>;
