/** The languages the pages speak. The host's context token names one; anything else falls back to Dutch. */
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language when nothing better is known: the platform is Dutch. */
export const DEFAULT_LOCALE: Locale = 'nl';

/** `nl`, `nl-NL`, `en-GB` … → a locale the pages speak, or `undefined`. */
export function matchLocale(tag: string | undefined): Locale | undefined {
  const language = tag?.trim().slice(0, 2).toLowerCase();
  return LOCALES.find((locale) => locale === language);
}

/**
 * The first language of an `Accept-Language` header the pages speak: only for pages shown without a verified context
 * (a refusal), where the token's own locale cannot be trusted or is missing.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  for (const part of (header ?? '').split(',')) {
    const locale = matchLocale(part.split(';')[0]);
    if (locale !== undefined) return locale;
  }
  return undefined;
}

/** The BCP 47 tag `Intl` formats with: Dutch as in the Netherlands, English as in Britain (24-hour, d/m/y). */
export const INTL_TAG: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
