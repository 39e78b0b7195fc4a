import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    passWithNoTests: false,
    // PGlite takes seconds to start when two cores are shared by parallel test files; a PostgreSQL database is
    // created per file. Generous limits keep a slow machine from failing tests that are not slow by design.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
