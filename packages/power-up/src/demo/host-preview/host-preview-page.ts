import { html } from 'hono/html';
import type { EntityType } from '../../pages/context/context-claims.js';
import { mintContextToken } from '../../pages/context/mint-context-token.js';
import { matchLocale, type Locale } from '../../pages/i18n/locale.js';
import { PREVIEW_ENTITIES } from './preview-scene.js';

/** Where the sandbox host serves the preview. */
export const HOST_PREVIEW_PATH = '/host-preview';

type Frame = { heading: string; title: string; path: string; entity: { type: EntityType; id?: string } };

const WORDS = {
  nl: {
    title: 'OutSmart (sandbox) — voorbeeld van Contractbeheer',
    intro:
      'Deze pagina speelt de host: elk tabblad hieronder is een pagina van de power-up, geopend met een ondertekende context.',
    other: 'English',
    object: `Object ${PREVIEW_ENTITIES.object}`,
    customer: `Klant ${PREVIEW_ENTITIES.customer}`,
    workOrder: `Werkbon ${PREVIEW_ENTITIES.workOrder}`,
    dashboard: 'Dashboard',
  },
  en: {
    title: 'OutSmart (sandbox) — Contract management preview',
    intro: "This page plays the host: each tab below is one of the power-up's pages, opened with a signed context.",
    other: 'Nederlands',
    object: `Object ${PREVIEW_ENTITIES.object}`,
    customer: `Customer ${PREVIEW_ENTITIES.customer}`,
    workOrder: `Work order ${PREVIEW_ENTITIES.workOrder}`,
    dashboard: 'Dashboard',
  },
} satisfies Record<Locale, Record<string, string>>;

/**
 * The host preview: the sandbox host's screens for one object, its customer, a work order and the dashboard, with
 * the power-up's tabs framed in — each frame's URL carrying a context token minted here as the host mints one
 * (HS256 with the tenant's webhook secret, valid 15 minutes). `?lang=en` shows it in English.
 */
export function hostPreviewPages(options: {
  powerUpUrl: string;
  tenantId: string;
  /** The tenant's webhook secret as the marketplace gave it to the host. */
  webhookSecret: () => string | undefined;
  now?: () => Date;
}): (request: Request) => Promise<Response | undefined> {
  return async (request) => {
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.pathname !== HOST_PREVIEW_PATH) return undefined;
    const secret = options.webhookSecret();
    if (secret === undefined) return new Response('the tenant is not installed: restart the demo', { status: 503 });
    const locale = matchLocale(url.searchParams.get('lang') ?? undefined) ?? 'nl';
    const t = WORDS[locale];
    const now = options.now?.() ?? new Date();
    const frames: Frame[] = [
      {
        heading: t.object,
        title: t.object,
        path: '/pages/object-tab',
        entity: { type: 'object', id: PREVIEW_ENTITIES.object },
      },
      {
        heading: t.customer,
        title: t.customer,
        path: '/pages/customer-tab',
        entity: { type: 'customer', id: PREVIEW_ENTITIES.customer },
      },
      {
        heading: t.workOrder,
        title: t.workOrder,
        path: '/pages/work-order-panel',
        entity: { type: 'work-order', id: PREVIEW_ENTITIES.workOrder },
      },
      { heading: t.dashboard, title: t.dashboard, path: '/pages/dashboard-widget', entity: { type: 'dashboard' } },
    ];
    const sources = await Promise.all(
      frames.map(async (frame) => {
        const token = await mintContextToken(
          { tenant: options.tenantId, user: { id: 'preview-planner', name: 'Planner' }, locale, entity: frame.entity },
          { secret, now },
        );
        return `${options.powerUpUrl}${frame.path}?context=${encodeURIComponent(token)}`;
      }),
    );
    const page = html`<!doctype html>
      <html lang="${locale}">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${t.title}</title>
          <style>
            body {
              margin: 0;
              font:
                15px/1.4 system-ui,
                sans-serif;
              background: #e9edf1;
              color: #1b1f24;
            }
            header {
              background: #123b63;
              color: #fff;
              padding: 0.75rem 1rem;
            }
            header h1 {
              font-size: 1.2rem;
              margin: 0;
            }
            header a {
              color: #fff;
            }
            main {
              display: grid;
              grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr));
              gap: 1rem;
              padding: 1rem;
            }
            section {
              background: #fff;
              border-radius: 0.4rem;
              padding: 0.5rem 1rem 1rem;
            }
            h2 {
              font-size: 1rem;
            }
            iframe {
              width: 100%;
              height: 24rem;
              border: 1px solid #c9cfd6;
              border-radius: 0.25rem;
            }
          </style>
        </head>
        <body>
          <header>
            <h1>${t.title}</h1>
            <p>${t.intro} <a href="?lang=${locale === 'nl' ? 'en' : 'nl'}">${t.other}</a></p>
          </header>
          <main>
            ${frames.map(
              (frame, i) =>
                html`<section>
                  <h2>${frame.heading}</h2>
                  <iframe data-page="${frame.path}" title="${frame.title}" src="${sources[i]}"></iframe>
                </section>`,
            )}
          </main>
        </body>
      </html>`;
    return new Response(String(await page), { headers: { 'content-type': 'text/html; charset=utf-8' } });
  };
}
