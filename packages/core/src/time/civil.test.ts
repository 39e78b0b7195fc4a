import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatLocalSeconds,
  parseLocalSeconds,
  weekdayOfDays,
} from './civil.js';

describe('civil calendar arithmetic', () => {
  it('counts days from 1970-01-01, a Thursday', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    expect(weekdayOfDays(0)).toBe(3);
    expect(weekdayOfDays(daysFromCivil(2025, 3, 24))).toBe(0); // a Monday
    expect(weekdayOfDays(daysFromCivil(1969, 12, 28))).toBe(6); // a Sunday, before the epoch
  });

  it('round-trips every day between year 1 and 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1, 1, 1), max: daysFromCivil(9999, 12, 31) }), (days) => {
        const [y, m, d] = civilFromDays(days);
        expect(daysFromCivil(y, m, d)).toBe(days);
        expect(d).toBeLessThanOrEqual(daysInMonth(y, m));
      }),
    );
  });

  it('knows the Gregorian leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2025, 4)).toBe(30);
  });

  it('parses and formats local wall times, refusing dates that do not exist', () => {
    const seconds = parseLocalSeconds('2025-03-30T02:30:00');
    expect(seconds).toBe(daysFromCivil(2025, 3, 30) * 86400 + 2.5 * 3600);
    expect(formatLocalSeconds(seconds as number)).toBe('2025-03-30T02:30:00');
    expect(parseLocalSeconds('2025-03-30')).toBe(daysFromCivil(2025, 3, 30) * 86400);
    expect(parseLocalSeconds('2025-03-30T02:30')).toBe(seconds);
    for (const bad of ['2025-02-29', '2025-13-01', '2025-04-31T00:00:00', '2025-01-01T24:00:00', '2025-1-1', '']) {
      expect(parseLocalSeconds(bad)).toBeUndefined();
    }
  });
});
