import type { RenewalTimeline } from '@contractbeheer/core';
import { ChartFigure } from './chart-figure.js';
import { dateOf, dayOf, linearScale, px, timeTicks } from './chart-scale.js';
import { defineMessages } from '../i18n/define-messages.js';
import { formatterFor } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { formatMonth } from './locale-format.js';

/** What the terms timeline shows: the contract's start and the core's `renewalTimeline` on today. */
export type TermsTimelineData = {
  startDate: string;
  today: string;
  timeline: RenewalTimeline;
  /** The early termination date, when the contract was terminated. */
  terminationDate: string | null;
};

const MESSAGES = defineMessages({
  nl: {
    title: 'Looptijd en opzegtermijn',
    start: 'Start',
    end: 'Einde',
    notice: 'Opzeggen uiterlijk',
    renewal: 'Verlenging',
    today: 'Vandaag',
    terminated: 'Beëindigd',
    earlier: (n: number) => (n === 1 ? '1 keer verlengd' : `${n} keer verlengd`),
    saidStarted: (date: string) => `Gestart op ${date}.`,
    saidRenewed: (n: number) => (n === 1 ? 'Eén keer verlengd.' : `${n} keer verlengd.`),
    saidPeriod: (from: string, to: string | null) =>
      to === null ? `Lopende periode vanaf ${from}, zonder einddatum.` : `Lopende periode ${from} tot en met ${to}.`,
    saidNotice: (date: string) => `Opzeggen kan uiterlijk op ${date}.`,
    saidRenews: (date: string) => `Verlengt automatisch op ${date}.`,
    saidEnds: (date: string) => `Eindigt op ${date}.`,
    saidTerminated: (date: string) => `Beëindigd per ${date}.`,
  },
  en: {
    title: 'Term and notice',
    start: 'Start',
    end: 'End',
    notice: 'Notice by',
    renewal: 'Renewal',
    today: 'Today',
    terminated: 'Terminated',
    earlier: (n: number) => (n === 1 ? 'renewed once' : `renewed ${n} times`),
    saidStarted: (date: string) => `Started on ${date}.`,
    saidRenewed: (n: number) => (n === 1 ? 'Renewed once.' : `Renewed ${n} times.`),
    saidPeriod: (from: string, to: string | null) =>
      to === null ? `Current period from ${from}, with no end date.` : `Current period ${from} to ${to}.`,
    saidNotice: (date: string) => `Notice can be given until ${date}.`,
    saidRenews: (date: string) => `Renews automatically on ${date}.`,
    saidEnds: (date: string) => `Ends on ${date}.`,
    saidTerminated: (date: string) => `Terminated as of ${date}.`,
  },
});

/** The terms timeline in words: what the chart shows, for its caption and its `<desc>`. */
export function termsTimelineSummary(data: TermsTimelineData, locale: Locale): string {
  const m = MESSAGES[locale];
  const day = (date: string) => formatterFor(locale).date(date);
  const { timeline } = data;
  const parts = [m.saidStarted(day(data.startDate))];
  if (timeline.renewals > 0) parts.push(m.saidRenewed(timeline.renewals));
  parts.push(m.saidPeriod(day(timeline.periodStart), timeline.periodEnd === null ? null : day(timeline.periodEnd)));
  if (timeline.noticeDeadline !== null) parts.push(m.saidNotice(day(timeline.noticeDeadline)));
  if (data.terminationDate !== null) parts.push(m.saidTerminated(day(data.terminationDate)));
  else if (timeline.nextRenewal !== null) parts.push(m.saidRenews(day(timeline.nextRenewal)));
  else if (timeline.finalDay !== null) parts.push(m.saidEnds(day(timeline.finalDay)));
  return parts.join(' ');
}

const WIDTH = 640;
const HEIGHT = 150;
const LEFT = 16;
const RIGHT = WIDTH - 16;
const BAR_Y = 58;
const BAR_HEIGHT = 22;

type Marker = { key: string; date: string; label: string; stroke: string; dash: string | undefined };

/**
 * The contract's terms as a timeline: the periods already renewed (grey), the current period (blue), the notice
 * deadline (a solid red marker), today, the next renewal or the end, and a termination. Marker labels alternate
 * above and below the bar so neighbours do not overlap; the caption says it all in words.
 */
