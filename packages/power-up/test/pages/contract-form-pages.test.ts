import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFieldsOf, startContractPagesWorld, type ContractPagesWorld } from './contract-pages-harness.js';
import { seedFiveYearContract } from './contract-seed.js';

let world: ContractPagesWorld;
beforeAll(async () => {
  world = await startContractPagesWorld();
  await seedFiveYearContract(world.store);
});
afterAll(async () => world?.close());

/** The context fields of a freshly opened form page in the locale. */
async function formContext(locale: 'nl' | 'en', path = '/pages/contracts/new') {
  const response = await world.get(path, await world.token(locale));
  expect(response.status).toBe(200);
  return contextFieldsOf(await response.text());
}

const validForm = {
  id: 'C-NEW',
  name: 'Onderhoud warmtepompen',
  type: 'preventive',
  debtorNumber: 'D200',
  startDate: '2026-04-01',
  endDate: '2028-03-31',
  timeZone: 'Europe/Amsterdam',
  daysInAdvance: '14',
  'schedule.unit': 'week',
  'schedule.interval': '2',
  'schedule.weekdays': ['tue'],
  'budget.amount': '2.500,00',
  'budget.per': 'contract-year',
  expectedCostPerWorkOrder: '95,00',
  'workOrder.workType': 'Onderhoud',
  orderPerObject: 'per-object',
};

/** The error shown under a field's label, by the field's name. */
const fieldError = (html: string, name: string) =>
  new RegExp(`<p class="field-error" id="f-${name.replace(/\./g, '-')}-error">([^<]+)</p>`).exec(html)?.[1];

