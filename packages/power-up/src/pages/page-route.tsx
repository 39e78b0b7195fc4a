import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Logger } from 'pino';
import type { AppEnv } from '../api/app-env.js';
import type { AppServices, RouteDefinition } from '../api/route-table.js';
import { PowerUpError } from '../power-up-error.js';
import type { Tenant, TenantStore } from '../store/store.js';
import type { HostClient } from '@contractbeheer/sdk';
import type { ContextClaims, EntityType } from './context/context-claims.js';
import type { Capability } from './manifest/manifest-schema.js';
import { csrfTokenFor, isCsrfTokenOf } from './context/csrf-token.js';
import { createContextVerifier, REFUSAL_STATUS, type RefusalReason } from './context/verify-context-token.js';
import { COMMON_MESSAGES } from './i18n/common-messages.js';
import { formatterFor, type Formatter } from './i18n/format.js';
import { DEFAULT_LOCALE, localeFromAcceptLanguage, type Locale } from './i18n/locale.js';
import { Layout } from './layout/layout.js';
import { ErrorPage, NotFoundPage, RefusalPage } from './layout/message-page.js';
import { frameAncestorsFor, htmlResponse, newNonce } from './layout/page-response.js';
import { requestLog } from '../api/request-observation.js';

/** The query parameter (GET) and form field (POST) that carry the host's context token. */
export const CONTEXT_PARAM = 'context';
/** The form field that carries the context's CSRF token. */
const CSRF_FIELD = 'csrf';

/** What a page renders with: the verified context, its tenant's store, and the words and formats of its locale. */
export type PageContext = {
  claims: ContextClaims;
  tenant: Tenant;
  /** Scoped to the context's tenant: no query through it reaches another tenant's rows. */
  store: TenantStore;
  locale: Locale;
  /** The tenant's zone, for times and "today". */
  zone: string;
  /** The request's time (the injected clock). */
  now: Date;
  /** The app's services: pages that read or write contracts go through the contracts API's handlers with them. */
  services: AppServices;
  format: Formatter;
  common: (typeof COMMON_MESSAGES)[Locale];
  /** The context token as received: links and forms carry it on. */
  token: string;
  /** The CSRF token of this context: every form carries it (see `ContextFields`). */
  csrfToken: string;
  /** The response's CSP nonce: an inline `<script>` needs `nonce={page.nonce}`. */
  nonce: string;
  log: Logger;
  /** The tenant's host (OutSmart) through the SDK's client, signed in with the installed credentials. */
  host(): Promise<HostClient>;
  /** A link to another page of the power-up, carrying the context. */
  href(path: string, query?: Record<string, string>): string;
};

/** What a page's `render` returns: its title (the `<h1>` and `<title>`) and body, or a response of its own. */
export type PageView = { title: string; body: Child; status?: 200 | 422 };

export type PageDefinition = {
  method?: 'GET' | 'POST';
  /** hono syntax, under `/pages/`. */
  path: string;
  /**
   * The host screens whose context may open this page: an object tab's token does not open a work-order panel.
   * Omitted: any context of the tenant (pages reached by links from other pages, such as a contract's detail).
   */
  entities?: readonly EntityType[];
  /**
   * Where the host shows this page, for the manifest (`/manifest.json`): pages the host opens directly have one;
   * pages reached by links from other pages have none. The host's context then names `entities[0]`.
   */
  capability?: Omit<Capability, 'url' | 'entity'>;
  render(page: PageContext, c: Context<AppEnv>): Promise<PageView | Response>;
};

/** What the page routes need beyond the app's services: the secret each tenant's host signs contexts with. */
export type PageRouteDeps = { secretFor: (tenant: Tenant) => Promise<string | undefined> };

/** The hidden fields every form of a page carries: the context and its CSRF token. */
export function ContextFields(props: { page: PageContext }) {
  return (
    <>
      <input type="hidden" name={CONTEXT_PARAM} value={props.page.token} />
      <input type="hidden" name={CSRF_FIELD} value={props.page.csrfToken} />
    </>
  );
}

/**
 * A form post must come from a page of this power-up: its `Origin` names this host (browsers send it on every
 * cross-origin and same-origin POST). Without one, `Sec-Fetch-Site` must say same-origin. The host is compared, not
 * the scheme: behind a TLS-terminating proxy the service sees http while the browser says https.
 */
