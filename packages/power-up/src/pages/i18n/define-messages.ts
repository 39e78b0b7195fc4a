import type { Locale } from './locale.js';

/** A message: plain text, or a function of the values it names (so a value can never be forgotten). */
type Message = string | ((...values: never[]) => string);

/** The English (or any other) catalog must have every key of the Dutch one, with the same parameters. */
type Translation<Source extends Record<string, Message>> = {
  [Key in keyof Source]: Source[Key] extends (...values: infer Values) => string
    ? (...values: Values) => string
    : string;
};

/** Both languages of one group of messages. */
export type Catalog<Source extends Record<string, Message>> = Record<Locale, Translation<Source>>;

/**
 * One group of messages in both languages, Dutch first. A key missing from the English catalog, an extra one (excess
 * property check), or a function with other parameters is a type error, so no page can show a key name instead of a sentence.
 *
 * @example
 * const messages = defineMessages({
 *   nl: { title: 'Contracten', count: (n: number) => `${n} contracten` },
 *   en: { title: 'Contracts', count: (n: number) => `${n} contracts` },
 * });
 * const t = messages[page.locale];
 */
export function defineMessages<const Source extends Record<string, Message>>(catalog: {
  nl: Source;
  en: NoInfer<Translation<Source>>;
}): Catalog<Source> {
  // The Dutch catalog is its own translation: every message keeps its parameters and returns a string.
  return catalog as unknown as Catalog<Source>;
}
