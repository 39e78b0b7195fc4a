import { describe, expect, it } from 'vitest';
import { localDateAt } from './instant.js';

describe('localDateAt', () => {
  it('answers a repeated instant and zone as it answered the first time, zones mixed', () => {
    const asOf = '2024-12-31T23:30:00Z';
    for (let round = 0; round < 2; round++) {
      expect(localDateAt(asOf, 'Europe/Amsterdam')).toBe('2025-01-01');
      expect(localDateAt(asOf, 'America/New_York')).toBe('2024-12-31');
      expect(localDateAt(asOf, 'Pacific/Auckland')).toBe('2025-01-01');
      expect(localDateAt('2025-06-30T22:00:00Z', 'Europe/Amsterdam')).toBe('2025-07-01');
      expect(localDateAt('2025-06-30T22:00:00Z', 'UTC')).toBe('2025-06-30');
    }
  });

  it('still refuses a bad zone, or an instant out of range there, for an instant it has answered', () => {
    const asOf = '2025-06-30T22:00:00Z';
    expect(localDateAt(asOf, 'Europe/Amsterdam')).toBe('2025-07-01');
    expect(() => localDateAt(asOf, 'Mars/Olympus')).toThrow(expect.objectContaining({ code: 'invalid-time-zone' }));
    expect(() => localDateAt(asOf, 42 as unknown as string)).toThrow(expect.objectContaining({ path: ['tzid'] }));
    expect(localDateAt('9999-12-31T23:00:00Z', 'UTC')).toBe('9999-12-31');
    expect(() => localDateAt('9999-12-31T23:00:00Z', 'Asia/Kolkata')).toThrow(
      expect.objectContaining({ path: ['asOf'] }),
    );
    expect(() => localDateAt('2025-06-30', 'UTC')).toThrow(expect.objectContaining({ path: ['asOf'] }));
  });
});
