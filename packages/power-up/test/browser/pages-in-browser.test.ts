/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser: they see the DOM's globals.)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema, type Manifest } from '../../src/pages/manifest/manifest-schema.js';
import { startPagesWorld, type PagesWorld } from '../pages/pages-harness.js';
import { seriousViolations } from './axe-scan.js';
import { chromiumAvailable, launchChromium } from './chromium.js';

/** Where the screenshots go (gitignored; see the README): one per page and language. */
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-artifacts/screenshots');

/** The host record each kind of context names in these tests: the preview's. */
const ENTITY_IDS: Record<string, string | undefined> = {
  object: 'CV-KETEL-88',
  customer: 'D1001',
  'work-order': 'PREVIEW-SLA-1',
};

/**
 * The settings forms in the states the every-page scan does not reach: editing a stored record, and a refused post
 * (filled in as a person would, with mistakes; the field left empty is refused too).
 */
const SETTINGS_FORMS = [
  {
    key: 'settings-terms',
    path: '/pages/settings/terms',
    edit: 'PREVIEW-JAAR',
    fill: { '#f-code': 'NIEUW', '#f-period-count': '0' },
    submit: 'button[name=intent][value=create]',
    errors: ['#f-name-error', '#f-period-count-error'],
  },
  {
    key: 'settings-sla-policies',
    path: '/pages/settings/sla-policies',
    edit: 'PREVIEW-SLA',
    fill: { '#f-code': 'NIEUW', '#f-target-0-priority': '1', '#f-target-0-response-amount': '0' },
    submit: 'button[name=intent][value=create]',
    errors: ['#f-name-error', '#f-responseStatus-error', '#f-target-0-response-amount-error'],
  },
  {
    key: 'settings-working-hours',
    path: '/pages/settings/sla-policies',
    edit: undefined,
    fill: { '#f-workingHours-mon': 'acht tot vijf' },
    submit: 'button[name=intent][value=working-hours]',
    errors: ['#f-workingHours-mon-error'],
  },
];

