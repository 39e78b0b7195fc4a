import { ChartFigure } from './chart-figure.js';
import { dayOf, linearScale, px, timeTicks } from './chart-scale.js';
import { defineMessages } from '../i18n/define-messages.js';
import { formatterFor } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { formatMonth } from './locale-format.js';

/** An occurrence as the schedule view (`GET /contracts/{id}/schedule`) answers it; only what the chart reads. */
export type TimelineOccurrence = {
  targetDate: string;
  state: 'planned' | 'pending' | 'created' | 'skipped' | 'failed';
  late: boolean;
};

export type ScheduleTimelineData = {
  from: string;
  until: string;
  today: string;
  occurrences: readonly TimelineOccurrence[];
  nextCreationDate: string | null;
};

/** The lanes, top to bottom. `pending` (being written to the host) counts as planned: it is not generated yet. */
const KINDS = ['generated', 'planned', 'late', 'skipped'] as const;
type Kind = (typeof KINDS)[number];

/**
 * The lane an occurrence belongs in. A `failed` one (every attempt failed: a person must look) is not generated and
 * its time has come: it is drawn as late.
 */
export function occurrenceKind(occurrence: TimelineOccurrence): Kind {
  if (occurrence.state === 'created') return 'generated';
  if (occurrence.state === 'skipped') return 'skipped';
  if (occurrence.state === 'failed') return 'late';
  return occurrence.late ? 'late' : 'planned';
}

const COLOURS: Record<Kind, string> = {
  generated: '#1b7a3a',
  planned: '#005a9c',
  late: '#b00020',
  skipped: '#767676',
};

const MESSAGES = defineMessages({
  nl: {
    title: 'Planning van werkbonnen',
    generated: 'Aangemaakt',
    planned: 'Gepland',
    late: 'Te laat',
    skipped: 'Overgeslagen',
    summary: (from: string, until: string, counts: string, next: string | null) =>
      `Van ${from} tot en met ${until}: ${counts}.` +
      (next === null ? ' Er wordt geen werkbon meer aangemaakt.' : ` De volgende werkbon wordt aangemaakt op ${next}.`),
    none: 'geen werkbonnen',
  },
  en: {
    title: 'Work-order schedule',
    generated: 'Generated',
    planned: 'Planned',
    late: 'Late',
    skipped: 'Skipped',
    summary: (from: string, until: string, counts: string, next: string | null) =>
      `From ${from} to ${until}: ${counts}.` +
      (next === null ? ' No further work order will be created.' : ` The next work order is created on ${next}.`),
    none: 'no work orders',
  },
});

function countByKind(occurrences: readonly TimelineOccurrence[]): Record<Kind, number> {
  const counts: Record<Kind, number> = { generated: 0, planned: 0, late: 0, skipped: 0 };
  for (const occurrence of occurrences) counts[occurrenceKind(occurrence)]++;
  return counts;
}

/** The schedule in words: the window, how many occurrences of each kind, and the next creation date. */
export function scheduleTimelineSummary(data: ScheduleTimelineData, locale: Locale): string {
  const m = MESSAGES[locale];
  const counts = countByKind(data.occurrences);
  const parts = KINDS.filter((kind) => counts[kind] > 0).map((kind) => `${counts[kind]} ${m[kind].toLowerCase()}`);
  return m.summary(
    formatterFor(locale).date(data.from),
    formatterFor(locale).date(data.until),
    parts.length === 0 ? m.none : parts.join(', '),
    data.nextCreationDate === null ? null : formatterFor(locale).date(data.nextCreationDate),
  );
}

const WIDTH = 640;
const LANE_HEIGHT = 24;
const TOP = 8;
const LABEL_WIDTH = 96;
const RIGHT = WIDTH - 12;
/** Beyond this many occurrences a mark per occurrence would be thinner than a pixel: marks become months. */
const MAX_SINGLE_MARKS = 400;

/**
 * The schedule as a timeline: one lane per kind (generated, planned, late, skipped), each occurrence a mark at its
 * target date, and today as a dotted line. A dense schedule (more than 400 occurrences, e.g. daily for years) is
 * drawn per month instead — one mark per lane and month, darker for more occurrences — so the page stays small.
 * Lanes are labelled, so the kind is read from the position, not only the colour.
 */
