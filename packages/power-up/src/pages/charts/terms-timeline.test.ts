import { describe, expect, it } from 'vitest';
import { renewalTimeline } from '@contractbeheer/core';
import { TermsTimeline, termsTimelineSummary, type TermsTimelineData } from './terms-timeline.js';

const terms = {
  code: 'JAAR',
  name: 'Jaarcontract',
  autoExtend: true,
  period: { count: 1, unit: 'year' },
  noticeBeforeCancellation: { count: 1, unit: 'month' },
} as const;
const contract = {
  id: 'C-1',
  type: 'corrective',
  startDate: '2024-01-01',
  debtorNumber: 'D1',
  termsCode: 'JAAR',
} as const;
const asOf = '2025-06-01T12:00:00Z';
const data: TermsTimelineData = {
  startDate: contract.startDate,
  today: '2025-06-01',
  timeline: renewalTimeline(contract, terms, { asOf }),
  terminationDate: null,
};
const render = async (input: TermsTimelineData, locale: 'nl' | 'en') =>
  String(await TermsTimeline({ id: 'terms', data: input, locale }));

describe('the terms timeline', () => {
  it('says in words what the core computed: the renewals, the current period, the notice deadline, the renewal', async () => {
    expect(termsTimelineSummary(data, 'en')).toBe(
      'Started on 1 Jan 2024. Renewed once. Current period 1 Jan 2025 to 31 Dec 2025. ' +
        'Notice can be given until 30 Nov 2025. Renews automatically on 1 Jan 2026.',
    );
    expect(termsTimelineSummary(data, 'nl')).toBe(
      'Gestart op 1 jan 2024. Eén keer verlengd. Lopende periode 1 jan 2025 tot en met 31 dec 2025. ' +
        'Opzeggen kan uiterlijk op 30 nov 2025. Verlengt automatisch op 1 jan 2026.',
    );
  });

  it('is an accessible image with markers in date order: start, today, notice deadline, renewal', async () => {
    const svg = await render(data, 'en');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="terms-title">Term and notice</title>');
    const order = [...svg.matchAll(/class="marker marker-(\w+)"/g)].map((match) => match[1]);
    expect(order).toEqual(['start', 'today', 'notice', 'renewal']);
    expect(svg).toContain('Notice by 30 Nov 2025');
    expect(svg).toContain('class="earlier-periods"');
    // The notice marker sits inside the current period's bar, before its right edge.
    const bar = /class="current-period" x="([\d.]+)" y="\d+" width="([\d.]+)"/.exec(svg)!;
    const notice = Number(/marker-notice"><line x1="([\d.]+)"/.exec(svg)![1]);
    expect(notice).toBeGreaterThan(Number(bar[1]));
    expect(notice).toBeLessThan(Number(bar[1]) + Number(bar[2]));
  });

  it('shows a termination instead of a renewal, and no notice deadline once terminated', async () => {
    const terminated = { ...contract, termination: { date: '2025-03-31' } };
    const input = {
      ...data,
      timeline: renewalTimeline(terminated, terms, { asOf }),
      terminationDate: '2025-03-31',
    };
    const svg = await render(input, 'nl');
    expect(svg).toContain('marker-terminated');
    expect(svg).not.toContain('marker-renewal');
    expect(svg).not.toContain('marker-notice');
    expect(termsTimelineSummary(input, 'nl')).toContain('Beëindigd per 31 mrt 2025.');
  });

  it('draws an open-ended contract without notice deadline', async () => {
    const open = { startDate: '2025-01-01', today: '2025-06-01', terminationDate: null };
    const timeline = renewalTimeline({ ...contract, startDate: '2025-01-01', termsCode: undefined }, undefined, {
      asOf,
    });
    const svg = await render({ ...open, timeline }, 'en');
    expect(svg).toContain('with no end date');
    expect(svg).not.toContain('marker-notice');
    expect(svg).not.toContain('NaN');
  });
});