export function TermsTimeline(props: { id: string; data: TermsTimelineData; locale: Locale }) {
  const { id, data, locale } = props;
  const m = MESSAGES[locale];
  const { timeline } = data;
  const periodEnd = timeline.periodEnd ?? dateOf(Math.max(dayOf(data.today), dayOf(timeline.periodStart)) + 365);
  const last = [periodEnd, timeline.nextRenewal, data.today].reduce<string>(
    (latest, date) => (date !== null && date > latest ? date : latest),
    data.startDate,
  );
  // A margin of a tenth of the span on the right, so the last marker's label fits.
  const endDay = dayOf(last) + Math.max(14, Math.round((dayOf(last) - dayOf(data.startDate)) / 10));
  const x = linearScale([dayOf(data.startDate), endDay], [LEFT, RIGHT]);
  const markers: Marker[] = [
    { key: 'start', date: data.startDate, label: m.start, stroke: '#222', dash: undefined },
    ...(timeline.noticeDeadline !== null
      ? [{ key: 'notice', date: timeline.noticeDeadline, label: m.notice, stroke: '#b00020', dash: undefined }]
      : []),
    ...(data.terminationDate !== null
      ? [{ key: 'terminated', date: data.terminationDate, label: m.terminated, stroke: '#b00020', dash: '4 2' }]
      : timeline.nextRenewal !== null
        ? [{ key: 'renewal', date: timeline.nextRenewal, label: m.renewal, stroke: '#1b7a3a', dash: '4 2' }]
        : timeline.finalDay !== null
          ? [{ key: 'end', date: timeline.finalDay, label: m.end, stroke: '#222', dash: undefined }]
          : []),
    { key: 'today', date: data.today, label: m.today, stroke: '#767676', dash: '2 3' },
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const summary = termsTimelineSummary(data, locale);

  return (
    <ChartFigure id={id} class="terms-timeline" width={WIDTH} height={HEIGHT} title={m.title} summary={summary}>
      {timeline.renewals > 0 && (
        <g class="earlier-periods">
          <rect
            x={px(x(dayOf(data.startDate)))}
            y={BAR_Y}
            width={px(x(dayOf(timeline.periodStart)) - x(dayOf(data.startDate)))}
            height={BAR_HEIGHT}
            fill="#c8c8c8"
          />
          <text x={px(x(dayOf(data.startDate)) + 4)} y={BAR_Y + 15} font-size="11" fill="#222">
            {m.earlier(timeline.renewals)}
          </text>
        </g>
      )}
      <rect
        class="current-period"
        x={px(x(dayOf(timeline.periodStart)))}
        y={BAR_Y}
        width={px(Math.max(1, x(dayOf(periodEnd) + 1) - x(dayOf(timeline.periodStart))))}
        height={BAR_HEIGHT}
        fill="#cfe3f5"
        stroke="#005a9c"
      />
      <g font-size="11" fill="#222">
        {timeTicks(data.startDate, dateOf(endDay), 6).map((tick) => (
          <text x={px(x(dayOf(tick)))} y={HEIGHT - 6} text-anchor="middle" fill="#444">
            {formatMonth(tick, locale)}
          </text>
        ))}
      </g>
      {markers.map((marker, index) => {
        const at = x(dayOf(marker.date));
        const above = index % 2 === 0;
        const labelY = above ? BAR_Y - 26 : BAR_Y + BAR_HEIGHT + 22;
        // Labels near the right edge end at their marker instead of starting there.
        const anchor = at > WIDTH - 120 ? 'end' : 'start';
        return (
          <g class={`marker marker-${marker.key}`}>
            <line
              x1={px(at)}
              x2={px(at)}
              y1={above ? BAR_Y - 20 : BAR_Y}
              y2={above ? BAR_Y + BAR_HEIGHT : BAR_Y + BAR_HEIGHT + 10}
              stroke={marker.stroke}
              stroke-width="2"
              stroke-dasharray={marker.dash}
            />
            <text x={px(at + (anchor === 'end' ? -3 : 3))} y={labelY} font-size="11" fill="#222" text-anchor={anchor}>
              {`${marker.label} ${formatterFor(locale).date(marker.date)}`}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
