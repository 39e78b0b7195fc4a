import { COMMON_MESSAGES } from '../i18n/common-messages.js';
import type { Locale } from '../i18n/locale.js';
import type { RefusalReason } from '../context/verify-context-token.js';
import { Layout } from './layout.js';

const REFUSAL_TEXT = {
  missing: 'refusedMissing',
  malformed: 'refusedMalformed',
  expired: 'refusedExpired',
  forged: 'refusedForged',
  'unknown-tenant': 'refusedUnknownTenant',
  'wrong-entity': 'refusedWrongEntity',
  'cross-site': 'refusedCrossSite',
} as const satisfies Record<RefusalReason, keyof (typeof COMMON_MESSAGES)['nl']>;

/** The page a refused context gets: what went wrong and what to do, and nothing of the tenant's data. */
export function RefusalPage(props: { locale: Locale; reason: RefusalReason; nonce: string }) {
  const t = COMMON_MESSAGES[props.locale];
  return (
    <Layout locale={props.locale} title={t.refusedTitle} nonce={props.nonce}>
      <div class="refusal" role="alert" data-refusal={props.reason}>
        <p>{t[REFUSAL_TEXT[props.reason]]}</p>
        <p>{t.refusedAdvice}</p>
      </div>
    </Layout>
  );
}

/** A verified context asked for something its tenant does not have (or another tenant's record). */
export function NotFoundPage(props: { locale: Locale; nonce: string }) {
  const t = COMMON_MESSAGES[props.locale];
  return (
    <Layout locale={props.locale} title={t.notFoundTitle} nonce={props.nonce}>
      <p class="empty">{t.notFoundText}</p>
    </Layout>
  );
}

/** An unexpected failure: the request id to quote, no internals (those go to the log). */
export function ErrorPage(props: { locale: Locale; nonce: string; requestId: string }) {
  const t = COMMON_MESSAGES[props.locale];
  return (
    <Layout locale={props.locale} title={t.errorTitle} nonce={props.nonce}>
      <p class="refusal" role="alert">
        {t.errorText(props.requestId)}
      </p>
    </Layout>
  );
}
