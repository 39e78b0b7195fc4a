import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.js';
import { dutchDaysOff } from '../calendar/dutch-public-holidays.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { addWorkingMinutes, compileCalendar, type BusinessCalendar } from './business-calendar.js';

const office: BusinessCalendar = {
  tzid: 'Europe/Amsterdam',
  hours: {
    mon: [['08:00', '17:00']],
    tue: [['08:00', '17:00']],
    wed: [['08:00', '17:00']],
    thu: [['08:00', '17:00']],
    fri: [['08:00', '17:00']],
    sat: [],
    sun: [],
  },
  holidays: dutchDaysOff(2024, 2027),
};

describe('addWorkingMinutes', () => {
  it('counts only working hours within a day', () => {
    // Tuesday 4 March 2025, 09:00 CET = 08:00Z; +60 min → 10:00 CET.
    expect(addWorkingMinutes(office, '2025-03-04T08:00:00Z', 60)).toBe('2025-03-04T09:00:00Z');
  });

  it('carries over the night and the weekend', () => {
    // Friday 7 March 16:00 CET + 2h → Monday 10 March 09:00 CET.
    expect(addWorkingMinutes(office, '2025-03-07T15:00:00Z', 120)).toBe('2025-03-10T08:00:00Z');
  });

  it('starts at the next working moment when the start is outside working hours', () => {
    // Saturday → Monday 08:00 + 30 min.
    expect(addWorkingMinutes(office, '2025-03-08T12:00:00Z', 30)).toBe('2025-03-10T07:30:00Z');
    expect(addWorkingMinutes(office, '2025-03-08T12:00:00Z', 0)).toBe('2025-03-10T07:00:00Z');
  });

  it('skips Koningsdag and the Easter holidays', () => {
    // Friday 25 April 2025 16:00 CEST + 2h: Sat 26 is Koningsdag (weekend anyway) → Monday 28 April 09:00 CEST.
    expect(addWorkingMinutes(office, '2025-04-25T14:00:00Z', 120)).toBe('2025-04-28T07:00:00Z');
    // Koningsdag 2026 is Monday 27 April: Friday 24 April 16:00 + 2h → Tuesday 28 April 09:00 CEST.
    expect(addWorkingMinutes(office, '2026-04-24T14:00:00Z', 120)).toBe('2026-04-28T07:00:00Z');
    // Thursday before Easter 2025 (17 April) 16:00 + 2h: Good Friday is a working day → Friday 09:00.
    expect(addWorkingMinutes(office, '2025-04-17T14:00:00Z', 120)).toBe('2025-04-18T07:00:00Z');
    // Friday 18 April 16:00 + 2h: Easter Monday is off → Tuesday 22 April 09:00 CEST.
    expect(addWorkingMinutes(office, '2025-04-18T14:00:00Z', 120)).toBe('2025-04-22T07:00:00Z');
  });

  it('keeps local working hours across both DST changes', () => {
    // Friday 28 March 2025 16:00 CET (15:00Z) + 2h → Monday 31 March 09:00 CEST = 07:00Z.
    expect(addWorkingMinutes(office, '2025-03-28T15:00:00Z', 120)).toBe('2025-03-31T07:00:00Z');
    // Friday 24 October 2025 16:00 CEST (14:00Z) + 2h → Monday 27 October 09:00 CET = 08:00Z.
    expect(addWorkingMinutes(office, '2025-10-24T14:00:00Z', 120)).toBe('2025-10-27T08:00:00Z');
  });

  it('counts real elapsed time in a shift that spans a DST change', () => {
    const nights: BusinessCalendar = {
      tzid: 'Europe/Amsterdam',
      hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [['00:00', '06:00']] },
    };
    // Sunday 30 March 2025 00:00–06:00 local is only 5 real hours (02:00–03:00 does not exist).
    expect(addWorkingMinutes(nights, '2025-03-29T23:00:00Z', 300)).toBe('2025-03-30T04:00:00Z');
    expect(addWorkingMinutes(nights, '2025-03-29T23:00:00Z', 301)).toBe('2025-04-05T22:01:00Z');
  });

  it('is monotonic and never lands outside working hours', () => {
    const compiled = compileCalendar(office);
    const start = parseInstant('2024-01-01T00:00:00Z', []);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 * 86400 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (offset, a, b) => {
          const at = formatInstant(start + offset);
          const first = addWorkingMinutes(office, at, Math.min(a, b));
          const second = addWorkingMinutes(office, at, Math.max(a, b));
          expect(first <= second).toBe(true);
          const result = parseInstant(second, []);
          const day = Math.floor((result + compiled.timeline.offsetAtInstant(result)) / 86400);
          const intervals = compiled.intervalsOf(day);
          let inside = false;
          for (let i = 0; i < intervals.length; i += 2) {
            if (result >= (intervals[i] as number) && result <= (intervals[i + 1] as number)) inside = true;
          }
          expect(inside).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses bad input with the field named', () => {
    expect(() => addWorkingMinutes(office, '2025-03-04 08:00', 10)).toThrowError(
      expect.objectContaining({ path: ['start'] }),
    );
    expect(() => addWorkingMinutes(office, '2025-03-04T08:00:00Z', -1)).toThrowError(
      expect.objectContaining({ path: ['minutes'] }),
    );
    const broken: BusinessCalendar = { ...office, hours: { ...office.hours, mon: [['17:00', '08:00']] } };
    try {
      addWorkingMinutes(broken, '2025-03-04T08:00:00Z', 10);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CoreError);
      expect((error as CoreError).path).toEqual(['hours', 'mon', 0]);
    }
  });
});
