import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { centsOf, fieldErrorsOf, fieldOfPath, listOf, textOf, wholeNumberOf } from './form-values.js';

describe('form values', () => {
  it('reads amounts as people type them, in Dutch or English notation, into cents', () => {
    const cents = (text: string) => centsOf({ amount: text }, 'amount');
    expect(cents('1200')).toBe(120_000);
    expect(cents('1.200,50')).toBe(120_050);
    expect(cents('1,200.50')).toBe(120_050);
    expect(cents('€ 99,95')).toBe(9_995);
    expect(cents('0,5')).toBe(50);
    expect(cents('1.234.567')).toBe(123_456_700);
    expect(cents('-12,00')).toBe(-1_200);
    expect(cents('')).toBeUndefined();
    // Not an amount: passed on for the schema to refuse on the field.
    expect(cents('twaalf')).toBe('twaalf');
    expect(cents('1,2,3')).toBe('1,2,3');
  });

  it('reads whole numbers, lists and texts', () => {
    const values = { days: ' 14 ', bad: '1.5', days2: ['mon', '', 'thu'] };
    expect(wholeNumberOf(values, 'days')).toBe(14);
    expect(wholeNumberOf(values, 'bad')).toBe('1.5');
    expect(wholeNumberOf(values, 'missing')).toBeUndefined();
    expect(listOf(values, 'days2')).toEqual(['mon', 'thu']);
    expect(textOf(values, 'days2')).toBe('mon');
  });

  it('finds the field of an error path, also under an edit’s changes', () => {
    const fields = ['name', 'budget.amount', 'schedule.weekdays', 'schedule.unit'];
    expect(fieldOfPath(['budget', 'amount', 'amount'], fields)).toBe('budget.amount');
    expect(fieldOfPath(['changes', 'schedule', 'weekdays', 0], fields)).toBe('schedule.weekdays');
    expect(fieldOfPath(['objectOwners'], fields)).toBe('');
    const schema = z.object({ name: z.string().min(1, 'give a name'), budget: z.object({ amount: z.number() }) });
    const parsed = schema.safeParse({ name: '', budget: { amount: 'x' } });
    expect(fieldErrorsOf(parsed.error!, fields)).toEqual([
      { field: 'name', message: 'give a name' },
      { field: 'budget.amount', message: expect.any(String) },
    ]);
  });
});