describe.runIf(chromiumAvailable())('the pages in Chromium', () => {
  let world: PagesWorld;
  let browser: Browser;
  let page: Page;
  let manifest: Manifest;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startPagesWorld(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const served = await (await fetch(`${world.running.url}/manifest.json`)).text();
    manifest = manifestSchema.parse(JSON.parse(served.replaceAll(world.running.url, '')));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('the host preview shows the power-up tabs framed in, each with its content', async () => {
    // Large enough for all four frames at once: Chromium does not paint frames outside the viewport.
    await page.setViewportSize({ width: 1400, height: 1100 });
    await page.goto(`${world.host.origin}/host-preview`);
    const expected: Record<string, string> = {
      '/pages/object-tab': 'PREVIEW-ONDERHOUD',
      '/pages/customer-tab': 'PREVIEW-STORING',
      '/pages/work-order-panel': 'Storingsdienst 24/7',
      '/pages/dashboard-widget': 'PREVIEW-ONDERHOUD',
    };
    for (const [pagePath, text] of Object.entries(expected)) {
      const frame = page.frameLocator(`iframe[data-page="${pagePath}"]`);
      await expect.poll(() => frame.locator('main').innerText(), { timeout: 15_000 }).toContain(text);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'host-preview-nl.png'), fullPage: true });
    await page.goto(`${world.host.origin}/host-preview?lang=en`);
    await expect
      .poll(() => page.frameLocator('iframe[data-page="/pages/customer-tab"]').locator('h1').innerText(), {
        timeout: 15_000,
      })
      .toBe('Contracts of customer D1001');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'host-preview-en.png'), fullPage: true });
    await page.setViewportSize({ width: 1000, height: 800 });
  });

  it('a page is not shown in a frame of any other origin', async () => {
    const token = await world.mint({ entity: { type: 'object', id: 'CV-KETEL-88' } });
    // The power-up's own origin is not the tenant's host: its frame stays empty (CSP frame-ancestors).
    await page.goto(`${world.running.url}/manifest.json`);
    await page.setContent(
      `<iframe title="t" src="${world.running.url}/pages/object-tab?context=${encodeURIComponent(token)}"></iframe>`,
      { waitUntil: 'load' },
    );
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    const text = await framed?.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    expect(text).not.toContain('PREVIEW-ONDERHOUD');
  });

  it('refuses a forged and an expired context with a refusal page and no data', async () => {
    const forged = await world.mint(
      { entity: { type: 'object', id: 'CV-KETEL-88' } },
      { secret: 'whsec_forged-00000000000' },
    );
    const forgedAnswer = await page.goto(`${world.running.url}/pages/object-tab?context=${encodeURIComponent(forged)}`);
    expect(forgedAnswer?.status()).toBe(401);
    expect(await page.locator('[role=alert]').innerText()).toContain('niet door uw omgeving ondertekend');
    expect(await page.content()).not.toContain('PREVIEW-ONDERHOUD');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'refused-forged-nl.png') });

    const expired = await world.mint(
      { entity: { type: 'object', id: 'CV-KETEL-88' }, locale: 'en' },
      { now: new Date(world.running.clock.now().getTime() - 3600_000), lifetimeSeconds: 600 },
    );
    const expiredAnswer = await page.goto(
      `${world.running.url}/pages/object-tab?context=${encodeURIComponent(expired)}`,
    );
    expect(expiredAnswer?.status()).toBe(401);
    expect(await page.locator('[role=alert]').innerText()).toContain('The context of this page has expired.');
    expect(await page.content()).not.toContain('PREVIEW-ONDERHOUD');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'refused-expired-en.png') });
  });

  it('every page in the manifest, in Dutch and English: no serious or critical axe violation, a screenshot each', async () => {
    const failures: string[] = [];
    for (const capability of manifest.capabilities) {
      for (const locale of ['nl', 'en'] as const) {
        const id = ENTITY_IDS[capability.entity];
        const token = await world.mint({
          entity: { type: capability.entity, ...(id !== undefined && { id }) },
          locale,
        });
        const answer = await page.goto(`${world.running.url}${capability.url}?context=${encodeURIComponent(token)}`);
        expect(answer?.status(), capability.url).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        failures.push(
          ...(await seriousViolations(page)).map((violation) => `${capability.url} (${locale}): ${violation}`),
        );
        await page.screenshot({ path: path.join(SCREENSHOTS, `${capability.key}-${locale}.png`), fullPage: true });
      }
    }
    expect(failures).toEqual([]);
    // Every capability in two languages, each scanned by axe: longer than one page's default on a loaded machine.
  }, 240_000);

  it('the settings forms, editing and refused with each mistake beside its field: no serious axe violation, a screenshot each', async () => {
    const failures: string[] = [];
    for (const form of SETTINGS_FORMS) {
      for (const locale of ['nl', 'en'] as const) {
        const token = encodeURIComponent(await world.mint({ entity: { type: 'settings' }, locale }));
        const url = `${world.running.url}${form.path}?context=${token}`;
        if (form.edit !== undefined) {
          expect((await page.goto(`${url}&edit=${form.edit}`))?.status(), form.key).toBe(200);
          failures.push(
            ...(await seriousViolations(page)).map((violation) => `${form.key} edit (${locale}): ${violation}`),
          );
          await page.screenshot({ path: path.join(SCREENSHOTS, `${form.key}-edit-${locale}.png`), fullPage: true });
        }
        await page.goto(url);
        for (const [selector, value] of Object.entries(form.fill)) await page.fill(selector, value);
        const [answer] = await Promise.all([
          page.waitForResponse((response) => response.request().method() === 'POST'),
          page.click(form.submit),
        ]);
        await page.waitForLoadState();
        expect(answer.status(), form.key).toBe(422);
        for (const error of form.errors)
          await expect.poll(() => page.locator(error).isVisible(), { timeout: 5_000 }).toBe(true);
        failures.push(
          ...(await seriousViolations(page)).map((violation) => `${form.key} refused (${locale}): ${violation}`),
        );
        await page.screenshot({ path: path.join(SCREENSHOTS, `${form.key}-refused-${locale}.png`), fullPage: true });
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
