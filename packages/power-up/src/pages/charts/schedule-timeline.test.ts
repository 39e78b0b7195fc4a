import { describe, expect, it } from 'vitest';
import {
  ScheduleTimeline,
  scheduleTimelineSummary,
  type ScheduleTimelineData,
  type TimelineOccurrence,
} from './schedule-timeline.js';

const occurrence = (targetDate: string, state: TimelineOccurrence['state'], late = false) => ({
  targetDate,
  state,
  late,
});
const data: ScheduleTimelineData = {
  from: '2026-01-01',
  until: '2026-12-31',
  today: '2026-04-15',
  occurrences: [
    occurrence('2026-01-15', 'created'),
    occurrence('2026-02-15', 'created'),
    occurrence('2026-03-15', 'skipped'),
    occurrence('2026-04-15', 'planned', true),
    occurrence('2026-05-15', 'planned'),
    occurrence('2026-06-15', 'pending'),
  ],
  nextCreationDate: '2026-05-01',
};
const render = async (input: ScheduleTimelineData, locale: 'nl' | 'en') =>
  String(await ScheduleTimeline({ id: 'schedule', data: input, locale }));
const marksIn = (svg: string) => /<g class="marks">(.*?)<\/g>/.exec(svg)![1]!;

describe('the schedule timeline', () => {
  it('counts the occurrences per kind in words, in Dutch and English', async () => {
    expect(scheduleTimelineSummary(data, 'en')).toBe(
      'From 1 Jan 2026 to 31 Dec 2026: 2 generated, 2 planned, 1 late, 1 skipped. ' +
        'The next work order is created on 1 May 2026.',
    );
    expect(scheduleTimelineSummary(data, 'nl')).toBe(
      'Van 1 jan 2026 tot en met 31 dec 2026: 2 aangemaakt, 2 gepland, 1 te laat, 1 overgeslagen. ' +
        'De volgende werkbon wordt aangemaakt op 1 mei 2026.',
    );
  });

  it('puts each occurrence in its lane, at its date, in date order along the axis', async () => {
    const svg = await render(data, 'en');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="schedule-title">Work-order schedule</title>');
    const marks = [...marksIn(svg).matchAll(/<rect x="([\d.]+)" y="([\d.]+)"[^>]*fill="(#\w+)"/g)];
    expect(marks).toHaveLength(6);
    const xs = marks.map((mark) => Number(mark[1]));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    // Lanes: generated, planned, late, skipped — by y.
    const ys = marks.map((mark) => Number(mark[2]));
    expect(ys[0]).toBe(ys[1]); // both generated
    expect(ys[3]).toBeGreaterThan(ys[4]!); // late lies below planned
    expect(ys[2]).toBeGreaterThan(ys[3]!); // skipped lies lowest
    expect(ys[5]).toBe(ys[4]); // pending is still planned
    expect(svg).toContain('class="today"');
  });

  it('draws a dense schedule per month, with at most one mark per lane and month', async () => {
    const days: TimelineOccurrence[] = [];
    for (let day = Date.UTC(2022, 0, 1); day <= Date.UTC(2026, 11, 31); day += 86_400_000) {
      days.push(
        occurrence(new Date(day).toISOString().slice(0, 10), day < Date.UTC(2024, 0, 1) ? 'created' : 'planned'),
      );
    }
    const svg = await render({ ...data, from: '2022-01-01', until: '2026-12-31', occurrences: days }, 'en');
    const marks = marksIn(svg).match(/<rect /g)!;
    expect(marks).toHaveLength(60); // 24 generated months + 36 planned months
    expect(svg).toContain('From 1 Jan 2022 to 31 Dec 2026: 730 generated, 1096 planned.');
    expect(svg.length).toBeLessThan(20_000);
  });

  it('says when nothing more will be created, and draws an empty window without errors', async () => {
    const empty = { ...data, occurrences: [], nextCreationDate: null };
    expect(scheduleTimelineSummary(empty, 'en')).toContain('no work orders. No further work order will be created.');
    expect(await render(empty, 'nl')).not.toContain('NaN');
  });
});
