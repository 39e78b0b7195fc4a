import { describe, expect, it } from 'vitest';
import { intervalsText } from '../shared/working-hours.js';
import { dayHoursOf } from './working-hours-form.js';

describe('a day’s working hours as typed', () => {
  it.each([
    ['08:00–17:00', [['08:00', '17:00']]],
    [
      '8:00-12:00, 13:00-17:00',
      [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ],
    ],
    [
      ' 7.30 tot 16.00 ; 18:00 to 24:00 ',
      [
        ['07:30', '16:00'],
        ['18:00', '24:00'],
      ],
    ],
    ['', []],
  ])('reads %j', (text, intervals) => {
    expect(dayHoursOf(text)).toEqual(intervals);
  });

  it.each(['8 tot 5', '08:00', '08:00–17:00,', 'maandag', '08:00–17:00 13:00–14:00'])(
    'refuses %j (not written as intervals)',
    (text) => {
      expect(dayHoursOf(text)).toBeUndefined();
    },
  );

  it('reads back what the form shows', () => {
    const intervals: [string, string][] = [
      ['08:00', '12:00'],
      ['12:30', '17:00'],
    ];
    expect(dayHoursOf(intervalsText(intervals))).toEqual(intervals);
  });
});