function isSameOriginPost(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin');
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
  if (origin !== undefined && origin !== 'null') {
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return c.req.header('sec-fetch-site') === 'same-origin';
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The routes of the given pages. Each request is verified before the page sees it: the context token (signature,
 * expiry, tenant, screen), and on a POST also the origin and the context's CSRF token. A refusal is a page of its
 * own (401/403) in the token's language, framed for the token's tenant at most, with no data; a `not-found` from
 * the page is a 404 page; anything unexpected is logged and a 500 page with the request id.
 */
export function pageRoutes(pages: readonly PageDefinition[], deps: PageRouteDeps): RouteDefinition[] {
  return pages.map((definition) => ({
    method: definition.method ?? 'GET',
    path: definition.path,
    // From the API's point of view no key is needed: the page verifies its own context below.
    access: 'public',
    handle: async (c, services) => {
      const started = performance.now();
      const nonce = newNonce();
      const isPost = definition.method === 'POST';
      const form = isPost ? await c.req.parseBody() : {};
      const token = isPost ? stringField(form, CONTEXT_PARAM) : c.req.query(CONTEXT_PARAM);
      const verify = createContextVerifier({ store: services.store, secretFor: deps.secretFor, now: services.now });
      const check = await verify(token);

      const refuse = (reason: RefusalReason, locale: Locale | undefined, tenant: Tenant | undefined) => {
        const language = locale ?? localeFromAcceptLanguage(c.req.header('accept-language')) ?? DEFAULT_LOCALE;
        requestLog(c).info({ reason, page: definition.path }, 'page context refused');
        return htmlResponse(c, {
          element: <RefusalPage locale={language} reason={reason} nonce={nonce} />,
          nonce,
          status: REFUSAL_STATUS[reason],
          frameAncestors: frameAncestorsFor(tenant),
        });
      };
      if (!check.ok) return refuse(check.reason, check.localeHint, check.tenantHint);
      const { claims, tenant, secret } = check;
      if (definition.entities !== undefined && !definition.entities.includes(claims.entity.type)) {
        return refuse('wrong-entity', claims.locale, tenant);
      }
      if (isPost && !(isSameOriginPost(c) && isCsrfTokenOf(stringField(form, CSRF_FIELD), claims, secret))) {
        return refuse('cross-site', claims.locale, tenant);
      }

      const verified = performance.now();
      const store = services.store.forTenant(tenant.id);
      const locale = claims.locale;
      const frameAncestors = frameAncestorsFor(tenant);
      const page: PageContext = {
        claims,
        tenant,
        store,
        locale,
        zone: tenant.settings.timeZone,
        now: services.now(),
        services,
        format: formatterFor(locale),
        common: COMMON_MESSAGES[locale],
        token: token!,
        csrfToken: csrfTokenFor(claims, secret),
        nonce,
        log: requestLog(c).child({ tenantId: tenant.id, page: definition.path }),
        host: () => services.hosts.clientFor(tenant),
        href: (path, query = {}) => `${path}?${new URLSearchParams({ ...query, [CONTEXT_PARAM]: token! }).toString()}`,
      };
      let response: Response;
      try {
        const view = await definition.render(page, c);
        response =
          view instanceof Response
            ? view
            : await htmlResponse(c, {
                element: (
                  <Layout locale={locale} title={view.title} nonce={nonce}>
                    {view.body}
                  </Layout>
                ),
                nonce,
                status: view.status ?? 200,
                frameAncestors,
              });
      } catch (error) {
        if (error instanceof PowerUpError && error.code === 'not-found') {
          response = await htmlResponse(c, {
            element: <NotFoundPage locale={locale} nonce={nonce} />,
            nonce,
            status: 404,
            frameAncestors,
          });
        } else {
          page.log.error({ err: error }, 'page failed');
          response = await htmlResponse(c, {
            element: <ErrorPage locale={locale} nonce={nonce} requestId={c.get('requestId')} />,
            nonce,
            status: 500,
            frameAncestors,
          });
        }
      }
      // How long the server took — checking the context, then reading and rendering the page — visible in the
      // browser's network panel and to measurements.
      const done = performance.now();
      response.headers.set(
        'server-timing',
        `context;dur=${(verified - started).toFixed(1)}, page;dur=${(done - verified).toFixed(1)}, total;dur=${(done - started).toFixed(1)}`,
      );
      return response;
    },
  }));
}
