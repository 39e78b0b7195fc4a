import { describe, expect, it } from 'vitest';
import { tenantSettingsSchema } from './rows.js';

describe('tenant settings as stored', () => {
  it('reads a row saved before working hours were a setting as the office hours SLA clocks counted until then', () => {
    const stored = { reasonRequired: true, catchUpLimitDays: 14, timeZone: 'Europe/Brussels', holidays: 'nl' };
    const settings = tenantSettingsSchema.parse(stored);
    expect(settings.workingHours).toEqual({
      mon: [['08:00', '17:00']],
      tue: [['08:00', '17:00']],
      wed: [['08:00', '17:00']],
      thu: [['08:00', '17:00']],
      fri: [['08:00', '17:00']],
      sat: [],
      sun: [],
    });
    // Each row gets its own copy: changing one tenant's hours in memory cannot change another's default.
    settings.workingHours.mon.push(['18:00', '20:00']);
    expect(tenantSettingsSchema.parse(stored).workingHours.mon).toEqual([['08:00', '17:00']]);
  });
});
