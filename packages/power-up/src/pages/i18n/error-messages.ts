import type { CoreErrorCode } from '@contractbeheer/core';
import type * as z from 'zod';
import type { PowerUpErrorCode } from '../../power-up-error.js';
import type { Locale } from './locale.js';

/**
 * The codes a refusal shown on a page carries: the core's (`CoreError`), the power-up's (`PowerUpError`), and zod's
 * issue codes (a page's input the contracts API's schema refuses before any handler runs).
 */
type RefusalCode = CoreErrorCode | PowerUpErrorCode | z.core.$ZodIssueCode;

/**
 * One code's texts by the field the error's path names (dotted, e.g. `schedule.weekdays`); `*` for any other field
 * — so a code that has texts always has one.
 */
/** The days of a week of working hours, as the settings name them. */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

type FieldTexts = { readonly '*': string; readonly [field: string]: string };

/** A language's texts for the codes it translates; a code left out keeps the API's own (English) message. */
type RefusalTexts = Readonly<Partial<Record<RefusalCode, FieldTexts>>>;

/**
 * Dutch for "this value of this field is not valid", whatever layer refused it (the API's schema, the core's parse):
 * what the field needs, said so that the person can put it right.
 */
const NL_RRULE = 'Deze herhalingsregel klopt niet: schrijf hem als RRULE, bijvoorbeeld FREQ=WEEKLY;BYDAY=MO.';
const NL_SCHEDULE =
  'Deze planning past niet bij het soort contract: een preventief contract heeft een planning nodig, een correctief contract en een contract met jaarorders hebben er geen.';

const NL_VALUE_TEXTS: FieldTexts = {
  '*': 'Deze waarde klopt niet: controleer het veld.',
  id: 'Geef het contract een nummer, zonder het teken |.',
  newId: 'Geef het nieuwe contract een eigen nummer, zonder het teken |.',
  name: 'Vul een naam in, zonder het teken |.',
  type: 'Kies het soort contract: preventief, correctief of jaarorders.',
  termsCode: 'Kies contractvoorwaarden die bestaan (zie Instellingen), of geen.',
  startDate: 'Vul een geldige startdatum in.',
  endDate: 'Vul een geldige einddatum in die niet vóór de startdatum ligt, of laat het veld leeg.',
  timeZone: 'Kies een tijdzone, zoals Europe/Amsterdam.',
  daysInAdvance: 'Vul een heel aantal dagen in, van 0 tot en met 366.',
  debtorNumber: 'Vul het debiteurnummer van de klant in.',
  objectCodes: 'Vul de objectcodes in, elk object één keer.',
  orderPerObject: 'Kies één werkbon per object of één werkbon voor alle objecten.',
  employeeNumber: 'Vul een bestaand medewerkernummer in, of laat het veld leeg.',
  externalReference: 'De externe referentie is te lang: maak haar korter.',
  description: 'De omschrijving is te lang: maak haar korter.',
  'schedule.unit': 'Kies hoe vaak er een werkbon komt: per dag, werkdag, week, maand of jaar, of een eigen regel.',
  'schedule.interval': 'Vul een heel getal van 1 of meer in.',
  'schedule.weekdays': 'Kies minstens één weekdag.',
  'schedule.day': 'Vul een dag van de maand in, van 1 tot en met 31.',
  'schedule.weekday': 'Kies een weekdag.',
  'schedule.nth': 'Kies de hoeveelste weekdag van de maand.',
  'schedule.month': 'Kies een maand.',
  'schedule.time': 'Vul een tijd in als UU:MM, bijvoorbeeld 08:30, of laat het veld leeg.',
  'schedule.rrule': NL_RRULE,
  schedule: NL_SCHEDULE,
  ordersPerYear:
    'Vul het aantal werkbonnen per jaar in, van 1 tot en met 366 — alleen bij een contract met jaarorders.',
  slaPolicyCode: 'Kies een bestaande SLA-afspraak — alleen een correctief contract heeft er een.',
  'budget.amount': 'Vul een bedrag in, bijvoorbeeld 2.500,00.',
  'budget.per': 'Kies of het budget per contract of per contractjaar geldt.',
  budget: 'Vul het budget in: een bedrag, en of het per contract of per contractjaar geldt.',
  expectedCostPerWorkOrder: 'Vul een bedrag in, bijvoorbeeld 95,00, in de munteenheid van het budget.',
  'workOrder.workType': 'Vul het soort werk in, zonder het teken |.',
  'workOrder.description': 'De omschrijving van de werkbon is te lang: maak haar korter.',
  'workOrder.durationMinutes': 'Vul de duur in hele minuten in, of laat het veld leeg.',
  'workOrder.priorityCode': 'Vul een bestaande prioriteitscode in, of laat het veld leeg.',
  date: 'Vul een geldige datum in, niet vóór de startdatum van het contract.',
  reasonCode: 'Kies een reden van beëindiging uit de lijst.',
  remark: 'De opmerking is te lang: maak haar korter.',
  from: 'Vul een geldige begindatum in.',
  to: 'Vul een geldige einddatum in, niet vóór de begindatum.',
  groupBy: 'Kies per maand, kwartaal of jaar.',
  // Settings: terms, SLA policies and the tenant's working hours.
  code: 'Vul een code in, zonder spaties of het teken |.',
  autoExtend: 'Kies of het contract stilzwijgend verlengd wordt.',
  period: 'Vul de contractperiode in: een heel aantal van 1 tot en met 1000, en dagen, weken, maanden of jaren.',
  renewalPeriod:
    'Vul de verlengingsperiode in: een heel aantal van 1 tot en met 1000, en dagen, weken, maanden of jaren; of laat het veld leeg.',
  noticeBeforeCancellation:
    'Vul de opzegtermijn in: een heel aantal van 0 tot en met 1000, en dagen, weken, maanden of jaren; of laat het veld leeg.',
  noticeAfterRenewal:
    'Vul de opzegtermijn na een verlenging in: een heel aantal van 0 tot en met 1000, en dagen, weken, maanden of jaren; of laat het veld leeg.',
  invoicePeriod:
    'Vul de factuurperiode in: een heel aantal van 0 tot en met 1000, en dagen, weken, maanden of jaren; of laat het veld leeg.',
  indexation: 'Vul een percentage in met hoogstens twee decimalen, bijvoorbeeld 2,5, tussen -100 en 1000.',
  responseStatus: 'Vul de status in OutSmart in waarmee de reactie telt, bijvoorbeeld ONDERWEG.',
  resolvedStatus: 'Vul de status in OutSmart in waarmee de werkbon opgelost is, bijvoorbeeld COMPLEET.',
  targets: 'Vul per prioriteit een reactie- en oplostijd in: een heel aantal van 1 of meer.',
  workingHours: 'Geef op minstens één dag werktijden op.',
  ...Object.fromEntries(
    WEEKDAYS.map((day) => [
      `workingHours.${day}`,
      'Schrijf de werktijden als 08:00–17:00: tijden van 00:00 tot 24:00, elk einde na zijn begin, tijdvakken die niet overlappen.',
    ]),
  ),
};