export function ScheduleTimeline(props: { id: string; data: ScheduleTimelineData; locale: Locale }) {
  const { id, data, locale } = props;
  const m = MESSAGES[locale];
  const height = TOP + KINDS.length * LANE_HEIGHT + 24;
  const x = linearScale([dayOf(data.from), dayOf(data.until) + 1], [LABEL_WIDTH, RIGHT]);
  const laneY = (kind: Kind) => TOP + KINDS.indexOf(kind) * LANE_HEIGHT;
  const summary = scheduleTimelineSummary(data, locale);
  const todayDay = dayOf(data.today);
  const showToday = todayDay >= dayOf(data.from) && todayDay <= dayOf(data.until);

  let marks;
  if (data.occurrences.length <= MAX_SINGLE_MARKS) {
    const width = Math.max(2, Math.min(6, (RIGHT - LABEL_WIDTH) / Math.max(1, data.occurrences.length) / 2));
    marks = data.occurrences.map((occurrence) => {
      const kind = occurrenceKind(occurrence);
      return (
        <rect
          x={px(x(dayOf(occurrence.targetDate)) - width / 2)}
          y={laneY(kind) + 5}
          width={px(width)}
          height={LANE_HEIGHT - 10}
          fill={COLOURS[kind]}
        />
      );
    });
  } else {
    const buckets = new Map<string, { kind: Kind; month: string; count: number }>();
    for (const occurrence of data.occurrences) {
      const kind = occurrenceKind(occurrence);
      const month = occurrence.targetDate.slice(0, 7);
      const bucket = buckets.get(`${kind}|${month}`);
      if (bucket === undefined) buckets.set(`${kind}|${month}`, { kind, month, count: 1 });
      else bucket.count++;
    }
    const most = Math.max(...[...buckets.values()].map((bucket) => bucket.count));
    marks = [...buckets.values()].map((bucket) => {
      const first = Math.max(dayOf(`${bucket.month}-01`), dayOf(data.from));
      const [year, month] = [Number(bucket.month.slice(0, 4)), Number(bucket.month.slice(5, 7))];
      // The first day of the next month (Date.UTC rolls month 12 over into January).
      const next = Math.min(Date.UTC(year, month, 1) / 86_400_000, dayOf(data.until) + 1);
      return (
        <rect
          x={px(x(first))}
          y={laneY(bucket.kind) + 5}
          width={px(Math.max(1, x(next) - x(first) - 1))}
          height={LANE_HEIGHT - 10}
          fill={COLOURS[bucket.kind]}
          fill-opacity={String(Math.round((0.3 + (0.7 * bucket.count) / most) * 100) / 100)}
        />
      );
    });
  }

  return (
    <ChartFigure id={id} class="schedule-timeline" width={WIDTH} height={height} title={m.title} summary={summary}>
      <g font-size="11" fill="#222">
        {KINDS.map((kind) => (
          <g class={`lane lane-${kind}`}>
            <line
              x1={LABEL_WIDTH}
              x2={RIGHT}
              y1={laneY(kind) + LANE_HEIGHT / 2}
              y2={laneY(kind) + LANE_HEIGHT / 2}
              stroke="#e4e4e4"
            />
            <text x={LABEL_WIDTH - 8} y={laneY(kind) + 16} text-anchor="end">
              {m[kind]}
            </text>
          </g>
        ))}
        {timeTicks(data.from, data.until, 6).map((tick) => (
          <text x={px(x(dayOf(tick)))} y={height - 6} text-anchor="middle" fill="#444">
            {formatMonth(tick, locale)}
          </text>
        ))}
      </g>
      <g class="marks">{marks}</g>
      {showToday && (
        <line
          class="today"
          x1={px(x(todayDay))}
          x2={px(x(todayDay))}
          y1={TOP}
          y2={TOP + KINDS.length * LANE_HEIGHT}
          stroke="#222"
          stroke-dasharray="2 3"
        />
      )}
    </ChartFigure>
  );
}
