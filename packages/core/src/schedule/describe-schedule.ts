import { CoreError, echo } from '../errors.js';
import { parseTrusted } from '../validation.js';
import { RRule } from './rrule-library.js';
import { parseRRule } from './rrule-parse.js';
import { WEEKDAYS, type Weekday } from '../calendar/weekdays.js';
import { scheduleSchema, type Schedule, type ScheduleInput } from './schedule-spec.js';

export type DescriptionLocale = 'nl' | 'en';

/** Every word the descriptions use, per language, so the sentence builders below stay language-neutral. */
const WORDS = {
  nl: {
    weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
    months: [
      'januari',
      'februari',
      'maart',
      'april',
      'mei',
      'juni',
      'juli',
      'augustus',
      'september',
      'oktober',
      'november',
      'december',
    ],
    ordinals: { 1: 'eerste', 2: 'tweede', 3: 'derde', 4: 'vierde', last: 'laatste' },
    every: (n: number, one: string, many: string, article = 'elke') =>
      n === 1 ? `${article} ${one}` : `elke ${n} ${many}`,
    day: ['dag', 'dagen'],
    workday: ['werkdag', 'werkdagen'],
    week: ['week', 'weken'],
    month: ['maand', 'maanden'],
    year: ['jaar', 'jaar'],
    yearArticle: 'elk',
    and: 'en',
    on: 'op',
    onDay: (day: number) => `op dag ${day}${day > 28 ? ' (of de laatste dag van een kortere maand)' : ''}`,
    onNth: (nth: string, weekday: string) => `op de ${nth} ${weekday}`,
    onDate: (day: number, month: string, leapDay: boolean) =>
      `op ${day} ${month}${leapDay ? ' (28 februari in een gewoon jaar)' : ''}`,
    at: (time: string) => `om ${time}`,
    exceptNl: 'behalve op feestdagen',
    exceptDates: (n: number) => `behalve op ${n} ${n === 1 ? 'vrije dag' : 'vrije dagen'}`,
    exceptions: {
      skip: 'overgeslagen',
      move: 'verplaatst',
      add: 'toegevoegd',
      dates: (n: number) => (n === 1 ? 'datum' : 'datums'),
    },
  },
  en: {
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    ordinals: { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', last: 'last' },
    every: (n: number, one: string, many: string, article = 'every') =>
      n === 1 ? `${article} ${one}` : `every ${n} ${many}`,
    day: ['day', 'days'],
    workday: ['workday', 'workdays'],
    week: ['week', 'weeks'],
    month: ['month', 'months'],
    year: ['year', 'years'],
    yearArticle: 'every',
    and: 'and',
    on: 'on',
    onDay: (day: number) => `on day ${day}${day > 28 ? ' (or the last day of a shorter month)' : ''}`,
    onNth: (nth: string, weekday: string) => `on the ${nth} ${weekday}`,
    onDate: (day: number, month: string, leapDay: boolean) =>
      `on ${day} ${month}${leapDay ? ' (28 February in a common year)' : ''}`,
    at: (time: string) => `at ${time}`,
    exceptNl: 'except Dutch public holidays',
    exceptDates: (n: number) => `except ${n} ${n === 1 ? 'holiday' : 'holidays'}`,
    exceptions: { skip: 'skipped', move: 'moved', add: 'added', dates: (n: number) => (n === 1 ? 'date' : 'dates') },
  },
} as const;

function list(items: string[], and: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** rrule.js's own English text, translated word by word: good enough for the advanced mode's rare shapes. */
const RRULE_TEXT_NL: Record<string, string> = {
  every: 'elke',
  until: 'tot en met',
  day: 'dag',
  days: 'dagen',
  week: 'week',
  weeks: 'weken',
  month: 'maand',
  months: 'maanden',
  year: 'jaar',
  years: 'jaar',
  hour: 'uur',
  hours: 'uur',
  minute: 'minuut',
  minutes: 'minuten',
  weekday: 'werkdag',
  weekdays: 'werkdagen',
  on: 'op',
  'on the': 'op de',
  the: 'de',
  and: 'en',
  or: 'of',
  in: 'in',
  for: 'voor',
  time: 'keer',
  times: 'keer',
  at: 'om',
  last: 'laatste',
  st: 'e',
  nd: 'e',
  rd: 'e',
  th: 'e',
  '(~ approximate)': '(bij benadering)',
};

function describeRRule(rrule: string, locale: DescriptionLocale): string {
  const text = rrule.replace(/^RRULE:/i, '');
  const parsed = parseRRule(text);
  // rrule.js's text silently drops these parts ("every month on weekdays" for the second-to-last weekday), so a
  // rule that uses them is shown as written rather than described wrongly.
  if (parsed.bySetPos || parsed.byWeekNo || parsed.byYearDay || parsed.byHour || parsed.byMinute || parsed.bySecond) {
    return `${locale === 'nl' ? 'aangepaste regel' : 'custom rule'} ${text}`;
  }
  const rule = RRule.fromString(text);
  if (locale === 'en') return rule.toText();
  const words = WORDS.nl;
  return rule.toText((id) => RRULE_TEXT_NL[String(id)] ?? String(id), {
    dayNames: [words.weekdays[6], ...words.weekdays.slice(0, 6)],
    monthNames: [...words.months],
    tokens: {},
  });
}

function describeUnit(schedule: Schedule, locale: DescriptionLocale): string {
  const w = WORDS[locale];
  const dayName = (day: Weekday) => w.weekdays[WEEKDAYS.indexOf(day)] as string;
  switch (schedule.unit) {
    case 'day':
      return w.every(schedule.interval, w.day[0], w.day[1]);
    case 'workday': {
      const base = w.every(schedule.interval, w.workday[0], w.workday[1]);
      if (schedule.holidays === 'nl') return `${base} ${w.exceptNl}`;
      return schedule.holidays.length === 0 ? base : `${base} ${w.exceptDates(schedule.holidays.length)}`;
    }
    case 'week': {
      const days = [...schedule.weekdays].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b)).map(dayName);
      return `${w.every(schedule.interval, w.week[0], w.week[1])} ${w.on} ${list(days, w.and)}`;
    }
    case 'month': {
      const every = w.every(schedule.interval, w.month[0], w.month[1]);
      if (schedule.day !== undefined) return `${every} ${w.onDay(schedule.day)}`;
      return `${every} ${w.onNth(w.ordinals[schedule.nth ?? 1], dayName(schedule.weekday ?? 'mon'))}`;
    }
    case 'year': {
      const leapDay = schedule.month === 2 && schedule.day === 29;
      const every = w.every(schedule.interval, w.year[0], w.year[1], w.yearArticle);
      return `${every} ${w.onDate(schedule.day, w.months[schedule.month - 1] as string, leapDay)}`;
    }
    case 'rrule':
      return describeRRule(schedule.rrule, locale);
  }
}

