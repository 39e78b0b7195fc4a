import { defineConfig } from 'vitest/config';

// The engine must not depend on the host's time zone: every suite runs under three TZ settings.
const zones = ['UTC', 'America/New_York', 'Asia/Kolkata'];

export default defineConfig({
  test: {
    projects: zones.map((tz) => ({
      extends: true,
      test: { name: `TZ=${tz}`, env: { TZ: tz }, include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
    })),
  },
});
