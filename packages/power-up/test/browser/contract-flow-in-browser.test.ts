/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPagesWorld, TENANT, type PagesWorld } from '../pages/pages-harness.js';
import { seriousViolations } from './axe-scan.js';
import { chromiumAvailable, launchChromium } from './chromium.js';

/** Where the screenshots go (gitignored; see the README): one per page and language. */
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-artifacts/screenshots');

describe.runIf(chromiumAvailable())('the contract screens in Chromium', () => {
  let world: PagesWorld;
  let browser: Browser;
  let page: Page;
  const failures: string[] = [];

  /** Scans the page with axe and writes its screenshot; violations are collected and checked at the end. */
  async function check(name: string): Promise<void> {
    failures.push(...(await seriousViolations(page)).map((violation) => `${name}: ${violation}`));
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    [world, browser] = await Promise.all([startPagesWorld(), launchChromium()]);
    const meta = { actor: 'test', at: world.running.clock.now().toISOString() };
    await world.running.powerUp.store
      .forTenant(TENANT)
      .cancellationReasons.put({ code: 'VERHUISD', label: 'Klant verhuisd', archived: false }, meta);
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('create through the form with its live preview, see the timeline, terminate with a reason, see the report change', async () => {
    const open = async (pagePath: string, entity: Parameters<PagesWorld['mint']>[0]['entity'], locale: 'nl' | 'en') =>
      page.goto(`${world.running.url}${pagePath}?context=${encodeURIComponent(await world.mint({ entity, locale }))}`);
    const report = async () => {
      await open('/pages/reports/cancellations', { type: 'dashboard' }, 'nl');
      return page.locator('main').innerText();
    };
    expect(await report()).not.toContain('Klant verhuisd');

    // The form, opened from the customer's screen: the customer is filled in.
    expect((await open('/pages/contracts/new', { type: 'customer', id: 'D1001' }, 'nl'))?.status()).toBe(200);
    expect(await page.inputValue('#f-debtorNumber')).toBe('D1001');
    await check('contract-new-nl');
    await page.fill('#f-id', 'BROWSER-1');
    await page.fill('#f-name', 'Onderhoud via de browser');
    await page.selectOption('#f-schedule-unit', 'week');
    await page.check('input[name="schedule.weekdays"][value="tue"]');
    await page.fill('#f-daysInAdvance', '7');
    // The live preview (the page's small script) describes the schedule and lists its dates while typing.
    await expect
      .poll(() => page.locator('#schedule-preview').innerText(), { timeout: 15_000 })
      .toContain('elke week op dinsdag');
    expect(await page.locator('#schedule-preview table.preview-dates tbody tr').count()).toBeGreaterThan(3);
    await check('contract-new-preview-nl');

    await Promise.all([page.waitForURL(/\/pages\/contracts\/BROWSER-1\?/), page.click('button[value="save"]')]);
    expect(await page.locator('h1').innerText()).toBe('Contract Onderhoud via de browser');
    expect(await page.locator('figure.schedule-timeline svg[role="img"] title').textContent()).toBe(
      'Planning van werkbonnen',
    );
    expect(await page.locator('figure.terms-timeline figcaption').innerText()).toContain('Gestart op');
    await check('contract-detail-nl');

    // The same contract in English, and its edit form with a reviewed change.
    await open('/pages/contracts/BROWSER-1', { type: 'contract', id: 'BROWSER-1' }, 'en');
    await check('contract-detail-en');
    await open('/pages/contracts/BROWSER-1/edit', { type: 'contract', id: 'BROWSER-1' }, 'en');
    await page.check('input[name="schedule.weekdays"][value="fri"]');
    await Promise.all([page.waitForLoadState('load'), page.click('button[value="review"]')]);
    await expect.poll(() => page.locator('.change-diff').innerText()).toContain('What this change does');
    await check('contract-edit-review-en');

    // Terminate with a reason, from the contract's page.
    await open('/pages/contracts/BROWSER-1', { type: 'contract', id: 'BROWSER-1' }, 'nl');
    await Promise.all([page.waitForURL(/\/terminate\?/), page.click('a[href*="/terminate"]')]);
    await check('contract-terminate-nl');
    await page.fill('#f-date', '2026-06-30');
    await page.selectOption('#f-reasonCode', 'VERHUISD');
    await page.fill('#f-remark', 'Klant is verhuisd naar Zwolle');
    await Promise.all([
      page.waitForURL(/\/pages\/contracts\/BROWSER-1\?/),
      page.click('#terminate-form button[type="submit"]'),
    ]);
    expect(await page.locator('main').innerText()).toContain('Beëindigd per 30 jun 2026');

    // The report counts the termination under its reason, with the value lost.
    const after = await report();
    expect(after).toContain('Klant verhuisd');
    expect(await page.locator('figure.cancellation-chart svg[role="img"]').count()).toBe(1);
    await check('report-cancellations-after-nl');

    expect(failures).toEqual([]);
  }, 240_000);
});
