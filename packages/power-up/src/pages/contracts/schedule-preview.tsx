import {
  describeSchedule,
  localDateAt,
  parseContract,
  planWorkOrders,
  type Contract,
  type ScheduleChangePreview,
} from '@contractbeheer/core';
import { dateOf, dayOf } from '../charts/chart-scale.js';
import { defineMessages } from '../i18n/define-messages.js';
import type { Formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';

/** How many next dates the preview lists, and how far ahead it looks for them. */
const PREVIEW_DATES = 8;
const LOOK_AHEAD_DAYS = 2 * 366;
/** How many rows of each kind of change the diff lists before it only counts the rest. */
const DIFF_ROWS = 10;

const MESSAGES = defineMessages({
  nl: {
    heading: 'Voorbeeld van de planning',
    incomplete: 'Vul de velden in die hieronder een fout tonen om de planning te zien.',
    yearly: (n: number) =>
      `${n} ${n === 1 ? 'werkbon' : 'werkbonnen'} per contractjaar, aan het begin van elke periode`,
    corrective:
      'Een correctief contract maakt geen werkbonnen aan: de SLA-afspraak geldt voor de werkbonnen van de klant.',
    next: 'Volgende datums',
    targetDate: 'Streefdatum',
    creationDate: 'Werkbon aangemaakt op',
    none: 'Binnen twee jaar valt er geen datum.',
    diff: 'Wat deze wijziging verandert',
    fields: 'Gewijzigde velden',
    added: 'Erbij',
    removed: 'Vervallen',
    moved: 'Verschoven',
    changed: 'Anders op dezelfde datum',
    unchanged: (n: number) => `${n} ${n === 1 ? 'datum blijft' : 'datums blijven'} gelijk.`,
    window: (from: string, until: string) => `Vergeleken van ${from} tot en met ${until}.`,
    more: (n: number) => `en nog ${n}`,
    from: 'Was',
    to: 'Wordt',
    what: 'Wat',
    noChanges: 'Er is niets gewijzigd.',
  },
  en: {
    heading: 'Schedule preview',
    incomplete: 'Fill in the fields that show an error below to see the schedule.',
    yearly: (n: number) => `${n} work ${n === 1 ? 'order' : 'orders'} per contract year, at the start of each period`,
    corrective: 'A corrective contract creates no work orders: the SLA policy applies to the customer’s work orders.',
    next: 'Next dates',
    targetDate: 'Target date',
    creationDate: 'Work order created on',
    none: 'No date falls within two years.',
    diff: 'What this change does',
    fields: 'Changed fields',
    added: 'Added',
    removed: 'Removed',
    moved: 'Moved',
    changed: 'Different on the same date',
    unchanged: (n: number) => `${n} ${n === 1 ? 'date stays' : 'dates stay'} the same.`,
    window: (from: string, until: string) => `Compared from ${from} to ${until}.`,
    more: (n: number) => `and ${n} more`,
    from: 'Was',
    to: 'Becomes',
    what: 'What',
    noChanges: 'Nothing was changed.',
  },
});

/** What the preview shows of a contract as the form describes it. */
export type SchedulePreviewData =
  | { kind: 'incomplete' }
  | { kind: 'corrective' }
  | { kind: 'plan'; words: string; dates: { targetDate: string; creationDate: string }[] };

/**
 * The schedule a form's contract would follow, in words (the core's `describeSchedule`) and its next dates (the
 * core's planning from today, as nothing is generated yet). A form that does not describe a valid contract yet
 * previews nothing: its errors are shown next to the fields.
 */
export function schedulePreviewOf(body: Record<string, unknown>, asOf: string, locale: Locale): SchedulePreviewData {
  let contract: Contract;
  try {
    // The id and the customer may still be empty while typing: the dates depend on neither.
    contract = parseContract({
      debtorNumber: 'preview',
      ...body,
      id: typeof body.id === 'string' && body.id !== '' ? body.id : 'preview',
    });
  } catch {
    return { kind: 'incomplete' };
  }
  if (contract.type === 'corrective') return { kind: 'corrective' };
  const today = localDateAt(asOf, contract.timeZone);
  const from = contract.startDate > today ? contract.startDate : today;
  const until = dateOf(dayOf(from) + LOOK_AHEAD_DAYS);
  const plan = planWorkOrders([contract], { asOf: `${until}T12:00:00Z`, generatedKeys: [], since: from });
  const dates: { targetDate: string; creationDate: string }[] = [];
  for (const work of plan.plans) {
    if (work.targetDate < from || dates.some((date) => date.targetDate === work.targetDate)) continue;
    dates.push({ targetDate: work.targetDate, creationDate: work.creationDate });
  }
  dates.sort((a, b) => (a.targetDate < b.targetDate ? -1 : 1));
  const words =
    contract.schedule !== undefined
      ? describeSchedule(contract.schedule, locale)
      : MESSAGES[locale].yearly(contract.ordersPerYear ?? 0);
  return { kind: 'plan', words, dates: dates.slice(0, PREVIEW_DATES) };
}

/** The preview region: the words and the next dates (and, for an edit, what the change does). */
export function SchedulePreview(props: {
  locale: Locale;
  format: Formatter;
  preview: SchedulePreviewData;
  diff?: { fields: string[]; schedule: ScheduleChangePreview | null } | undefined;
}) {
  const t = MESSAGES[props.locale];
  const { preview, format } = props;
  return (
    <>
      <h2 id="preview-heading">{t.heading}</h2>
      {preview.kind === 'incomplete' && <p class="muted">{t.incomplete}</p>}
      {preview.kind === 'corrective' && <p>{t.corrective}</p>}
      {preview.kind === 'plan' && (
        <>
          <p class="schedule-words">
            <strong>{preview.words}</strong>
          </p>
          {preview.dates.length === 0 ? (
            <p class="empty">{t.none}</p>
          ) : (
            <table class="preview-dates">
              <caption class="muted">{t.next}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.targetDate}</th>
                  <th scope="col">{t.creationDate}</th>
                </tr>
              </thead>
              <tbody>
                {preview.dates.map((date) => (
                  <tr>
                    <td>{format.date(date.targetDate)}</td>
                    <td>{format.date(date.creationDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {props.diff !== undefined && <ChangeDiff locale={props.locale} format={format} diff={props.diff} />}
    </>
  );
}

function ChangeDiff(props: {
  locale: Locale;
  format: Formatter;
  diff: { fields: string[]; schedule: ScheduleChangePreview | null };
}) {
  const t = MESSAGES[props.locale];
  const { format, diff } = props;
  const schedule = diff.schedule;
  const list = (title: string, dates: string[]) =>
    dates.length === 0 ? null : (
      <>
        <h4>{`${title} (${dates.length})`}</h4>
        <ul class="diff-list">
          {dates.slice(0, DIFF_ROWS).map((date) => (
            <li>{date}</li>
          ))}
          {dates.length > DIFF_ROWS && <li class="muted">{t.more(dates.length - DIFF_ROWS)}</li>}
        </ul>
      </>
    );
  return (
    <section class="change-diff" aria-labelledby="diff-heading">
      <h3 id="diff-heading">{t.diff}</h3>
      {diff.fields.length === 0 ? (
        <p class="empty">{t.noChanges}</p>
      ) : (
        <p>
          {t.fields}: <span class="changed-fields">{diff.fields.join(', ')}</span>
        </p>
      )}
      {schedule !== null && (
        <>
          <p class="muted">{t.window(format.date(schedule.from), format.date(schedule.until))}</p>
          {list(
            t.added,
            schedule.added.map((o) => format.date(o.targetDate)),
          )}
          {list(
            t.removed,
            schedule.removed.map((o) => format.date(o.targetDate)),
          )}
          {list(
            t.moved,
            schedule.moved.map((m) => `${format.date(m.from.targetDate)} → ${format.date(m.to.targetDate)}`),
          )}
          {list(
            t.changed,
            schedule.changed.map((m) => `${format.date(m.to.targetDate)}: ${m.fields.join(', ')}`),
          )}
          <p>{t.unchanged(schedule.unchanged)}</p>
        </>
      )}
    </section>
  );
}