describe('the new-contract form', () => {
  it('opens with a monthly schedule previewed in words and dates, in Dutch', async () => {
    const html = await (await world.get('/pages/contracts/new', await world.token('nl'))).text();
    expect(html).toContain('<h1>Nieuw contract</h1>');
    expect(html).toContain('<label for="f-schedule-unit">Eenheid</label>');
    expect(html).toContain('elke maand op dag 1');
    expect(html).toContain('<td>1 apr 2026</td>');
    // The live preview: one small script under the page's nonce.
    expect(html).toMatch(/<script nonce="[^"]+">\(\(\)=>\{const f=document.getElementById\('contract-form'\)/);
  });

  it('previews the form as it is typed (the live preview route), in English', async () => {
    const response = await world.post('/pages/contracts/preview', { ...(await formContext('en')), ...validForm });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('every 2 weeks on Tuesday');
    // Every other week from the start's week (RFC 5545): 1 April 2026 is a Wednesday, that week's Tuesday lies before
    // the start, so the first is 14 April; each created 14 days before.
    expect(html).toContain('<td>14 Apr 2026</td><td>31 Mar 2026</td>');
    expect(html).toContain('<td>28 Apr 2026</td><td>14 Apr 2026</td>');
    expect(html).not.toContain('<html');
  });

  it('puts every mistake next to its field, answers 422 and saves nothing', async () => {
    const before = await world.snapshot();
    const response = await world.post('/pages/contracts/new', {
      ...(await formContext('en')),
      ...validForm,
      name: '',
      'schedule.weekdays': [],
      'budget.amount': 'a lot',
      daysInAdvance: 'veertien',
      intent: 'save',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(fieldError(html, 'name')).toBeDefined();
    expect(fieldError(html, 'daysInAdvance')).toMatch(/number/i);
    expect(fieldError(html, 'budget.amount')).toBeDefined();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<h2>Check these fields</h2>');
    // The form keeps what was typed.
    expect(html).toContain('value="D200"');
    expect(await world.snapshot()).toBe(before);
  });

  it('refuses a weekly schedule without weekdays on the weekday field (the core’s rule), saving nothing', async () => {
    const before = await world.snapshot();
    const response = await world.post('/pages/contracts/new', {
      ...(await formContext('nl')),
      ...validForm,
      'schedule.weekdays': [],
      intent: 'save',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(fieldError(html, 'schedule.weekdays')).toBe('Kies minstens één weekdag.');
    expect(await world.snapshot()).toBe(before);
  });

  it('says a Dutch form’s mistakes in Dutch, next to the field and in the summary, whichever layer refused them', async () => {
    // The API's schema refuses the days in advance (a zod issue) before any handler runs…
    const bySchema = await world.post('/pages/contracts/new', {
      ...(await formContext('nl')),
      ...validForm,
      daysInAdvance: 'veertien',
      intent: 'save',
    });
    expect(bySchema.status).toBe(422);
    const schemaHtml = await bySchema.text();
    expect(fieldError(schemaHtml, 'daysInAdvance')).toBe('Vul een heel aantal dagen in, van 0 tot en met 366.');
    expect(schemaHtml).toMatch(/<a href="#f-daysInAdvance">[^<]*: Vul een heel aantal dagen in/);
    // …the core refuses an end date before the start.
    const byCore = await world.post('/pages/contracts/new', {
      ...(await formContext('nl')),
      ...validForm,
      endDate: '2025-01-01',
      intent: 'save',
    });
    expect(byCore.status).toBe(422);
    expect(fieldError(await byCore.text(), 'endDate')).toBe(
      'Vul een geldige einddatum in die niet vóór de startdatum ligt, of laat het veld leeg.',
    );
  });

  it('keeps the API’s own English messages on an English form', async () => {
    const response = await world.post('/pages/contracts/new', {
      ...(await formContext('en')),
      ...validForm,
      'schedule.weekdays': [],
      intent: 'save',
    });
    expect(fieldError(await response.text(), 'schedule.weekdays')).toBe('choose at least one weekday');
  });

  it('refuses terms the tenant does not have on the terms field', async () => {
    const before = await world.snapshot();
    const response = await world.post('/pages/contracts/new', {
      ...(await formContext('en')),
      ...validForm,
      termsCode: 'NOPE',
      intent: 'save',
    });
    expect(response.status).toBe(422);
    expect(fieldError(await response.text(), 'termsCode')).toContain('there are no contract terms &#39;NOPE&#39;');
    expect(await world.snapshot()).toBe(before);
  });

  it('refuses a post without the context’s CSRF token (403) and saves nothing', async () => {
    const before = await world.snapshot();
    const { context } = await formContext('nl');
    const response = await world.post('/pages/contracts/new', { context, ...validForm, intent: 'save' });
    expect(response.status).toBe(403);
    expect(await world.snapshot()).toBe(before);
  });

  it('creates the contract through the API’s handler and goes to its page', async () => {
    const response = await world.post('/pages/contracts/new', {
      ...(await formContext('nl')),
      ...validForm,
      intent: 'save',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/pages\/contracts\/C-NEW\?context=/);
    const saved = await world.store.contracts.get('C-NEW');
    expect(saved?.contract).toMatchObject({
      name: 'Onderhoud warmtepompen',
      schedule: { unit: 'week', interval: 2, weekdays: ['tue'] },
      budget: { amount: { amount: 250_000, currency: 'EUR' } },
      daysInAdvance: 14,
    });
    // The audit trail names the host's user, as it names an API key for the API.
    const trail = await world.store.audit.list({ entity: { type: 'contract', id: 'C-NEW' } });
    expect(JSON.stringify(trail)).toContain('host-user:u-7');
  });
});

describe('the edit form', () => {
  it('shows what a change does before saving it, and saves nothing yet', async () => {
    const fields = await formContext('en', '/pages/contracts/C-5Y/edit');
    const page = await (await world.get('/pages/contracts/C-5Y/edit', await world.token('en'))).text();
    expect(page).toContain('value="C-5Y"');
    const before = await world.snapshot();
    const response = await world.post('/pages/contracts/C-5Y/edit', {
      ...fields,
      ...formValuesOf(page),
      'schedule.weekdays': ['mon'],
      intent: 'review',
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('What this change does');
    expect(html).toContain('<span class="changed-fields">schedule</span>');
    expect(html).toMatch(/<h4>Removed \(\d+\)<\/h4>/);
    expect(html).toContain('value="save"');
    expect(await world.snapshot()).toBe(before);
  });

  it('saves the reviewed change through the API’s handler, and re-reviews a form changed after its review', async () => {
    const page = await (await world.get('/pages/contracts/C-5Y/edit', await world.token('nl'))).text();
    const form = { ...contextFieldsOf(page), ...formValuesOf(page), 'schedule.weekdays': ['mon'] };
    const reviewed = await (await world.post('/pages/contracts/C-5Y/edit', { ...form, intent: 'review' })).text();
    const fingerprint = /name="reviewed" value="([^"]+)"/.exec(reviewed)![1]!;

    const before = await world.snapshot();
    const stale = await world.post('/pages/contracts/C-5Y/edit', {
      ...form,
      'schedule.weekdays': ['fri'],
      reviewed: fingerprint,
      intent: 'save',
    });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toContain('bekijk de wijzigingen opnieuw');
    expect(await world.snapshot()).toBe(before);

    const saved = await world.post('/pages/contracts/C-5Y/edit', { ...form, reviewed: fingerprint, intent: 'save' });
    expect(saved.status).toBe(303);
    const stored = await world.store.contracts.get('C-5Y');
    expect(stored?.contract.version).toBe(1);
    expect(stored?.contract.schedule).toMatchObject({ unit: 'week', weekdays: ['mon'] });
  });
});

/** The values of the form on a page, as a browser would post them (inputs, selected options, checked boxes). */
function formValuesOf(html: string): Record<string, string | string[]> {
  const form = /<form method="post"[^>]*id="contract-form"[^>]*>([\s\S]*?)<\/form>/.exec(html)![1]!;
  const values: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const decoded = value
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
    const existing = values[name];
    if (existing === undefined) values[name] = decoded;
    else values[name] = [...(Array.isArray(existing) ? existing : [existing]), decoded];
  };
  for (const input of form.matchAll(/<input ([^>]*)>/g)) {
    const attributes = input[1]!;
    const name = /name="([^"]+)"/.exec(attributes)?.[1];
    if (name === undefined || name === 'context' || name === 'csrf') continue;
    if (/type="checkbox"/.test(attributes) && !/\schecked/.test(attributes)) continue;
    add(name, /value="([^"]*)"/.exec(attributes)?.[1] ?? '');
  }
  for (const select of form.matchAll(/<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    add(select[1]!, /<option value="([^"]*)" selected/.exec(select[2]!)?.[1] ?? '');
  }
  for (const area of form.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    add(area[1]!, area[2]!);
  return values;
}
