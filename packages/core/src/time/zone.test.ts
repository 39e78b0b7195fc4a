import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.js';
import { formatOffset, localToOccurrence, zoneTimeline } from './zone.js';

describe('local wall time → instant (RFC 5545 §3.3.5)', () => {
  it('uses the offset in force on either side of a transition', () => {
    expect(localToOccurrence('2025-03-29T12:00:00', 'Europe/Amsterdam')).toEqual({
      local: '2025-03-29T12:00:00',
      instant: '2025-03-29T11:00:00Z',
      offset: '+01:00',
    });
    expect(localToOccurrence('2025-03-30T12:00:00', 'Europe/Amsterdam').offset).toBe('+02:00');
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(localToOccurrence('2025-03-30T02:30:00', 'Europe/Amsterdam')).toEqual({
      local: '2025-03-30T03:30:00',
      instant: '2025-03-30T01:30:00Z',
      offset: '+02:00',
    });
    expect(localToOccurrence('2025-03-09T02:00:00', 'America/New_York')).toEqual({
      local: '2025-03-09T03:00:00',
      instant: '2025-03-09T07:00:00Z',
      offset: '-04:00',
    });
    // Lord Howe Island shifts by half an hour.
    expect(localToOccurrence('2025-10-05T02:10:00', 'Australia/Lord_Howe')).toEqual({
      local: '2025-10-05T02:40:00',
      instant: '2025-10-04T15:40:00Z',
      offset: '+11:00',
    });
  });

  it('takes the first instant of a time that occurs twice', () => {
    expect(localToOccurrence('2025-10-26T02:30:00', 'Europe/Amsterdam')).toEqual({
      local: '2025-10-26T02:30:00',
      instant: '2025-10-26T00:30:00Z',
      offset: '+02:00',
    });
    expect(localToOccurrence('2025-11-02T01:30:00', 'America/New_York').instant).toBe('2025-11-02T05:30:00Z');
  });

  it('handles a skipped calendar day (Samoa, 30 December 2011)', () => {
    expect(localToOccurrence('2011-12-29T12:00:00', 'Pacific/Apia').offset).toBe('-10:00');
    expect(localToOccurrence('2011-12-30T12:00:00', 'Pacific/Apia')).toEqual({
      local: '2011-12-31T12:00:00',
      instant: '2011-12-30T22:00:00Z',
      offset: '+14:00',
    });
  });

  it('works for zones without DST and with fractional offsets', () => {
    expect(localToOccurrence('2025-06-01T09:00:00', 'Asia/Kolkata')).toEqual({
      local: '2025-06-01T09:00:00',
      instant: '2025-06-01T03:30:00Z',
      offset: '+05:30',
    });
    expect(localToOccurrence('2025-06-01T09:00:00', 'UTC').offset).toBe('+00:00');
    expect(formatOffset(-9000)).toBe('-02:30');
  });

  it('agrees with the zone database on the offset of every hour of a year', () => {
    const timeline = zoneTimeline('America/Sao_Paulo');
    // 2018 still had DST in Brazil (from 4 November).
    const start = Date.UTC(2018, 0, 1) / 1000;
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Sao_Paulo', timeZoneName: 'longOffset' });
    for (let hour = 0; hour < 365 * 24; hour += 7) {
      const at = start + hour * 3600;
      const name = parts.formatToParts(at * 1000).find((p) => p.type === 'timeZoneName')?.value ?? '';
      expect(`GMT${formatOffset(timeline.offsetAtInstant(at))}`).toBe(name === 'GMT' ? 'GMT+00:00' : name);
    }
  });

  it('refuses an unknown zone with an error that names the field', () => {
    expect(() => localToOccurrence('2025-01-01T00:00:00', 'Europe/Amsterdamm')).toThrowError(CoreError);
    try {
      localToOccurrence('2025-01-01T00:00:00', 'Mars/Olympus');
    } catch (error) {
      expect((error as CoreError).code).toBe('invalid-time-zone');
      expect((error as CoreError).path).toEqual(['tzid']);
    }
  });
});
