import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (the `chromium` package); `.ci/run` installs it when it is missing. Never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';

/** The flags TOOLCHAIN.md names for this machine (playwright adds `--headless` and a fresh `--user-data-dir`). */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Whether the browser suite can run. Without Chromium it fails in CI (`CI` set: the run must prove the pages in a
 * browser) and skips locally — loudly, so nobody mistakes a skipped suite for a passing one.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) {
    throw new Error(`Chromium is not at ${CHROMIUM}: CI must run the browser tests (.ci/run installs 'chromium').`);
  }
  console.warn(
    `\n${'!'.repeat(100)}\n!!! BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}. Install it: apt-get install -y chromium\n${'!'.repeat(100)}\n`,
  );
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true, timeout: 60_000 });
}
