import { describe, expect, it } from 'vitest';
import { contractFixture } from '../../test/support/contract-fixtures.js';
import { previewScheduleChange } from './preview-schedule-change.js';

const before = contractFixture({
  type: 'preventive',
  debtorNumber: 'D100',
  schedule: { unit: 'week', weekdays: ['mon'] },
});
const asOf = '2025-01-01T09:00:00Z';

describe('previewScheduleChange', () => {
  it('a weekday change moves every visit within its slot', () => {
    const preview = previewScheduleChange(
      before,
      { ...before, schedule: { unit: 'week', weekdays: ['tue'] } },
      { asOf, until: '2025-01-21' },
    );
    expect(preview.moved.map((m) => [m.from.targetDate, m.to.targetDate])).toEqual([
      ['2025-01-06', '2025-01-07'],
      ['2025-01-13', '2025-01-14'],
      ['2025-01-20', '2025-01-21'],
    ]);
    expect(preview.added).toEqual([]);
    expect(preview.removed).toEqual([]);
  });

  it('adding a weekday adds, removing one removes, the rest is unchanged', () => {
    const twice = { ...before, schedule: { unit: 'week' as const, weekdays: ['mon' as const, 'thu' as const] } };
    const added = previewScheduleChange(before, twice, { asOf, until: '2025-01-19' });
    expect(added.added.map((o) => o.targetDate)).toEqual(['2025-01-02', '2025-01-09', '2025-01-16']);
    expect(added.unchanged).toBe(2);
    const removed = previewScheduleChange(twice, before, { asOf, until: '2025-01-19' });
    expect(removed.removed.map((o) => o.targetDate)).toEqual(['2025-01-02', '2025-01-09', '2025-01-16']);
  });

  it('a change of days in advance changes the creation dates only (same visits: changed, not moved)', () => {
    const preview = previewScheduleChange(before, { ...before, daysInAdvance: 7 }, { asOf, until: '2025-01-13' });
    expect(preview.moved).toEqual([]);
    expect(preview.changed.every((c) => c.fields.join() === 'creationDate')).toBe(true);
    expect(preview.changed.map((m) => [m.from.creationDate, m.to.creationDate])).toEqual([
      ['2025-01-06', '2024-12-30'],
      ['2025-01-13', '2025-01-06'],
    ]);
  });

  it('generated and past occurrences are history and never part of the diff', () => {
    const preview = previewScheduleChange(
      before,
      { ...before, schedule: { unit: 'week', weekdays: ['tue'] } },
      { asOf: '2025-01-08T09:00:00Z', until: '2025-01-21', generatedKeys: ['C-1|*|2025-01-13'] },
    );
    // 6 Jan is past and 13 Jan is generated: both stay as they are. After 13 Jan, Monday 20 moves to its neighbour
    // Tuesday 21, and Tuesday 14 is new.
    expect(preview.moved.map((m) => [m.from.targetDate, m.to.targetDate])).toEqual([['2025-01-20', '2025-01-21']]);
    expect(preview.added.map((o) => o.targetDate)).toEqual(['2025-01-14']);
    expect(preview.removed).toEqual([]);
  });

  it('a generated occurrence separates slots, so the visits on either side pair on their own', () => {
    const preview = previewScheduleChange(
      before,
      { ...before, schedule: { unit: 'week', weekdays: ['tue'] } },
      { asOf: '2025-01-01T09:00:00Z', until: '2025-01-21', generatedKeys: ['C-1|*|2025-01-14'] },
    );
    // New Tuesday 14 Jan is already generated (say, by hand): Mondays 6 and 20 pair with Tuesdays 7 and 21.
    expect(preview.moved.map((m) => [m.from.targetDate, m.to.targetDate])).toEqual([
      ['2025-01-06', '2025-01-07'],
      ['2025-01-20', '2025-01-21'],
    ]);
    expect(preview.removed.map((o) => o.targetDate)).toEqual(['2025-01-13']);
    expect(preview.added).toEqual([]);
  });

  it('an earlier end date removes what lies after it', () => {
    const preview = previewScheduleChange(before, { ...before, endDate: '2025-01-10' }, { asOf, until: '2025-01-31' });
    expect(preview.removed.map((o) => o.targetDate)).toEqual(['2025-01-13', '2025-01-20', '2025-01-27']);
    expect(preview.unchanged).toBe(1);
  });

  it('compares one year ahead by default', () => {
    const preview = previewScheduleChange(before, before, { asOf });
    expect(preview.until).toBe('2026-01-02');
    expect(preview.unchanged).toBe(52);
  });
});