const NL_CHANGED_MEANWHILE =
  'Iemand anders heeft dit contract intussen gewijzigd: open het opnieuw en probeer het nog eens.';

/**
 * The refusals' texts per language. A language's missing code falls back to the API's message; a missing language
 * is a type error. English keeps the API's own messages: they are English and name the exact value at fault.
 */
const REFUSAL_TEXTS: Record<Locale, RefusalTexts> = {
  nl: {
    'invalid-input': NL_VALUE_TEXTS,
    'invalid-command': NL_VALUE_TEXTS,
    'invalid-range': {
      '*': 'Dit tijdvak klopt niet: de einddatum mag niet vóór de begindatum liggen, en het mag niet te lang zijn.',
    },
    'date-out-of-range': { '*': 'Deze datum ligt te ver weg: kies een datum tussen het jaar 1 en 9999.' },
    'invalid-time-zone': NL_VALUE_TEXTS,
    'invalid-local-time': { '*': 'Vul een tijd in als UU:MM, bijvoorbeeld 08:30.' },
    'invalid-rrule': { '*': NL_RRULE },
    'invalid-schedule': { '*': NL_SCHEDULE },
    'not-allowed': {
      '*': 'Dit kan niet met dit contract in zijn huidige stand: kijk naar de status en de looptijd op de contractpagina.',
      date: 'Het contract is al beëindigd of loopt vóór deze datum al af: een latere beëindiging is niet nodig.',
    },
    'version-conflict': { '*': NL_CHANGED_MEANWHILE },
    'precondition-failed': { '*': NL_CHANGED_MEANWHILE },
    'already-exists': {
      '*': 'Dit bestaat al: kies een andere code.',
      newId: 'Er bestaat al een contract met dit nummer: kies een ander nummer.',
      id: 'Er bestaat al een contract met dit nummer: kies een ander nummer.',
    },
    'in-use': { '*': 'Dit is nog in gebruik bij een contract: haal het daar eerst weg.' },
    'host-unavailable': { '*': 'OutSmart is nu niet bereikbaar: probeer het over een paar minuten nog eens.' },
    // zod's issues, from the API's schema: the same words as the core's for the same field.
    invalid_type: NL_VALUE_TEXTS,
    invalid_format: NL_VALUE_TEXTS,
    invalid_value: NL_VALUE_TEXTS,
    invalid_union: NL_VALUE_TEXTS,
    too_small: NL_VALUE_TEXTS,
    too_big: NL_VALUE_TEXTS,
    not_multiple_of: NL_VALUE_TEXTS,
    custom: NL_VALUE_TEXTS,
    unrecognized_keys: { '*': 'Dit veld is onbekend: laat het weg.' },
  },
  en: {},
};

/**
 * The text of a refusal on a page in the page's language: by the error's code and the field its path names (the
 * longest dotted prefix that has a text, an edit's leading `changes` left out; else the code's `*`), or the API's
 * own message for a code the language does not translate.
 *
 * @example
 * refusalText('nl', { code: 'invalid-input', path: ['changes', 'budget', 'amount', 'amount'], message: '…' });
 * // 'Vul een bedrag in, bijvoorbeeld 2.500,00.'
 */
export function refusalText(
  locale: Locale,
  refusal: { code: string; path: readonly (string | number)[]; message: string },
): string {
  const texts = (REFUSAL_TEXTS[locale] as Partial<Record<string, FieldTexts>>)[refusal.code];
  if (texts === undefined) return refusal.message;
  const parts = refusal.path[0] === 'changes' ? refusal.path.slice(1) : refusal.path;
  for (let length = parts.length; length > 0; length--) {
    const text = texts[parts.slice(0, length).join('.')];
    if (text !== undefined) return text;
  }
  return texts['*'];
}
