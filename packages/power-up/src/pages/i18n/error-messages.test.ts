import { describe, expect, it } from 'vitest';
import { refusalText } from './error-messages.js';

const refusal = (code: string, path: (string | number)[], message = 'the API’s own words') => ({
  code,
  path,
  message,
});

describe('refusalText', () => {
  it('gives a Dutch page the text of the code and the field, under an edit’s changes and inside a field too', () => {
    expect(refusalText('nl', refusal('invalid-input', ['schedule', 'weekdays']))).toBe('Kies minstens één weekdag.');
    expect(refusalText('nl', refusal('invalid-input', ['changes', 'budget', 'amount', 'amount']))).toBe(
      'Vul een bedrag in, bijvoorbeeld 2.500,00.',
    );
    expect(refusalText('nl', refusal('too_small', ['objectCodes', 2]))).toBe(
      'Vul de objectcodes in, elk object één keer.',
    );
    expect(refusalText('nl', refusal('already-exists', ['newId']))).toBe(
      'Er bestaat al een contract met dit nummer: kies een ander nummer.',
    );
  });

  it('uses the code’s general text for a field it has no words for, also for an error about no field', () => {
    expect(refusalText('nl', refusal('invalid-input', ['freeFields', 'x']))).toBe(
      'Deze waarde klopt niet: controleer het veld.',
    );
    expect(refusalText('nl', refusal('not-allowed', []))).toMatch(/^Dit kan niet met dit contract/);
  });

  it('keeps the API’s message for a code without a translation, and on English pages', () => {
    expect(refusalText('nl', refusal('credentials-unreadable', ['tenant']))).toBe('the API’s own words');
    expect(refusalText('en', refusal('invalid-input', ['schedule', 'weekdays']))).toBe('the API’s own words');
  });
});