/**
 * A readable sentence for a schedule, in Dutch or English.
 *
 * @example
 * describeSchedule({ unit: 'week', interval: 2, weekdays: ['mon', 'thu'] }, 'nl'); // 'elke 2 weken op maandag en donderdag'
 * describeSchedule({ unit: 'week', interval: 2, weekdays: ['mon', 'thu'] }, 'en'); // 'every 2 weeks on Monday and Thursday'
 * describeSchedule({ unit: 'month', weekday: 'fri', nth: 'last', time: '07:30' }, 'nl'); // 'elke maand op de laatste vrijdag om 07:30'
 */
export function describeSchedule(input: ScheduleInput, locale: DescriptionLocale = 'nl'): string {
  // Checked before any look-up: `WORDS['__proto__']` would find Object.prototype rather than fail.
  if (locale !== 'nl' && locale !== 'en') {
    throw new CoreError('invalid-input', `${echo(locale)} is not a supported locale: use 'nl' or 'en'.`, {
      path: ['locale'],
    });
  }
  const schedule = parseTrusted(scheduleSchema, input, { code: 'invalid-schedule' });
  const w = WORDS[locale];
  const parts = [describeUnit(schedule, locale)];
  if (schedule.time !== undefined) parts.push(w.at(schedule.time.slice(0, 5)));
  let text = parts.join(' ');
  const { skip, move, add } = schedule.exceptions;
  const counts = [
    [skip.length, w.exceptions.skip],
    [move.length, w.exceptions.move],
    [add.length, w.exceptions.add],
  ] as const;
  const notes = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${w.exceptions.dates(n)} ${what}`);
  if (notes.length > 0) text += `; ${list(notes, w.and)}`;
  return text;
}
