import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../time/instant.js';
import { compileCalendar, workingSecondsBetween, type BusinessCalendar } from './business-calendar.js';
import { dutchDaysOff } from '../calendar/dutch-public-holidays.js';
import { slaDueTimes, slaState, type SlaPolicyInput } from './sla-policy.js';

const day: [string, string][] = [['08:00', '17:00']];
const calendar: BusinessCalendar = {
  tzid: 'Europe/Amsterdam',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
  holidays: dutchDaysOff(2024, 2027),
};
const policy: SlaPolicyInput = {
  code: 'GOUD',
  name: 'Goud',
  responseStatus: 'ONDERWEG',
  resolvedStatus: 'COMPLEET',
  clock: 'business',
  targets: {
    HOOG: { response: { amount: 4, unit: 'hours' }, resolution: { amount: 2, unit: 'days' } },
    LAAG: { response: { amount: 1, unit: 'days' }, resolution: { amount: 5, unit: 'days' } },
  },
};
const calendarPolicy: SlaPolicyInput = { ...policy, code: 'KLOK', clock: 'calendar' };

describe('slaDueTimes', () => {
  it('across a weekend (Friday 15:00 + 4 business hours = Monday 10:00)', () => {
    // Friday 7 March 2025 15:00 CET = 14:00Z.
    expect(slaDueTimes(policy, calendar, { priorityCode: 'HOOG', openedAt: '2025-03-07T14:00:00Z' })).toEqual({
      responseDue: '2025-03-10T09:00:00Z', // Monday 10:00 CET
      resolutionDue: '2025-03-11T14:00:00Z', // 2 days of 9 h = 18 h: Mon 10:00 … Tue 15:00 CET
    });
  });

  it('across Koningsdag on a weekday (Monday 27 April 2026)', () => {
    // Friday 24 April 2026 16:00 CEST = 14:00Z; 4 h: 1 h Friday, Koningsdag off, 3 h Tuesday → 11:00 CEST.
    expect(slaDueTimes(policy, calendar, { priorityCode: 'HOOG', openedAt: '2026-04-24T14:00:00Z' }).responseDue).toBe(
      '2026-04-28T09:00:00Z',
    );
  });

  it('across the spring-forward weekend: working hours stay 08:00–17:00 local', () => {
    // Friday 28 March 2025 16:00 CET = 15:00Z; 1 h Friday + 3 h Monday 31 March → 11:00 CEST = 09:00Z.
    expect(slaDueTimes(policy, calendar, { priorityCode: 'HOOG', openedAt: '2025-03-28T15:00:00Z' }).responseDue).toBe(
      '2025-03-31T09:00:00Z',
    );
  });

  it('across the fall-back weekend', () => {
    // Friday 24 October 2025 16:00 CEST = 14:00Z; 1 h Friday + 3 h Monday 27 October → 11:00 CET = 10:00Z.
    expect(slaDueTimes(policy, calendar, { priorityCode: 'HOOG', openedAt: '2025-10-24T14:00:00Z' }).responseDue).toBe(
      '2025-10-27T10:00:00Z',
    );
  });

  it('a calendar clock counts every hour, DST included', () => {
    // Saturday 29 March 2025 12:00Z + 1 day = 24 real hours later.
    expect(
      slaDueTimes(calendarPolicy, calendar, { priorityCode: 'LAAG', openedAt: '2025-03-29T12:00:00Z' }).responseDue,
    ).toBe('2025-03-30T12:00:00Z');
  });

  it('names an unknown priority', () => {
    expect(() => slaDueTimes(policy, calendar, { priorityCode: 'SPOED', openedAt: '2025-03-07T14:00:00Z' })).toThrow(
      expect.objectContaining({
        path: ['priorityCode'],
        message: expect.stringMatching(/no target for priority 'SPOED'.*HOOG, LAAG/),
      }),
    );
  });
});

describe('slaState', () => {
  const opened = '2025-03-03T08:00:00Z'; // Monday 09:00 CET
  const base = { priorityCode: 'HOOG', openedAt: opened };

  it('running with the working minutes left', () => {
    const state = slaState(policy, calendar, { ...base, history: [], asOf: '2025-03-03T10:00:00Z' });
    expect(state.response).toEqual({
      due: '2025-03-03T12:00:00Z',
      state: 'running',
      metAt: null,
      remainingMinutes: 120,
    });
    expect(state.resolution.state).toBe('running');
  });

  it('met when the response status came in time; the resolved status also counts as response', () => {
    const state = slaState(policy, calendar, {
      ...base,
      history: [
        { status: 'INGEPLAND', at: '2025-03-03T08:30:00Z' },
        { status: 'ONDERWEG', at: '2025-03-03T09:30:00Z' },
      ],
      asOf: '2025-03-05T12:00:00Z',
    });
    expect(state.response).toMatchObject({ state: 'met', metAt: '2025-03-03T09:30:00Z', remainingMinutes: 150 });
    expect(state.resolution).toMatchObject({ state: 'breached', metAt: null });
    const resolvedFirst = slaState(policy, calendar, {
      ...base,
      history: [{ status: 'COMPLEET', at: '2025-03-03T09:00:00Z' }],
      asOf: '2025-03-04T12:00:00Z',
    });
    expect(resolvedFirst.response.state).toBe('met');
    expect(resolvedFirst.resolution.state).toBe('met');
  });

  it('breached when the status came late, with the overrun as negative minutes', () => {
    const state = slaState(policy, calendar, {
      ...base,
      history: [{ status: 'ONDERWEG', at: '2025-03-03T13:00:00Z' }],
      asOf: '2025-03-03T14:00:00Z',
    });
    expect(state.response).toMatchObject({ state: 'breached', remainingMinutes: -60 });
  });

  it('ignores status changes after asOf', () => {
    const state = slaState(policy, calendar, {
      ...base,
      history: [{ status: 'ONDERWEG', at: '2025-03-03T11:00:00Z' }],
      asOf: '2025-03-03T10:00:00Z',
    });
    expect(state.response.state).toBe('running');
  });
});

describe('workingSecondsBetween', () => {
  it('is the inverse of adding working time', () => {
    const compiled = compileCalendar(calendar);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }),
        fc.integer({ min: 0, max: 20 * 9 * 60 }),
        (startMinute, minutes) => {
          const start = parseInstant('2025-01-01T00:00:00Z', []) + startMinute * 60;
          const due = parseInstant(
            slaDueTimes(
              {
                ...policy,
                targets: {
                  X: {
                    response: { amount: Math.max(1, minutes), unit: 'minutes' },
                    resolution: { amount: 1, unit: 'minutes' },
                  },
                },
              },
              calendar,
              { priorityCode: 'X', openedAt: formatInstant(start) },
            ).responseDue,
            [],
          );
          expect(workingSecondsBetween(compiled, start, due)).toBe(Math.max(1, minutes) * 60);
        },
      ),
      { numRuns: 200 },
    );
  });
});
