import type { Child } from 'hono/jsx';
import { COMMON_MESSAGES } from '../i18n/common-messages.js';
import type { Locale } from '../i18n/locale.js';
import { PAGE_STYLES } from './page-styles.js';

/** The id the skip link jumps to. */
const MAIN_ID = 'main';

/**
 * Every page's frame: the language on `<html>`, a skip link, a banner, one `<main>` landmark with the page's `<h1>`,
 * the stylesheet inlined under the response's CSP nonce. No script unless a page brings one (with the same nonce).
 */
export function Layout(props: { locale: Locale; title: string; nonce: string; children?: Child }) {
  const t = COMMON_MESSAGES[props.locale];
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${props.title} · ${t.appName}`}</title>
        {/* Not a text child: JSX would escape the CSS's quotes. The stylesheet is a constant, never user input. */}
        <style nonce={props.nonce} dangerouslySetInnerHTML={{ __html: PAGE_STYLES }} />
      </head>
      <body>
        <a class="skip-link" href={`#${MAIN_ID}`}>
          {t.skipToContent}
        </a>
        <header>
          <span class="app">{t.appName}</span>
        </header>
        <main id={MAIN_ID} tabindex={-1}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}
